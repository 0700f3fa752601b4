import Bluebird from "bluebird";
import type { FastifyInstance } from "fastify";
import { requireOrgId } from "../lib/auth";
import { openStatusBreakdown, openWorkBySite } from "../services/reporting";
import { countOpenAssignments } from "../services/workload";

const MAX_TECHNICIANS = 50;

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

  // Workload of the technicians shown in the dispatcher's side panel.
  app.post<{ Body: { technicianIds: string[] } }>("/technician-workload", async (request) => {
    const orgId = requireOrgId(request);
    const technicianIds = [...new Set(request.body.technicianIds)].slice(0, MAX_TECHNICIANS);

    const workload = await Bluebird.map(
      technicianIds,
      async (technicianId) => ({
        technicianId,
        openAssignments: await countOpenAssignments(orgId, technicianId), // expect-new: n-plus-one
      }),
      { concurrency: 4 },
    );

    return { orgId, workload };
  });
}
