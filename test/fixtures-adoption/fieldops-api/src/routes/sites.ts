import type { FastifyInstance } from "fastify";
import type { Site } from "@prisma/client";
import { prisma } from "../db";
import { requireOrgId } from "../lib/auth";

const MAX_LOOKUP = 100;

export async function siteRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { cursor?: string } }>("/", async (request) => {
    const orgId = requireOrgId(request);
    const { cursor } = request.query;
    const sites = await prisma.site.findMany({
      where: { orgId },
      orderBy: { name: "asc" },
      take: 50,
      cursor: cursor ? { id: cursor } : undefined,
      skip: cursor ? 1 : 0,
    });
    return { items: sites, nextCursor: sites.length === 50 ? sites[sites.length - 1].id : null };
  });

  // The mobile app resolves the sites of its offline queue in one call.
  app.post<{ Body: { siteIds: string[] } }>("/lookup", async (request) => {
    const orgId = requireOrgId(request);
    const ids = [...new Set(request.body.siteIds)].slice(0, MAX_LOOKUP);

    const sites = await Promise.all(ids.map((id) => prisma.site.findUnique({ where: { id } })));

    return sites.filter((site): site is Site => site !== null && site.orgId === orgId);
  });
}
