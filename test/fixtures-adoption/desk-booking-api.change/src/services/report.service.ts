import { prisma } from "../lib/db";

const INVOICE_STATUSES = ["DRAFT", "OPEN", "PAID", "VOID"] as const;
type InvoiceStatusKey = (typeof INVOICE_STATUSES)[number];

const currencyFormatters = new Map<string, Intl.NumberFormat>();

export function formatCents(cents: number, currency: string, locale = "de-DE"): string {
  const key = `${locale}:${currency}`;
  let formatter = currencyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    currencyFormatters.set(key, formatter);
  }
  return formatter.format(cents / 100);
}

/** Sum of the workspace's paid invoices, in the minor unit of its currency. */
export async function paidRevenueCents(workspaceId: number): Promise<number> {
  const invoices = await prisma.invoice.findMany({ where: { workspaceId, status: "PAID" } }); // expect: unbounded-query
  return invoices.reduce((sum, invoice) => sum + invoice.amountCents, 0); // expect: in-memory-aggregation
}

export async function invoiceStatusBreakdown(workspaceId: number): Promise<Record<InvoiceStatusKey, number>> {
  const counts: Record<InvoiceStatusKey, number> = { DRAFT: 0, OPEN: 0, PAID: 0, VOID: 0 };
  for (const status of INVOICE_STATUSES) {
    counts[status] = await prisma.invoice.count({ where: { workspaceId, status } });
  }
  return counts;
}
