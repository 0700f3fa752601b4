// In-process cache of computed free slots, refreshed by the calendar worker.
// It mimics a tiny slice of the Prisma API so the booking code reads the same
// whether it hits the cache or the database. Nothing here touches Postgres.

export interface Slot {
  practitionerId: string;
  roomId: string | null;
  startsAt: Date;
  endsAt: Date;
}

interface SlotQuery {
  where: { practitionerId: string; from?: Date; to?: Date };
  take?: number;
}

export class SlotCache {
  private readonly byPractitioner = new Map<string, Slot[]>();

  put(practitionerId: string, slots: Slot[]): void {
    this.byPractitioner.set(practitionerId, [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()));
  }

  findMany(query: SlotQuery): Slot[] {
    const slots = this.byPractitioner.get(query.where.practitionerId) ?? [];
    const { from, to } = query.where;
    const matching = slots.filter((s) => (!from || s.startsAt >= from) && (!to || s.endsAt <= to));
    return query.take ? matching.slice(0, query.take) : matching;
  }

  findFirst(query: SlotQuery): Slot | undefined {
    return this.findMany({ ...query, take: 1 })[0];
  }

  invalidate(practitionerId: string): void {
    this.byPractitioner.delete(practitionerId);
  }
}

export const slotCache = new SlotCache();

export const CLINIC_TIMEZONES = [
  { id: "Europe/Berlin", label: "Berlin (CET)" },
  { id: "Europe/London", label: "London (GMT)" },
  { id: "America/New_York", label: "New York (ET)" },
];
