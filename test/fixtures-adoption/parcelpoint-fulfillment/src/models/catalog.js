import { DataTypes, Model } from "sequelize";
import { sequelize } from "../db.js";

export class Merchant extends Model {}

Merchant.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    slug: { type: DataTypes.STRING(80), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, modelName: "Merchant", tableName: "merchants", indexes: [{ fields: ["name"] }] },
);

export class Product extends Model {}

Product.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    merchantId: { type: DataTypes.INTEGER, allowNull: false },
    sku: { type: DataTypes.STRING(64), allowNull: false },
    title: { type: DataTypes.STRING(300), allowNull: false },
    priceCents: { type: DataTypes.INTEGER, allowNull: false },
    stock: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    reorderPoint: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 5 },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    modelName: "Product",
    tableName: "products",
    indexes: [{ fields: ["merchantId", "sku"], unique: true }],
  },
);

/** Append-only ledger of stock changes; the nightly job folds it into products.stock. */
export class StockMovement extends Model {}

StockMovement.init(
  {
    id: { type: DataTypes.BIGINT, autoIncrement: true, primaryKey: true },
    productId: { type: DataTypes.INTEGER, allowNull: false },
    orderId: { type: DataTypes.INTEGER, allowNull: true },
    delta: { type: DataTypes.INTEGER, allowNull: false },
    reason: { type: DataTypes.STRING(40), allowNull: false },
    createdAt: DataTypes.DATE,
  },
  {
    sequelize,
    modelName: "StockMovement",
    tableName: "stock_movements",
    updatedAt: false,
    indexes: [{ fields: ["productId", "createdAt"] }, { fields: ["orderId"] }],
  },
);
