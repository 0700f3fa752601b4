import { Injectable } from "@nestjs/common";

export interface FeatureFlag {
  key: string;
  enabled: boolean;
  accounts: string[];
}

/**
 * Flags come from the FEATURE_FLAGS env variable at boot. The repository-like
 * method names are deliberate (the class replaced a DB-backed repository) but
 * everything here is an array lookup.
 */
@Injectable()
export class FeatureFlags {
  private readonly flags: FeatureFlag[] = JSON.parse(process.env.FEATURE_FLAGS ?? "[]") as FeatureFlag[];

  findOneBy(where: Partial<Pick<FeatureFlag, "key" | "enabled">>): FeatureFlag | null {
    return this.flags.find((flag) => (where.key === undefined || flag.key === where.key) && (where.enabled === undefined || flag.enabled === where.enabled)) ?? null;
  }

  find(options: { where: { enabled: boolean } }): FeatureFlag[] {
    return this.flags.filter((flag) => flag.enabled === options.where.enabled);
  }

  isOn(key: string, accountId: string): boolean {
    const flag = this.findOneBy({ key });
    return !!flag && flag.enabled && (flag.accounts.length === 0 || flag.accounts.includes(accountId));
  }
}
