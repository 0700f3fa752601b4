import "reflect-metadata";
import { In, LessThan, MoreThan } from "typeorm";
import { AppDataSource } from "../data-source";
import { Document } from "../entities";

const BATCH = 500;
const RETENTION_DAYS = 90;

// Nightly: archived documents past retention are removed; the bucket's lifecycle rule deletes the blobs.
export async function purgeArchived(now = new Date()): Promise<number> {
  const repo = AppDataSource.getRepository(Document);
  const cutoff = new Date(now.getTime() - RETENTION_DAYS * 24 * 60 * 60 * 1000);
  let purged = 0;
  for (let lastId = "00000000-0000-0000-0000-000000000000"; ; ) {
    const batch = await repo.find({
      select: { id: true },
      where: { status: "archived", updatedAt: LessThan(cutoff), id: MoreThan(lastId) },
      order: { id: "ASC" },
      take: BATCH,
    });
    if (batch.length === 0) break;
    const ids = batch.map((document) => document.id);
    await repo.delete({ id: In(ids) });
    purged += ids.length;
    lastId = ids[ids.length - 1];
  }
  return purged;
}

async function main(): Promise<void> {
  await AppDataSource.initialize();
  try {
    console.log(`purged ${await purgeArchived()} archived documents`);
  } finally {
    await AppDataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
