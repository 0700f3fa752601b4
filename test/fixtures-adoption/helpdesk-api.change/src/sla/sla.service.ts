import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { DataSource, LessThan, Repository } from "typeorm";
import { Ticket, TicketPriority, TicketStatus } from "../entities/ticket.entity";
import { holidayStore } from "./holiday-store";
import { createEscalator } from "./sla-escalator";

const BUSINESS_DAYS: Record<TicketPriority, number> = {
  [TicketPriority.Urgent]: 0,
  [TicketPriority.High]: 1,
  [TicketPriority.Normal]: 3,
  [TicketPriority.Low]: 5,
};

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Due date in business days, skipping weekends and the region's public holidays. */
export function computeDueDate(from: Date, priority: TicketPriority, region: string): Date {
  const due = new Date(from);
  let remaining = BUSINESS_DAYS[priority];
  if (remaining === 0) return new Date(from.getTime() + 4 * 60 * 60 * 1000);
  while (remaining > 0) {
    due.setUTCDate(due.getUTCDate() + 1);
    const weekday = due.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (holidayStore.findOne(region, isoDate(due))) continue;
    remaining--;
  }
  return due;
}

@Injectable()
export class SlaService {
  constructor(
    @InjectRepository(Ticket) private readonly ticketRepo: Repository<Ticket>,
    private readonly dataSource: DataSource,
  ) {}

  /** Re-applies the SLA clock to one open ticket; returns the new due date, or null when it has none. */
  async recalculateDueDate(ticketId: string): Promise<Date | null> {
    const ticket = await this.ticketRepo.findOne({ where: { id: ticketId }, relations: { customer: true } });
    if (!ticket || ticket.status !== TicketStatus.Open) return null;
    const dueAt = computeDueDate(ticket.createdAt, ticket.priority, ticket.customer.region);
    await this.ticketRepo.update({ id: ticket.id }, { dueAt });
    return dueAt;
  }

  /** Open tickets past their due date, oldest first, escalated in runs of 100. */
  async escalateOverdue(now = new Date()): Promise<{ escalated: number }> {
    const overdue = await this.ticketRepo.find({
      where: { status: TicketStatus.Open, dueAt: LessThan(now) },
      order: { dueAt: "ASC" },
      take: 100,
    });

    const escalator = createEscalator(this.dataSource.manager);
    for (const ticket of overdue) {
      await escalator.escalate(ticket); // expect: n-plus-one
    }
    return { escalated: overdue.length };
  }

  /** What the portal shows before a ticket is filed: when would it be due? */
  previewDueDate(priority: TicketPriority, region: string, from = new Date()) {
    const dueAt = computeDueDate(from, priority, region);
    const holidays = holidayStore.findMany(region).filter((holiday) => holiday.date >= isoDate(from) && holiday.date <= isoDate(dueAt));
    return { dueAt, holidays };
  }
}
