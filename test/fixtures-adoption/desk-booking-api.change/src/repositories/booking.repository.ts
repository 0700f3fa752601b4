import type { Booking, BookingStatus } from "@prisma/client";
import { prisma } from "../lib/db";

const LIVE_STATUSES: BookingStatus[] = ["CONFIRMED", "CHECKED_IN"];

export interface NewBooking {
  deskId: number;
  memberId: number;
  startsAt: Date;
  endsAt: Date;
  note?: string;
}

// Most recent live booking of a desk that has already started at `at`.
export function findLatestBookingForDesk(deskId: number, at: Date) {
  return prisma.booking.findFirst({
    where: { deskId, status: { in: LIVE_STATUSES }, startsAt: { lte: at } },
    orderBy: { startsAt: "desc" },
    select: { status: true, startsAt: true, endsAt: true },
  });
}

export function listUpcomingForMember(memberId: number, take: number): Promise<Booking[]> {
  return prisma.booking.findMany({
    where: { memberId, startsAt: { gte: new Date() } },
    orderBy: { startsAt: "asc" },
    take,
  });
}

export async function activeBookingCount(memberId: number): Promise<number> {
  const confirmed = await prisma.booking.findMany({ where: { memberId, status: "CONFIRMED" } }); // expect: count-via-length, unbounded-query
  return confirmed.length;
}

export function findOverlappingBooking(deskId: number, startsAt: Date, endsAt: Date) {
  return prisma.booking.findFirst({
    where: { deskId, status: { in: LIVE_STATUSES }, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
    select: { id: true, startsAt: true, endsAt: true },
  });
}

export function createBooking(input: NewBooking): Promise<Booking> {
  return prisma.booking.create({ data: input });
}

// Last 50 bookings of a desk, newest first, for the desk detail drawer.
export function deskHistory(deskId: number): Promise<Booking[]> {
  return prisma.$queryRaw<Booking[]>`SELECT * FROM "Booking" WHERE "deskId" = ${deskId} ORDER BY "startsAt" DESC LIMIT 50`; // expect: select-star
}
