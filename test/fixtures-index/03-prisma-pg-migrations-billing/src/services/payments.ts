import { prisma } from "../db";

export async function teamPayments(teamId: string) {
  return prisma.payment.findMany({ where: { invoice: { teamId } }, orderBy: { createdAt: "desc" }, take: 50 });
}

export async function failedTeamPayments(teamId: string) {
  return prisma.payment.findMany({ where: { status: "FAILED", invoice: { teamId } }, take: 50 });
}

export async function invoicePayments(invoiceId: string) {
  return prisma.payment.findMany({ where: { invoiceId }, orderBy: { createdAt: "asc" } });
}

export async function latestPayments() {
  return prisma.payment.findMany({ orderBy: { createdAt: "desc" }, take: 25, include: { invoice: { select: { number: true, teamId: true } } } }); // expect: unindexed-filter
}

// Support pastes either our id or Stripe's "pi_..." id.
export async function findPayment(ref: string) {
  return prisma.payment.findFirst({ where: { OR: [{ id: ref }, { providerId: ref }] } });
}

export async function refundsForInvoice(invoiceId: string) {
  return prisma.refund.findMany({ where: { payment: { invoiceId } }, orderBy: { createdAt: "desc" } }); // expect: unindexed-filter
}

export async function recordRefund(paymentId: string, amountCents: number, reason?: string) {
  return prisma.refund.create({ data: { paymentId, amountCents, reason } });
}
