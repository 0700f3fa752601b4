import type { Prisma } from "@prisma/client";
import { prisma } from "../db";
import { overdueTicketsWhere } from "../queries/ticketWhere";

/** Every minute: bump tickets that blew their SLA. */
export async function escalateOverdue(now = new Date()) {
  const overdue = await prisma.ticket.findMany({ where: overdueTicketsWhere(now), select: { id: true }, take: 500 }); // expect: unindexed-filter
  if (overdue.length === 0) return 0;
  await prisma.ticket.updateMany({ where: { id: { in: overdue.map((t) => t.id) } }, data: { priority: "URGENT" } });
  return overdue.length;
}

/** Hourly. */
export async function purgeExpiredSessions(now = new Date()) {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } }); // expect: unindexed-filter
  return count;
}

/** Nightly: switch off accounts nobody used for a long time (optionally one customer domain only). */
export async function deactivateDormantUsers(cutoff: Date, domain?: string) {
  const where: Prisma.UserWhereInput = { lastSeenAt: { lt: cutoff }, isActive: true };
  if (domain) where.email = { endsWith: `@${domain}` };
  const { count } = await prisma.user.updateMany({ where, data: { isActive: false } }); // expect: unindexed-filter
  return count;
}

/** Weekly report: public vs internal comment volume in a period. */
export function commentVolume(from: Date, to: Date) {
  return prisma.comment.groupBy({ by: ["internal"], where: { createdAt: { gte: from, lt: to } }, _count: { _all: true } }); // expect: unindexed-filter
}

export function startMaintenance() {
  setInterval(() => void escalateOverdue(), 60_000);
  setInterval(() => void purgeExpiredSessions(), 3_600_000);
}
