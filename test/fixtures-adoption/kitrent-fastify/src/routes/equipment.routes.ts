import type { FastifyInstance } from "fastify";
import { In, Not } from "typeorm";
import { z } from "zod";
import { AppDataSource } from "../data-source";
import { Equipment } from "../entities/Equipment";
import { chunk } from "../lib/chunk";
import { isBooked } from "../services/availability.service";
import { equipmentSummary, maintenanceHistory } from "../services/report.service";

const BranchParams = z.object({ branchId: z.coerce.number().int().positive() });
const Window = z.object({ from: z.coerce.date(), to: z.coerce.date() });
const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  category: z.string().optional(),
});
const RetireBody = z.object({ ids: z.array(z.number().int()).min(1).max(5000) });

export async function equipmentRoutes(app: FastifyInstance) {
  app.get("/branches/:branchId/availability", async (request) => {
    const { branchId } = BranchParams.parse(request.params);
    const { from, to } = Window.parse(request.query);

    const units = await AppDataSource.getRepository(Equipment).find({
      where: { branchId, status: Not("retired") },
      order: { id: "ASC" },
      take: 100,
      select: { id: true, name: true, serial: true, category: true },
    });

    const result = [];
    for (const unit of units) {
      const booked = await isBooked(unit.id, from, to); // expect: n-plus-one
      result.push({ ...unit, available: !booked });
    }
    return result;
  });

  app.get("/branches/:branchId/equipment", async (request) => {
    const { branchId } = BranchParams.parse(request.params);
    const { page, pageSize, category } = PageQuery.parse(request.query);
    const [items, total] = await AppDataSource.getRepository(Equipment).findAndCount({
      where: { branchId, ...(category ? { category } : {}) },
      order: { id: "ASC" },
      take: pageSize,
      skip: (page - 1) * pageSize,
    });
    return { items, total, page, pageSize };
  });

  app.get("/branches/:branchId/summary", async (request) => {
    const { branchId } = BranchParams.parse(request.params);
    return equipmentSummary(branchId);
  });

  app.get("/equipment/:id/maintenance", async (request) => {
    const { id } = z.object({ id: z.coerce.number().int() }).parse(request.params);
    return maintenanceHistory(id);
  });

  app.post("/equipment/retire", async (request) => {
    const { ids } = RetireBody.parse(request.body);
    const repo = AppDataSource.getRepository(Equipment);
    const retired: number[] = [];
    for (const part of chunk(ids, 200)) {
      await repo.update({ id: In(part), status: Not("rented") }, { status: "retired" });
      retired.push(...part);
    }
    return { requested: ids.length, retired: retired.length };
  });
}
