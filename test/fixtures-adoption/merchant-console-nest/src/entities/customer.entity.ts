import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity()
export class Customer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ unique: true, length: 254 })
  email: string;

  @Column({ length: 160 })
  name: string;

  @CreateDateColumn()
  createdAt: Date;
}
