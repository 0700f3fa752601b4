import { prisma } from '../db';

// The query runs here, but the N+1 is reported where a loop calls this helper.
export function postsOf(authorId: number) {
  return prisma.post.findMany({ where: { authorId }, take: 20 }); // expect: unindexed-filter
}
