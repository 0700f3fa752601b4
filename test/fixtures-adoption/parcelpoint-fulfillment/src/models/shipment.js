import { DataTypes, Model } from "sequelize";
import { sequelize } from "../db.js";

export class Shipment extends Model {}

Shipment.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    orderId: { type: DataTypes.INTEGER, allowNull: false },
    carrier: { type: DataTypes.STRING(32), allowNull: false },
    trackingNumber: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    status: {
      type: DataTypes.ENUM("label_created", "shipped", "delivered", "returned"),
      allowNull: false,
      defaultValue: "label_created",
    },
    shippedAt: { type: DataTypes.DATE, allowNull: true },
    deliveredAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    modelName: "Shipment",
    tableName: "shipments",
    indexes: [{ fields: ["orderId", "createdAt"] }, { fields: ["carrier", "status", "createdAt"] }],
  },
);
