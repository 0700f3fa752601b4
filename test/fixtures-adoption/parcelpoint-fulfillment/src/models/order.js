import { DataTypes, Model } from "sequelize";
import { sequelize } from "../db.js";

export const ORDER_STATUSES = ["pending", "paid", "packed", "shipped", "cancelled"];

export class Order extends Model {
  get isCancellable() {
    return this.status === "pending" || this.status === "paid";
  }
}

Order.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    merchantId: { type: DataTypes.INTEGER, allowNull: false },
    number: { type: DataTypes.STRING(32), allowNull: false, unique: true },
    customerEmail: { type: DataTypes.STRING(320), allowNull: false },
    status: { type: DataTypes.ENUM(...ORDER_STATUSES), allowNull: false, defaultValue: "pending" },
    placedAt: { type: DataTypes.DATE, allowNull: false },
    cancelledAt: { type: DataTypes.DATE, allowNull: true },
    exportedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    modelName: "Order",
    tableName: "orders",
    indexes: [{ fields: ["merchantId", "placedAt"] }, { fields: ["merchantId", "status"] }],
  },
);

export class OrderItem extends Model {}

OrderItem.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    orderId: { type: DataTypes.INTEGER, allowNull: false },
    productId: { type: DataTypes.INTEGER, allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false },
    unitPriceCents: { type: DataTypes.INTEGER, allowNull: false },
  },
  {
    sequelize,
    modelName: "OrderItem",
    tableName: "order_items",
    timestamps: false,
    indexes: [{ fields: ["orderId"] }, { fields: ["productId"] }],
  },
);
