/**
 * Feature flags and pipeline metadata kept in process memory. The `findOne` /
 * `findAll({ where })` shape mirrors Sequelize so call sites can be swapped to
 * a table later; today nothing here reaches MySQL.
 */
export interface Flag {
  key: string;
  enabled: boolean;
  companyIds: number[];
}

export class FlagStore {
  constructor(private readonly flags: Flag[]) {}

  findOne(options: { where: { key: string } }): Flag | null {
    return this.flags.find((flag) => flag.key === options.where.key) ?? null;
  }

  findAll(options: { where: { enabled: boolean } }): Flag[] {
    return this.flags.filter((flag) => flag.enabled === options.where.enabled);
  }
}

export const flags = new FlagStore(JSON.parse(process.env.ATS_FLAGS ?? "[]") as Flag[]);

export const STAGES = [
  { key: "applied", label: "Applied", slaDays: 3 },
  { key: "screening", label: "Phone screen", slaDays: 5 },
  { key: "interview", label: "Interviews", slaDays: 10 },
  { key: "offer", label: "Offer", slaDays: 7 },
  { key: "hired", label: "Hired", slaDays: 0 },
  { key: "rejected", label: "Rejected", slaDays: 0 },
] as const;

export const stageByKey = new Map(STAGES.map((stage) => [stage.key as string, stage]));
