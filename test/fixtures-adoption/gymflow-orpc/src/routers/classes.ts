import { ORPCError } from "@orpc/server";
import { z } from "zod";
import { prisma } from "../db.js";
import { createLoaders } from "../lib/loaders.js";
import { protectedProcedure } from "../orpc.js";
import { statusBreakdown } from "../services/attendance.js";

export const listClasses = protectedProcedure
  .route({ method: "GET", path: "/classes" })
  .handler(async ({ context }) => {
    const classes = await prisma.gymClass.findMany({ where: { gymId: context.member.gymId, cancelledAt: null }, orderBy: { startsAt: "asc" } }); // expect: missing-pagination
    return classes.map((c) => ({ id: c.id, title: c.title, capacity: c.capacity, startsAt: c.startsAt.toISOString() }));
  });

export const upcomingClasses = protectedProcedure
  .route({ method: "GET", path: "/classes/upcoming" })
  .input(z.object({ limit: z.coerce.number().int().min(1).max(50).default(20), cursor: z.string().optional() }))
  .handler(async ({ input, context }) => {
    const page = await prisma.gymClass.findMany({
      where: { gymId: context.member.gymId, startsAt: { gte: new Date() } },
      orderBy: { startsAt: "asc" },
      take: input.limit,
      cursor: input.cursor ? { id: input.cursor } : undefined,
      skip: input.cursor ? 1 : 0,
    });

    const loaders = createLoaders();
    const items = [];
    for (const cls of page) {
      const trainer = await loaders.trainer.load(cls.trainerId);
      items.push({ id: cls.id, title: cls.title, startsAt: cls.startsAt.toISOString(), trainer: trainer?.name ?? null });
    }
    return { items, nextCursor: page.length === input.limit ? page[page.length - 1].id : null };
  });

export const lookupClasses = protectedProcedure
  .route({ method: "POST", path: "/classes/lookup" })
  .input(z.object({ ids: z.array(z.string()).max(100) }))
  .handler(async ({ input, context }) => {
    const found = await Promise.all(input.ids.map((id) => prisma.gymClass.findUnique({ where: { id } })));
    return found.filter((c) => c !== null && c.gymId === context.member.gymId);
  });

export const classDetail = protectedProcedure
  .route({ method: "GET", path: "/classes/{id}" })
  .input(z.object({ id: z.string() }))
  .handler(async ({ input, context }) => {
    const cls = await prisma.gymClass.findUnique({
      where: { id: input.id },
      include: { trainer: { select: { name: true, specialty: true } } },
    });
    if (!cls || cls.gymId !== context.member.gymId) throw new ORPCError("NOT_FOUND");
    return { ...cls, bookings: await statusBreakdown(cls.id) };
  });
