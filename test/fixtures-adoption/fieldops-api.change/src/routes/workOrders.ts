import type { FastifyInstance } from "fastify";
import type { WorkOrder, WorkOrderStatus } from "@prisma/client";
import { prisma } from "../db";
import { HttpError, requireOrgId } from "../lib/auth";
import { chunk } from "../lib/chunk";
import { recordPartsUsed, type UsedPartInput } from "../services/partsUsage";
import { buildWorkOrderSummary } from "../services/workOrderSummary";

const PAGE_SIZE = 25;
const EXPORT_CHUNK = 500;
const STATUS_VALUES: readonly WorkOrderStatus[] = ["NEW", "SCHEDULED", "IN_PROGRESS", "DONE", "CANCELLED"];

// The web app used to send lower-case statuses; keep accepting them for a release.
function parseStatusFilter(raw: string | undefined): WorkOrderStatus | undefined {
  if (raw === undefined || raw === "") return undefined;
  const normalised = raw.toUpperCase() as WorkOrderStatus;
  if (!STATUS_VALUES.includes(normalised)) {
    throw new HttpError(400, `unknown status "${raw}"; allowed: ${STATUS_VALUES.join(", ")}`);
  }
  return normalised;
}

function toCsvLine(workOrder: WorkOrder): string {
  return [workOrder.id, workOrder.siteId, workOrder.status, workOrder.createdAt.toISOString(), JSON.stringify(workOrder.title)].join(",");
}

export async function workOrderRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { status?: string; cursor?: string } }>("/", async (request) => {
    const orgId = requireOrgId(request);
    const status = parseStatusFilter(request.query.status);
    const { cursor } = request.query;

    const workOrders = await prisma.workOrder.findMany({
      where: { orgId, status },
      orderBy: { createdAt: "desc" },
      take: PAGE_SIZE,
      cursor: cursor ? { id: cursor } : undefined,
      skip: cursor ? 1 : 0,
    });

    const items = [];
    for (const workOrder of workOrders) {
      items.push(await buildWorkOrderSummary(workOrder)); // expect: n-plus-one
    }

    return { items, nextCursor: workOrders.length === PAGE_SIZE ? workOrders[workOrders.length - 1].id : null };
  });

  app.post<{ Params: { id: string }; Body: { lines: UsedPartInput[] } }>("/:id/parts", async (request, reply) => {
    const orgId = requireOrgId(request);
    const result = await recordPartsUsed(orgId, request.params.id, request.body.lines);
    return reply.code(201).send(result);
  });

  // Finance pulls the work orders of an invoice run (a few thousand ids) as CSV.
  app.post<{ Body: { workOrderIds: string[] } }>("/export", async (request, reply) => {
    const orgId = requireOrgId(request);
    const ids = [...new Set(request.body.workOrderIds)];

    const rows: WorkOrder[] = [];
    for (const idChunk of chunk(ids, EXPORT_CHUNK)) {
      rows.push(...(await prisma.workOrder.findMany({ where: { orgId, id: { in: idChunk } }, orderBy: { createdAt: "asc" } })));
    }

    return reply.type("text/csv").send(["id,siteId,status,createdAt,title", ...rows.map(toCsvLine)].join("\n"));
  });
}
