import { Op } from "sequelize";
import { sequelize } from "../db";
import { Episode } from "../models/Episode";

const BATCH = 200;
const STALE_DAYS = 180;

/** Nightly: drafts nobody touched for half a year are archived, walking the table in id order. */
export async function archiveStaleDrafts(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_DAYS * 24 * 60 * 60 * 1000);
  let archived = 0;

  for (let lastId = 0; ; ) {
    const batch = await Episode.findAll({
      where: { id: { [Op.gt]: lastId }, status: "draft", updatedAt: { [Op.lt]: cutoff } },
      order: [["id", "ASC"]],
      limit: BATCH,
      attributes: ["id"],
    });
    if (batch.length === 0) break;

    const ids = batch.map((episode) => episode.id);
    const [count] = await Episode.update({ status: "archived" }, { where: { id: { [Op.in]: ids } } });
    archived += count;
    lastId = ids[ids.length - 1];
  }

  return archived;
}

if (require.main === module) {
  archiveStaleDrafts()
    .then((archived) => console.log(`archived ${archived} stale drafts`))
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => sequelize.close());
}
