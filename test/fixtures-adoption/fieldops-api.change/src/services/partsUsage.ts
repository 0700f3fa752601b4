import type { Prisma } from "@prisma/client";
import { prisma } from "../db";
import { HttpError } from "../lib/auth";

export interface UsedPartInput {
  partId: string;
  quantity: number;
}

const MAX_LINES = 50;

/** Rejects malformed bookings before a transaction is opened. */
function assertValidLines(lines: UsedPartInput[]): void {
  if (!Array.isArray(lines) || lines.length === 0) throw new HttpError(400, "book at least one part");
  if (lines.length > MAX_LINES) throw new HttpError(400, `book at most ${MAX_LINES} parts at once`);
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      throw new HttpError(400, `quantity for part ${line.partId} must be a positive integer`);
    }
  }
}

/**
 * Books parts against a work order: takes them out of stock and records what
 * they cost at the time, all or nothing.
 */
export async function recordPartsUsed(orgId: string, workOrderId: string, lines: UsedPartInput[]) {
  assertValidLines(lines);
  return prisma.$transaction(async (tx) => {
    const workOrder = await tx.workOrder.findFirstOrThrow({ where: { id: workOrderId, orgId } });
    if (workOrder.status === "DONE" || workOrder.status === "CANCELLED") {
      throw new HttpError(409, `work order ${workOrderId} is ${workOrder.status.toLowerCase()}`);
    }

    const usages: Prisma.PartUsageCreateManyInput[] = [];
    for (const line of lines) {
      const part = await tx.part.update({ where: { id: line.partId, orgId }, data: { stock: { decrement: line.quantity } }, select: { id: true, unitCost: true, stock: true } }); // expect: n-plus-one
      if (part.stock < 0) throw new HttpError(409, `not enough stock for part ${line.partId}`);
      usages.push({ workOrderId, partId: part.id, quantity: line.quantity, unitCost: part.unitCost });
    }

    await tx.partUsage.createMany({ data: usages });
    return { workOrderId, booked: usages.length };
  });
}
