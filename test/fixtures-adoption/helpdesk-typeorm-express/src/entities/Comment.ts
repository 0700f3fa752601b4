import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Agent } from "./Agent";
import { Ticket } from "./Ticket";

@Entity()
export class Comment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @ManyToOne(() => Ticket, (ticket) => ticket.comments, { nullable: false, onDelete: "CASCADE" })
  ticket: Ticket;

  @Index()
  @ManyToOne(() => Agent, { nullable: true })
  author: Agent | null;

  @Column("text")
  body: string;

  @Column({ default: false })
  internal: boolean;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
