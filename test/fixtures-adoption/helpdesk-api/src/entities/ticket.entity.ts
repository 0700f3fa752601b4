import { Field, ID, Int, ObjectType, registerEnumType } from "@nestjs/graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import { Agent } from "./agent.entity";
import { Customer } from "./customer.entity";
import { TicketComment } from "./ticket-comment.entity";

export enum TicketStatus {
  Open = "open",
  Pending = "pending",
  Closed = "closed",
  Merged = "merged",
}

export enum TicketPriority {
  Low = "low",
  Normal = "normal",
  High = "high",
  Urgent = "urgent",
}

registerEnumType(TicketStatus, { name: "TicketStatus" });
registerEnumType(TicketPriority, { name: "TicketPriority" });

@ObjectType()
@Entity("tickets")
@Index(["status", "createdAt"])
@Index(["status", "dueAt"])
@Index(["status", "priority"])
export class Ticket {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  /** Human-facing ticket number (#10234). */
  @Field(() => Int)
  @Column({ type: "int", unique: true })
  @Generated("increment")
  number: number;

  @Field()
  @Column()
  subject: string;

  @Field(() => TicketStatus)
  @Column({ type: "enum", enum: TicketStatus, default: TicketStatus.Open })
  status: TicketStatus;

  @Field(() => TicketPriority)
  @Column({ type: "enum", enum: TicketPriority, default: TicketPriority.Normal })
  priority: TicketPriority;

  @Column({ type: "uuid" })
  customerId: string;

  @Index()
  @ManyToOne(() => Customer, { nullable: false })
  @JoinColumn({ name: "customerId" })
  customer: Customer;

  @Column({ type: "uuid", nullable: true })
  assigneeId: string | null;

  @Index()
  @ManyToOne(() => Agent, { nullable: true })
  @JoinColumn({ name: "assigneeId" })
  assignee: Agent | null;

  @Field({ nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  dueAt: Date | null;

  /** Set when the ticket was folded into another one; kept as a plain id for the audit trail. */
  @Column({ type: "uuid", nullable: true })
  mergedIntoId: string | null;

  @Column({ type: "int", default: 0 })
  reopenCount: number;

  @OneToMany(() => TicketComment, (comment) => comment.ticket)
  comments: TicketComment[];

  @Field()
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt: Date;
}
