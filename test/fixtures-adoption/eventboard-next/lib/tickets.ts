import "server-only";
import { prisma } from "@/lib/db";

export interface CheckInResult {
  code: string;
  ok: boolean;
}

export async function checkInByCode(eventId: string, code: string): Promise<CheckInResult> {
  const { count } = await prisma.ticket.updateMany({
    where: { code, eventId, checkedInAt: null },
    data: { checkedInAt: new Date() },
  });
  return { code, ok: count === 1 };
}
