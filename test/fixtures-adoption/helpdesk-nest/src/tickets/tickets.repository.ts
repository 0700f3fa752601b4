import { Injectable } from "@nestjs/common";
import type { Ticket, TicketPriority } from "@prisma/client";
import { PrismaService } from "../prisma/prisma.service";

@Injectable()
export class TicketsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: number) {
    return this.prisma.ticket.findUnique({
      where: { id },
      include: { customer: true, assignee: { select: { id: true, displayName: true } } },
    });
  }

  // Bulk hydrate for the agent inbox; findUnique calls in one tick are batched by Prisma.
  findByIds(ids: number[]): Promise<(Ticket | null)[]> {
    return Promise.all(ids.map((id) => this.prisma.ticket.findUnique({ where: { id } })));
  }

  openTickets(organizationId: number): Promise<Ticket[]> {
    return this.prisma.ticket.findMany({ where: { organizationId, status: "OPEN" }, orderBy: { createdAt: "asc" } }); // expect: unbounded-query
  }

  openPage(organizationId: number, take: number, cursor?: number): Promise<Ticket[]> {
    return this.prisma.ticket.findMany({
      where: { organizationId, status: "OPEN" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      cursor: cursor ? { id: cursor } : undefined,
      skip: cursor ? 1 : 0,
    });
  }

  countOpenForAgent(agentId: number): Promise<number> {
    return this.prisma.ticket.count({ where: { assigneeId: agentId, status: { in: ["OPEN", "PENDING"] } } });
  }

  assign(ticketId: number, agentId: number): Promise<Ticket> {
    return this.prisma.ticket.update({ where: { id: ticketId }, data: { assigneeId: agentId } });
  }

  escalate(ticketId: number, priority: TicketPriority, dueAt: Date): Promise<Ticket> {
    return this.prisma.ticket.update({ where: { id: ticketId }, data: { priority, dueAt } });
  }
}
