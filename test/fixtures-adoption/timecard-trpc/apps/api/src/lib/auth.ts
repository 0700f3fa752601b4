import { jwtVerify } from "jose";

export interface Session {
  memberId: string;
  orgId: string;
  role: "OWNER" | "ADMIN" | "MEMBER";
}

const secret = new TextEncoder().encode(process.env.SESSION_SECRET ?? "dev-only-secret");

export async function readSession(authorization: string | undefined): Promise<Session | null> {
  if (!authorization?.startsWith("Bearer ")) return null;
  try {
    const { payload } = await jwtVerify(authorization.slice("Bearer ".length), secret, { issuer: "timecard" });
    if (typeof payload.sub !== "string" || typeof payload.org !== "string") return null;
    const role = payload.role === "OWNER" || payload.role === "ADMIN" ? payload.role : "MEMBER";
    return { memberId: payload.sub, orgId: payload.org, role };
  } catch {
    return null;
  }
}
