import { BaseEntity, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Member } from "./Member";
import { Tool } from "./Tool";

@Entity()
@Index(["toolId", "createdAt"])
@Index(["memberId"])
export class Reservation extends BaseEntity {
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

  @CreateDateColumn()
  createdAt: Date;
}
