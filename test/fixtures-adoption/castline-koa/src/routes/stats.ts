import Router from "@koa/router";
import { z } from "zod";
import { Listen } from "../models/Listen";
import { chunk } from "../lib/chunk";
import { listenWindows, recentListens, topCountries } from "../services/stats.service";

export const statsRouter = new Router();

const IngestBody = z.object({
  events: z
    .array(
      z.object({
        episodeId: z.number().int(),
        countryCode: z.string().length(2),
        userAgent: z.string().max(400),
        seconds: z.number().int().min(0),
      }),
    )
    .min(1)
    .max(10_000),
});

/** The CDN log shipper posts listens in bulk every minute. */
statsRouter.post("/ingest/listens", async (ctx) => {
  if (ctx.get("x-ingest-token") !== process.env.INGEST_TOKEN) {
    ctx.throw(401);
  }
  const { events } = IngestBody.parse(ctx.request.body);
  for (const batch of chunk(events, 500)) {
    await Listen.bulkCreate(batch);
  }
  ctx.status = 202;
  ctx.body = { accepted: events.length };
});

statsRouter.get("/episodes/:id/listens/windows", async (ctx) => {
  ctx.body = await listenWindows(Number(ctx.params.id));
});

statsRouter.get("/episodes/:id/listens/countries", async (ctx) => {
  ctx.body = await topCountries(Number(ctx.params.id));
});

statsRouter.get("/episodes/:id/listens/recent", async (ctx) => {
  ctx.body = await recentListens(Number(ctx.params.id));
});
