import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, RelationId } from "typeorm";
import { User } from "./user.entity";

@Entity({ name: "accounts" })
export class Account {
  @PrimaryGeneratedColumn("uuid") id!: string;

  @Column({ unique: true }) slug!: string;

  @Column() name!: string;

  @Column({ name: "billing_email" }) billingEmail!: string;

  @Column({ name: "stripe_customer_id", type: "varchar", nullable: true, unique: true }) stripeCustomerId!: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" }) createdAt!: Date;

  @OneToMany(() => User, (user) => user.account) users!: User[];
}

@Entity({ name: "api_keys" })
export class ApiKey {
  @PrimaryGeneratedColumn("uuid") id!: string;

  @Index("idx_api_keys_account") @ManyToOne(() => Account, { onDelete: "CASCADE" }) @JoinColumn({ name: "account_id" }) account!: Account;

  @RelationId((key: ApiKey) => key.account) accountId!: string;

  @ManyToOne(() => User, { nullable: true, onDelete: "SET NULL" }) @JoinColumn({ name: "created_by_id" }) createdBy!: User | null; // expect: unindexed-foreign-key

  @Column({ name: "key_prefix", length: 12 }) keyPrefix!: string;

  @Index("uq_api_keys_hash", { unique: true }) @Column({ name: "key_hash" }) keyHash!: string;

  @Column({ name: "revoked_at", type: "timestamptz", nullable: true }) revokedAt!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" }) createdAt!: Date;
}
