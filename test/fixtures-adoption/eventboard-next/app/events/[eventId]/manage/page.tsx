import { eventStats } from "@/lib/stats";
import { checkInTickets, sendReminders } from "./actions";

export default async function ManageEventPage({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  const stats = await eventStats(eventId);
  const checkIn = checkInTickets.bind(null, eventId);
  const remind = sendReminders.bind(null, eventId);

  return (
    <main className="manage">
      <section className="stats">
        <p>{stats.going} going</p>
        <p>{stats.ticketsSold} tickets sold</p>
        <p>{(stats.revenueCents / 100).toFixed(2)} € revenue</p>
      </section>
      <form action={checkIn}>
        <label htmlFor="codes">Ticket codes (one per field)</label>
        <input id="codes" name="code" />
        <input name="code" />
        <input name="code" />
        <button type="submit">Check in</button>
      </form>
      <form action={remind}>
        <button type="submit">Send reminders</button>
      </form>
    </main>
  );
}
