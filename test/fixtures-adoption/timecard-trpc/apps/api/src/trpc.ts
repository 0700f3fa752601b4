import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context";

const t = initTRPC.context<Context>().create({ transformer: superjson });

export const router = t.router;
export const publicProcedure = t.procedure;

/** Every procedure below this one runs for a signed-in member of one organization. */
export const orgProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session) {
    throw new TRPCError({ code: "UNAUTHORIZED" });
  }
  return next({ ctx: { db: ctx.db, session: ctx.session } });
});

export const adminProcedure = orgProcedure.use(({ ctx, next }) => {
  if (ctx.session.role === "MEMBER") {
    throw new TRPCError({ code: "FORBIDDEN" });
  }
  return next();
});
