import type { Member, Plan } from "@prisma/client";
import { prisma } from "../lib/db";

export interface MemberPage {
  items: Member[];
  nextCursor: number | null;
}

export function findMemberWithPlan(id: number) {
  return prisma.member.findUnique({ where: { id }, include: { plan: true } });
}

// Used by the front desk app to hydrate a badge scan batch. Prisma folds these
// findUnique calls (same tick) into one SELECT ... WHERE id IN (...).
export function findMembersByIds(ids: number[]): Promise<(Member | null)[]> {
  return Promise.all(ids.map((id) => prisma.member.findUnique({ where: { id } })));
}

export async function pageMembers(workspaceId: number, opts: { take: number; cursor?: number }): Promise<MemberPage> {
  const rows = await prisma.member.findMany({
    where: { workspaceId },
    orderBy: { id: "asc" },
    take: opts.take + 1,
    cursor: opts.cursor ? { id: opts.cursor } : undefined,
    skip: opts.cursor ? 1 : 0,
  });
  const hasMore = rows.length > opts.take;
  const items = hasMore ? rows.slice(0, opts.take) : rows;
  return { items, nextCursor: hasMore ? items[items.length - 1].id : null };
}

export function listPlans(): Promise<Plan[]> {
  return prisma.plan.findMany({ orderBy: { monthlyCents: "asc" } });
}
