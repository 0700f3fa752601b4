import { db, type TimeEntry } from "@timecard/db";

export async function minutesForMember(memberId: string, from: Date, to: Date): Promise<number> {
  const result = await db.timeEntry.aggregate({
    where: { memberId, date: { gte: from, lt: to } },
    _sum: { minutes: true },
  });
  return result._sum.minutes ?? 0;
}

export async function listEntriesPage(memberId: string, limit: number, cursor?: string) {
  const rows = await db.timeEntry.findMany({
    where: { memberId },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: limit + 1,
    cursor: cursor ? { id: cursor } : undefined,
    skip: cursor ? 1 : 0,
    select: { id: true, projectId: true, date: true, minutes: true, note: true, billable: true },
  });
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? items[items.length - 1].id : null };
}

/** Used by the desktop widget, which renders every column of the last entries. */
export function recentEntriesRaw(memberId: string) {
  return db.$queryRaw<TimeEntry[]>`SELECT * FROM "TimeEntry" WHERE "memberId" = ${memberId} ORDER BY "date" DESC LIMIT 20`; // expect: select-star
}

export function expectedMinutes(from: Date, to: Date, holidayCount: number): number {
  let workdays = 0;
  for (const day = new Date(from); day < to; day.setUTCDate(day.getUTCDate() + 1)) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) workdays += 1;
  }
  return Math.max(0, workdays - holidayCount) * 8 * 60;
}
