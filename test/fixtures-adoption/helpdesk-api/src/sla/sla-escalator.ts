import { EntityManager } from "typeorm";
import { SlaBreach } from "../entities/sla-breach.entity";
import { Ticket, TicketPriority } from "../entities/ticket.entity";

export interface SlaPolicy {
  name: string;
  escalateTo: TicketPriority;
}

export const DEFAULT_POLICY: SlaPolicy = { name: "default-response-time", escalateTo: TicketPriority.Urgent };

/** Records that a ticket missed its due date and raises its priority. */
export class SlaEscalator {
  constructor(
    private readonly manager: EntityManager,
    private readonly policy: SlaPolicy,
  ) {}

  async escalate(ticket: Ticket): Promise<void> {
    await this.manager.insert(SlaBreach, { ticketId: ticket.id, policy: this.policy.name, dueAt: ticket.dueAt ?? new Date() });
    await this.manager.update(Ticket, { id: ticket.id }, { priority: this.policy.escalateTo });
  }
}

/** Escalators are built per run so that a job can hand in the manager of its own transaction. */
export function createEscalator(manager: EntityManager, policy: SlaPolicy = DEFAULT_POLICY): SlaEscalator {
  return new SlaEscalator(manager, policy);
}
