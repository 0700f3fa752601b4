/**
 * Plans are defined in code, versioned with the pricing page, and never stored in the database.
 * The catalog mimics the model API the rest of the code base is used to.
 */
export interface PlanDefinition {
  code: string;
  name: string;
  monthlyPriceCents: number;
  includedSeats: number;
  meteredMetric: string | null;
}

const PLANS: PlanDefinition[] = [
  { code: "starter", name: "Starter", monthlyPriceCents: 1900, includedSeats: 3, meteredMetric: null },
  { code: "growth", name: "Growth", monthlyPriceCents: 7900, includedSeats: 10, meteredMetric: "api_calls" },
  { code: "scale", name: "Scale", monthlyPriceCents: 29900, includedSeats: 50, meteredMetric: "api_calls" },
  { code: "enterprise", name: "Enterprise", monthlyPriceCents: 0, includedSeats: 500, meteredMetric: "api_calls" },
];

export class PlanCatalog {
  private readonly byCode = new Map<string, PlanDefinition>();

  constructor(plans: PlanDefinition[]) {
    for (const plan of plans) this.byCode.set(plan.code, plan);
  }

  findAll(): PlanDefinition[] {
    return [...this.byCode.values()];
  }

  findByPk(code: string): PlanDefinition | null {
    return this.byCode.get(code) ?? null;
  }

  findOne(where: Partial<PlanDefinition>): PlanDefinition | null {
    return (
      this.findAll().find((plan) =>
        Object.entries(where).every(([key, value]) => plan[key as keyof PlanDefinition] === value),
      ) ?? null
    );
  }
}

export const planCatalog = new PlanCatalog(PLANS);
