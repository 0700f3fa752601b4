// Membership plans live in code (they change with a deploy), not in the database.
export interface Plan {
  code: string;
  name: string;
  monthlyCents: number;
  classesPerWeek: number | null;
}

class PlanCatalog {
  private readonly plans = new Map<string, Plan>();

  constructor(seed: Plan[]) {
    for (const plan of seed) this.plans.set(plan.code, plan);
  }

  findUnique(code: string): Plan | null {
    return this.plans.get(code) ?? null;
  }

  findMany(filter: { maxMonthlyCents?: number } = {}): Plan[] {
    const all = [...this.plans.values()];
    return all.filter((p) => filter.maxMonthlyCents === undefined || p.monthlyCents <= filter.maxMonthlyCents);
  }
}

export const planCatalog = new PlanCatalog([
  { code: "basic", name: "Basic", monthlyCents: 2900, classesPerWeek: 2 },
  { code: "plus", name: "Plus", monthlyCents: 4900, classesPerWeek: 5 },
  { code: "unlimited", name: "Unlimited", monthlyCents: 7900, classesPerWeek: null },
]);
