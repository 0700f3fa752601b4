import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity()
export class Agent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ unique: true, length: 254 })
  email: string;

  @Column({ length: 120 })
  displayName: string;

  @Column({ length: 32, default: "tier1" })
  team: string;

  @Column({ default: true })
  active: boolean;
}
