import type { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { Prisma } from "@prisma/client";
import { prisma } from "../db";
import { HttpError, requireOrgId } from "../lib/auth";
import { readCsvRows } from "../lib/csv";
import { rateCardStore } from "../lib/rateCardStore";

export async function partRoutes(app: FastifyInstance) {
  // Body is the raw CSV stream (see the text/csv parser in server.ts).
  app.post("/import", async (request, reply) => {
    const orgId = requireOrgId(request);
    if (!String(request.headers["content-type"] ?? "").startsWith("text/csv")) {
      throw new HttpError(415, "send the catalogue as text/csv");
    }

    let imported = 0;
    let skipped = 0;
    for await (const row of readCsvRows(request.body as Readable)) {
      if (!row.sku || !row.name) {
        skipped++;
        continue;
      }
      const data = { name: row.name, unitCost: new Prisma.Decimal(row.unit_cost || "0"), stock: Number.parseInt(row.stock || "0", 10) };
      await prisma.part.upsert({ where: { orgId_sku: { orgId, sku: row.sku } }, create: { orgId, sku: row.sku, ...data }, update: data }); // expect: n-plus-one
      imported++;
    }

    return reply.code(202).send({ imported, skipped });
  });

  // GET /parts/quote?skus=FLT-20,BLT-8 : our cost next to the list price.
  app.get<{ Querystring: { skus: string } }>("/quote", async (request) => {
    const orgId = requireOrgId(request);
    const skus = [...new Set(request.query.skus.split(",").map((sku) => sku.trim()).filter(Boolean))].slice(0, 50);

    const parts = await prisma.part.findMany({ where: { orgId, sku: { in: skus } } });

    return skus.map((sku) => {
      const part = parts.find((candidate) => candidate.sku === sku);
      const card = rateCardStore.findUnique(sku);
      return {
        sku,
        name: part?.name ?? null,
        inStock: part?.stock ?? 0,
        unitCost: part ? part.unitCost.toFixed(2) : null,
        listPrice: card?.listPrice ?? null,
        currency: card?.currency ?? null,
      };
    });
  });
}
