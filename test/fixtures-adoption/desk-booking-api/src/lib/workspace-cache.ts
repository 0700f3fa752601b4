import type { Workspace } from "@prisma/client";
import { prisma } from "./db";
import { notFound } from "./errors";

const TTL_MS = 60_000;

// Workspaces change a few times a year; every request resolves one from its slug,
// so keep them in process for a minute.
const bySlug = new Map<string, { workspace: Workspace; expiresAt: number }>();

export async function resolveWorkspace(slug: string): Promise<Workspace> {
  const hit = bySlug.get(slug);
  if (hit && hit.expiresAt > Date.now()) {
    return hit.workspace;
  }

  const workspace = await prisma.workspace.findUnique({ where: { slug } });
  if (!workspace) {
    throw notFound(`workspace "${slug}"`);
  }
  bySlug.set(slug, { workspace, expiresAt: Date.now() + TTL_MS });
  return workspace;
}

export function forgetWorkspace(slug: string): void {
  bySlug.delete(slug);
}
