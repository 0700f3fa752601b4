import { z } from "zod";
import { TRPCError } from "@trpc/server";
import { router, orgProcedure, adminProcedure } from "../trpc";
import { findInviteConflict, listMembersPage } from "../services/member.service";

export const teamRouter = router({
  members: orgProcedure
    .input(z.object({ cursor: z.string().nullish(), limit: z.number().int().min(1).max(100).default(25) }))
    .query(({ ctx, input }) => listMembersPage(ctx.session.orgId, input.limit, input.cursor ?? undefined)),

  seatUsage: orgProcedure.query(async ({ ctx }) => {
    const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.session.orgId }, select: { seatLimit: true } });
    const activeMembers = await ctx.db.member.findMany({ where: { orgId: ctx.session.orgId, active: true } }); // expect: count-via-length, unbounded-query
    return { used: activeMembers.length, limit: org.seatLimit, full: activeMembers.length >= org.seatLimit };
  }),

  invite: adminProcedure
    .input(z.object({ email: z.string().email(), name: z.string().min(1).max(120) }))
    .mutation(async ({ ctx, input }) => {
      const conflict = await findInviteConflict(input.email);
      if (conflict) {
        throw new TRPCError({ code: "CONFLICT", message: "this address already has a timecard account" });
      }
      return ctx.db.member.create({
        data: { orgId: ctx.session.orgId, email: input.email.trim().toLowerCase(), name: input.name },
        select: { id: true, email: true, name: true },
      });
    }),

  setRates: adminProcedure
    .input(
      z.object({
        changes: z.array(z.object({ memberId: z.string(), hourlyRateCents: z.number().int().min(0) })).min(1).max(25),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      for (const change of input.changes) {
        // perf-scan-disable-next-line n-plus-one -- every member gets a different rate, so one updateMany cannot do it; the form edits at most 25 rows
        await ctx.db.member.updateMany({
          where: { id: change.memberId, orgId: ctx.session.orgId },
          data: { hourlyRateCents: change.hourlyRateCents },
        });
      }
      return { updated: input.changes.length };
    }),
});
