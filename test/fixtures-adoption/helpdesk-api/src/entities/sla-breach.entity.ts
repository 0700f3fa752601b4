import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Ticket } from "./ticket.entity";

@Entity("sla_breaches")
export class SlaBreach {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid" })
  ticketId: string;

  @Index()
  @ManyToOne(() => Ticket, { onDelete: "CASCADE" })
  @JoinColumn({ name: "ticketId" })
  ticket: Ticket;

  @Column()
  policy: string;

  @Column({ type: "timestamptz" })
  dueAt: Date;

  @CreateDateColumn({ type: "timestamptz" })
  breachedAt: Date;
}
