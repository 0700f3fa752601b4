import type { Prisma, Role } from "@prisma/client";

/** Tickets whose SLA deadline has passed while they still wait on an agent. */
export function overdueTicketsWhere(now: Date): Prisma.TicketWhereInput {
  return { status: { in: ["OPEN", "PENDING"] }, dueAt: { lt: now }, deletedAt: null };
}

/**
 * What a member sees in the inbox: agents get their own queue unless they ask
 * for the whole workspace; everybody else sees every live ticket.
 */
export function visibleTicketsWhere(workspaceId: string, member: { userId: string; role: Role }, everything: boolean): Prisma.TicketWhereInput {
  if (member.role === "AGENT" && !everything) {
    return { workspaceId, assigneeId: member.userId, deletedAt: null };
  }
  return { workspaceId, deletedAt: null };
}
