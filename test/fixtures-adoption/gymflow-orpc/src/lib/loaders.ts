import DataLoader from "dataloader";
import type { Trainer } from "@prisma/client";
import { prisma } from "../db.js";

export function createLoaders() {
  return {
    trainer: new DataLoader<string, Trainer | null>(async (ids) => {
      const rows = await prisma.trainer.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
