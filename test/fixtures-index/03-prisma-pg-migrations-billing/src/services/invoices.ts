import { prisma } from "../db";

const CURRENCIES = [
  { code: "EUR", minorUnits: 2 },
  { code: "USD", minorUnits: 2 },
  { code: "JPY", minorUnits: 0 },
];

const teamScope = (teamId: string) => ({ teamId });

export function formatAmount(cents: number, currency: string): string {
  const unit = CURRENCIES.find((c) => c.code === currency) ?? { code: currency, minorUnits: 2 };
  return `${(cents / 10 ** unit.minorUnits).toFixed(unit.minorUnits)} ${unit.code}`;
}

export async function listInvoices(teamId: string, cursor?: string) {
  return prisma.invoice.findMany({ where: { teamId }, cursor: cursor ? { id: cursor } : undefined, skip: cursor ? 1 : 0, take: 25, orderBy: { id: "asc" } });
}

export async function openInvoices(teamId: string) {
  return prisma.invoice.findMany({ where: { teamId, status: "OPEN" }, orderBy: { dueDate: "asc" }, take: 50 });
}

export async function invoiceByNumber(teamId: string, number: string) {
  return prisma.invoice.findUnique({ where: { teamId_number: { teamId, number } }, include: { lines: true, payments: true } });
}

export async function customerInvoices(customerId: string) {
  return prisma.invoice.findMany({ where: { customerId }, orderBy: { createdAt: "desc" }, take: 10 }); // expect: unindexed-filter
}

// Cross-team dunning job, every hour.
export async function overdueSweep(now = new Date()) {
  return prisma.invoice.findMany({ where: { status: "OPEN", dueDate: { lt: now } }, orderBy: { dueDate: "asc" }, take: 500, select: { id: true, teamId: true, customerId: true } }); // expect: unindexed-filter
}

export async function voidedInvoices(teamId: string) {
  return prisma.invoice.findMany({ where: { ...teamScope(teamId), status: "VOID" }, take: 100 });
}

export async function lineTotalForPrice(invoiceId: string, priceId: string) {
  const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { lines: true } });
  const line = invoice.lines.find((l) => l.priceId === priceId);
  return line ? formatAmount(line.unitCents * line.quantity, invoice.currency) : null;
}

export async function markPaid(invoiceId: string) {
  return prisma.invoice.update({ where: { id: invoiceId }, data: { status: "PAID" } });
}
