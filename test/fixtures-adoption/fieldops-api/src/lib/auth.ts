import type { FastifyRequest } from "fastify";

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The gateway in front of this service authenticates the user and forwards the
 * organisation they act for in `x-org-id`. Every query is scoped by it.
 */
export function requireOrgId(request: FastifyRequest): string {
  const orgId = request.headers["x-org-id"];
  if (typeof orgId !== "string" || orgId.length === 0) {
    throw new HttpError(401, "missing x-org-id header");
  }
  return orgId;
}
