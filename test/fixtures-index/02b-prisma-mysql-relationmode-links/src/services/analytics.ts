import { prisma } from "../db";

export async function linkTimeseries(linkId: string, since: Date) {
  return prisma.click.findMany({ where: { linkId, createdAt: { gte: since } }, select: { createdAt: true, country: true } });
}

export async function referrersLike(linkId: string, fragment: string) {
  return prisma.click.findMany({ where: { linkId, referrer: { contains: fragment } }, take: 100 });
}

// Platform-wide country breakdown for the status page.
export async function globalCountries(since: Date) {
  const rows = await prisma.click.findMany({ where: { createdAt: { gte: since } }, select: { country: true }, take: 10_000 }); // expect: unindexed-filter
  const byCountry = new Map<string, number>();
  for (const r of rows) byCountry.set(r.country ?? "??", (byCountry.get(r.country ?? "??") ?? 0) + 1);
  return [...byCountry.entries()].sort((a, b) => b[1] - a[1]);
}
