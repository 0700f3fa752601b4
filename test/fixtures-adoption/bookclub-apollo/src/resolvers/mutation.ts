import { GraphQLError } from "graphql";
import { requireViewer, type GraphQLContext } from "../context";
import { prisma } from "../db";
import { assertMember, joinByInvite, joinClub } from "../services/membership";

interface ReviewInput {
  clubId: string;
  bookId: string;
  rating: number;
  body: string;
}

const MAX_REVIEW_LENGTH = 4000;

export const mutationResolvers = {
  Mutation: {
    joinClub: (_parent: unknown, args: { clubId: string }, ctx: GraphQLContext) =>
      joinClub(args.clubId, requireViewer(ctx).id),

    joinByInvite: (_parent: unknown, args: { code: string }, ctx: GraphQLContext) =>
      joinByInvite(args.code.trim(), requireViewer(ctx).id),

    postReview: async (_parent: unknown, args: { input: ReviewInput }, ctx: GraphQLContext) => {
      const viewer = requireViewer(ctx);
      const { clubId, bookId, rating, body } = args.input;
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
        throw new GraphQLError("Rating must be 1 to 5", { extensions: { code: "BAD_USER_INPUT" } });
      }
      if (body.length > MAX_REVIEW_LENGTH) {
        throw new GraphQLError("Review is too long", { extensions: { code: "BAD_USER_INPUT" } });
      }
      await assertMember(clubId, viewer.id);
      return prisma.review.create({ data: { clubId, bookId, rating, body, authorId: viewer.id } });
    },

    setCurrentBook: async (_parent: unknown, args: { clubId: string; bookId: string }, ctx: GraphQLContext) => {
      const membership = await assertMember(args.clubId, requireViewer(ctx).id);
      if (membership.role === "MEMBER") {
        throw new GraphQLError("Only owners and moderators pick the book", { extensions: { code: "FORBIDDEN" } });
      }
      return prisma.club.update({
        where: { id: args.clubId },
        data: { currentBookId: args.bookId },
        include: { _count: { select: { memberships: true } } },
      });
    },
  },
};
