import { prisma } from '../db';

export async function postsTagged(tag: string) {
  // perf-scan-disable-next-line n-plus-one -- stale: there is no loop here any more
  const posts = await prisma.post.findMany(); // expect: unbounded-query
  return posts.filter((post) => post.tag === tag); // expect: in-memory-filter
}

export async function emailsOfAuthors() {
  return prisma.$queryRaw`SELECT * FROM "User" WHERE id IN (SELECT "authorId" FROM "Post")`; // expect: select-star
}

export async function exportUsers() {
  // perf-scan-disable-next-line select-star -- the export writes every column on purpose
  return prisma.$queryRaw`SELECT * FROM "User"`;
}
