import DataLoader from "dataloader";
import type { Book, User } from "@prisma/client";
import { prisma } from "./db";

export interface Loaders {
  userById: DataLoader<string, User | null>;
  bookById: DataLoader<string, Book | null>;
}

// Built once per request (see context.ts) so that one GraphQL operation batches its look-ups
// and nothing is cached across users.
export function createLoaders(): Loaders {
  return {
    userById: new DataLoader<string, User | null>(async (ids) => {
      const users = await prisma.user.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(users.map((user) => [user.id, user]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    bookById: new DataLoader<string, Book | null>(async (ids) => {
      const books = await prisma.book.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(books.map((book) => [book.id, book]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
