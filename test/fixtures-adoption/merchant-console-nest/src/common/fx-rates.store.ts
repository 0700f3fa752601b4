import { Injectable } from "@nestjs/common";

export interface FxRate {
  code: string;
  perEur: number;
}

export const SUPPORTED_CURRENCIES: readonly FxRate[] = [
  { code: "EUR", perEur: 1 },
  { code: "USD", perEur: 1.08 },
  { code: "GBP", perEur: 0.86 },
  { code: "CHF", perEur: 0.97 },
];

/**
 * Rates are pushed by the finance team's cron into process memory; nothing here touches the database.
 * The method names mirror the repository API on purpose so call sites read the same.
 */
@Injectable()
export class FxRatesStore {
  private readonly rates = new Map<string, FxRate>(SUPPORTED_CURRENCIES.map((rate) => [rate.code, rate]));

  find(): FxRate[] {
    return [...this.rates.values()];
  }

  findOne(code: string): FxRate | undefined {
    return this.rates.get(code.toUpperCase());
  }

  save(rate: FxRate): FxRate {
    this.rates.set(rate.code, rate);
    return rate;
  }
}

export function convertCents(cents: number, from: FxRate, to: FxRate): number {
  return Math.round((cents / from.perEur) * to.perEur);
}
