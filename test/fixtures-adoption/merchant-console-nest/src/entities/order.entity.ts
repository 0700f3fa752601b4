import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, RelationId } from "typeorm";
import { Merchant } from "./merchant.entity";
import { Customer } from "./customer.entity";

export type OrderStatus = "pending" | "paid" | "shipped" | "refunded";

@Entity()
export class Order {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @ManyToOne(() => Merchant, (merchant) => merchant.orders, { nullable: false })
  merchant: Merchant;

  @Index()
  @ManyToOne(() => Customer, { nullable: false })
  customer: Customer;

  @RelationId((order: Order) => order.customer)
  customerId: number;

  @Column({ type: "varchar", length: 16, default: "pending" })
  status: OrderStatus;

  @Column({ length: 3, default: "EUR" })
  currency: string;

  @Column("int")
  totalCents: number;

  @Column("jsonb", { default: () => "'[]'" })
  lines: Array<{ productId: number; quantity: number; unitCents: number }>;

  @CreateDateColumn()
  createdAt: Date;
}
