import { nPlusOne } from "./n-plus-one.js";
import { unboundedQuery } from "./unbounded-query.js";
import { missingPagination } from "./missing-pagination.js";
import { selectStar } from "./select-star.js";
import { countViaLength } from "./count-via-length.js";
import { inMemoryAggregation } from "./in-memory-aggregation.js";
import { inMemoryFilter } from "./in-memory-filter.js";
import { clientPerRequest } from "./client-per-request.js";
import type { Rule } from "./rule.js";
import type { RuleId } from "../src/types.js";

export type { Rule, RuleMeta } from "./rule.js";

/** Every rule, in documentation order. */
export const allRules: readonly Rule[] = [
  nPlusOne,
  unboundedQuery,
  missingPagination,
  selectStar,
  countViaLength,
  inMemoryAggregation,
  inMemoryFilter,
  clientPerRequest,
];

export const ruleIds: readonly RuleId[] = allRules.map((rule) => rule.meta.id);

export function getRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
