import "server-only";
import type { Venue } from "@prisma/client";
import { prisma } from "@/lib/db";

export async function venuesInCity(city: string) {
  return prisma.$queryRaw<Venue[]>`SELECT * FROM "Venue" WHERE "city" = ${city} ORDER BY "name" LIMIT 50`; // expect: select-star
}
