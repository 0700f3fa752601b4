import { PrismaClient } from "@prisma/client";

// One client for the whole process; Apollo resolvers and the REST routes share it.
export const prisma = new PrismaClient({
  log: process.env.NODE_ENV === "production" ? ["error"] : ["warn", "error"],
});
