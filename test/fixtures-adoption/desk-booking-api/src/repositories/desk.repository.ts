import type { Desk } from "@prisma/client";
import { prisma } from "../lib/db";

export function findDeskById(id: number): Promise<Desk | null> {
  return prisma.desk.findUnique({ where: { id } });
}

export function listDesksForWorkspace(workspaceId: number): Promise<Desk[]> {
  return prisma.desk.findMany({ where: { workspaceId }, orderBy: { label: "asc" } }); // expect: missing-pagination
}

export function markInspected(id: number, at = new Date()): Promise<Desk> {
  return prisma.desk.update({ where: { id }, data: { lastInspectedAt: at, status: "ACTIVE" } });
}
