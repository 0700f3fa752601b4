import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Branch } from "./Branch";

export type EquipmentStatus = "available" | "rented" | "maintenance" | "retired";

@Entity("equipment")
@Index(["branchId", "status"])
export class Equipment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  branchId: number;

  @ManyToOne(() => Branch)
  @JoinColumn({ name: "branchId" })
  branch: Branch;

  @Column({ unique: true })
  serial: string;

  @Column()
  name: string;

  @Column()
  category: string;

  @Column({ type: "int" })
  dailyRateCents: number;

  @Column({ type: "varchar", default: "available" })
  status: EquipmentStatus;
}
