import { Router, type NextFunction, type Request, type Response } from "express";
import * as catalog from "../services/catalogService";
import * as orders from "../services/orderService";
import { carts } from "../lib/cartStore";

export const storefront = Router({ mergeParams: true });

type Handler = (req: Request, res: Response) => Promise<unknown>;
const route = (handler: Handler) => (req: Request, res: Response, next: NextFunction) => handler(req, res).then((body) => res.json(body), next);

async function currentStore(req: Request) {
  const store = await catalog.storeByHandle(String(req.params.store));
  if (!store) throw Object.assign(new Error("store not found"), { status: 404 });
  return store;
}

storefront.get("/products", route(async (req) => {
  const store = await currentStore(req);
  return catalog.listProducts(store.id, { q: typeof req.query.q === "string" ? req.query.q : undefined, maxPriceCents: req.query.max ? Number(req.query.max) : undefined });
}));

storefront.get("/products/:sku", route(async (req) => {
  const store = await currentStore(req);
  const product = await catalog.productBySku(store.id, String(req.params.sku));
  if (!product) return null;
  const [reviews, rating, sold] = await Promise.all([catalog.productReviews(product.id), catalog.ratingSummary(product.id), catalog.unitsSold(product.variants.map((v) => v.id))]);
  return { product, reviews, rating, sold };
}));

storefront.get("/cart", route(async (req) => {
  const cart = carts.findUnique({ where: { token: String(req.header("x-cart-token")) } });
  if (!cart) return { lines: [] };
  const variants = await catalog.resolveCartLines(cart.lines.map((l) => l.variantId), []);
  return { lines: cart.lines.map((line) => ({ ...line, variant: variants.find((v) => v.id === line.variantId) })) };
}));

storefront.post("/cart", route(async (req) => {
  const store = await currentStore(req);
  const token = String(req.header("x-cart-token"));
  const line = { variantId: Number(req.body.variantId), quantity: Number(req.body.quantity ?? 1) };
  const existing = carts.findUnique({ where: { token } });
  return carts.upsert({ where: { token }, create: { token, storeId: store.id, lines: [line], updatedAt: Date.now() }, update: { lines: [...(existing?.lines ?? []), line] } });
}));

storefront.post("/checkout", route(async (req) => {
  const store = await currentStore(req);
  const token = String(req.header("x-cart-token"));
  const cart = carts.findUnique({ where: { token } });
  if (!cart || cart.lines.length === 0) throw Object.assign(new Error("empty cart"), { status: 400 });
  const variants = await catalog.resolveCartLines(cart.lines.map((l) => l.variantId), []);
  const lines = cart.lines.map((line) => ({ ...line, unitPriceCents: variants.find((v) => v.id === line.variantId)?.product.priceCents ?? 0 }));
  const order = await orders.placeOrder({ storeId: store.id, email: String(req.body.email), firstName: String(req.body.firstName), lastName: String(req.body.lastName), couponCode: req.body.coupon, shippingAddressId: req.body.addressId, lines });
  carts.delete({ where: { token } });
  return order;
}));

storefront.get("/orders/:number", route(async (req) => {
  const store = await currentStore(req);
  return orders.orderByNumber(store.id, String(req.params.number));
}));

storefront.get("/customers/:customerId/orders", route(async (req) => orders.customerOrders(Number(req.params.customerId))));
storefront.get("/customers/:customerId/reviews", route(async (req) => catalog.reviewsByCustomer(Number(req.params.customerId))));
storefront.get("/customers/:customerId/wishlist", route(async (req) => orders.wishlist(Number(req.params.customerId))));
storefront.post("/customers/:customerId/wishlist", route(async (req) => orders.addToWishlist(Number(req.params.customerId), (req.body.variantIds as unknown[]).map(Number))));
