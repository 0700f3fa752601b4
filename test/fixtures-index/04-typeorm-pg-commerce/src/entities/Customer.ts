import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Merchant } from "./Merchant";

@Entity("customers")
@Unique("UQ_customers_merchant_email", ["merchantId", "email"])
export class Customer {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column("uuid")
  merchantId!: string;

  @ManyToOne(() => Merchant, { onDelete: "CASCADE" }) @JoinColumn({ name: "merchantId" }) merchant!: Merchant;

  @Column()
  email!: string;

  @Column({ type: "varchar", nullable: true })
  phone!: string | null;

  // Id in the merchant's own CRM / POS system.
  @Index()
  @Column({ type: "varchar", nullable: true })
  externalId!: string | null;

  @Column({ default: false })
  marketingOptIn!: boolean;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
