import { PrismaClient } from "@prisma/client";
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Readiness probe for the load balancer: opens its own connection so a wedged pool shows up. */
export async function GET() {
  const probe = new PrismaClient({ datasourceUrl: process.env.DATABASE_URL }); // expect: client-per-request
  try {
    await probe.$queryRaw`SELECT 1`;
    return NextResponse.json({ ok: true });
  } catch {
    return NextResponse.json({ ok: false }, { status: 503 });
  } finally {
    await probe.$disconnect();
  }
}
