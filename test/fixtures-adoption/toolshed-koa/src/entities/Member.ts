import { BaseEntity, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Branch } from "./Branch";

@Entity()
@Index(["branchId", "name"])
export class Member extends BaseEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  branchId: number;

  @ManyToOne(() => Branch)
  @JoinColumn({ name: "branchId" })
  branch: Branch;

  @Index({ unique: true })
  @Column()
  email: string;

  @Column()
  name: string;

  @Column({ type: "varchar", nullable: true })
  phone: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
