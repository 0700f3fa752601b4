import "server-only";
import { prisma } from "@/lib/db";

const EVENT_STATUSES = ["DRAFT", "PUBLISHED", "CANCELLED"] as const;

export async function eventStats(eventId: string) {
  const rsvps = await prisma.rsvp.findMany({ where: { eventId, status: "going" } }); // expect: count-via-length, unbounded-query
  const paidOrders = await prisma.ticketOrder.findMany({ where: { eventId, status: "PAID" }, select: { amountCents: true, quantity: true } }); // expect: unbounded-query

  let revenueCents = 0;
  let ticketsSold = 0;
  for (const order of paidOrders) { // expect: in-memory-aggregation
    revenueCents += order.amountCents;
    ticketsSold += order.quantity;
  }

  return { going: rsvps.length, revenueCents, ticketsSold };
}

export async function organizerCounts(organizerId: string) {
  const counts = await Promise.all(EVENT_STATUSES.map((status) => prisma.event.count({ where: { organizerId, status } })));
  return Object.fromEntries(EVENT_STATUSES.map((status, index) => [status, counts[index]]));
}
