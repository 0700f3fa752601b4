import {
  DataTypes,
  Model,
  type CreationOptional,
  type ForeignKey,
  type HasManyGetAssociationsMixin,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
} from "sequelize";
import { sequelize } from "../db";
import type { Invoice } from "./billing";

export class Customer extends Model<
  InferAttributes<Customer, { omit: "subscriptions" }>,
  InferCreationAttributes<Customer, { omit: "subscriptions" }>
> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare email: string;
  declare taxId: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare subscriptions?: NonAttribute<Subscription[]>;
  declare getInvoices: HasManyGetAssociationsMixin<Invoice>;
}

Customer.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(200), allowNull: false },
    email: { type: DataTypes.STRING(320), allowNull: false, unique: true },
    taxId: { type: DataTypes.STRING(40), allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, modelName: "Customer", tableName: "customers" },
);

export type SubscriptionStatus = "trialing" | "active" | "past_due" | "canceled";

export class Subscription extends Model<InferAttributes<Subscription>, InferCreationAttributes<Subscription>> {
  declare id: CreationOptional<number>;
  declare customerId: ForeignKey<Customer["id"]>;
  declare planCode: string;
  declare status: SubscriptionStatus;
  declare quantity: number;
  declare currentPeriodEnd: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

Subscription.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    customerId: { type: DataTypes.INTEGER, allowNull: false },
    planCode: { type: DataTypes.STRING(64), allowNull: false },
    status: {
      type: DataTypes.ENUM("trialing", "active", "past_due", "canceled"),
      allowNull: false,
      defaultValue: "trialing",
    },
    quantity: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    currentPeriodEnd: { type: DataTypes.DATE, allowNull: false },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    modelName: "Subscription",
    tableName: "subscriptions",
    indexes: [{ fields: ["customerId"] }, { fields: ["status", "id"] }],
  },
);
