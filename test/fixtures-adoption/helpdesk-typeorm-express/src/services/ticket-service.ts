import { In } from "typeorm";
import { TicketRepository } from "../repositories/ticket.repository";
import { CustomerRepository } from "../repositories/customer.repository";
import type { Ticket, TicketPriority, TicketStatus } from "../entities/Ticket";
import { dueDateFor } from "./sla-service";

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface TicketDto {
  id: number;
  subject: string;
  status: TicketStatus;
  priority: string;
  customerId: number;
  assigneeId: number | null;
  dueAt: string | null;
}

export interface NewTicketInput {
  subject: string;
  body: string;
  priority: TicketPriority;
  requesterEmail: string;
}

const PRIORITY_LABELS = [
  { key: "low", label: "Low" },
  { key: "normal", label: "Normal" },
  { key: "high", label: "High" },
  { key: "urgent", label: "Urgent" },
];

const CLOSE_BATCH = 500;

export function toTicketDto(ticket: Ticket): TicketDto {
  const label = PRIORITY_LABELS.find((entry) => entry.key === ticket.priority)?.label ?? ticket.priority;
  return {
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    priority: label,
    customerId: ticket.customerId,
    assigneeId: ticket.assigneeId,
    dueAt: ticket.dueAt ? ticket.dueAt.toISOString() : null,
  };
}

export async function listByStatus(status: TicketStatus): Promise<TicketDto[]> {
  const tickets = await TicketRepository.findByStatus(status);
  return tickets.map(toTicketDto);
}

export async function ticketsByIds(ids: number[]): Promise<TicketDto[]> {
  const tickets = await TicketRepository.findBy({ id: In(ids) });
  return tickets.map(toTicketDto);
}

export async function createTicket(input: NewTicketInput): Promise<TicketDto> {
  const customer = await CustomerRepository.byEmailDomain(input.requesterEmail);
  if (!customer) throw new HttpError(422, "no customer account for this email domain");
  const ticket = TicketRepository.create({
    subject: input.subject,
    body: input.body,
    priority: input.priority,
    dueAt: dueDateFor(input.priority),
  });
  ticket.customer = Promise.resolve(customer);
  const saved = await TicketRepository.save(ticket);
  return { ...toTicketDto(saved), customerId: customer.id };
}

export async function closeAllForCustomer(customerId: number): Promise<number> {
  const open = await TicketRepository.find({ where: { customer: { id: customerId }, status: "open" }, take: CLOSE_BATCH }); // expect: select-star
  const result = await TicketRepository.update({ id: In(open.map((ticket) => ticket.id)) }, { status: "closed", resolvedAt: new Date() });
  return result.affected ?? 0;
}
