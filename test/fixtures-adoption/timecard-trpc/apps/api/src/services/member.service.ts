import { db } from "@timecard/db";

/** Invitations are refused when the address already belongs to any organization. */
export async function findInviteConflict(email: string) {
  return db.member.findFirst({ where: { email: email.trim().toLowerCase() }, select: { id: true, orgId: true } }); // expect: unindexed-filter
}

export async function listMembersPage(orgId: string, limit: number, cursor?: string) {
  const rows = await db.member.findMany({
    where: { orgId },
    orderBy: { id: "asc" },
    take: limit + 1,
    cursor: cursor ? { id: cursor } : undefined,
    skip: cursor ? 1 : 0,
    select: { id: true, name: true, email: true, role: true, active: true, hourlyRateCents: true },
  });
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? items[items.length - 1].id : null };
}
