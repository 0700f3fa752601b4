import pMap from "p-map";
import { Op, col } from "sequelize";
import { Order, OrderItem, Product } from "../models/index.js";

// The dashboard tiles, left to right. Cancelled orders have their own report.
const DASHBOARD_STATUSES = ["pending", "paid", "packed", "shipped"];
const EXPORT_PAGE = 100;
const MAX_ITEMS_PER_ORDER = 500;

export async function merchantDashboard(merchantId) {
  const byStatus = {};
  for (const status of DASHBOARD_STATUSES) {
    byStatus[status] = await Order.count({ where: { merchantId, status } });
  }

  const lowStock = await Product.findAll({
    attributes: ["id", "sku", "title", "stock", "reorderPoint"],
    where: { merchantId, stock: { [Op.lte]: col("reorderPoint") } },
    order: [["stock", "ASC"]],
    limit: 20,
  });

  return { merchantId, byStatus, lowStock };
}

/** Orders placed since `since`, with their lines, for the merchant's ERP import. */
export async function exportRecentOrders(merchantId, since) {
  const orders = await Order.findAll({
    where: { merchantId, placedAt: { [Op.gte]: since } },
    order: [["placedAt", "ASC"]],
    limit: EXPORT_PAGE,
  });

  return pMap(
    orders,
    async (order) => {
      const items = await OrderItem.findAll({ where: { orderId: order.id }, attributes: ["productId", "quantity", "unitPriceCents"], limit: MAX_ITEMS_PER_ORDER }); // expect: n-plus-one
      return { number: order.number, placedAt: order.placedAt, customerEmail: order.customerEmail, items };
    },
    { concurrency: 8 },
  );
}
