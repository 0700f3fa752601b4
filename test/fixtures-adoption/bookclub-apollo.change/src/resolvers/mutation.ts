import { GraphQLError } from "graphql";
import { z } from "zod";
import { requireViewer, type GraphQLContext } from "../context";
import { prisma } from "../db";
import { assertMember, joinByInvite, joinClub } from "../services/membership";
import { recordPage } from "../services/progress";

interface ReviewInput {
  clubId: string;
  bookId: string;
  rating: number;
  body: string;
}

const MAX_REVIEW_LENGTH = 4000;
const MAX_BOOKS_PER_UPDATE = 12;

// { [bookId]: page }, sent by the e-reader app when it syncs.
const ProgressPages = z
  .record(z.string().min(1), z.number().int().min(0).max(20000))
  .refine((pages) => Object.keys(pages).length <= MAX_BOOKS_PER_UPDATE, {
    message: `At most ${MAX_BOOKS_PER_UPDATE} books per update`,
  });

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

    recordProgress: async (_parent: unknown, args: { clubId: string; pages: unknown }, ctx: GraphQLContext) => {
      const viewer = requireViewer(ctx);
      const parsed = ProgressPages.safeParse(args.pages);
      if (!parsed.success) {
        throw new GraphQLError(parsed.error.issues[0]?.message ?? "Invalid pages", { extensions: { code: "BAD_USER_INPUT" } });
      }
      await assertMember(args.clubId, viewer.id);

      const updated = await Promise.all(
        Object.entries(parsed.data).map(async ([bookId, page]) => {
          const row = await recordPage(viewer.id, args.clubId, bookId, page); // expect-new: n-plus-one
          return { bookId, page: row.page, updatedAt: row.updatedAt.toISOString() };
        }),
      );
      return { clubId: args.clubId, updated };
    },
  },
};
