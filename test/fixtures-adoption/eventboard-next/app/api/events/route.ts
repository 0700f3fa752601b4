import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { categoryCatalog } from "@/lib/category-catalog";
import { createEvent, featuredEvents, findOrganizerBySlug, listOrganizerEvents } from "@/lib/events";

const CreateEvent = z.object({
  organizer: z.string().min(1),
  venueId: z.string().min(1),
  categorySlug: z.string().min(1),
  title: z.string().min(3).max(140),
  description: z.string().max(10_000),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  capacity: z.number().int().min(1).max(100_000),
});

export async function GET(request: NextRequest) {
  const featured = request.nextUrl.searchParams.get("featured");
  if (featured) {
    const ids = featured.split(",").filter(Boolean).slice(0, 12);
    return NextResponse.json({ events: await featuredEvents(ids) });
  }

  const slug = request.nextUrl.searchParams.get("organizer");
  if (!slug) {
    return NextResponse.json({ error: "organizer is required" }, { status: 400 });
  }
  const organizer = await findOrganizerBySlug(slug);
  if (!organizer) {
    return NextResponse.json({ error: "organizer not found" }, { status: 404 });
  }

  const events = await listOrganizerEvents(organizer.id);
  return NextResponse.json({
    organizer: organizer.name,
    events: events.map((event) => ({ ...event, category: categoryCatalog.findUnique(event.categorySlug) })),
  });
}

export async function POST(request: NextRequest) {
  const parsed = CreateEvent.safeParse(await request.json());
  if (!parsed.success) {
    return NextResponse.json({ error: parsed.error.flatten() }, { status: 422 });
  }
  const { organizer: slug, ...input } = parsed.data;
  if (!categoryCatalog.findUnique(input.categorySlug)) {
    return NextResponse.json({ error: `unknown category ${input.categorySlug}` }, { status: 422 });
  }
  const organizer = await findOrganizerBySlug(slug);
  if (!organizer) {
    return NextResponse.json({ error: "organizer not found" }, { status: 404 });
  }
  const event = await createEvent(organizer.id, input);
  return NextResponse.json(event, { status: 201 });
}
