import {
  DataTypes,
  Model,
  type CreationOptional,
  type ForeignKey,
  type InferAttributes,
  type InferCreationAttributes,
} from "sequelize";
import { sequelize } from "../db";
import type { Subscription } from "./customer";

/** One metered event (API calls, GB stored, minutes) reported by a tenant's integration. */
export class UsageEvent extends Model<InferAttributes<UsageEvent>, InferCreationAttributes<UsageEvent>> {
  declare id: CreationOptional<number>;
  declare subscriptionId: ForeignKey<Subscription["id"]>;
  declare metric: string;
  declare quantity: number;
  declare idempotencyKey: string;
  declare occurredAt: Date;
  declare createdAt: CreationOptional<Date>;
}

UsageEvent.init(
  {
    id: { type: DataTypes.BIGINT, autoIncrement: true, primaryKey: true },
    subscriptionId: { type: DataTypes.INTEGER, allowNull: false },
    metric: { type: DataTypes.STRING(64), allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false },
    idempotencyKey: { type: DataTypes.STRING(128), allowNull: false, unique: true },
    occurredAt: { type: DataTypes.DATE, allowNull: false },
    createdAt: DataTypes.DATE,
  },
  {
    sequelize,
    modelName: "UsageEvent",
    tableName: "usage_events",
    updatedAt: false,
    indexes: [{ fields: ["subscriptionId", "occurredAt"] }],
  },
);
