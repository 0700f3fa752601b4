import { prisma } from "../db";

export async function findByMrn(clinicId: string, mrn: string) {
  return prisma.patient.findUnique({ where: { clinicId_mrn: { clinicId, mrn } } });
}

export async function searchPatients(clinicId: string, q: string) {
  return prisma.patient.findMany({ where: { clinicId, deletedAt: null, lastName: { startsWith: q, mode: "insensitive" } }, orderBy: { lastName: "asc" }, take: 25 });
}

export async function searchByEmailFragment(fragment: string) {
  return prisma.patient.findMany({ where: { email: { contains: fragment, mode: "insensitive" } }, take: 20 });
}

// Inbound SMS webhook ("reply C to confirm"): we only know the sender's number.
export async function matchInboundSms(phone: string) {
  return prisma.patient.findFirst({ where: { phone, deletedAt: null }, select: { id: true, clinicId: true, firstName: true } }); // expect: unindexed-filter
}

export async function activePatientCount() {
  return prisma.patient.count({ where: { deletedAt: null } });
}

export async function newestPatients() {
  return prisma.patient.findMany({ orderBy: { createdAt: "desc" }, take: 10, select: { id: true, clinicId: true, lastName: true, createdAt: true } });
}

export async function softDelete(id: string) {
  return prisma.patient.update({ where: { id }, data: { deletedAt: new Date() } });
}

export async function clinicWaitlist(clinicId: string) {
  return prisma.waitlistEntry.findMany({ where: { clinicId }, orderBy: { createdAt: "asc" }, take: 50, include: { patient: true, practitioner: true } });
}

export async function joinWaitlist(clinicId: string, patientId: string, preferredFrom: Date, practitionerId?: string) {
  return prisma.waitlistEntry.create({ data: { clinicId, patientId, practitionerId, preferredFrom } });
}

export async function leaveWaitlist(id: string) {
  return prisma.waitlistEntry.delete({ where: { id } });
}
