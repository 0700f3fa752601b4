import type { CreateHTTPContextOptions } from "@trpc/server/adapters/standalone";
import { db } from "@timecard/db";
import { readSession } from "./lib/auth";

export async function createContext({ req }: CreateHTTPContextOptions) {
  const session = await readSession(req.headers.authorization);
  return { db, session };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
