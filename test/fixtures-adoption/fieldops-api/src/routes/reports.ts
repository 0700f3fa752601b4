import type { FastifyInstance } from "fastify";
import { requireOrgId } from "../lib/auth";
import { openStatusBreakdown, openWorkBySite } from "../services/reporting";

export async function reportRoutes(app: FastifyInstance) {
  app.get("/open-by-status", async (request) => {
    const orgId = requireOrgId(request);
    return { orgId, breakdown: await openStatusBreakdown(orgId) };
  });

  app.post<{ Body: { siteIds: string[] } }>("/open-by-site", async (request) => {
    const orgId = requireOrgId(request);
    const siteIds = [...new Set(request.body.siteIds)];
    return { orgId, openBySite: await openWorkBySite(orgId, siteIds) };
  });
}
