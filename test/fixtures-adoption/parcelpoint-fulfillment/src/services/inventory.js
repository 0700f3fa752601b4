import { OrderItem, StockMovement } from "../models/index.js";

export class InventoryError extends Error {
  constructor(message) {
    super(message);
    this.status = 422;
  }
}

/**
 * Stock operations for one warehouse team. Built once per router with the team's defaults.
 */
export function createInventoryService({ historyLimit = 50 } = {}) {
  async function restock(line) {
    const item = await OrderItem.findOne({
      where: { id: line.orderItemId, orderId: line.orderId },
      attributes: ["id", "productId", "quantity"],
    });
    if (!item) throw new InventoryError(`order item ${line.orderItemId} not found on order ${line.orderId}`);
    const quantity = Math.min(line.quantity, item.quantity);
    return StockMovement.create({ productId: item.productId, orderId: line.orderId, delta: quantity, reason: "return" });
  }

  async function history(productId, limit = historyLimit) {
    return StockMovement.findAll({
      where: { productId },
      order: [["createdAt", "DESC"]],
      limit: Math.min(limit, 200),
    });
  }

  return { restock, history };
}
