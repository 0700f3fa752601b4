import { createCookieSessionStorage } from "react-router";

const storage = createCookieSessionStorage<{ email: string }>({
  cookie: {
    name: "__harvest",
    httpOnly: true,
    sameSite: "lax",
    secrets: [process.env.SESSION_SECRET ?? "dev-secret"],
  },
});

export async function requireEmail(request: Request): Promise<string> {
  const session = await storage.getSession(request.headers.get("Cookie"));
  const email = session.get("email");
  if (!email) throw new Response("Unauthorized", { status: 401 });
  return email;
}
