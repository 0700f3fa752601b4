"use server";

import { revalidatePath } from "next/cache";
import { Resend } from "resend";
import { prisma } from "@/lib/db";
import { checkInByCode, type CheckInResult } from "@/lib/tickets";

const resend = new Resend(process.env.RESEND_API_KEY);
const REMINDER_BATCH = 500;

export async function checkInTickets(eventId: string, formData: FormData): Promise<CheckInResult[]> {
  const codes = formData
    .getAll("code")
    .map((value) => String(value).trim().toUpperCase())
    .filter(Boolean);

  const results: CheckInResult[] = [];
  for (const code of codes) {
    results.push(await checkInByCode(eventId, code)); // expect: n-plus-one
  }

  revalidatePath(`/events/${eventId}/manage`);
  return results;
}

/** Sends the "see you tomorrow" mail to everyone who has not had it yet. */
export async function sendReminders(eventId: string) {
  const event = await prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { title: true, startsAt: true } });
  const pending = await prisma.rsvp.findMany({
    where: { eventId, status: "going", notifiedAt: null },
    take: REMINDER_BATCH,
    select: { id: true, user: { select: { email: true, name: true } } },
  });

  for (const rsvp of pending) {
    await resend.emails.send({
      from: "Eventboard <hello@eventboard.app>",
      to: rsvp.user.email,
      subject: `Tomorrow: ${event.title}`,
      text: `Hi ${rsvp.user.name}, see you at ${event.title} on ${event.startsAt.toUTCString()}.`,
    });
    await prisma.rsvp.update({ where: { id: rsvp.id }, data: { notifiedAt: new Date() } });
  }

  revalidatePath(`/events/${eventId}/manage`);
  return { sent: pending.length };
}
