import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from "typeorm";
import { Product } from "./product.entity";
import { Order } from "./order.entity";

@Entity()
export class Merchant {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 120 })
  name: string;

  @Column({ unique: true, length: 64 })
  slug: string;

  @Column({ length: 3, default: "EUR" })
  currency: string;

  @CreateDateColumn()
  createdAt: Date;

  @OneToMany(() => Product, (product) => product.merchant)
  products: Product[];

  @OneToMany(() => Order, (order) => order.merchant)
  orders: Order[];
}
