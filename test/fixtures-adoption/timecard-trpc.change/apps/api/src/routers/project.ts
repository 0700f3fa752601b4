import { z } from "zod";
import { router, orgProcedure, adminProcedure } from "../trpc";
import { chunk } from "../lib/chunk";
import { unbilledSummary } from "../services/billing.service";
import { closeOutProject, type CloseOutResult } from "../services/closeout.service";

/** How many projects the "close out finished projects" dialog may send at once. */
const MAX_CLOSE_OUT = 100;

type CloseOutOutcome = CloseOutResult | { projectId: string; error: string };

function describeFailure(projectId: string, reason: unknown): CloseOutOutcome {
  const message = reason instanceof Error ? reason.message : String(reason);
  return { projectId, error: message };
}

export const projectRouter = router({
  list: orgProcedure.query(({ ctx }) => {
    return ctx.db.project.findMany({ where: { orgId: ctx.session.orgId, archived: false }, orderBy: { position: "asc" } }); // expect: missing-pagination
  }),

  byIds: orgProcedure
    .input(z.object({ ids: z.array(z.string()).min(1).max(100) }))
    .query(async ({ ctx, input }) => {
      const rows = await Promise.all(input.ids.map((id) => ctx.db.project.findUnique({ where: { id } })));
      return rows.filter((project) => project !== null && project.orgId === ctx.session.orgId);
    }),

  overBudget: orgProcedure.query(async ({ ctx }) => {
    const projects = await ctx.db.project.findMany({ where: { orgId: ctx.session.orgId, archived: false } }); // expect: unbounded-query
    return projects.filter((project) => project.budgetCents !== null && project.spentCents > project.budgetCents); // expect: in-memory-filter
  }),

  unbilled: orgProcedure
    .input(z.object({ projectId: z.string() }))
    .query(({ input }) => unbilledSummary(input.projectId)),

  closeOut: adminProcedure
    .input(z.object({ ids: z.array(z.string()).min(1).max(MAX_CLOSE_OUT) }))
    .mutation(async ({ ctx, input }) => {
      const settled = await Promise.allSettled(input.ids.map((projectId) => closeOutProject(ctx.session.orgId, projectId))); // expect-new: n-plus-one
      return settled.map((outcome, index): CloseOutOutcome =>
        outcome.status === "fulfilled" ? outcome.value : describeFailure(input.ids[index], outcome.reason),
      );
    }),

  archive: adminProcedure
    .input(z.object({ ids: z.array(z.string()).min(1).max(5000) }))
    .mutation(async ({ ctx, input }) => {
      let archived = 0;
      for (const part of chunk(input.ids, 500)) {
        const result = await ctx.db.project.updateMany({
          where: { orgId: ctx.session.orgId, id: { in: part } },
          data: { archived: true },
        });
        archived += result.count;
      }
      return { archived };
    }),
});
