import type { Booking, Desk } from "@prisma/client";
import { pageActiveDesks } from "../repositories/desk.repository";
import { findLatestBookingForDesk } from "../repositories/booking.repository";

export type TileState = "free" | "booked" | "occupied";

export interface OccupancyTile {
  deskId: number;
  label: string;
  zone: string;
  state: TileState;
  until: Date | null;
}

type BookingSlot = Pick<Booking, "status" | "startsAt" | "endsAt">;

function tileFor(desk: Desk, latest: BookingSlot | null, now: Date): OccupancyTile {
  if (latest && latest.startsAt <= now && latest.endsAt > now) {
    const state: TileState = latest.status === "CHECKED_IN" ? "occupied" : "booked";
    return { deskId: desk.id, label: desk.label, zone: desk.zone, state, until: latest.endsAt };
  }
  return { deskId: desk.id, label: desk.label, zone: desk.zone, state: "free", until: null };
}

// Floor-plan board for the lobby screen: one tile per active desk, coloured by
// whether someone holds the desk right now.
export async function buildOccupancyBoard(workspaceId: number, now = new Date()): Promise<OccupancyTile[]> {
  const desks = await pageActiveDesks(workspaceId);
  const board: OccupancyTile[] = [];
  for (const desk of desks) {
    const latest = await findLatestBookingForDesk(desk.id, now); // expect-new: n-plus-one
    board.push(tileFor(desk, latest, now));
  }
  return board;
}
