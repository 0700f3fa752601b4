import { BaseEntity, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Member } from "./Member";
import { Tool } from "./Tool";

export type LoanStatus = "out" | "returned" | "lost";

@Entity()
@Index(["memberId", "dueAt"])
@Index(["toolId", "status"])
@Index(["status", "dueAt"])
export class Loan extends BaseEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  toolId: number;

  @ManyToOne(() => Tool)
  @JoinColumn({ name: "toolId" })
  tool: Tool;

  @Column()
  memberId: number;

  @ManyToOne(() => Member)
  @JoinColumn({ name: "memberId" })
  member: Member;

  @Column({ type: "varchar", default: "out" })
  status: LoanStatus;

  @Column({ type: "timestamptz" })
  dueAt: Date;

  @Column({ type: "timestamptz", nullable: true })
  returnedAt: Date | null;

  @Column({ type: "timestamptz", nullable: true })
  remindedAt: Date | null;

  @Column({ type: "int", default: 0 })
  lateFeeCents: number;
}
