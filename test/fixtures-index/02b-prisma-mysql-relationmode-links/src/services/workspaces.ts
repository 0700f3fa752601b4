import { createHash } from "node:crypto";
import { prisma } from "../db";

export async function bySlug(slug: string) {
  return prisma.workspace.findUnique({ where: { slug } });
}

export async function myWorkspaces(userId: string) {
  return prisma.member.findMany({ where: { userId }, include: { workspace: true } }); // expect: unindexed-filter
}

export async function membership(workspaceId: string, userId: string) {
  return prisma.member.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
}

export async function authenticateApiKey(rawKey: string) {
  const hashedKey = createHash("sha256").update(rawKey).digest("hex");
  const key = await prisma.apiKey.findUnique({ where: { hashedKey }, include: { workspace: true } });
  if (key) await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  return key;
}

export async function inviteByEmail(workspaceId: string, email: string) {
  const user = await prisma.user.upsert({ where: { email }, create: { email }, update: {} });
  return prisma.member.create({ data: { workspaceId, userId: user.id } });
}
