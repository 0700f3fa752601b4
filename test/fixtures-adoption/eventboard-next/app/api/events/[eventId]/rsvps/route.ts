import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { prisma } from "@/lib/db";

const CreateRsvp = z.object({ userId: z.string().min(1), status: z.enum(["going", "maybe"]).default("going") });

export async function GET(request: NextRequest, { params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  const limit = Math.min(Number(request.nextUrl.searchParams.get("limit")) || 20, 100);
  const offset = Math.max(Number(request.nextUrl.searchParams.get("offset")) || 0, 0);

  const [rsvps, total] = await Promise.all([
    prisma.rsvp.findMany({
      where: { eventId },
      orderBy: { createdAt: "desc" },
      take: limit,
      skip: offset,
      select: { id: true, status: true, createdAt: true, user: { select: { id: true, name: true } } },
    }),
    prisma.rsvp.count({ where: { eventId } }),
  ]);

  return NextResponse.json({ rsvps, total, limit, offset });
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  const parsed = CreateRsvp.safeParse(await request.json());
  if (!parsed.success) {
    return NextResponse.json({ error: parsed.error.flatten() }, { status: 422 });
  }
  const rsvp = await prisma.rsvp.upsert({
    where: { eventId_userId: { eventId, userId: parsed.data.userId } },
    create: { eventId, userId: parsed.data.userId, status: parsed.data.status },
    update: { status: parsed.data.status },
    select: { id: true, status: true },
  });
  return NextResponse.json(rsvp, { status: 201 });
}
