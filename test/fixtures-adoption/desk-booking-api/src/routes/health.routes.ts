import { Router } from "express";
import { PrismaClient } from "@prisma/client";

export const healthRouter = Router();

healthRouter.get("/healthz", (_req, res) => {
  res.json({ ok: true, uptime: process.uptime() });
});

// Readiness probe for the load balancer: checks that the database answers.
healthRouter.get("/readyz", async (_req, res) => {
  const probe = new PrismaClient(); // expect: client-per-request
  try {
    await probe.$queryRaw`SELECT 1`;
    res.json({ ok: true });
  } catch (err) {
    res.status(503).json({ ok: false, error: (err as Error).message });
  } finally {
    await probe.$disconnect();
  }
});
