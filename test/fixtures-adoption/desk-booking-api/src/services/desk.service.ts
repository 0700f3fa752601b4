import type { Booking, Desk } from "@prisma/client";
import { prisma } from "../lib/db";
import { notFound } from "../lib/errors";
import { findDeskById, listDesksForWorkspace, markInspected } from "../repositories/desk.repository";
import { deskHistory } from "../repositories/booking.repository";

export async function listDesks(workspaceId: number): Promise<Desk[]> {
  return listDesksForWorkspace(workspaceId);
}

// Facilities dashboard: desks that are flagged for maintenance.
export async function desksNeedingAttention(workspaceId: number): Promise<Desk[]> {
  const desks = await prisma.desk.findMany({ where: { workspaceId } }); // expect: unbounded-query
  return desks.filter((desk) => desk.status === "MAINTENANCE"); // expect: in-memory-filter
}

export async function getDeskDetail(deskId: number): Promise<{ desk: Desk; history: Booking[] }> {
  const desk = await findDeskById(deskId);
  if (!desk) {
    throw notFound(`desk ${deskId}`);
  }
  const history = await deskHistory(deskId);
  return { desk, history };
}

export async function completeInspection(deskId: number): Promise<Desk> {
  const desk = await findDeskById(deskId);
  if (!desk) {
    throw notFound(`desk ${deskId}`);
  }
  return markInspected(desk.id);
}
