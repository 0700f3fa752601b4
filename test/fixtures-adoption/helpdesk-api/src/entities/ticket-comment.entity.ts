import { Field, ID, ObjectType } from "@nestjs/graphql";
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Agent } from "./agent.entity";
import { Ticket } from "./ticket.entity";

@ObjectType()
@Entity("ticket_comments")
@Index(["ticket", "createdAt"])
export class TicketComment {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid" })
  ticketId: string;

  @ManyToOne(() => Ticket, (ticket) => ticket.comments, { onDelete: "CASCADE" })
  @JoinColumn({ name: "ticketId" })
  ticket: Ticket;

  /** Null for messages written by the customer through the portal or by email. */
  @Column({ type: "uuid", nullable: true })
  authorId: string | null;

  @Index()
  @ManyToOne(() => Agent, { nullable: true })
  @JoinColumn({ name: "authorId" })
  author: Agent | null;

  @Field()
  @Column({ type: "text" })
  body: string;

  /** Internal notes are hidden from the customer portal. */
  @Column({ default: false })
  internal: boolean;

  @Field()
  @CreateDateColumn({ type: "timestamptz" })
  createdAt: Date;
}
