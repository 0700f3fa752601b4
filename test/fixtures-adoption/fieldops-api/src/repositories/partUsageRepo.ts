import { prisma } from "../db";

export const partUsageLineSelect = {
  id: true,
  quantity: true,
  unitCost: true,
  createdAt: true,
  part: { select: { sku: true, name: true } },
} as const;

/** The parts booked against one work order, oldest first (a work order books a few dozen at most). */
export function listPartUsage(workOrderId: string) {
  return prisma.partUsage.findMany({
    where: { workOrderId },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: partUsageLineSelect,
  });
}
