import { prisma } from "../db";
import { findViewedBySlug, hotThreads, rememberView } from "../lib/recent";

export async function listForumThreads(forumSlug: string, page: number) {
  const forum = await prisma.forum.findUnique({ where: { slug: forumSlug } });
  if (!forum) return null;
  const threads = await prisma.thread.findMany({ where: { forumId: forum.id }, orderBy: [{ pinned: "desc" }, { lastPostAt: "desc" }], skip: page * 30, take: 30 });
  return { forum, threads };
}

export async function getThread(forumId: number, slug: string) {
  const thread = await prisma.thread.findUnique({ where: { forumId_slug: { forumId, slug } }, include: { author: true } });
  if (thread) rememberView(thread);
  return thread;
}

// Links from the old phpBB site only carry the slug, not the forum.
export async function resolveLegacySlug(slug: string) {
  const viewed = findViewedBySlug(slug);
  if (viewed) return viewed;
  return prisma.thread.findFirst({ where: { slug }, select: { id: true, forumId: true, slug: true, title: true, lastPostAt: true } }); // expect: unindexed-filter
}

export async function latestActivity() {
  return prisma.thread.findMany({ orderBy: { lastPostAt: "desc" }, take: 20, include: { forum: true } }); // expect: unindexed-filter
}

export async function searchTitles(q: string) {
  return prisma.thread.findMany({ where: { title: { contains: q } }, take: 20 });
}

export async function lockedCount() {
  return prisma.thread.count({ where: { locked: true } });
}

export async function cachedThread(id: number) {
  const hit = hotThreads.get(id);
  if (hit) return hit;
  const thread = await prisma.thread.findUnique({ where: { id } });
  if (thread) hotThreads.set(id, thread);
  return thread;
}

export async function threadPosts(threadId: number, page: number) {
  return prisma.post.findMany({ where: { threadId }, orderBy: { createdAt: "asc" }, skip: page * 25, take: 25, include: { author: { select: { username: true, displayName: true } } } });
}

export async function threadsByAuthor(authorId: number) {
  return prisma.thread.findMany({ where: { authorId }, orderBy: { createdAt: "desc" }, take: 20 });
}

export async function reply(threadId: number, authorId: number, body: string, ipAddress: string) {
  const post = await prisma.post.create({ data: { threadId, authorId, body, ipAddress } });
  await prisma.thread.update({ where: { id: threadId }, data: { replyCount: { increment: 1 }, lastPostAt: post.createdAt } });
  return post;
}
