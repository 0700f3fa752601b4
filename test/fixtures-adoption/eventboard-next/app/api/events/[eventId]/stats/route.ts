import { NextResponse } from "next/server";
import { eventStats } from "@/lib/stats";

export async function GET(_request: Request, { params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  return NextResponse.json(await eventStats(eventId));
}
