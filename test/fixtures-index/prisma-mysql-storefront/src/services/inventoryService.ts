import { prisma } from "../db";

export interface NetChangeRow {
  variantId: number;
  net: bigint;
}

export function movementsFor(variantId: number) {
  return prisma.inventoryMovement.findMany({ where: { variantId }, orderBy: { createdAt: "desc" }, take: 50 });
}

/** Refund / cancellation: put the sold units back on the shelf. */
export async function restockOrder(orderId: number) {
  const sold = await prisma.inventoryMovement.findMany({ where: { reference: `order:${orderId}`, reason: "SOLD" } }); // expect: unindexed-filter
  if (sold.length === 0) return 0;
  await prisma.$transaction([
    prisma.inventoryMovement.createMany({ data: sold.map((m) => ({ variantId: m.variantId, delta: -m.delta, reason: "RETURNED" as const, reference: `refund:${orderId}` })) }),
    ...sold.map((m) => prisma.variant.update({ where: { id: m.variantId }, data: { stock: { increment: -m.delta } } })),
  ]);
  return sold.length;
}

/** Nightly stock report for the warehouse team. */
export function netChangeSince(since: Date) {
  return prisma.$queryRaw<NetChangeRow[]>`SELECT variant_id AS variantId, SUM(delta) AS net FROM inventory_movements WHERE created_at >= ${since} GROUP BY variant_id`; // expect: unindexed-filter
}
