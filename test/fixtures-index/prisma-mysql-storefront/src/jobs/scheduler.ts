import cron from "node-cron";
import { prisma } from "../db";
import { netChangeSince } from "../services/inventoryService";

export interface SupplierFeedRow {
  sku: string;
  priceCents: number;
}

/** Every minute: products scheduled for a launch date go live. */
export async function publishScheduledProducts(now = new Date()) {
  const { count } = await prisma.product.updateMany({ where: { status: "DRAFT", publishedAt: { lte: now } }, data: { status: "ACTIVE" } }); // expect: unindexed-filter
  return count;
}

/** The dropshipping supplier sends one price list for all the stores that resell its catalogue. */
export async function syncSupplierFeed(rows: SupplierFeedRow[]) {
  const bySku = new Map(rows.map((row) => [row.sku, row.priceCents]));
  const products = await prisma.product.findMany({ where: { sku: { in: [...bySku.keys()] } }, select: { id: true, sku: true, priceCents: true } }); // expect: unindexed-filter
  const changed = products.filter((p) => bySku.get(p.sku) !== p.priceCents);
  await prisma.$transaction(changed.map((p) => prisma.product.update({ where: { id: p.id }, data: { priceCents: bySku.get(p.sku) } })));
  return changed.length;
}

export function startScheduler() {
  cron.schedule("* * * * *", () => void publishScheduledProducts());
  cron.schedule("15 2 * * *", async () => {
    const rows = await netChangeSince(new Date(Date.now() - 24 * 3_600_000));
    console.log(`stock report: ${rows.length} variants moved`);
  });
}
