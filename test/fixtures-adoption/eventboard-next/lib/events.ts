import "server-only";
import { prisma } from "@/lib/db";

export async function findOrganizerBySlug(slug: string) {
  return prisma.organizer.findUnique({ where: { slug }, select: { id: true, name: true } });
}

export async function listOrganizerEvents(organizerId: string) {
  return prisma.event.findMany({ where: { organizerId, status: "PUBLISHED" }, orderBy: { startsAt: "asc" }, include: { venue: { select: { name: true, city: true } } } }); // expect: missing-pagination
}

/** Home-page carousel: the editors pick up to twelve events by id. */
export async function featuredEvents(ids: string[]) {
  const events = await prisma.event.findMany({
    where: { id: { in: ids }, status: "PUBLISHED" },
    select: { id: true, title: true, startsAt: true, venueId: true, categorySlug: true },
  });
  const venues = await prisma.venue.findMany({
    where: { id: { in: events.map((event) => event.venueId) } },
    select: { id: true, name: true, city: true },
  });
  return events.map((event) => ({ ...event, venue: venues.find((venue) => venue.id === event.venueId) ?? null }));
}

export async function createEvent(organizerId: string, input: {
  venueId: string;
  categorySlug: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}) {
  return prisma.event.create({ data: { ...input, organizerId }, select: { id: true, status: true } });
}
