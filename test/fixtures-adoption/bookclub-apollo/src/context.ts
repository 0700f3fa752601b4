import type { Request } from "express";
import { GraphQLError } from "graphql";
import { createLoaders, type Loaders } from "./loaders";

export interface Viewer {
  id: string;
  handle: string;
}

export interface GraphQLContext {
  viewer: Viewer | null;
  loaders: Loaders;
}

// The gateway verifies the session and forwards the viewer as base64url JSON.
function readViewer(req: Request): Viewer | null {
  const header = req.header("x-viewer");
  if (!header) return null;
  try {
    const parsed = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as Partial<Viewer>;
    return typeof parsed.id === "string" && typeof parsed.handle === "string"
      ? { id: parsed.id, handle: parsed.handle }
      : null;
  } catch {
    return null;
  }
}

export async function buildContext({ req }: { req: Request }): Promise<GraphQLContext> {
  return { viewer: readViewer(req), loaders: createLoaders() };
}

export function requireViewer(ctx: GraphQLContext): Viewer {
  if (!ctx.viewer) {
    throw new GraphQLError("Sign in first", { extensions: { code: "UNAUTHENTICATED" } });
  }
  return ctx.viewer;
}
