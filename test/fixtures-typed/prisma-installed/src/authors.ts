import { client, featureFlags } from "@acme/db";

export async function postCountsByAuthor(): Promise<Map<number, number>> {
  const authors = await client.user.findMany({ take: 100 });
  const counts = new Map<number, number>();
  for (const author of authors) {
    const posts = await client.post.findMany({ where: { authorId: author.id }, take: 50 }); // expect: n-plus-one
    counts.set(author.id, posts.length);
  }
  return counts;
}

export function enabledFlags(names: string[]): string[] {
  // Not a database: a flag store whose methods only look like Prisma's.
  return names.filter((name) => featureFlags.findUnique(name));
}
