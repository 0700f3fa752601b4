import type { Prisma, TicketStatus } from "@prisma/client";
import { prisma } from "../db";

export interface TicketListFilter {
  status?: TicketStatus;
  assigneeId?: string;
  cursor?: number;
  take?: number;
}

const listSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  assigneeId: true,
  updatedAt: true,
} satisfies Prisma.TicketSelect;

export const ticketRepository = {
  byNumber(workspaceId: string, number: number) {
    return prisma.ticket.findUnique({ where: { workspaceId_number: { workspaceId, number } }, include: { tags: { include: { tag: true } } } });
  },

  list(workspaceId: string, filter: TicketListFilter) {
    const where: Prisma.TicketWhereInput = { workspaceId, deletedAt: null };
    if (filter.status) where.status = filter.status;
    if (filter.assigneeId) where.assigneeId = filter.assigneeId;
    return prisma.ticket.findMany({ where, select: listSelect, orderBy: { id: "desc" }, cursor: filter.cursor ? { id: filter.cursor } : undefined, skip: filter.cursor ? 1 : 0, take: Math.min(filter.take ?? 25, 100) });
  },

  visible(where: Prisma.TicketWhereInput, take: number) {
    return prisma.ticket.findMany({ where, select: listSelect, orderBy: { updatedAt: "desc" }, take });
  },

  /** "#1234" or the id the customer's own system gave the ticket. */
  findByReference(workspaceId: string, ref: string) {
    const number = /^\d+$/.test(ref) ? Number(ref) : -1;
    return prisma.ticket.findFirst({ where: { OR: [{ workspaceId, number }, { workspaceId, externalRef: ref }] } });
  },

  search(workspaceId: string, q: string) {
    return prisma.ticket.findMany({ where: { workspaceId, deletedAt: null, OR: [{ subject: { contains: q, mode: "insensitive" } }, { body: { contains: q, mode: "insensitive" } }] }, select: listSelect, take: 20 });
  },

  /** Everything assigned to the agent, plus the unassigned pile of the current workspace. */
  myQueue(workspaceId: string, agentId: string) {
    return prisma.ticket.findMany({ where: { OR: [{ assigneeId: agentId }, { workspaceId, assigneeId: null }] }, select: listSelect, orderBy: { updatedAt: "desc" }, take: 50 });
  },

  statusCounts(workspaceId: string) {
    return prisma.ticket.groupBy({ by: ["status"], where: { workspaceId, deletedAt: null }, _count: { _all: true } });
  },

  pendingWithoutPublicReply(workspaceId: string) {
    return prisma.ticket.findMany({ where: { workspaceId, status: "PENDING", comments: { every: { internal: true } } }, select: listSelect, take: 50 });
  },

  /** GDPR export: every ticket a person ever opened, in any workspace. */
  requestedByEmail(email: string) {
    return prisma.ticket.findMany({ where: { requester: { is: { email } } }, select: { id: true, workspaceId: true, number: true, subject: true, body: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 1000 }); // expect: unindexed-filter
  },

  unassignMember(workspaceId: string, userId: string) {
    return prisma.ticket.updateMany({ where: { workspaceId, assigneeId: userId, status: { not: "CLOSED" } }, data: { assigneeId: null } });
  },

  notClosedCount() {
    return prisma.ticket.count({ where: { status: { not: "CLOSED" } } });
  },

  liveCount() {
    return prisma.ticket.count({ where: { deletedAt: null } });
  },
};
