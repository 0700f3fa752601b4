import { Router, type NextFunction, type Request, type Response } from "express";
import { prisma } from "../db";
import * as catalog from "../services/catalogService";
import * as orders from "../services/orderService";
import * as inventory from "../services/inventoryService";
import { carts } from "../lib/cartStore";
import { syncSupplierFeed, type SupplierFeedRow } from "../jobs/scheduler";

export const admin = Router();

type Handler = (req: Request) => Promise<unknown>;
const route = (handler: Handler) => (req: Request, res: Response, next: NextFunction) => handler(req).then((body) => res.json(body), next);

admin.get("/stores/newest", route(async () => prisma.store.findMany({ orderBy: { createdAt: "desc" }, take: 10, select: { id: true, handle: true, name: true, createdAt: true } })));

admin.get("/stores/:storeId/dashboard", route(async (req) => {
  const storeId = Number(req.params.storeId);
  const since = new Date(Date.now() - 24 * 3_600_000);
  const [placed, queue, openCarts] = await Promise.all([orders.ordersPlacedSince(storeId, since), orders.fulfilmentQueue(storeId), Promise.resolve(carts.findMany({ where: { storeId } }).length)]);
  return { placed, queue, openCarts };
}));

admin.get("/stores/:storeId/fulfilment", route(async (req) => orders.fulfilmentQueue(Number(req.params.storeId), req.query.cursor ? Number(req.query.cursor) : undefined)));
admin.get("/stores/:storeId/orders/search", route(async (req) => orders.searchOrders(Number(req.params.storeId), String(req.query.q ?? ""))));
admin.get("/stores/:storeId/audience", route(async (req) => orders.marketingAudience(Number(req.params.storeId), req.query.cursor ? Number(req.query.cursor) : undefined)));
admin.get("/coupons/:code/usage", route(async (req) => orders.couponUsage(String(req.params.code))));
admin.get("/reviews/moderation", route(async () => catalog.latestReviewsForModeration()));
admin.post("/reviews/:id/approve", route(async (req) => prisma.review.update({ where: { id: Number(req.params.id) }, data: { approved: true } })));
admin.get("/pos/scan/:barcode", route(async (req) => catalog.variantByBarcode(String(req.params.barcode))));
admin.get("/variants/:variantId/movements", route(async (req) => inventory.movementsFor(Number(req.params.variantId))));
admin.post("/orders/:orderId/refund", route(async (req) => {
  const orderId = Number(req.params.orderId);
  const restocked = await inventory.restockOrder(orderId);
  await prisma.order.update({ where: { id: orderId }, data: { status: "REFUNDED" } });
  return { restocked };
}));
admin.post("/supplier-feed", route(async (req) => ({ updated: await syncSupplierFeed(req.body.rows as SupplierFeedRow[]) })));
