import { Episode } from "../models/Episode";
import { Show } from "../models/Show";
import { currentSponsorFor } from "./sponsor.service";

const FEED_SIZE = 100;

export interface FeedItem {
  guid: string;
  title: string;
  audioUrl: string;
  durationSec: number;
  publishedAt: Date | null;
  sponsorRead: string | null;
}

export async function buildFeed(slug: string) {
  const show = await Show.findOne({ where: { slug }, attributes: ["id", "title", "description", "language"] });
  if (!show) return null;

  const episodes = await Episode.findAll({
    where: { showId: show.id, status: "published" },
    order: [["publishedAt", "DESC"]],
    limit: FEED_SIZE,
    attributes: ["id", "title", "audioUrl", "durationSec", "publishedAt"],
  });

  const now = new Date();
  const items: FeedItem[] = await Promise.all(
    episodes.map(async (episode) => {
      const sponsor = await currentSponsorFor(episode.id, now); // expect: n-plus-one
      return {
        guid: `castline-${show.id}-${episode.id}`,
        title: episode.title,
        audioUrl: episode.audioUrl,
        durationSec: episode.durationSec,
        publishedAt: episode.publishedAt,
        sponsorRead: sponsor ? `${sponsor.sponsorName}: ${sponsor.readText}` : null,
      };
    }),
  );

  return { title: show.title, description: show.description, language: show.language, items };
}
