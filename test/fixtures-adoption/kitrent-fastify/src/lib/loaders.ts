import DataLoader from "dataloader";
import { In } from "typeorm";
import { AppDataSource } from "../data-source";
import { Customer } from "../entities/Customer";

export type CustomerCard = Pick<Customer, "id" | "name" | "phone" | "blocked">;

/** One set of loaders per request: ids asked for in the same tick become one IN query. */
export function createLoaders() {
  return {
    customer: new DataLoader<number, CustomerCard | null>(async (ids) => {
      const rows = await AppDataSource.getRepository(Customer).find({
        where: { id: In([...ids]) },
        select: { id: true, name: true, phone: true, blocked: true },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
