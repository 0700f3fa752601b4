import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Product } from "./product.entity";

@Entity()
export class Review {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @ManyToOne(() => Product, (product) => product.reviews, { nullable: false, onDelete: "CASCADE" })
  product: Product;

  @Column("smallint")
  rating: number;

  @Column("text", { default: "" })
  body: string;

  @Column({ length: 120 })
  authorName: string;

  @CreateDateColumn()
  createdAt: Date;
}
