import type { BookingStatus } from "@prisma/client";
import { prisma } from "../db.js";

const TRACKED_STATUSES = ["CONFIRMED", "WAITLISTED", "CANCELLED"] as const satisfies readonly BookingStatus[];

export async function countConfirmed(classId: string): Promise<number> {
  return prisma.booking.count({ where: { classId, status: "CONFIRMED" } });
}

export async function statusBreakdown(classId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const status of TRACKED_STATUSES) {
    counts[status] = await prisma.booking.count({ where: { classId, status } });
  }
  return counts;
}
