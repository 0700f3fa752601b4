import { prisma } from "../db";

const publicUser = { id: true, name: true, email: true, createdAt: true } as const;

/** Inbound mail / SMS: match the sender to a known person by e-mail or phone. */
export function findByContact(contact: string) {
  return prisma.user.findFirst({ where: { OR: [{ email: contact.toLowerCase() }, { phone: contact }] }, select: publicUser }); // expect: unindexed-filter
}

/** Workspace switcher in the top bar. */
export function workspacesOf(userId: string) {
  return prisma.membership.findMany({ where: { userId }, include: { workspace: true }, orderBy: { joinedAt: "asc" } }); // expect: unindexed-filter
}

export function searchUsers(q: string) {
  return prisma.user.findMany({ where: { name: { contains: q, mode: "insensitive" } }, select: publicUser, take: 20 });
}

/** Admin dashboard: the last people who signed up. */
export function newestUsers() {
  return prisma.user.findMany({ orderBy: { createdAt: "desc" }, take: 20, select: publicUser }); // expect: unindexed-filter
}

export function activeUserCount() {
  return prisma.user.count({ where: { isActive: true } });
}

export function sessionByToken(tokenHash: string) {
  return prisma.session.findUnique({ where: { tokenHash }, include: { user: { select: publicUser } } });
}

export function activeSessions(userId: string) {
  return prisma.session.findMany({ where: { userId, revokedAt: null, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" } });
}

export function revokeSessions(userId: string) {
  return prisma.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}
