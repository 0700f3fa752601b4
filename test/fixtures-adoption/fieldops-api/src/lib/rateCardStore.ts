import { readFileSync } from "node:fs";
import path from "node:path";

export interface RateCard {
  sku: string;
  listPrice: number;
  currency: string;
  tier: "standard" | "premium";
}

/**
 * List prices come from the pricing team as a JSON file shipped with each
 * release. They are held in memory; nothing here touches the database, the
 * method names only mirror the Prisma ones so call sites read the same.
 */
class RateCardStore {
  private readonly cards = new Map<string, RateCard>();

  load(cards: readonly RateCard[]): void {
    this.cards.clear();
    for (const card of cards) this.cards.set(card.sku, card);
  }

  findUnique(sku: string): RateCard | undefined {
    return this.cards.get(sku);
  }

  findMany(filter: { tier?: RateCard["tier"] } = {}): RateCard[] {
    return [...this.cards.values()].filter((card) => filter.tier === undefined || card.tier === filter.tier);
  }
}

export const rateCardStore = new RateCardStore();

export function loadRateCards(file = path.join(process.cwd(), "config", "rate-cards.json")): void {
  rateCardStore.load(JSON.parse(readFileSync(file, "utf8")) as RateCard[]);
}
