import { Injectable, NotFoundException } from "@nestjs/common";
import type { Ticket, TicketMessage } from "@prisma/client";
import { PrismaService } from "../prisma/prisma.service";
import { addHours, ESCALATION_RULES, isDefined } from "../common/escalation";
import { TicketsRepository } from "./tickets.repository";
import { MessagesRepository } from "./messages.repository";
import { RecentTicketsStore, TicketSnapshot } from "./recent-tickets.store";

const DEFAULT_PAGE = 25;
const MAX_PAGE = 100;
const QUEUE_SIZE = 25;

export interface OpenTicketsPage {
  items: Array<Ticket & { customer: { id: number; name: string; email: string; company: string | null } | null }>;
  nextCursor: number | null;
}

@Injectable()
export class TicketsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly tickets: TicketsRepository,
    private readonly messages: MessagesRepository,
    private readonly recent: RecentTicketsStore,
  ) {}

  async listOpen(organizationId: number, query: { cursor?: number; limit?: number }): Promise<OpenTicketsPage> {
    const take = Math.min(Math.max(query.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
    const page = await this.tickets.openPage(organizationId, take, query.cursor);

    // One IN query for the customers of the page, then Map look-ups.
    const customerIds = [...new Set(page.map((ticket) => ticket.customerId))];
    const customers = await this.prisma.customer.findMany({
      where: { id: { in: customerIds } },
      select: { id: true, name: true, email: true, company: true },
    });
    const byId = new Map(customers.map((customer) => [customer.id, customer]));

    return {
      items: page.map((ticket) => ({ ...ticket, customer: byId.get(ticket.customerId) ?? null })),
      nextCursor: page.length === take ? page[page.length - 1].id : null,
    };
  }

  async getTicket(ticketId: number, viewerAgentId?: number) {
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket) {
      throw new NotFoundException(`ticket ${ticketId} not found`);
    }
    if (viewerAgentId) {
      this.recent.remember(viewerAgentId, { id: ticket.id, subject: ticket.subject, status: ticket.status });
    }
    return ticket;
  }

  messagesFor(ticketId: number): Promise<TicketMessage[]> {
    return this.messages.listForTicket(ticketId);
  }

  // Triage queue: newest open tickets with their last public reply, so agents see
  // at a glance whether the customer is waiting on us.
  async queue(organizationId: number, cursor?: number) {
    const page = await this.tickets.openPage(organizationId, QUEUE_SIZE, cursor);
    return Promise.all(
      page.map(async (ticket) => {
        const lastReply = await this.messages.latestPublicReply(ticket.id); // expect-new: n-plus-one
        const waitingOnAgent = lastReply === null || lastReply.authorAgentId === null;
        return { ...ticket, lastReply, waitingOnAgent };
      }),
    );
  }

  async overdue(organizationId: number, now = new Date()): Promise<Ticket[]> {
    const open = await this.tickets.openTickets(organizationId);
    return open.filter((ticket) => ticket.dueAt !== null && ticket.dueAt < now); // expect: in-memory-filter
  }

  lookup(ids: number[]): Promise<(Ticket | null)[]> {
    return this.tickets.findByIds(ids);
  }

  recentFor(agentId: number): TicketSnapshot[] {
    const snapshots: TicketSnapshot[] = [];
    for (const id of this.recent.findMany(agentId)) {
      const snapshot = this.recent.findUnique(id);
      if (isDefined(snapshot)) snapshots.push(snapshot);
    }
    return snapshots;
  }

  async escalate(ticketId: number, now = new Date()): Promise<Ticket> {
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket) {
      throw new NotFoundException(`ticket ${ticketId} not found`);
    }
    const rule = ESCALATION_RULES.find((candidate) => candidate.priority === ticket.priority);
    if (!rule) {
      return ticket;
    }
    return this.tickets.escalate(ticket.id, rule.next, addHours(now, rule.dueInHours));
  }

  async reply(ticketId: number, agentId: number, body: string, internal: boolean) {
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket) {
      throw new NotFoundException(`ticket ${ticketId} not found`);
    }
    if (!ticket.assigneeId) {
      await this.tickets.assign(ticket.id, agentId);
    }
    return this.messages.addReply(ticket.id, agentId, body, internal);
  }
}
