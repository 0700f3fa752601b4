export interface Holiday {
  countryCode: string;
  date: string; // YYYY-MM-DD
  name: string;
}

const HOLIDAYS: Holiday[] = [
  { countryCode: "DE", date: "2025-01-01", name: "Neujahr" },
  { countryCode: "DE", date: "2025-04-18", name: "Karfreitag" },
  { countryCode: "DE", date: "2025-04-21", name: "Ostermontag" },
  { countryCode: "DE", date: "2025-05-01", name: "Tag der Arbeit" },
  { countryCode: "DE", date: "2025-10-03", name: "Tag der Deutschen Einheit" },
  { countryCode: "DE", date: "2025-12-25", name: "1. Weihnachtstag" },
  { countryCode: "NL", date: "2025-01-01", name: "Nieuwjaarsdag" },
  { countryCode: "NL", date: "2025-04-27", name: "Koningsdag" },
  { countryCode: "NL", date: "2025-12-25", name: "Eerste Kerstdag" },
  { countryCode: "FR", date: "2025-05-01", name: "Fête du Travail" },
  { countryCode: "FR", date: "2025-07-14", name: "Fête nationale" },
];

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** Public holidays, held in memory: the method names mirror the db API on purpose. */
class HolidayCalendar {
  private readonly byCountry = new Map<string, Holiday[]>();

  constructor(seed: Holiday[]) {
    for (const holiday of seed) {
      const list = this.byCountry.get(holiday.countryCode) ?? [];
      list.push(holiday);
      this.byCountry.set(holiday.countryCode, list);
    }
  }

  findMany(countryCode: string, from: Date, to: Date): Holiday[] {
    const start = iso(from);
    const end = iso(to);
    return (this.byCountry.get(countryCode) ?? []).filter((holiday) => holiday.date >= start && holiday.date < end);
  }

  findUnique(countryCode: string, date: Date): Holiday | null {
    const day = iso(date);
    return this.byCountry.get(countryCode)?.find((holiday) => holiday.date === day) ?? null;
  }
}

export const holidayCalendar = new HolidayCalendar(HOLIDAYS);
