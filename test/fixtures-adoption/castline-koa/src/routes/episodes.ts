import Router from "@koa/router";
import { Op } from "sequelize";
import { z } from "zod";
import { Comment } from "../models/Comment";
import { Episode } from "../models/Episode";
import { chunk } from "../lib/chunk";
import { loadShow } from "../services/episode.service";
import { approveComment, reportedComments } from "../services/moderation.service";
import { sponsorRevenueCents } from "../services/sponsor.service";

export const episodesRouter = new Router();

const MAX_SCHEDULED = 10;

const CreateEpisode = z.object({
  title: z.string().min(1).max(200),
  showNotes: z.string().max(20_000).default(""),
  audioUrl: z.string().url(),
  durationSec: z.number().int().min(1),
  season: z.number().int().min(1),
  number: z.number().int().min(1),
  status: z.enum(["draft", "scheduled"]).default("draft"),
});

const ArchiveBody = z.object({ episodeIds: z.array(z.number().int()).min(1).max(5000) });

const ImportComments = z.object({
  comments: z
    .array(z.object({ authorName: z.string().min(1), authorEmail: z.string().email(), body: z.string().min(1).max(5000) }))
    .min(1)
    .max(200),
});

episodesRouter.post("/shows/:slug/episodes", async (ctx) => {
  const body = CreateEpisode.parse(ctx.request.body);
  const show = await loadShow(ctx, ctx.params.slug);

  if (body.status === "scheduled") {
    const scheduled = await Episode.findAll({ where: { showId: show.id, status: "scheduled" } }); // expect: count-via-length, unbounded-query
    if (scheduled.length >= MAX_SCHEDULED) {
      ctx.throw(409, `a show can have at most ${MAX_SCHEDULED} scheduled episodes`);
    }
  }

  const episode = await Episode.create({ ...body, showId: show.id });
  ctx.status = 201;
  ctx.body = { id: episode.id };
});

episodesRouter.post("/shows/:slug/episodes/archive", async (ctx) => {
  const { episodeIds } = ArchiveBody.parse(ctx.request.body);
  const show = await loadShow(ctx, ctx.params.slug);

  let archived = 0;
  for (const part of chunk(episodeIds, 200)) {
    const [count] = await Episode.update({ status: "archived" }, { where: { showId: show.id, id: { [Op.in]: part } } });
    archived += count;
  }
  ctx.body = { archived };
});

/** Migration from the old WordPress site: each imported comment must reach the host's inbox. */
episodesRouter.post("/episodes/:id/comments/import", async (ctx) => {
  const { comments } = ImportComments.parse(ctx.request.body);
  const episodeId = Number(ctx.params.id);

  const created: number[] = [];
  for (const row of comments) {
    const comment = await Comment.create({ ...row, episodeId });
    created.push(comment.id);
  }
  ctx.status = 201;
  ctx.body = { created };
});

episodesRouter.get("/episodes/:id/comments/reported", async (ctx) => {
  ctx.body = await reportedComments(Number(ctx.params.id));
});

episodesRouter.post("/episodes/:id/comments/:commentId/approve", async (ctx) => {
  const ok = await approveComment(Number(ctx.params.id), Number(ctx.params.commentId));
  ctx.status = ok ? 204 : 404;
});

episodesRouter.get("/episodes/:id/sponsor-revenue", async (ctx) => {
  const episodeId = Number(ctx.params.id);
  ctx.body = { episodeId, revenueCents: await sponsorRevenueCents(episodeId) };
});
