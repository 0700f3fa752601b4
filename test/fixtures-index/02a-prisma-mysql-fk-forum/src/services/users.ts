import { prisma } from "../db";

export async function profile(username: string) {
  return prisma.user.findUnique({ where: { username }, select: { id: true, username: true, displayName: true, karma: true, createdAt: true } });
}

export async function userPosts(authorId: number) {
  return prisma.post.findMany({ where: { authorId }, orderBy: { createdAt: "desc" }, take: 20 });
}

export async function reactionsGiven(userId: number) {
  return prisma.reaction.count({ where: { userId } });
}

export async function onlineNow() {
  const fiveMinutesAgo = new Date(Date.now() - 5 * 60 * 1000);
  return prisma.user.findMany({ where: { lastSeenAt: { gte: fiveMinutesAgo } }, select: { id: true, username: true }, take: 200 }); // expect: unindexed-filter
}

export async function leaderboard() {
  return prisma.user.findMany({ orderBy: { karma: "desc" }, take: 10, select: { username: true, karma: true } }); // expect: unindexed-filter
}

export async function touch(userId: number) {
  await prisma.user.update({ where: { id: userId }, data: { lastSeenAt: new Date() } });
}

export async function react(postId: number, userId: number, emoji: string) {
  return prisma.reaction.upsert({ where: { postId_userId_emoji: { postId, userId, emoji } }, create: { postId, userId, emoji }, update: {} });
}
