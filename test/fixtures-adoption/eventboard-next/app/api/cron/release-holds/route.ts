import { NextResponse, type NextRequest } from "next/server";
import { prisma } from "@/lib/db";

const BATCH = 200;

/** Vercel cron, every five minutes: pending orders whose seat hold ran out are expired. */
export async function GET(request: NextRequest) {
  if (request.headers.get("authorization") !== `Bearer ${process.env.CRON_SECRET}`) {
    return new NextResponse("unauthorized", { status: 401 });
  }

  const now = new Date();
  let released = 0;
  let cursor: string | undefined;

  while (true) {
    const expired = await prisma.ticketOrder.findMany({
      where: { status: "PENDING", holdExpiresAt: { lt: now } },
      orderBy: { id: "asc" },
      take: BATCH,
      cursor: cursor ? { id: cursor } : undefined,
      skip: cursor ? 1 : 0,
      select: { id: true },
    });
    if (expired.length === 0) break;

    const ids = expired.map((order) => order.id);
    await prisma.ticketOrder.updateMany({ where: { id: { in: ids } }, data: { status: "EXPIRED" } });
    released += ids.length;
    cursor = ids[ids.length - 1];
  }

  return NextResponse.json({ released });
}
