import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, RelationId } from "typeorm";
import { Merchant } from "./Merchant";
import { Customer } from "./Customer";

export enum ProductStatus {
  Draft = "draft",
  Active = "active",
  Archived = "archived",
}

@Entity("products")
@Index("IDX_products_merchant_status", ["merchant", "status"])
@Index("UQ_products_merchant_sku", ["merchant", "sku"], { unique: true })
export class Product {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @ManyToOne(() => Merchant, { onDelete: "CASCADE" }) @JoinColumn({ name: "merchantId" }) merchant!: Merchant;

  @RelationId((p: Product) => p.merchant)
  merchantId!: string;

  @Column()
  sku!: string;

  @Column()
  title!: string;

  @Column({ type: "enum", enum: ProductStatus, default: ProductStatus.Draft })
  status!: ProductStatus;

  @Column("int")
  priceCents!: number;

  @Column("int", { default: 0 })
  stock!: number;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}

@Entity("reviews")
@Index("IDX_reviews_product_created", ["product", "createdAt"])
export class Review {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @ManyToOne(() => Product, { onDelete: "CASCADE" }) @JoinColumn({ name: "productId" }) product!: Product;

  @ManyToOne(() => Customer, { onDelete: "CASCADE" }) @JoinColumn({ name: "authorId" }) author!: Customer; // expect: unindexed-foreign-key

  @Column("smallint")
  rating!: number;

  @Column("text")
  body!: string;

  @Column({ default: false })
  flagged!: boolean;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
