import { prisma } from "../db";
import { OPEN_STATUSES } from "./reporting";

/** Open work orders currently assigned to one technician. */
export function countOpenAssignments(orgId: string, technicianId: string): Promise<number> {
  return prisma.workOrder.count({ where: { orgId, technicianId, status: { in: [...OPEN_STATUSES] } } });
}
