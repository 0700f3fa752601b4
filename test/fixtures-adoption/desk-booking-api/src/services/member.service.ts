import type { Booking } from "@prisma/client";
import { HttpError, notFound } from "../lib/errors";
import { findDeskById } from "../repositories/desk.repository";
import {
  activeBookingCount,
  createBooking,
  findOverlappingBooking,
  listUpcomingForMember,
} from "../repositories/booking.repository";
import { findMembersByIds, findMemberWithPlan, listPlans, pageMembers } from "../repositories/member.repository";

const AGENDA_SIZE = 20;
const DEFAULT_PAGE = 25;
const MAX_PAGE = 100;

const PLAN_PERKS = [
  { code: "flex", perks: ["hot desk", "coffee & tea"] },
  { code: "dedicated", perks: ["fixed desk", "locker", "coffee & tea"] },
  { code: "team", perks: ["private room", "locker", "4h meeting room credit"] },
] as const;

export interface AgendaItem {
  bookingId: number;
  startsAt: Date;
  endsAt: Date;
  desk: string;
}

export async function getAgenda(memberId: number): Promise<AgendaItem[]> {
  const bookings = await listUpcomingForMember(memberId, AGENDA_SIZE);
  const agenda: AgendaItem[] = [];
  for (const booking of bookings) {
    const desk = await findDeskById(booking.deskId); // expect: n-plus-one
    agenda.push({
      bookingId: booking.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      desk: desk ? `${desk.zone} / ${desk.label}` : "unknown desk",
    });
  }
  return agenda;
}

export async function getMemberProfile(memberId: number) {
  const member = await findMemberWithPlan(memberId);
  if (!member) {
    throw notFound(`member ${memberId}`);
  }
  const perks = PLAN_PERKS.find((entry) => entry.code === member.plan.code)?.perks ?? [];
  return { ...member, perks };
}

export async function bookDesk(
  memberId: number,
  input: { deskId: number; startsAt: Date; endsAt: Date; note?: string },
): Promise<Booking> {
  if (input.endsAt <= input.startsAt) {
    throw new HttpError(400, "endsAt must be after startsAt");
  }
  const member = await findMemberWithPlan(memberId);
  if (!member) {
    throw notFound(`member ${memberId}`);
  }
  const active = await activeBookingCount(memberId);
  if (active >= member.plan.bookingLimit) {
    throw new HttpError(409, `plan "${member.plan.name}" allows ${member.plan.bookingLimit} open bookings`);
  }
  const clash = await findOverlappingBooking(input.deskId, input.startsAt, input.endsAt);
  if (clash) {
    throw new HttpError(409, "desk is already booked for that slot");
  }
  return createBooking({ memberId, ...input });
}

export function lookupMembers(ids: number[]) {
  return findMembersByIds(ids);
}

export function listMembers(workspaceId: number, query: { cursor?: number; limit?: number }) {
  const take = Math.min(Math.max(query.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
  return pageMembers(workspaceId, { take, cursor: query.cursor });
}

export function availablePlans() {
  return listPlans();
}
