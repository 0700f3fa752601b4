import { Router } from "express";
import { Merchant } from "../models/index.js";
import { fulfillmentQueue } from "../queues.js";
import { exportRecentOrders, merchantDashboard } from "../services/reporting.js";

export const adminRouter = Router();

adminRouter.get("/admin/merchants", async (req, res) => {
  const limit = Math.min(Number(req.query.limit) || 50, 100);
  const offset = Math.max(Number(req.query.offset) || 0, 0);
  const merchants = await Merchant.findAll({ order: [["name", "ASC"]], limit, offset });

  const rows = [];
  for (const merchant of merchants) {
    const orderCount = await merchant.countOrders(); // expect: n-plus-one
    rows.push({ id: merchant.id, slug: merchant.slug, name: merchant.name, active: merchant.active, orderCount });
  }
  res.json({ items: rows, limit, offset });
});

adminRouter.get("/admin/merchants/:id/dashboard", async (req, res) => {
  res.json(await merchantDashboard(Number(req.params.id)));
});

adminRouter.get("/admin/merchants/:id/export", async (req, res) => {
  const since = req.query.since ? new Date(String(req.query.since)) : new Date(Date.now() - 86400000);
  res.json({ orders: await exportRecentOrders(Number(req.params.id), since) });
});

adminRouter.post("/admin/shipments/mark-shipped", async (req, res) => {
  const { shipmentIds, shippedAt } = req.body;
  if (!Array.isArray(shipmentIds) || shipmentIds.length === 0) {
    return res.status(400).json({ error: "shipmentIds must be a non-empty array" });
  }
  const job = await fulfillmentQueue.add("mark-shipped", { shipmentIds, shippedAt });
  res.status(202).json({ jobId: job.id });
});

adminRouter.post("/admin/carriers/:carrier/manifest", async (req, res) => {
  const job = await fulfillmentQueue.add("carrier-manifest", { carrier: req.params.carrier });
  res.status(202).json({ jobId: job.id });
});
