import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { branchRevenue } from "../services/report.service";

export async function reportRoutes(app: FastifyInstance) {
  app.get("/branches/:branchId/revenue", async (request) => {
    const { branchId } = z.object({ branchId: z.coerce.number().int() }).parse(request.params);
    return branchRevenue(branchId);
  });
}
