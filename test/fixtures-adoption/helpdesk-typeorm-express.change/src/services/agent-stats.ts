import { Between } from "typeorm";
import { TicketRepository } from "../repositories/ticket.repository";
import type { Ticket, TicketStatus } from "../entities/Ticket";

const STATUSES = ["open", "pending", "closed"] as const;
const DAY_MS = 24 * 3600 * 1000;

export function windowLabel(from: Date, to: Date): string {
  const days = Math.max(1, Math.round((to.getTime() - from.getTime()) / DAY_MS));
  return days === 1 ? "last 24 hours" : `last ${days} days`;
}

export async function overdueFor(agentId: number, now = new Date()): Promise<Ticket[]> {
  const assigned = await TicketRepository.assignedTo(agentId);
  return assigned.filter((ticket) => ticket.status !== "closed" && ticket.dueAt !== null && ticket.dueAt < now); // expect: in-memory-filter
}

export async function resolutionStats(agentId: number, from: Date, to: Date) {
  const resolved = await TicketRepository.find({ where: { assignee: { id: agentId }, resolvedAt: Between(from, to) } });
  const slowest = Math.max(...resolved.map((ticket) => ticket.resolutionMinutes)); // expect: in-memory-aggregation
  return {
    agentId,
    from: from.toISOString(),
    to: to.toISOString(),
    window: windowLabel(from, to),
    resolvedCount: resolved.length,
    slowestMinutes: Number.isFinite(slowest) ? slowest : null,
  };
}

export async function statusCounts(): Promise<Record<TicketStatus, number>> {
  const counts: Record<TicketStatus, number> = { open: 0, pending: 0, closed: 0 };
  for (const status of STATUSES) {
    counts[status] = await TicketRepository.countBy({ status });
  }
  return counts;
}
