import { CreationOptional, DataTypes, ForeignKey, InferAttributes, InferCreationAttributes, Model } from "sequelize";
import { sequelize } from "../db";

export type DeliveryStatus = "pending" | "assigned" | "out_for_delivery" | "delivered" | "failed" | "returned";

export class Delivery extends Model<InferAttributes<Delivery>, InferCreationAttributes<Delivery>> {
  declare id: CreationOptional<number>;
  declare trackingCode: string;
  declare externalOrderRef: string | null;
  declare depotId: number;
  declare driverId: number | null;
  declare vehicleId: number | null;
  declare recipientName: string;
  declare recipientPhone: string;
  declare address: string;
  declare status: CreationOptional<DeliveryStatus>;
  declare scheduledFor: string;
  declare sequence: number | null;
  declare deliveredAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

Delivery.init(
  {
    id: { type: DataTypes.BIGINT, autoIncrement: true, primaryKey: true },
    trackingCode: { type: DataTypes.STRING(20), allowNull: false, unique: true },
    externalOrderRef: { type: DataTypes.STRING(64), allowNull: true },
    depotId: { type: DataTypes.INTEGER, allowNull: false, references: { model: "depots", key: "id" } },
    driverId: { type: DataTypes.INTEGER, allowNull: true, references: { model: "drivers", key: "id" } },
    vehicleId: { type: DataTypes.INTEGER, allowNull: true, references: { model: "vehicles", key: "id" } },
    recipientName: { type: DataTypes.STRING, allowNull: false },
    recipientPhone: { type: DataTypes.STRING(32), allowNull: false },
    address: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.ENUM("pending", "assigned", "out_for_delivery", "delivered", "failed", "returned"), allowNull: false, defaultValue: "pending" },
    scheduledFor: { type: DataTypes.DATEONLY, allowNull: false },
    sequence: { type: DataTypes.INTEGER, allowNull: true },
    deliveredAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: "deliveries", indexes: [{ name: "deliveries_depot_day_status", fields: ["depotId", "scheduledFor", "status"] }] },
);

interface DeliveryEventModel extends Model<InferAttributes<DeliveryEventModel>, InferCreationAttributes<DeliveryEventModel>> {
  id: CreationOptional<number>;
  deliveryId: number;
  type: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export const DeliveryEvent = sequelize.define<DeliveryEventModel>(
  "DeliveryEvent",
  {
    id: { type: DataTypes.BIGINT, autoIncrement: true, primaryKey: true },
    deliveryId: { type: DataTypes.BIGINT, allowNull: false, references: { model: "deliveries", key: "id" }, onDelete: "CASCADE" },
    type: { type: DataTypes.STRING(32), allowNull: false },
    occurredAt: { type: DataTypes.DATE, allowNull: false },
    payload: { type: DataTypes.JSONB, allowNull: false, defaultValue: {} },
  },
  { tableName: "delivery_events", timestamps: false, indexes: [{ fields: ["deliveryId", "occurredAt"] }] },
);

// The deliveryId column comes from Parcel.belongsTo(Delivery) in associations.ts.
export class Parcel extends Model<InferAttributes<Parcel>, InferCreationAttributes<Parcel>> {
  declare id: CreationOptional<number>;
  declare barcode: string;
  declare weightGrams: number;
  declare fragile: CreationOptional<boolean>;
  declare deliveryId: ForeignKey<Delivery["id"]>;
}

Parcel.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    barcode: { type: DataTypes.STRING(32), allowNull: false, unique: true },
    weightGrams: { type: DataTypes.INTEGER, allowNull: false },
    fragile: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
  },
  { sequelize, tableName: "parcels" },
);

// Table created by migrations/20240315090000-create-proofs-of-delivery.js.
export class ProofOfDelivery extends Model<InferAttributes<ProofOfDelivery>, InferCreationAttributes<ProofOfDelivery>> {
  declare id: CreationOptional<number>;
  declare deliveryId: number;
  declare driverId: number;
  declare signatureUrl: string | null;
  declare photoUrl: string | null;
  declare capturedAt: Date;
}

ProofOfDelivery.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    deliveryId: { type: DataTypes.BIGINT, allowNull: false, unique: true, references: { model: "deliveries", key: "id" } },
    driverId: { type: DataTypes.INTEGER, allowNull: false, references: { model: "drivers", key: "id" } },
    signatureUrl: { type: DataTypes.STRING, allowNull: true },
    photoUrl: { type: DataTypes.STRING, allowNull: true },
    capturedAt: { type: DataTypes.DATE, allowNull: false },
  },
  { sequelize, tableName: "proofs_of_delivery" },
);
