import type { Club, Review } from "@prisma/client";
import type { GraphQLContext } from "../context";
import { prisma } from "../db";

type ClubParent = Club & { _count?: { memberships: number } };

export const clubResolvers = {
  Club: {
    owner: (club: ClubParent, _args: unknown, ctx: GraphQLContext) => ctx.loaders.userById.load(club.ownerId),

    currentBook: (club: ClubParent, _args: unknown, ctx: GraphQLContext) =>
      club.currentBookId ? ctx.loaders.bookById.load(club.currentBookId) : null,

    // Filled by the parent query's _count; no query here.
    memberCount: (club: ClubParent) => club._count?.memberships ?? 0,

    members: (club: ClubParent, args: { first?: number | null }) =>
      prisma.membership.findMany({ where: { clubId: club.id }, orderBy: { joinedAt: "asc" }, take: Math.min(args.first ?? 12, 50), include: { user: true } }), // expect: n-plus-one
  },

  Review: {
    author: (review: Review, _args: unknown, ctx: GraphQLContext) => ctx.loaders.userById.load(review.authorId),
    book: (review: Review, _args: unknown, ctx: GraphQLContext) => ctx.loaders.bookById.load(review.bookId),
    createdAt: (review: Review) => review.createdAt.toISOString(),
  },

  Membership: {
    joinedAt: (membership: { joinedAt: Date }) => membership.joinedAt.toISOString(),
  },
};
