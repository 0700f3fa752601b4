import type { Site } from "@prisma/client";
import { prisma } from "../db";

// Sites are created by onboarding and almost never edited; the dispatch board
// asks for the same handful over and over, so they are memoised per process.
const siteCache = new Map<string, Site | null>();

export async function getSite(siteId: string): Promise<Site | null> {
  if (siteCache.has(siteId)) return siteCache.get(siteId) ?? null;
  const site = await prisma.site.findUnique({ where: { id: siteId } });
  siteCache.set(siteId, site);
  return site;
}

export function forgetSite(siteId: string): void {
  siteCache.delete(siteId);
}
