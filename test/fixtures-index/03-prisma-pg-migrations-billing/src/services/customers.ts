import { prisma } from "../db";

export async function customerByEmail(teamId: string, email: string) {
  return prisma.customer.findUnique({ where: { teamId_email: { teamId, email } } });
}

export async function customerByStripeId(externalRef: string) {
  return prisma.customer.findFirst({ where: { externalRef } });
}

// Internal support tool: one box, accepts a Stripe id or an e-mail address, any team.
export async function supportLookup(ref: string) {
  return prisma.customer.findMany({ where: { OR: [{ externalRef: ref }, { email: ref }] }, take: 10, include: { team: true } }); // expect: unindexed-filter
}

export async function searchCustomers(teamId: string, q: string) {
  return prisma.customer.findMany({ where: { teamId, OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] }, take: 20 });
}

export async function activeSubscription(customerId: string) {
  return prisma.subscription.findFirst({ where: { customerId, status: "active" }, include: { price: true } });
}

// Renewal worker: subscriptions whose period ends before `until` and that are not canceled.
export async function renewalsDue(until: Date) {
  return prisma.subscription.findMany({ where: { currentPeriodEnd: { lte: until }, canceledAt: null }, orderBy: { currentPeriodEnd: "asc" }, take: 200 }); // expect: unindexed-filter
}

export async function teamPrices(teamId: string) {
  return prisma.price.findMany({ where: { teamId, active: true }, orderBy: { unitCents: "asc" } });
}
