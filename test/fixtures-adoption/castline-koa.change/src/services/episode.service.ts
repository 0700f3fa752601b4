import type { Context } from "koa";
import { Episode } from "../models/Episode";
import { Show } from "../models/Show";

const MAX_EPISODES_PER_SEASON = 100;

export async function loadShow(ctx: Context, slug: string): Promise<Show> {
  const show = await Show.findOne({ where: { slug }, attributes: ["id", "title"] });
  if (!show) {
    return ctx.throw(404, `show ${slug} not found`);
  }
  return show;
}

/** Renumbers a season after an episode was removed: 1..n in publication order. */
export async function renumberSeason(showId: number, season: number) {
  const episodes = await Episode.findAll({
    where: { showId, season },
    order: [["publishedAt", "ASC"], ["id", "ASC"]],
    limit: MAX_EPISODES_PER_SEASON,
  });

  const renumbered: number[] = [];
  for (const [index, episode] of episodes.entries()) {
    if (episode.number === index + 1) continue;
    episode.number = index + 1;
    // perf-scan-disable-next-line n-plus-one -- every row gets its own number and the (showId, season, number) unique index forbids a bulk shift; a season has at most 100 episodes
    await episode.save();
    renumbered.push(episode.id);
  }
  return { season, renumbered };
}

export interface PublishOutcome {
  episodeId: number;
  published: boolean;
  reason?: string;
}

export async function publishEpisode(showId: number, episodeId: number, at: Date): Promise<PublishOutcome> {
  const episode = await Episode.findOne({ where: { id: episodeId, showId }, attributes: ["id", "status"] });
  if (!episode) {
    return { episodeId, published: false, reason: "not found" };
  }
  if (episode.status === "published" || episode.status === "archived") {
    return { episodeId, published: false, reason: `already ${episode.status}` };
  }
  await Episode.update({ status: "published", publishedAt: at }, { where: { id: episodeId } });
  return { episodeId, published: true };
}
