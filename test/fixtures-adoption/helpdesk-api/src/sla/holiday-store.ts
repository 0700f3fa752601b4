/**
 * Public holidays per support region, compiled into the build from the
 * workforce-planning sheet. A plain in-memory store: `findOne` / `findMany`
 * only mirror repository names, nothing here talks to the database.
 */
export interface Holiday {
  region: string;
  date: string; // YYYY-MM-DD
  name: string;
}

const HOLIDAYS: readonly Holiday[] = [
  { region: "default", date: "2025-01-01", name: "New Year's Day" },
  { region: "default", date: "2025-12-25", name: "Christmas Day" },
  { region: "emea", date: "2025-01-01", name: "New Year's Day" },
  { region: "emea", date: "2025-05-01", name: "Labour Day" },
  { region: "emea", date: "2025-12-25", name: "Christmas Day" },
  { region: "emea", date: "2025-12-26", name: "Boxing Day" },
  { region: "amer", date: "2025-07-04", name: "Independence Day" },
  { region: "amer", date: "2025-11-27", name: "Thanksgiving" },
];

export class HolidayStore {
  private readonly byRegion = new Map<string, Map<string, Holiday>>();

  constructor(holidays: readonly Holiday[] = HOLIDAYS) {
    for (const holiday of holidays) {
      const region = this.byRegion.get(holiday.region) ?? new Map<string, Holiday>();
      region.set(holiday.date, holiday);
      this.byRegion.set(holiday.region, region);
    }
  }

  findOne(region: string, date: string): Holiday | undefined {
    return (this.byRegion.get(region) ?? this.byRegion.get("default"))?.get(date);
  }

  findMany(region: string): Holiday[] {
    return [...(this.byRegion.get(region) ?? new Map<string, Holiday>()).values()];
  }
}

export const holidayStore = new HolidayStore();
