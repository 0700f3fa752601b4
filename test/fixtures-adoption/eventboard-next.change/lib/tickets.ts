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

export interface SeatHold {
  tierId: string;
  requested: number;
  held: number;
}

export async function holdSeats(eventId: string, tierId: string, quantity: number): Promise<SeatHold> {
  const tier = await prisma.ticketTier.findFirst({ where: { id: tierId, eventId }, select: { quantity: true, sold: true } });
  const available = tier ? tier.quantity - tier.sold : 0;
  if (available < quantity) {
    return { tierId, requested: quantity, held: 0 };
  }
  await prisma.ticketTier.update({ where: { id: tierId }, data: { sold: { increment: quantity } } });
  return { tierId, requested: quantity, held: quantity };
}
