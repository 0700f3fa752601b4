import { z } from "zod";
import { router, orgProcedure } from "../trpc";
import { expectedMinutes, listEntriesPage, minutesForMember, recentEntriesRaw } from "../services/timesheet.service";
import { holidayCalendar } from "../lib/holiday-calendar";

const weekInput = z.object({ from: z.coerce.date(), to: z.coerce.date() });

export const timesheetRouter = router({
  page: orgProcedure
    .input(
      z.object({
        memberId: z.string(),
        cursor: z.string().nullish(),
        limit: z.number().int().min(1).max(100).default(50),
      }),
    )
    .query(({ input }) => listEntriesPage(input.memberId, input.limit, input.cursor ?? undefined)),

  recent: orgProcedure.query(({ ctx }) => recentEntriesRaw(ctx.session.memberId)),

  log: orgProcedure
    .input(
      z.object({
        projectId: z.string(),
        date: z.coerce.date(),
        minutes: z.number().int().min(1).max(24 * 60),
        note: z.string().max(500).optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      return ctx.db.timeEntry.create({
        data: { ...input, memberId: ctx.session.memberId },
        select: { id: true, date: true, minutes: true },
      });
    }),

  weekSummary: orgProcedure.input(weekInput).query(async ({ ctx, input }) => {
    const members = await ctx.db.member.findMany({
      where: { orgId: ctx.session.orgId, active: true },
      orderBy: { name: "asc" },
      take: 200,
      select: { id: true, name: true, countryCode: true },
    });

    const rows = [];
    for (const member of members) {
      const minutes = await minutesForMember(member.id, input.from, input.to); // expect: n-plus-one
      const holidays = holidayCalendar.findMany(member.countryCode, input.from, input.to);
      rows.push({
        memberId: member.id,
        name: member.name,
        minutes,
        expectedMinutes: expectedMinutes(input.from, input.to, holidays.length),
      });
    }
    return rows;
  }),

  isHoliday: orgProcedure
    .input(z.object({ countryCode: z.string().length(2), date: z.coerce.date() }))
    .query(({ input }) => holidayCalendar.findUnique(input.countryCode, input.date)),
});
