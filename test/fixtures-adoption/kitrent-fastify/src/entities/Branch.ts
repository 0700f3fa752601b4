import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity("branch")
export class Branch {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ unique: true })
  code: string;

  @Column()
  name: string;

  @Column()
  city: string;

  /** Each franchise branch keeps its own reporting database for the accountant. */
  @Column({ type: "varchar", nullable: true })
  reportingDbUrl: string | null;
}
