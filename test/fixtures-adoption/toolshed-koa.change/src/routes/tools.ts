import Router from "@koa/router";
import { ILike } from "typeorm";
import { Reservation } from "../entities/Reservation";
import { Tool, type ToolCondition } from "../entities/Tool";
import { toolCache } from "../lib/tool-cache";
import { toolService, type Availability } from "../services/tool.service";

const CONDITIONS: readonly ToolCondition[] = ["good", "worn", "repair"];

interface AvailabilityBody {
  toolIds: number[];
}

export const toolsRouter = new Router({ prefix: "/branches/:branchId/tools" });

// The project-planner page asks for a whole shopping list of tools at once.
toolsRouter.post("/availability", async (ctx) => {
  const branchId = Number(ctx.params.branchId);
  const { toolIds } = ctx.request.body as AvailabilityBody;
  const results: Availability[] = [];
  for (const toolId of toolIds) {
    results.push(await toolService.availability(branchId, toolId)); // expect-new: n-plus-one
  }
  ctx.body = { branchId, results };
});

toolsRouter.get("/", async (ctx) => {
  const branchId = Number(ctx.params.branchId);
  ctx.body = await Tool.find({ where: { branchId }, order: { name: "ASC" } }); // expect: missing-pagination
});

toolsRouter.get("/search", async (ctx) => {
  const branchId = Number(ctx.params.branchId);
  const q = String(ctx.query.q ?? "").trim();
  const take = Math.min(Number(ctx.query.limit) || 20, 50);
  ctx.body = await Tool.find({ where: { branchId, name: ILike(`${q}%`) }, order: { name: "ASC" }, take });
});

toolsRouter.get("/conditions", async (ctx) => {
  const branchId = Number(ctx.params.branchId);
  const counts: Record<string, number> = {};
  for (const condition of CONDITIONS) {
    counts[condition] = await Tool.countBy({ branchId, condition });
  }
  ctx.body = counts;
});

toolsRouter.get("/:toolId", async (ctx) => {
  const toolId = Number(ctx.params.toolId);
  const cached = toolCache.findOne(toolId);
  if (cached) {
    ctx.body = cached;
    return;
  }
  const tool = await Tool.findOneBy({ id: toolId, branchId: Number(ctx.params.branchId) });
  if (!tool) ctx.throw(404, "tool not found");
  toolCache.save(tool);
  ctx.body = tool;
});

toolsRouter.get("/:toolId/queue", async (ctx) => {
  const toolId = Number(ctx.params.toolId);
  const waiting = await Reservation.findBy({ toolId }); // expect: count-via-length, unbounded-query
  ctx.body = { toolId, waiting: waiting.length };
});
