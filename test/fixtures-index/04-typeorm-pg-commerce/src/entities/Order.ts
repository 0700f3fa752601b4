import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, RelationId } from "typeorm";
import { Merchant } from "./Merchant";
import { Customer } from "./Customer";
import { Product } from "./Product";

export enum OrderStatus {
  Pending = "pending",
  Paid = "paid",
  Fulfilled = "fulfilled",
  Cancelled = "cancelled",
  Refunded = "refunded",
}

@Entity("orders")
@Index("IDX_orders_merchant_created", ["merchant", "createdAt"])
export class Order {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  // Human-facing order number, e.g. "SF-2024-000123".
  @Column({ unique: true })
  number!: string;

  @ManyToOne(() => Merchant) @JoinColumn({ name: "merchantId" }) merchant!: Merchant;

  @RelationId((o: Order) => o.merchant)
  merchantId!: string;

  // Indexed by migration 1716400000000 (customerId, createdAt).
  @ManyToOne(() => Customer) @JoinColumn({ name: "customerId" }) customer!: Customer;

  @Column({ type: "enum", enum: OrderStatus, default: OrderStatus.Pending })
  status!: OrderStatus;

  @Column({ type: "varchar", length: 32, nullable: true })
  couponCode!: string | null;

  @Column("int")
  totalCents!: number;

  @Column({ type: "timestamptz", nullable: true })
  paidAt!: Date | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @OneToMany(() => OrderItem, (item) => item.order, { cascade: ["insert"] })
  items!: OrderItem[];
}

@Entity("order_items")
export class OrderItem {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Index() @ManyToOne(() => Order, (o) => o.items, { onDelete: "CASCADE" }) @JoinColumn({ name: "orderId" }) order!: Order;

  @ManyToOne(() => Product) @JoinColumn({ name: "productId" }) product!: Product;

  @Column("int")
  quantity!: number;

  @Column("int")
  unitCents!: number;
}
