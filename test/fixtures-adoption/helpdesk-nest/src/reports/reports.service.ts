import { Injectable } from "@nestjs/common";
import type { Ticket } from "@prisma/client";
import { PrismaService } from "../prisma/prisma.service";
import { AgentsRepository } from "../agents/agents.repository";
import { TicketsRepository } from "../tickets/tickets.repository";

const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
type PriorityKey = (typeof PRIORITIES)[number];

export interface WorkloadRow {
  agentId: number;
  displayName: string;
  openTickets: number;
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly agents: AgentsRepository,
    private readonly tickets: TicketsRepository,
  ) {}

  async agentWorkload(organizationId: number): Promise<WorkloadRow[]> {
    const agents = await this.agents.listActive(organizationId);
    const rows: WorkloadRow[] = [];
    for (const agent of agents) {
      const openTickets = await this.tickets.countOpenForAgent(agent.id); // expect: n-plus-one
      rows.push({ agentId: agent.id, displayName: agent.displayName, openTickets });
    }
    return rows.sort((a, b) => b.openTickets - a.openTickets);
  }

  async averageResolutionMinutes(organizationId: number): Promise<number | null> {
    const solved = await this.prisma.ticket.findMany({ where: { organizationId, status: "SOLVED" } }); // expect: unbounded-query
    if (solved.length === 0) {
      return null;
    }
    let totalMinutes = 0;
    for (const ticket of solved) { // expect: in-memory-aggregation
      totalMinutes += ticket.resolutionMinutes;
    }
    return Math.round(totalMinutes / solved.length);
  }

  async openByPriority(organizationId: number): Promise<Record<PriorityKey, number>> {
    const result: Record<PriorityKey, number> = { LOW: 0, NORMAL: 0, HIGH: 0, URGENT: 0 };
    for (const priority of PRIORITIES) {
      result[priority] = await this.prisma.ticket.count({ where: { organizationId, status: "OPEN", priority } });
    }
    return result;
  }

  // The 20 oldest open tickets, for the "at risk" widget.
  oldestOpen(organizationId: number): Promise<Ticket[]> {
    return this.prisma.$queryRaw<Ticket[]>`SELECT * FROM "Ticket" WHERE "organizationId" = ${organizationId} AND "status" = 'OPEN' ORDER BY "createdAt" ASC LIMIT 20`; // expect: select-star
  }
}
