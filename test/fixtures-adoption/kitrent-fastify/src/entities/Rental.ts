import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from "typeorm";
import { Branch } from "./Branch";
import { Customer } from "./Customer";
import { RentalItem } from "./RentalItem";

export type RentalStatus = "open" | "overdue" | "closed";

@Entity("rental")
@Index(["branchId", "status", "startsAt"])
@Index(["customerId", "startsAt"])
export class Rental {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  branchId: number;

  @ManyToOne(() => Branch)
  @JoinColumn({ name: "branchId" })
  branch: Branch;

  @Column()
  customerId: number;

  @ManyToOne(() => Customer)
  @JoinColumn({ name: "customerId" })
  customer: Customer;

  @Column({ type: "varchar", default: "open" })
  status: RentalStatus;

  @Column({ type: "timestamptz" })
  startsAt: Date;

  @Column({ type: "timestamptz" })
  dueAt: Date;

  @Column({ type: "timestamptz", nullable: true })
  returnedAt: Date | null;

  @Column({ type: "int", default: 0 })
  totalCents: number;

  @OneToMany(() => RentalItem, (item) => item.rental)
  items: RentalItem[];

  @CreateDateColumn()
  createdAt: Date;
}
