import { Router } from "express";
import { Op } from "sequelize";
import { sequelize } from "../db.js";
import { Order, OrderItem, Product, StockMovement } from "../models/index.js";
import { buildOrderSummary } from "../services/order-view.js";

export const ordersRouter = Router();

// Packing slips are printed on 100 mm thermal labels: titles longer than this are cut.
const SLIP_TITLE_WIDTH = 38;

function toSlipLine(item) {
  const title = item.product.title.length > SLIP_TITLE_WIDTH
    ? `${item.product.title.slice(0, SLIP_TITLE_WIDTH - 1)}…`
    : item.product.title;
  return { sku: item.product.sku, title, quantity: item.quantity };
}

ordersRouter.get("/merchants/:merchantId/orders", async (req, res) => {
  const merchantId = Number(req.params.merchantId);
  const limit = Math.min(Number(req.query.limit) || 25, 100);
  const orders = await Order.findAll({ where: { merchantId }, order: [["placedAt", "DESC"]], limit });

  const summaries = [];
  for (const order of orders) {
    summaries.push(await buildOrderSummary(order)); // expect: n-plus-one
  }
  res.json({ items: summaries, limit });
});

ordersRouter.get("/orders/:id/packing-slip", async (req, res) => {
  const order = await Order.findByPk(Number(req.params.id), {
    include: [
      {
        model: OrderItem,
        as: "items",
        include: [{ model: Product, as: "product", attributes: ["id", "sku", "title"] }],
      },
    ],
  });
  if (!order) return res.status(404).json({ error: "order not found" });

  const lines = [];
  for (const item of order.items) {
    lines.push(toSlipLine(item));
  }
  res.json({ number: order.number, customerEmail: order.customerEmail, lines });
});

ordersRouter.post("/orders", async (req, res) => {
  const { merchantId, customerEmail, items } = req.body;
  if (!Array.isArray(items) || items.length === 0 || items.length > 50) {
    return res.status(400).json({ error: "an order has between 1 and 50 items" });
  }

  const productIds = [...new Set(items.map((item) => item.productId))];
  const products = await Product.findAll({
    attributes: ["id", "sku", "priceCents", "stock"],
    where: { id: { [Op.in]: productIds }, merchantId },
  });

  const lines = [];
  for (const item of items) {
    const product = products.find((p) => p.id === item.productId);
    if (!product) return res.status(422).json({ error: `unknown product ${item.productId}` });
    if (product.stock < item.quantity) return res.status(409).json({ error: `${product.sku} is out of stock` });
    lines.push({ productId: product.id, quantity: item.quantity, unitPriceCents: product.priceCents });
  }

  const order = await sequelize.transaction(async (transaction) => {
    const created = await Order.create(
      { merchantId, customerEmail, number: `PP-${Date.now().toString(36).toUpperCase()}`, status: "pending", placedAt: new Date() },
      { transaction },
    );
    await OrderItem.bulkCreate(lines.map((line) => ({ ...line, orderId: created.id })), { transaction });
    await StockMovement.bulkCreate(
      lines.map((line) => ({ productId: line.productId, orderId: created.id, delta: -line.quantity, reason: "order_placed" })),
      { transaction },
    );
    return created;
  });

  res.status(201).json({ id: order.id, number: order.number, status: order.status });
});

ordersRouter.post("/orders/:id/cancel", async (req, res) => {
  const order = await Order.findByPk(Number(req.params.id));
  if (!order) return res.status(404).json({ error: "order not found" });
  if (!order.isCancellable) return res.status(409).json({ error: `order is ${order.status}` });

  const items = await OrderItem.findAll({ where: { orderId: order.id }, limit: 200 });
  await order.update({ status: "cancelled", cancelledAt: new Date() });

  items.forEach(async (item) => {
    await StockMovement.create({ productId: item.productId, orderId: order.id, delta: item.quantity, reason: "order_cancelled" }); // expect: n-plus-one
  });

  res.json({ id: order.id, status: order.status, restockedLines: items.length });
});
