import { createDbClient } from "./client";

type DbClient = ReturnType<typeof createDbClient>;

const globalForDb = globalThis as unknown as { db?: DbClient };

export const db: DbClient = globalForDb.db ?? createDbClient();

if (process.env.NODE_ENV !== "production") {
  globalForDb.db = db;
}

export type Db = DbClient;
export * from "@prisma/client";
