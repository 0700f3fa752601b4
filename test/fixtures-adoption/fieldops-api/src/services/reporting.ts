import type { WorkOrderStatus } from "@prisma/client";
import { prisma } from "../db";

export const OPEN_STATUSES: readonly WorkOrderStatus[] = ["NEW", "SCHEDULED", "IN_PROGRESS"];

/** How many open work orders each status holds, for the dashboard tiles. */
export async function openStatusBreakdown(orgId: string): Promise<Partial<Record<WorkOrderStatus, number>>> {
  const breakdown: Partial<Record<WorkOrderStatus, number>> = {};
  for (const status of OPEN_STATUSES) {
    breakdown[status] = await prisma.workOrder.count({ where: { orgId, status } });
  }
  return breakdown;
}

/**
 * Open work per site for the sites the dispatcher pinned. Written as a
 * sequential reduce so the counts are taken one after the other.
 */
export async function openWorkBySite(orgId: string, siteIds: string[]): Promise<Record<string, number>> {
  return siteIds.reduce<Promise<Record<string, number>>>(async (pending, siteId) => {
    const acc = await pending;
    acc[siteId] = await prisma.workOrder.count({ where: { orgId, siteId, status: { in: [...OPEN_STATUSES] } } }); // expect: n-plus-one
    return acc;
  }, Promise.resolve({}));
}
