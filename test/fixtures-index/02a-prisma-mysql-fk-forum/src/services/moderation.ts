import { prisma } from "../db";

export async function report(postId: number, reporterId: number, reason: string) {
  return prisma.report.create({ data: { postId, reporterId, reason } });
}

export async function moderationQueue() {
  return prisma.report.findMany({ where: { status: "OPEN" }, orderBy: { createdAt: "asc" }, take: 50, include: { post: true, reporter: { select: { username: true } } } }); // expect: unindexed-filter
}

export async function reportsForPost(postId: number) {
  return prisma.report.findMany({ where: { postId }, orderBy: { createdAt: "desc" } });
}

export async function reportsFiledBy(reporterId: number) {
  return prisma.report.findMany({ where: { reporterId }, take: 100 });
}

export async function resolve(reportId: number, dismissed: boolean) {
  return prisma.report.update({ where: { id: reportId }, data: { status: dismissed ? "DISMISSED" : "RESOLVED", resolvedAt: new Date() } });
}

// Sock-puppet investigation: every post written from one address.
export async function postsFromAddress(ipAddress: string) {
  return prisma.post.findMany({ where: { ipAddress }, select: { id: true, authorId: true, threadId: true, createdAt: true }, take: 100 }); // expect: unindexed-filter
}
