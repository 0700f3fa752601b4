import type { TicketPriority } from "@prisma/client";

export interface EscalationRule {
  priority: TicketPriority;
  next: TicketPriority;
  dueInHours: number;
}

// Product decision, not data: escalation bumps one level and tightens the SLA.
export const ESCALATION_RULES: readonly EscalationRule[] = [
  { priority: "LOW", next: "NORMAL", dueInHours: 48 },
  { priority: "NORMAL", next: "HIGH", dueInHours: 24 },
  { priority: "HIGH", next: "URGENT", dueInHours: 4 },
  { priority: "URGENT", next: "URGENT", dueInHours: 1 },
];

export function addHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * 3_600_000);
}

export function isDefined<T>(value: T | undefined | null): value is T {
  return value !== undefined && value !== null;
}
