import { nPlusOne } from "./n-plus-one.js";
import { unboundedQuery } from "./unbounded-query.js";
import { missingPagination } from "./missing-pagination.js";
import { selectStar } from "./select-star.js";
import { countViaLength } from "./count-via-length.js";
import { inMemoryAggregation } from "./in-memory-aggregation.js";
import { inMemoryFilter } from "./in-memory-filter.js";
import { clientPerRequest } from "./client-per-request.js";
import { unindexedFilter } from "./unindexed-filter.js";
import { unindexedForeignKey } from "./unindexed-foreign-key.js";
import type { Rule } from "./rule.js";

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
  unindexedFilter,
  unindexedForeignKey,
];

export { ruleIds, ruleCatalog } from "./catalog.js";

export function getRule(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
