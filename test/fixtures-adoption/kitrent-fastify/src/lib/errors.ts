export class NotFoundError extends Error {
  readonly statusCode = 404;
}

export class ConflictError extends Error {
  readonly statusCode = 409;
}

/** Postgres SQLSTATE 40001: the SERIALIZABLE transaction lost a race and may simply be retried. */
export function isSerializationFailure(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "40001";
}
