import type { ReadingProgress } from "@prisma/client";
import { prisma } from "../db";

// A reader never goes backwards: re-reading an earlier chapter keeps the furthest page.
export async function recordPage(userId: string, clubId: string, bookId: string, page: number): Promise<ReadingProgress> {
  const existing = await prisma.readingProgress.findFirst({
    where: { userId, clubId, bookId },
    select: { id: true, page: true },
  });
  if (existing) {
    return prisma.readingProgress.update({
      where: { id: existing.id },
      data: { page: Math.max(existing.page, page) },
    });
  }
  return prisma.readingProgress.create({ data: { userId, clubId, bookId, page } });
}
