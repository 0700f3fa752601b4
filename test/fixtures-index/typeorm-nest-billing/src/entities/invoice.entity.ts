import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, RelationId, Unique } from "typeorm";
import { Account } from "./account.entity";
import { Coupon, Subscription } from "./billing.entities";

export type InvoiceStatus = "draft" | "open" | "paid" | "void" | "uncollectible";
export type PaymentStatus = "pending" | "succeeded" | "failed" | "refunded";

@Entity({ name: "invoices" })
@Index("uq_invoices_account_number", ["account", "number"], { unique: true })
@Index("idx_invoices_account_issued", ["account", "issuedAt"])
export class Invoice {
  @PrimaryGeneratedColumn("uuid") id!: string;

  @ManyToOne(() => Account, { onDelete: "CASCADE" }) @JoinColumn({ name: "account_id" }) account!: Account;

  @RelationId((invoice: Invoice) => invoice.account) accountId!: string;

  @ManyToOne(() => Subscription, { nullable: true, onDelete: "SET NULL" }) @JoinColumn({ name: "subscription_id" }) subscription!: Subscription | null;

  @ManyToOne(() => Coupon, { nullable: true }) @JoinColumn({ name: "coupon_id" }) coupon!: Coupon | null; // expect: unindexed-foreign-key

  @Column({ type: "int" }) number!: number;

  @Column({ type: "varchar", length: 16 }) status!: InvoiceStatus;

  @Column({ name: "total_cents", type: "int" }) totalCents!: number;

  /** Id of the invoice in Stripe; unique index created in migration 1718000000000. */
  @Column({ name: "external_id", type: "varchar", nullable: true }) externalId!: string | null;

  @Column({ name: "issued_at", type: "timestamptz" }) issuedAt!: Date;

  @Column({ name: "due_at", type: "timestamptz" }) dueAt!: Date;

  @Column({ name: "paid_at", type: "timestamptz", nullable: true }) paidAt!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" }) createdAt!: Date;

  @OneToMany(() => InvoiceLine, (line) => line.invoice, { cascade: ["insert"] }) lines!: InvoiceLine[];
}

@Entity({ name: "invoice_lines" })
export class InvoiceLine {
  @PrimaryGeneratedColumn() id!: number;

  @ManyToOne(() => Invoice, (invoice) => invoice.lines, { onDelete: "CASCADE" }) @JoinColumn({ name: "invoice_id" }) invoice!: Invoice;

  @Column() description!: string;

  @Column({ type: "int" }) quantity!: number;

  @Column({ name: "amount_cents", type: "int" }) amountCents!: number;
}

@Entity({ name: "payments" })
@Unique("uq_payments_provider_ref", ["providerRef"])
export class Payment {
  @PrimaryGeneratedColumn("uuid") id!: string;

  @ManyToOne(() => Invoice, { onDelete: "RESTRICT" }) @JoinColumn({ name: "invoice_id" }) invoice!: Invoice;

  @Column({ name: "provider_ref" }) providerRef!: string;

  @Column({ type: "varchar", length: 16 }) status!: PaymentStatus;

  @Column({ name: "amount_cents", type: "int" }) amountCents!: number;

  @Column({ name: "failure_message", type: "text", nullable: true }) failureMessage!: string | null;

  @Column({ name: "failed_at", type: "timestamptz", nullable: true }) failedAt!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" }) createdAt!: Date;
}
