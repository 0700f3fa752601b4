import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { holdSeats, type SeatHold } from "@/lib/tickets";

const MAX_TIERS_PER_ORDER = 8;

const HoldRequest = z.object({
  quantities: z
    .record(z.string().min(1), z.number().int().min(1).max(10))
    .refine((quantities) => Object.keys(quantities).length <= MAX_TIERS_PER_ORDER, "too many ticket tiers in one order"),
});

/** Checkout step 1: reserve seats in every tier the buyer picked ({ [tierId]: quantity }). */
export async function POST(request: NextRequest, { params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  const parsed = HoldRequest.safeParse(await request.json());
  if (!parsed.success) {
    return NextResponse.json({ error: parsed.error.flatten() }, { status: 422 });
  }

  const { quantities } = parsed.data;
  const holds: SeatHold[] = [];
  for (const tierId in quantities) {
    holds.push(await holdSeats(eventId, tierId, quantities[tierId])); // expect-new: n-plus-one
  }

  const short = holds.filter((hold) => hold.held < hold.requested);
  return NextResponse.json({ holds, complete: short.length === 0 }, { status: short.length > 0 ? 409 : 200 });
}
