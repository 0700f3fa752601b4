import { BaseEntity, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Branch } from "./Branch";

export type ToolCondition = "good" | "worn" | "repair";

@Entity()
@Index(["branchId", "name"])
export class Tool extends BaseEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  branchId: number;

  @ManyToOne(() => Branch)
  @JoinColumn({ name: "branchId" })
  branch: Branch;

  @Column()
  name: string;

  @Column()
  category: string;

  @Column({ type: "varchar", default: "good" })
  condition: ToolCondition;

  @Column({ type: "int" })
  dailyFeeCents: number;

  @Column({ type: "text", nullable: true })
  safetyNotes: string | null;
}
