import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { Prisma, type WorkOrderStatus } from "@prisma/client";
import { prisma } from "../db";
import { HttpError, requireOrgId } from "../lib/auth";
import { getSite } from "../services/siteDirectory";

const MAX_ATTEMPTS = 3;

function dayWindow(date: string | undefined): { from: Date; to: Date } {
  const from = date ? new Date(`${date}T00:00:00.000Z`) : new Date(new Date().toISOString().slice(0, 10));
  if (Number.isNaN(from.getTime())) throw new HttpError(400, "date must be YYYY-MM-DD");
  return { from, to: new Date(from.getTime() + 24 * 60 * 60 * 1000) };
}

function isWriteConflict(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034";
}

export async function dispatchRoutes(app: FastifyInstance) {
  // The day's board: scheduled jobs in time order, with where they are.
  app.get<{ Querystring: { date?: string } }>("/board", async (request) => {
    const orgId = requireOrgId(request);
    const { from, to } = dayWindow(request.query.date);

    const scheduled = await prisma.workOrder.findMany({
      where: { orgId, status: "SCHEDULED", scheduledFor: { gte: from, lt: to } },
      orderBy: { scheduledFor: "asc" },
      take: 200,
    });

    const board = [];
    for (const workOrder of scheduled) {
      const site = await getSite(workOrder.siteId);
      board.push({ ...workOrder, site: site ? { name: site.name, address: site.address, timezone: site.timezone } : null });
    }
    return { date: from.toISOString().slice(0, 10), board };
  });

  // Dispatchers drag cards between columns and the UI sends the batch on drop.
  app.post<{ Body: { updates: Array<{ workOrderId: string; status: WorkOrderStatus }> } }>("/bulk-status", async (request) => {
    const orgId = requireOrgId(request);
    const pending: Promise<unknown>[] = [];
    for (const update of request.body.updates) {
      pending.push(prisma.workOrder.update({ where: { id: update.workOrderId, orgId }, data: { status: update.status, version: { increment: 1 } } })); // expect: n-plus-one
    }
    await Promise.all(pending);
    return { updated: pending.length };
  });

  // Assigning races with the mobile app closing the job; retry on a write conflict.
  app.post<{ Params: { id: string }; Body: { technicianId: string; scheduledFor: string } }>("/:id/assign", async (request) => {
    const orgId = requireOrgId(request);
    const { technicianId, scheduledFor } = request.body;

    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        return await prisma.workOrder.update({
          where: { id: request.params.id, orgId },
          data: { technicianId, scheduledFor: new Date(scheduledFor), status: "SCHEDULED", version: { increment: 1 } },
        });
      } catch (error) {
        if (!isWriteConflict(error) || attempt === MAX_ATTEMPTS) throw error;
        await sleep(25 * attempt);
      }
    }
    throw new HttpError(503, "could not assign the work order");
  });
}
