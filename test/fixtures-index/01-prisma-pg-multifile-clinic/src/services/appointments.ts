import { AppointmentStatus, Prisma } from "@prisma/client";
import { prisma } from "../db";
import { CLINIC_TIMEZONES, slotCache } from "../lib/slotCache";

export interface AppointmentSearch {
  status?: AppointmentStatus;
  cancelledSince?: Date;
}

export async function practitionerCalendar(practitionerId: string, from: Date, to: Date) {
  return prisma.appointment.findMany({ where: { practitionerId, startsAt: { gte: from, lt: to } }, orderBy: { startsAt: "asc" } });
}

export async function clinicDaySheet(clinicId: string, dayStart: Date, dayEnd: Date) {
  return prisma.appointment.findMany({ where: { clinicId, startsAt: { gte: dayStart, lt: dayEnd } }, orderBy: { startsAt: "asc" }, include: { patient: true, practitioner: true, room: true } }); // expect: unindexed-filter
}

export async function patientHistory(patientId: string) {
  return prisma.appointment.findMany({ where: { patientId }, orderBy: { startsAt: "desc" }, take: 20 }); // expect: unindexed-filter
}

export async function recentBookings() {
  return prisma.appointment.findMany({ orderBy: { createdAt: "desc" }, take: 50, select: { id: true, clinicId: true, startsAt: true, createdAt: true } }); // expect: unindexed-filter
}

export async function getAppointment(id: string) {
  return prisma.appointment.findUnique({ where: { id }, include: { reminders: true, practitioner: true } });
}

export async function listNotes(appointmentId: string) {
  return prisma.appointmentNote.findMany({ where: { appointmentId }, orderBy: { createdAt: "asc" } }); // expect: unindexed-filter
}

export async function addNote(appointmentId: string, authorId: string, body: string) {
  return prisma.appointmentNote.create({ data: { appointmentId, authorId, body } });
}

function buildAppointmentFilter(search: AppointmentSearch): Prisma.AppointmentWhereInput {
  const where: Prisma.AppointmentWhereInput = {};
  if (search.status) where.status = search.status;
  if (search.cancelledSince) where.cancelledAt = { gte: search.cancelledSince };
  return where;
}

export async function searchAppointments(search: AppointmentSearch) {
  return prisma.appointment.findMany({ where: buildAppointmentFilter(search), orderBy: { startsAt: "asc" }, take: 100 });
}

export async function findFreeSlot(practitionerId: string, from: Date) {
  const cached = slotCache.findFirst({ where: { practitionerId, from } });
  if (cached) return cached;
  const upcoming = await prisma.appointment.findMany({ where: { practitionerId, startsAt: { gte: from } }, orderBy: { startsAt: "asc" }, take: 40 });
  return upcoming.length < 40 ? { practitionerId, startsAt: from } : null;
}

export async function hasConflict(practitionerId: string, startsAt: Date, endsAt: Date) {
  const clash = await prisma.appointment.findFirst({ where: { practitionerId, startsAt: { lt: endsAt }, endsAt: { gt: startsAt }, status: { not: "CANCELLED" } }, select: { id: true } });
  return clash !== null;
}

export async function book(input: { clinicId: string; practitionerId: string; patientId: string; roomName?: string; startsAt: Date; endsAt: Date }) {
  const room = input.roomName ? await prisma.room.findUnique({ where: { clinicId_name: { clinicId: input.clinicId, name: input.roomName } } }) : null;
  const clinic = await prisma.clinic.findUniqueOrThrow({ where: { id: input.clinicId } });
  const tz = CLINIC_TIMEZONES.find((z) => z.id === clinic.timezone)?.id ?? "UTC";
  const appointment = await prisma.appointment.create({ data: { clinicId: input.clinicId, practitionerId: input.practitionerId, patientId: input.patientId, roomId: room?.id ?? null, startsAt: input.startsAt, endsAt: input.endsAt } });
  slotCache.invalidate(input.practitionerId);
  return { appointment, timezone: tz };
}

export async function cancel(id: string) {
  return prisma.appointment.update({ where: { id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
}

export async function activePractitioners(clinicId: string) {
  return prisma.practitioner.findMany({ where: { clinicId, active: true }, orderBy: { fullName: "asc" } });
}

export async function inactivePractitioners() {
  return prisma.practitioner.findMany({ where: { active: false } });
}

export async function referralDirectory(specialty: string) {
  return prisma.practitioner.findMany({ where: { specialty }, take: 50, include: { clinic: true } }); // expect: unindexed-filter
}

export async function practitionerByEmail(email: string) {
  return prisma.practitioner.findUnique({ where: { email } });
}
