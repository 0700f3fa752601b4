import "reflect-metadata";
import express from "express";
import { AppDataSource } from "./data-source";
import { OrderService } from "./services/OrderService";
import { CatalogService } from "./services/CatalogService";

const app = express();
app.use(express.json());

const orders = new OrderService();
const catalog = new CatalogService();

app.get("/merchants/:slug/products", async (req, res) => {
  const merchant = await catalog.merchantBySlug(req.params.slug);
  if (!merchant) return res.sendStatus(404);
  res.json(req.query.q ? await catalog.searchProducts(merchant.id, String(req.query.q)) : await catalog.storefront(merchant.id));
});
app.get("/merchants/:merchantId/products/:sku", async (req, res) => res.json(await catalog.productBySku(req.params.merchantId, req.params.sku)));
app.get("/products/:id/reviews", async (req, res) => res.json(await catalog.productReviews(req.params.id)));
app.get("/merchants/:merchantId/orders", async (req, res) => res.json(await orders.merchantOrders(req.params.merchantId, Number(req.query.page ?? 0))));
app.get("/merchants/:merchantId/orders/:id", async (req, res) => res.json(await orders.orderForMerchant(req.params.merchantId, req.params.id)));
app.get("/customers/:id/orders", async (req, res) => res.json(await orders.customerOrders(req.params.id)));
app.get("/orders/:id/refunds", async (req, res) => res.json(await orders.refundsFor(req.params.id)));
app.post("/orders/:id/paid", async (req, res) => res.json(await orders.markPaid(req.params.id)));
app.get("/admin/orders/latest", async (_req, res) => res.json(await orders.latestOrders()));
app.get("/admin/orders/find/:ref", async (req, res) => res.json(await orders.byReference(req.params.ref)));
app.get("/admin/coupons/:code", async (req, res) => res.json({ redemptions: await orders.couponRedemptions(req.params.code) }));
app.get("/admin/revenue", async (req, res) => res.json(await orders.revenueBetween(new Date(String(req.query.from)), new Date(String(req.query.to)))));
app.get("/admin/low-stock", async (_req, res) => res.json(await catalog.lowStock(5)));
app.get("/admin/merchants", async (_req, res) => res.json({ newest: await catalog.newestMerchants(), active: await catalog.activeMerchants() }));
app.get("/admin/reviews/flagged", async (_req, res) => res.json({ flagged: await catalog.flaggedReviewCount() }));
app.delete("/products/:id", async (req, res) => {
  if ((await orders.timesOrdered(req.params.id)) > 0) return res.status(409).json({ error: "product has orders; archive it instead" });
  res.sendStatus(204);
});
app.post("/webhooks/tracking", async (req, res) => {
  const body = req.body as { carrier?: string; trackingNumber: string };
  const shipment = body.carrier ? await orders.shipmentByTracking(body.carrier, body.trackingNumber) : await orders.shipmentByTrackingOnly(body.trackingNumber);
  res.json({ matched: Boolean(shipment) });
});
app.post("/pos/customers/lookup", async (req, res) => res.json(await catalog.customerByPosReference(String(req.body.ref))));
app.get("/merchants/:merchantId/audience", async (req, res) => res.json(await catalog.optedInCustomers(req.params.merchantId)));
app.get("/merchants/:merchantId/customers/by-email/:email", async (req, res) => res.json(await catalog.customerByEmail(req.params.merchantId, req.params.email)));

AppDataSource.initialize().then(() => app.listen(Number(process.env.PORT ?? 3000)));
