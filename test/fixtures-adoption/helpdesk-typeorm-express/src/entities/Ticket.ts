import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  RelationId,
  UpdateDateColumn,
} from "typeorm";
import { Agent } from "./Agent";
import { Customer } from "./Customer";
import type { Comment } from "./Comment";

export type TicketStatus = "open" | "pending" | "closed";
export type TicketPriority = "low" | "normal" | "high" | "urgent";

@Entity()
export class Ticket {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 240 })
  subject: string;

  @Column("text")
  body: string;

  @Index()
  @Column({ type: "varchar", length: 16, default: "open" })
  status: TicketStatus;

  @Column({ type: "varchar", length: 16, default: "normal" })
  priority: TicketPriority;

  @Index()
  @ManyToOne(() => Customer, (customer) => customer.tickets, { lazy: true, nullable: false })
  customer: Promise<Customer>;

  @RelationId((ticket: Ticket) => ticket.customer)
  customerId: number;

  @Index()
  @ManyToOne(() => Agent, { nullable: true })
  assignee: Agent | null;

  @RelationId((ticket: Ticket) => ticket.assignee)
  assigneeId: number | null;

  @Column({ type: "timestamptz", nullable: true })
  dueAt: Date | null;

  @Index()
  @Column({ type: "timestamptz", nullable: true })
  resolvedAt: Date | null;

  @Column("int", { default: 0 })
  resolutionMinutes: number;

  @OneToMany("Comment", "ticket", { lazy: true })
  comments: Promise<Comment[]>;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
