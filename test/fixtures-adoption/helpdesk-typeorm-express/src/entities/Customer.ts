import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from "typeorm";
import type { Ticket } from "./Ticket";

export type CustomerPlan = "free" | "team" | "enterprise";

@Entity()
export class Customer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 160 })
  name: string;

  @Column({ unique: true, length: 120 })
  emailDomain: string;

  @Column({ type: "varchar", length: 16, default: "free" })
  plan: CustomerPlan;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @OneToMany("Ticket", "customer", { lazy: true })
  tickets: Promise<Ticket[]>;
}
