import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { Merchant } from "./Merchant";
import { Order } from "./Order";

@Entity("refunds")
export class Refund {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  // Indexed by migration 1716400000000 (IDX_refunds_orderId).
  @ManyToOne(() => Order) @JoinColumn({ name: "orderId" }) order!: Order;

  @ManyToOne(() => Merchant) @JoinColumn({ name: "merchantId" }) merchant!: Merchant; // expect: unindexed-foreign-key

  @Column("int")
  amountCents!: number;

  @Column({ type: "varchar", nullable: true })
  reason!: string | null;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}

export enum ShipmentStatus {
  LabelCreated = "label_created",
  InTransit = "in_transit",
  Delivered = "delivered",
  Lost = "lost",
}

@Entity("shipments")
@Unique("UQ_shipments_carrier_tracking", ["carrier", "trackingNumber"])
export class Shipment {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @ManyToOne(() => Order, { onDelete: "CASCADE" }) @JoinColumn({ name: "orderId" }) order!: Order; // expect: unindexed-foreign-key

  @Column()
  carrier!: string;

  @Column()
  trackingNumber!: string;

  @Column({ type: "enum", enum: ShipmentStatus, default: ShipmentStatus.LabelCreated })
  status!: ShipmentStatus;

  @Column({ type: "timestamptz", nullable: true })
  shippedAt!: Date | null;

  @Column({ type: "timestamptz", nullable: true })
  deliveredAt!: Date | null;
}
