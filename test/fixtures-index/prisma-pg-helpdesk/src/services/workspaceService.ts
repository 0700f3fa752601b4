import { prisma } from "../db";
import { ticketRepository } from "../repositories/ticketRepository";

export function workspaceBySlug(slug: string) {
  return prisma.workspace.findUnique({ where: { slug } });
}

export function membershipOf(workspaceId: string, userId: string) {
  return prisma.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
}

export function members(workspaceId: string) {
  return prisma.membership.findMany({ where: { workspaceId }, include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { joinedAt: "asc" } });
}

export async function removeMember(workspaceId: string, userId: string) {
  await ticketRepository.unassignMember(workspaceId, userId);
  await prisma.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
}

export function newestWorkspaces() {
  return prisma.workspace.findMany({ orderBy: { createdAt: "desc" }, take: 20, select: { id: true, slug: true, name: true, createdAt: true } });
}

export function workspacesWhereAssigned(userId: string) {
  return prisma.workspace.findMany({ where: { tickets: { some: { assigneeId: userId } } }, select: { id: true, slug: true, name: true } });
}

/** Trials that never received a single ticket: candidates for the cleanup mail. */
export function abandonedTrials(cutoff: Date) {
  return prisma.workspace.findMany({ where: { createdAt: { lt: cutoff }, tickets: { none: {} } }, select: { id: true, slug: true }, take: 200 });
}

export async function closedSince(workspaceId: string, since: Date) {
  const result = await prisma.ticket.aggregate({ where: { workspaceId, closedAt: { gte: since } }, _count: { _all: true } });
  return result._count._all;
}
