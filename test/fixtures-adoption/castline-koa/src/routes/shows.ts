import Router from "@koa/router";
import { z } from "zod";
import { Episode } from "../models/Episode";
import { buildFeed } from "../services/feed.service";
import { episodeListenTotals } from "../services/stats.service";
import { loadShow, renumberSeason } from "../services/episode.service";

export const showsRouter = new Router({ prefix: "/shows" });

function toEpisodeDto(episode: Episode) {
  return {
    id: episode.id,
    title: episode.title,
    season: episode.season,
    number: episode.number,
    durationSec: episode.durationSec,
    audioUrl: episode.audioUrl,
    publishedAt: episode.publishedAt,
  };
}

showsRouter.get("/:slug/episodes", async (ctx) => {
  const show = await loadShow(ctx, ctx.params.slug);
  const episodes = await Episode.findAll({ where: { showId: show.id, status: "published" }, order: [["publishedAt", "DESC"]] }); // expect: missing-pagination
  ctx.body = episodes.map(toEpisodeDto);
});

showsRouter.get("/:slug/feed.json", async (ctx) => {
  const feed = await buildFeed(ctx.params.slug);
  if (!feed) {
    ctx.throw(404, "show not found");
  }
  ctx.set("Cache-Control", "public, max-age=300");
  ctx.body = feed;
});

showsRouter.get("/:slug/stats", async (ctx) => {
  const show = await loadShow(ctx, ctx.params.slug);
  ctx.body = { show: show.title, episodes: await episodeListenTotals(show.id) };
});

showsRouter.post("/:slug/seasons/:season/renumber", async (ctx) => {
  const show = await loadShow(ctx, ctx.params.slug);
  const season = z.coerce.number().int().min(1).parse(ctx.params.season);
  ctx.body = await renumberSeason(show.id, season);
});
