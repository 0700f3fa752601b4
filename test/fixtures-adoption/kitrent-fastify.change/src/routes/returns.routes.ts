import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { recordReturnScan, type ReturnResult } from "../services/returns.service";

const ScanBody = z.object({
  scans: z.array(z.object({ serial: z.string().min(3), damaged: z.boolean().default(false) })).min(1).max(200),
});

export async function returnRoutes(app: FastifyInstance) {
  /** The handheld scanner uploads a whole trolley of returned kit at once; scans are applied in scan order. */
  app.post("/branches/:branchId/returns", async (request) => {
    const { branchId } = z.object({ branchId: z.coerce.number().int() }).parse(request.params);
    const { scans } = ScanBody.parse(request.body);

    const results: ReturnResult[] = [];
    await scans.reduce(async (previous, scan) => {
      await previous;
      results.push(await recordReturnScan(branchId, scan)); // expect-new: n-plus-one
    }, Promise.resolve());

    return { results, rejected: results.filter((result) => !result.accepted).length };
  });
}
