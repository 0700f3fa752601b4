import { z } from "zod";
import { prisma } from "../db.js";
import { protectedProcedure } from "../orpc.js";
import { countConfirmed } from "../services/attendance.js";

/** Formats a fill ratio as a whole percentage for the dashboard tiles. */
export function fillPercent(confirmed: number, capacity: number): number {
  if (capacity <= 0) return 0;
  return Math.round((confirmed / capacity) * 100);
}

export const classFill = protectedProcedure
  .route({ method: "GET", path: "/reports/class-fill" })
  .handler(async ({ context }) => {
    const recent = await prisma.gymClass.findMany({
      where: { gymId: context.member.gymId, startsAt: { lt: new Date() } },
      orderBy: { startsAt: "desc" },
      take: 20,
    });

    const rows = [];
    for (const cls of recent) {
      const confirmed = await countConfirmed(cls.id); // expect: n-plus-one
      rows.push({ classId: cls.id, title: cls.title, capacity: cls.capacity, confirmed, percent: fillPercent(confirmed, cls.capacity) });
    }
    return rows;
  });

// Revenue since a date, in cents. The finance team reconciles this against the payment provider monthly.
export const revenue = protectedProcedure
  .route({ method: "GET", path: "/reports/revenue" })
  .input(z.object({ since: z.coerce.date() }))
  .handler(async ({ input, context }) => {
    const since = input.since;
    const payments = await prisma.payment.findMany({ where: { gymId: context.member.gymId, paidAt: { gte: since } } }); // expect: unbounded-query
    const totalCents = payments.reduce((sum, p) => sum + p.amountCents, 0); // expect: in-memory-aggregation
    return { since: since.toISOString(), totalCents, currency: "EUR" };
  });
