// Used by test/cli.test.ts: one obvious Prisma N+1 (a query per user inside a loop).
import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

for (const u of await prisma.user.findMany({ take: 10 })) {
  await prisma.post.findMany({ where: { authorId: u.id }, take: 5 });
}
