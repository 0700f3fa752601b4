import { ORPCError } from "@orpc/server";
import { z } from "zod";
import { prisma } from "../db.js";
import { chunk } from "../lib/chunk.js";
import { planCatalog } from "../lib/plan-catalog.js";
import { protectedProcedure } from "../orpc.js";
import { hasOpenInvoices, listMembersOfGym, toMemberDto } from "../services/members.js";

export const listMembers = protectedProcedure
  .route({ method: "GET", path: "/members" })
  .handler(async ({ context }) => {
    const rows = await listMembersOfGym(context.member.gymId);
    return rows.map(toMemberDto);
  });

export const memberStanding = protectedProcedure
  .route({ method: "GET", path: "/members/{id}/standing" })
  .input(z.object({ id: z.string() }))
  .handler(async ({ input, context }) => {
    const member = await prisma.member.findUnique({ where: { id: input.id } });
    if (!member || member.gymId !== context.member.gymId) throw new ORPCError("NOT_FOUND");
    const plan = planCatalog.findUnique(member.planCode);
    return { memberId: member.id, plan: plan?.name ?? "unknown", overdue: await hasOpenInvoices(member.id) };
  });

export const comparePlans = protectedProcedure
  .route({ method: "POST", path: "/members/plans/compare" })
  .input(z.object({ codes: z.array(z.string()).max(10), budgetCents: z.number().int().optional() }))
  .handler(async ({ input }) => {
    const rows = [];
    for (const code of input.codes) {
      const plan = planCatalog.findUnique(code);
      if (plan) rows.push(plan);
    }
    return { requested: rows, affordable: planCatalog.findMany({ maxMonthlyCents: input.budgetCents }) };
  });

export const cancelPendingBookings = protectedProcedure
  .route({ method: "POST", path: "/members/bookings/cancel-pending" })
  .input(z.object({ memberIds: z.array(z.string()).min(1).max(5000) }))
  .handler(async ({ input }) => {
    for (const part of chunk(input.memberIds, 200)) {
      await prisma.booking.updateMany({
        where: { memberId: { in: part }, status: "PENDING" },
        data: { status: "CANCELLED" },
      });
    }
    return { ok: true, members: input.memberIds.length };
  });

export const exportMembers = protectedProcedure
  .route({ method: "GET", path: "/members/export" })
  .handler(async ({ context }) => {
    const lines = ["email,name"];
    let cursor: string | undefined;
    while (true) {
      const batch = await prisma.member.findMany({
        where: { gymId: context.member.gymId },
        orderBy: { id: "asc" },
        take: 500,
        cursor: cursor ? { id: cursor } : undefined,
        skip: cursor ? 1 : 0,
        select: { id: true, email: true, name: true },
      });
      if (batch.length === 0) break;
      for (const m of batch) lines.push(`${m.email},${m.name}`);
      cursor = batch[batch.length - 1].id;
    }
    return { csv: lines.join("\n") };
  });
