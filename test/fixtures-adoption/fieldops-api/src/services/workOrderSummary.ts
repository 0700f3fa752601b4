import type { WorkOrder } from "@prisma/client";
import { listPartUsage } from "../repositories/partUsageRepo";

export interface PartLine {
  sku: string;
  name: string;
  quantity: number;
  unitCost: string;
}

export interface WorkOrderSummary {
  id: string;
  title: string;
  status: WorkOrder["status"];
  siteId: string;
  technicianId: string | null;
  scheduledFor: string | null;
  partLines: PartLine[];
  partLineCount: number;
}

/** Shapes a work order for the list screen, with the parts booked on it. */
export async function buildWorkOrderSummary(workOrder: WorkOrder): Promise<WorkOrderSummary> {
  const usages = await listPartUsage(workOrder.id);
  const partLines = usages.map((usage) => ({
    sku: usage.part.sku,
    name: usage.part.name,
    quantity: usage.quantity,
    unitCost: usage.unitCost.toFixed(2),
  }));

  return {
    id: workOrder.id,
    title: workOrder.title,
    status: workOrder.status,
    siteId: workOrder.siteId,
    technicianId: workOrder.technicianId,
    scheduledFor: workOrder.scheduledFor?.toISOString() ?? null,
    partLines,
    partLineCount: usages.length,
  };
}
