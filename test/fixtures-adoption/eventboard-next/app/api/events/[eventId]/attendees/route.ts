import { NextResponse, type NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { getPublicProfile } from "@/lib/attendees";

const PAGE_SIZE = 50;

export async function GET(request: NextRequest, { params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  const cursor = request.nextUrl.searchParams.get("cursor") ?? undefined;

  const tickets = await prisma.ticket.findMany({
    where: { eventId },
    orderBy: { createdAt: "asc" },
    take: PAGE_SIZE,
    cursor: cursor ? { id: cursor } : undefined,
    skip: cursor ? 1 : 0,
    select: { id: true, holderId: true, checkedInAt: true },
  });

  const attendees = [];
  for (const ticket of tickets) {
    const holder = await getPublicProfile(ticket.holderId); // expect: n-plus-one
    attendees.push({ ticketId: ticket.id, checkedIn: ticket.checkedInAt !== null, holder });
  }

  return NextResponse.json({
    attendees,
    nextCursor: tickets.length === PAGE_SIZE ? tickets[tickets.length - 1].id : null,
  });
}
