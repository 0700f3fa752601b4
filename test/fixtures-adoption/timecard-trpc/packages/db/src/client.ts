import { PrismaClient } from "@prisma/client";

const SLOW_QUERY_MS = Number(process.env.DB_SLOW_QUERY_MS ?? 250);

/**
 * Builds the Prisma client every app in the monorepo shares. The extension only
 * times queries; it never rewrites arguments, so counts and finds stay aligned.
 */
export function createDbClient(url = process.env.DATABASE_URL) {
  const base = new PrismaClient({
    datasourceUrl: url,
    log: process.env.NODE_ENV === "development" ? ["warn", "error"] : ["error"],
  });

  return base.$extends({
    name: "slow-query-log",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const started = performance.now();
          const result = await query(args);
          const elapsed = performance.now() - started;
          if (elapsed > SLOW_QUERY_MS) {
            console.warn(`[db] slow ${model}.${operation}: ${elapsed.toFixed(0)}ms`);
          }
          return result;
        },
      },
    },
  });
}
