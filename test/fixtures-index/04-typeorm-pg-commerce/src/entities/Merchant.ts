import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity("merchants")
export class Merchant {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ unique: true })
  slug!: string;

  @Column()
  displayName!: string;

  @Column({ default: true })
  active!: boolean;

  @Index()
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
