import { Op, QueryTypes, col, fn, literal } from "sequelize";
import { sequelize } from "../db";
import { Episode } from "../models/Episode";
import { Listen } from "../models/Listen";
import { countryTable } from "../lib/country-table";

const HOUR_MS = 60 * 60 * 1000;
const WINDOWS = [
  { label: "24h", ms: 24 * HOUR_MS },
  { label: "7d", ms: 7 * 24 * HOUR_MS },
  { label: "30d", ms: 30 * 24 * HOUR_MS },
];

export async function episodeListenTotals(showId: number) {
  const episodes = await Episode.findAll({
    where: { showId, status: "published" },
    order: [["publishedAt", "DESC"]],
    limit: 50,
    attributes: ["id", "title", "publishedAt"],
  });

  const totals = [];
  for (const episode of episodes) {
    const listens = await Listen.count({ where: { episodeId: episode.id } }); // expect: n-plus-one
    totals.push({ episodeId: episode.id, title: episode.title, publishedAt: episode.publishedAt, listens });
  }
  return totals;
}

export async function listenWindows(episodeId: number) {
  const now = Date.now();
  const result: Record<string, number> = {};
  for (const window of WINDOWS) {
    result[window.label] = await Listen.count({ where: { episodeId, createdAt: { [Op.gte]: new Date(now - window.ms) } } });
  }
  return result;
}

export async function topCountries(episodeId: number) {
  const rows = (await Listen.findAll({
    where: { episodeId },
    attributes: ["countryCode", [fn("COUNT", col("id")), "listens"]],
    group: ["countryCode"],
    order: [[literal('"listens"'), "DESC"]],
    limit: 25,
    raw: true,
  })) as unknown as { countryCode: string; listens: string }[];

  return rows.map((row) => ({
    countryCode: row.countryCode,
    country: countryTable.findByPk(row.countryCode)?.name ?? row.countryCode,
    listens: Number(row.listens),
  }));
}

/** Raw rows for the "last listens" debug panel, which shows every column. */
export async function recentListens(episodeId: number) {
  return sequelize.query('SELECT * FROM listens WHERE "episodeId" = :episodeId ORDER BY "createdAt" DESC LIMIT 100', { replacements: { episodeId }, type: QueryTypes.SELECT }); // expect: select-star
}
