import type { GraphQLContext } from "../context";
import { prisma } from "../db";
import { genreCatalog, type Genre } from "../lib/genre-catalog";
import { booksByAuthor } from "../services/books";
import { readingStats } from "../services/stats";

const MAX_PAGE = 50;

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export const queryResolvers = {
  Query: {
    viewer: (_parent: unknown, _args: unknown, ctx: GraphQLContext) =>
      ctx.viewer ? ctx.loaders.userById.load(ctx.viewer.id) : null,

    club: (_parent: unknown, args: { slug: string }) =>
      prisma.club.findUnique({
        where: { slug: args.slug },
        include: { _count: { select: { memberships: true } } },
      }),

    clubs: async (_parent: unknown, args: PageArgs) => {
      const take = Math.min(args.first ?? 20, MAX_PAGE);
      const rows = await prisma.club.findMany({
        where: { isPublic: true },
        orderBy: { createdAt: "desc" },
        take: take + 1,
        cursor: args.after ? { id: args.after } : undefined,
        skip: args.after ? 1 : 0,
        include: { _count: { select: { memberships: true } } },
      });
      const hasNextPage = rows.length > take;
      const nodes = hasNextPage ? rows.slice(0, take) : rows;
      return { nodes, endCursor: nodes.length > 0 ? nodes[nodes.length - 1].id : null, hasNextPage };
    },

    recentReviews: (_parent: unknown, args: { clubId: string; first?: number | null }) =>
      prisma.review.findMany({
        where: { clubId: args.clubId },
        orderBy: { createdAt: "desc" },
        take: Math.min(args.first ?? 10, MAX_PAGE),
      }),

    // Prisma batches the findUnique calls issued in this tick into one query.
    booksByIds: (_parent: unknown, args: { ids: string[] }) =>
      Promise.all(args.ids.slice(0, MAX_PAGE).map((id) => prisma.book.findUnique({ where: { id } }))),

    booksByAuthor: (_parent: unknown, args: { authorName: string }) => booksByAuthor(args.authorName.trim()),

    clubStats: (_parent: unknown, args: { clubId: string }) => readingStats(args.clubId),

    genres: (_parent: unknown, args: { slugs?: string[] | null }) =>
      args.slugs
        ? args.slugs.map((slug) => genreCatalog.findUnique(slug)).filter((genre): genre is Genre => genre !== null)
        : genreCatalog.findMany(),
  },
};
