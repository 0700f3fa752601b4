import { NextFunction, Request, Response, Router } from "express";
import { enterpriseEscalations } from "../services/sla-service";
import { overdueFor, resolutionStats, statusCounts } from "../services/agent-stats";
import { toTicketDto } from "../services/ticket-service";
import { withTenantDataSource } from "../lib/tenant-connection";

export const adminRouter = Router();

adminRouter.get("/escalations", async (_req: Request, res: Response, next: NextFunction) => {
  try {
    res.json({ items: await enterpriseEscalations() });
  } catch (err) {
    next(err);
  }
});

adminRouter.get("/agents/:id/overdue", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const overdue = await overdueFor(Number(req.params.id));
    res.json({ items: overdue.map(toTicketDto) });
  } catch (err) {
    next(err);
  }
});

adminRouter.get("/agents/:id/resolution", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const to = req.query.to ? new Date(String(req.query.to)) : new Date();
    const from = req.query.from ? new Date(String(req.query.from)) : new Date(to.getTime() - 7 * 24 * 3600 * 1000);
    res.json(await resolutionStats(Number(req.params.id), from, to));
  } catch (err) {
    next(err);
  }
});

adminRouter.get("/status-counts", async (_req: Request, res: Response, next: NextFunction) => {
  try {
    res.json(await statusCounts());
  } catch (err) {
    next(err);
  }
});

adminRouter.get("/tenants/:slug/ticket-count", async (req: Request, res: Response, next: NextFunction) => {
  try {
    const count = await withTenantDataSource(req.params.slug, async (ds) => {
      const [row] = await ds.query('SELECT COUNT(*)::int AS n FROM "ticket"');
      return row.n as number;
    });
    res.json({ tenant: req.params.slug, tickets: count });
  } catch (err) {
    next(err);
  }
});
