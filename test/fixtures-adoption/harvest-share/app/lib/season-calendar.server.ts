// Planting and harvest windows come from the agronomist's spreadsheet, compiled into the bundle.
export interface SeasonWindow {
  farmId: number;
  crop: string;
  from: string;
  to: string;
}

const WINDOWS: SeasonWindow[] = [
  { farmId: 1, crop: "tomatoes", from: "07-01", to: "09-30" },
  { farmId: 1, crop: "kale", from: "04-15", to: "11-15" },
  { farmId: 2, crop: "squash", from: "08-15", to: "10-31" },
];

export const seasonCalendar = {
  findMany(where: { farmId: number }): SeasonWindow[] {
    return WINDOWS.filter((w) => w.farmId === where.farmId);
  },
  findFirst(where: { farmId: number; crop: string }): SeasonWindow | undefined {
    return WINDOWS.find((w) => w.farmId === where.farmId && w.crop === where.crop);
  },
};
