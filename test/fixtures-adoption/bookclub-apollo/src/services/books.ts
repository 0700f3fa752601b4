import type { Book } from "@prisma/client";
import { prisma } from "../db";

// Author pages show the twenty most recent titles.
export function booksByAuthor(authorName: string): Promise<Book[]> {
  return prisma.$queryRaw<Book[]>`SELECT * FROM "Book" WHERE "authorName" = ${authorName} ORDER BY "publishedYear" DESC NULLS LAST LIMIT 20`; // expect: select-star
}
