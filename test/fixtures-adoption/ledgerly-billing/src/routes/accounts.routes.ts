import { Router, type NextFunction, type Request, type Response } from "express";
import { Op } from "sequelize";
import { z } from "zod";
import { container } from "../container";
import { Customer } from "../models";

const usageBatchSchema = z.object({
  events: z
    .array(
      z.object({
        subscriptionId: z.number().int().positive(),
        metric: z.string().min(1).max(64),
        quantity: z.number().int().nonnegative(),
        idempotencyKey: z.string().min(8).max(128),
        occurredAt: z.string().datetime(),
      }),
    )
    .max(10_000),
});

export const accountsRouter = Router();

accountsRouter.get("/customers", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const limit = Math.min(Number(req.query.limit) || 25, 100);
    const after = Number(req.query.after) || 0;
    const customers = await Customer.findAll({
      attributes: ["id", "name", "email", "createdAt"],
      where: { id: { [Op.gt]: after } },
      order: [["id", "ASC"]],
      limit,
    });
    const nextCursor = customers.length === limit ? customers[customers.length - 1].id : null;
    res.json({ items: customers, nextCursor });
  } catch (err) {
    next(err);
  }
});

accountsRouter.get("/customers/:id/statement", async (req: Request, res: Response, next: NextFunction) => {
  try {
    res.json(await container.statements.buildStatement(Number(req.params.id)));
  } catch (err) {
    next(err);
  }
});

accountsRouter.get("/customers/:id/aging", async (req: Request, res: Response, next: NextFunction) => {
  try {
    res.json(await container.statements.agingReport(Number(req.params.id), new Date()));
  } catch (err) {
    next(err);
  }
});

accountsRouter.post("/usage/events", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const { events } = usageBatchSchema.parse(req.body);
    const accepted = await container.usage.ingest(events);
    res.status(202).json({ accepted });
  } catch (err) {
    next(err);
  }
});

accountsRouter.get("/usage/stale-meters", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const hours = Math.max(Number(req.query.hours) || 48, 1);
    const since = new Date(Date.now() - hours * 3_600_000);
    res.json({ stale: await container.usage.findStaleMeters(since) });
  } catch (err) {
    next(err);
  }
});
