import { ORPCError, os } from "@orpc/server";
import { prisma } from "./db.js";

export interface RequestContext {
  headers: Headers;
}

export const base = os.$context<RequestContext>();

const auth = base.middleware(async ({ context, next }) => {
  const token = context.headers.get("authorization")?.replace(/^Bearer\s+/i, "");
  if (!token) throw new ORPCError("UNAUTHORIZED");

  const session = await prisma.session.findUnique({
    where: { token },
    include: { member: { select: { id: true, gymId: true, name: true, planCode: true } } },
  });
  if (!session || session.expiresAt < new Date()) throw new ORPCError("UNAUTHORIZED");

  return next({ context: { member: session.member } });
});

export const publicProcedure = base;
export const protectedProcedure = base.use(auth);
