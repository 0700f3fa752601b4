import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Equipment } from "./Equipment";

@Entity("maintenance_log")
@Index(["equipmentId", "performedAt"])
export class MaintenanceLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  equipmentId: number;

  @ManyToOne(() => Equipment)
  @JoinColumn({ name: "equipmentId" })
  equipment: Equipment;

  @Column({ type: "timestamptz" })
  performedAt: Date;

  @Column({ type: "int" })
  costCents: number;

  @Column({ type: "text", default: "" })
  notes: string;
}
