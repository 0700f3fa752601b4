import { customAlphabet } from "nanoid";
import { prisma } from "../db";
import { edgeCache } from "../lib/edgeCache";

const newKey = customAlphabet("abcdefghijkmnopqrstuvwxyz23456789", 7);

export async function resolve(hostname: string, key: string) {
  const cached = edgeCache.findUnique({ where: { hostname, key } });
  if (cached) return cached;
  const domain = await prisma.domain.findUnique({ where: { hostname } });
  if (!domain) return null;
  const link = await prisma.link.findUnique({ where: { domainId_key: { domainId: domain.id, key } }, select: { id: true, url: true, expiresAt: true } });
  if (link) edgeCache.upsert(hostname, key, link);
  return link;
}

export async function recordClick(linkId: string, country: string | null, referrer: string | null, userAgent: string | null) {
  await prisma.click.create({ data: { linkId, country, referrer, userAgent } });
  await prisma.link.update({ where: { id: linkId }, data: { clickCount: { increment: 1 } } });
}

export async function dashboard(workspaceId: string, take = 50) {
  return prisma.link.findMany({ where: { workspaceId, archived: false }, orderBy: { createdAt: "desc" }, take });
}

export async function createLink(workspaceId: string, domainId: string, url: string, createdById: string, tagIds: string[]) {
  return prisma.link.create({ data: { workspaceId, domainId, url, createdById, key: newKey(), tags: { create: tagIds.map((tagId) => ({ tagId })) } } });
}

export async function linkTags(linkId: string) {
  return prisma.linkTag.findMany({ where: { linkId }, include: { tag: true } });
}

export async function workspaceTags(workspaceId: string) {
  return prisma.tag.findMany({ where: { workspaceId }, orderBy: { name: "asc" } });
}

// Nightly: archive links whose expiry passed.
export async function expiredLinks(now = new Date()) {
  return prisma.link.findMany({ where: { expiresAt: { lt: now }, archived: false }, select: { id: true }, take: 500 }); // expect: unindexed-filter
}

export async function archive(ids: string[]) {
  await prisma.link.updateMany({ where: { id: { in: ids } }, data: { archived: true } });
  for (const linkId of ids) edgeCache.deleteMany({ where: { linkId } });
}

// Staff search box: matches anywhere in the short key or the destination URL.
export async function adminSearch(q: string) {
  return prisma.link.findMany({ where: { OR: [{ key: { contains: q } }, { url: { contains: q } }] }, take: 20 });
}

export async function unverifiedDomains() {
  return prisma.domain.findMany({ where: { verified: false }, take: 100 });
}
