import { Prisma } from "@prisma/client";
import { prisma } from "../db";

export async function teamBySlug(slug: string) {
  return prisma.team.findUnique({ where: { slug } });
}

export async function isMember(teamId: string, userId: string) {
  const m = await prisma.membership.findUnique({ where: { teamId_userId: { teamId, userId } } });
  return m !== null;
}

export async function teamMembers(teamId: string) {
  return prisma.membership.findMany({ where: { teamId }, include: { user: true } });
}

export async function teamsForUser(userId: string) {
  return prisma.membership.findMany({ where: { userId }, include: { team: true } }); // expect: unindexed-filter
}

export async function ingestWebhook(teamId: string, provider: string, externalId: string, type: string, payload: unknown) {
  const seen = await prisma.webhookEvent.findUnique({ where: { provider_externalId: { provider, externalId } } });
  if (seen) return seen;
  return prisma.webhookEvent.create({ data: { teamId, provider, externalId, type, payload: payload as Prisma.InputJsonValue } });
}

export async function recentWebhooks() {
  return prisma.webhookEvent.findMany({ orderBy: { receivedAt: "desc" }, take: 50 });
}

export async function unprocessedWebhooks() {
  return prisma.webhookEvent.findMany({ where: { processedAt: null }, take: 100 });
}

export async function webhooksForObject(objectId: string) {
  return prisma.webhookEvent.findMany({ where: { payload: { path: ["data", "object", "id"], equals: objectId } }, take: 20 });
}
