import {
  DataTypes,
  Model,
  type BelongsToGetAssociationMixin,
  type CreationOptional,
  type ForeignKey,
  type InferAttributes,
  type InferCreationAttributes,
  type NonAttribute,
} from "sequelize";
import { sequelize } from "../db";
import type { Customer } from "./customer";
import type { Product } from "./catalog";

export type InvoiceStatus = "draft" | "open" | "paid" | "void";

export class Invoice extends Model<
  InferAttributes<Invoice, { omit: "lines" }>,
  InferCreationAttributes<Invoice, { omit: "lines" }>
> {
  declare id: CreationOptional<number>;
  declare customerId: ForeignKey<Customer["id"]>;
  declare number: string;
  declare status: InvoiceStatus;
  declare currency: string;
  declare totalCents: number;
  declare issuedAt: Date;
  declare dueAt: Date;
  declare paidAt: Date | null;
  declare voidedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  declare lines?: NonAttribute<InvoiceLine[]>;
  declare getCustomer: BelongsToGetAssociationMixin<Customer>;
}

Invoice.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    customerId: { type: DataTypes.INTEGER, allowNull: false },
    number: { type: DataTypes.STRING(32), allowNull: false, unique: true },
    status: { type: DataTypes.ENUM("draft", "open", "paid", "void"), allowNull: false, defaultValue: "draft" },
    currency: { type: DataTypes.CHAR(3), allowNull: false },
    totalCents: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    issuedAt: { type: DataTypes.DATE, allowNull: false },
    dueAt: { type: DataTypes.DATE, allowNull: false },
    paidAt: { type: DataTypes.DATE, allowNull: true },
    voidedAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    modelName: "Invoice",
    tableName: "invoices",
    indexes: [
      { fields: ["customerId", "status", "dueAt"] },
      { fields: ["status", "dueAt"] },
      { fields: ["status", "createdAt"] },
    ],
  },
);

export class InvoiceLine extends Model<InferAttributes<InvoiceLine>, InferCreationAttributes<InvoiceLine>> {
  declare id: CreationOptional<number>;
  declare invoiceId: ForeignKey<Invoice["id"]>;
  declare productId: ForeignKey<Product["id"]>;
  declare description: string;
  declare quantity: number;
  declare unitPriceCents: number;
  declare amountCents: number;
}

InvoiceLine.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    invoiceId: { type: DataTypes.INTEGER, allowNull: false },
    productId: { type: DataTypes.INTEGER, allowNull: false },
    description: { type: DataTypes.STRING(500), allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false },
    unitPriceCents: { type: DataTypes.INTEGER, allowNull: false },
    amountCents: { type: DataTypes.INTEGER, allowNull: false },
  },
  {
    sequelize,
    modelName: "InvoiceLine",
    tableName: "invoice_lines",
    timestamps: false,
    indexes: [{ fields: ["invoiceId"] }, { fields: ["productId"] }],
  },
);

export class Payment extends Model<InferAttributes<Payment>, InferCreationAttributes<Payment>> {
  declare id: CreationOptional<number>;
  declare invoiceId: ForeignKey<Invoice["id"]>;
  declare amountCents: number;
  declare method: "card" | "sepa_debit" | "bank_transfer";
  declare providerRef: string;
  declare paidAt: Date;
}

Payment.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    invoiceId: { type: DataTypes.INTEGER, allowNull: false },
    amountCents: { type: DataTypes.INTEGER, allowNull: false },
    method: { type: DataTypes.STRING(32), allowNull: false },
    providerRef: { type: DataTypes.STRING(128), allowNull: false, unique: true },
    paidAt: { type: DataTypes.DATE, allowNull: false },
  },
  {
    sequelize,
    modelName: "Payment",
    tableName: "payments",
    timestamps: false,
    indexes: [{ fields: ["invoiceId", "paidAt"] }],
  },
);

export class CreditNote extends Model<InferAttributes<CreditNote>, InferCreationAttributes<CreditNote>> {
  declare id: CreationOptional<number>;
  declare invoiceId: ForeignKey<Invoice["id"]>;
  declare customerId: ForeignKey<Customer["id"]>;
  declare amountCents: number;
  declare reason: string;
  declare issuedAt: Date;
}

CreditNote.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    invoiceId: { type: DataTypes.INTEGER, allowNull: false },
    customerId: { type: DataTypes.INTEGER, allowNull: false },
    amountCents: { type: DataTypes.INTEGER, allowNull: false },
    reason: { type: DataTypes.STRING(500), allowNull: false },
    issuedAt: { type: DataTypes.DATE, allowNull: false },
  },
  {
    sequelize,
    modelName: "CreditNote",
    tableName: "credit_notes",
    timestamps: false,
    indexes: [{ fields: ["invoiceId"] }, { fields: ["customerId"] }],
  },
);
