import { prisma } from "../db.js";

export interface OpenSpot {
  id: string;
  title: string;
  capacity: number;
}

// A class can be booked when it belongs to the member's gym, is not cancelled and has not started yet.
export async function findOpenSpot(gymId: string, classId: string): Promise<OpenSpot | null> {
  return prisma.gymClass.findFirst({
    where: { id: classId, gymId, cancelledAt: null, startsAt: { gt: new Date() } },
    select: { id: true, title: true, capacity: true },
  });
}
