import type { Club, Membership } from "@prisma/client";
import { GraphQLError } from "graphql";
import { prisma } from "../db";

function clubNotFound(): GraphQLError {
  return new GraphQLError("Club not found", { extensions: { code: "NOT_FOUND" } });
}

export async function assertSeatAvailable(club: Pick<Club, "id" | "seatLimit">): Promise<void> {
  const members = await prisma.membership.findMany({ where: { clubId: club.id } }); // expect: count-via-length, unbounded-query
  if (members.length >= club.seatLimit) {
    throw new GraphQLError("This club is full", { extensions: { code: "CLUB_FULL" } });
  }
}

export async function assertMember(clubId: string, userId: string): Promise<Membership> {
  const membership = await prisma.membership.findUnique({ where: { clubId_userId: { clubId, userId } } });
  if (!membership) {
    throw new GraphQLError("Join the club first", { extensions: { code: "FORBIDDEN" } });
  }
  return membership;
}

export async function joinClub(clubId: string, userId: string): Promise<Membership> {
  const club = await prisma.club.findUnique({ where: { id: clubId }, select: { id: true, seatLimit: true } });
  if (!club) throw clubNotFound();
  await assertSeatAvailable(club);
  return prisma.membership.upsert({
    where: { clubId_userId: { clubId, userId } },
    update: {},
    create: { clubId, userId },
    include: { user: true },
  });
}

export async function joinByInvite(code: string, userId: string): Promise<Membership> {
  const club = await prisma.club.findFirst({ where: { inviteCode: code }, select: { id: true, seatLimit: true } }); // expect: unindexed-filter
  if (!club) throw clubNotFound();
  await assertSeatAvailable(club);
  return prisma.membership.upsert({
    where: { clubId_userId: { clubId: club.id, userId } },
    update: {},
    create: { clubId: club.id, userId },
    include: { user: true },
  });
}
