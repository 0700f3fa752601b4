import { prisma } from "../db";

const BATCH = 200;

async function send(channel: "SMS" | "EMAIL", to: string | null, text: string): Promise<boolean> {
  if (!to) return false;
  console.log(`[${channel}] -> ${to}: ${text}`);
  return true;
}

// Runs every minute from the scheduler container.
export async function dispatchDueReminders(now = new Date()) {
  const due = await prisma.reminder.findMany({ where: { sentAt: null, sendAt: { lte: now } }, orderBy: { sendAt: "asc" }, take: BATCH, include: { appointment: { include: { patient: true } } } }); // expect: unindexed-filter

  const delivered: string[] = [];
  for (const reminder of due) {
    const patient = reminder.appointment.patient;
    const to = reminder.channel === "SMS" ? patient.phone : patient.email;
    const ok = await send(reminder.channel, to, `Reminder: appointment at ${reminder.appointment.startsAt.toISOString()}`);
    if (ok) delivered.push(reminder.id);
  }

  if (delivered.length > 0) {
    await prisma.reminder.updateMany({ where: { id: { in: delivered } }, data: { sentAt: now } });
  }
  return delivered.length;
}

export async function scheduleReminder(appointmentId: string, sendAt: Date, channel: "SMS" | "EMAIL") {
  return prisma.reminder.create({ data: { appointmentId, sendAt, channel } });
}
