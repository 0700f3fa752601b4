import { NextResponse, type NextRequest } from "next/server";
import { venuesInCity } from "@/lib/venues";

export async function GET(request: NextRequest) {
  const city = request.nextUrl.searchParams.get("city")?.trim();
  if (!city) {
    return NextResponse.json({ error: "city is required" }, { status: 400 });
  }
  return NextResponse.json({ venues: await venuesInCity(city) });
}
