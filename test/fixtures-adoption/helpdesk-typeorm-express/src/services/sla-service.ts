import { TicketRepository } from "../repositories/ticket.repository";
import { directory } from "../lib/agent-directory";
import type { TicketPriority } from "../entities/Ticket";

export interface Escalation {
  ticketId: number;
  subject: string;
  customer: string;
  owner: string | null;
  openedAt: Date;
}

const SLA_TARGETS: ReadonlyArray<{ priority: TicketPriority; minutes: number }> = [
  { priority: "urgent", minutes: 60 },
  { priority: "high", minutes: 4 * 60 },
  { priority: "normal", minutes: 24 * 60 },
  { priority: "low", minutes: 72 * 60 },
];

const ESCALATION_BATCH = 100;

export function targetMinutes(priority: TicketPriority): number {
  return SLA_TARGETS.find((target) => target.priority === priority)?.minutes ?? 24 * 60;
}

export function dueDateFor(priority: TicketPriority, from = new Date()): Date {
  return new Date(from.getTime() + targetMinutes(priority) * 60_000);
}

export async function enterpriseEscalations(): Promise<Escalation[]> {
  const urgent = await TicketRepository.find({
    where: { status: "open", priority: "urgent" },
    order: { id: "ASC" },
    take: ESCALATION_BATCH,
  });

  const escalations: Escalation[] = [];
  for (const ticket of urgent) {
    const customer = await ticket.customer; // expect: n-plus-one
    if (customer.plan !== "enterprise") continue;
    const owner = ticket.assigneeId === null ? null : directory.findOneBy({ id: ticket.assigneeId });
    escalations.push({
      ticketId: ticket.id,
      subject: ticket.subject,
      customer: customer.name,
      owner: owner ? owner.displayName : null,
      openedAt: ticket.createdAt,
    });
  }
  return escalations;
}
