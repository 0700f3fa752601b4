import { Column, Entity, Index, ManyToOne, OneToMany, PrimaryGeneratedColumn } from "typeorm";
import { Merchant } from "./merchant.entity";
import { Review } from "./review.entity";

@Entity()
export class Product {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @ManyToOne(() => Merchant, (merchant) => merchant.products, { nullable: false })
  merchant: Merchant;

  @Column({ length: 200 })
  name: string;

  @Column({ length: 64 })
  sku: string;

  @Column("text", { default: "" })
  description: string;

  @Column("int")
  priceCents: number;

  @Column("int", { default: 0 })
  stock: number;

  @Column("int", { default: 5 })
  reorderThreshold: number;

  @Column({ default: false })
  featured: boolean;

  @Column({ default: false })
  archived: boolean;

  @OneToMany(() => Review, (review) => review.product)
  reviews: Review[];
}
