import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Account } from "./account.entity";

export type SubscriptionStatus = "trialing" | "active" | "past_due" | "canceled";

@Entity({ name: "plans" })
export class Plan {
  /** Stable identifiers such as "pro-monthly-2023". */
  @PrimaryColumn() id!: string;

  @Column() name!: string;

  @Column({ name: "price_cents", type: "int" }) priceCents!: number;

  @Column({ type: "varchar", length: 8 }) interval!: "month" | "year";

  @Column({ default: false }) legacy!: boolean;
}

@Entity({ name: "coupons" })
@Unique("uq_coupons_code", ["code"])
export class Coupon {
  @PrimaryGeneratedColumn() id!: number;

  @Column() code!: string;

  @Column({ name: "percent_off", type: "int" }) percentOff!: number;

  @Column({ name: "redeem_by", type: "timestamptz", nullable: true }) redeemBy!: Date | null;
}

@Entity({ name: "subscriptions" })
@Index("idx_subscriptions_account_status", ["accountId", "status"])
@Index("idx_subscriptions_renewal_due", ["currentPeriodEnd"], { where: '"canceled_at" IS NULL' })
export class Subscription {
  @PrimaryGeneratedColumn("uuid") id!: string;

  @Column({ name: "account_id", type: "uuid" }) accountId!: string;

  @ManyToOne(() => Account, { onDelete: "CASCADE" }) @JoinColumn({ name: "account_id" }) account!: Account;

  @ManyToOne(() => Plan) @JoinColumn({ name: "plan_id" }) plan!: Plan;

  @Column({ type: "varchar", length: 16 }) status!: SubscriptionStatus;

  @Column({ type: "int", default: 1 }) quantity!: number;

  @Column({ name: "current_period_end", type: "timestamptz" }) currentPeriodEnd!: Date;

  @Column({ name: "trial_ends_at", type: "timestamptz", nullable: true }) trialEndsAt!: Date | null;

  @Column({ name: "canceled_at", type: "timestamptz", nullable: true }) canceledAt!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" }) createdAt!: Date;
}
