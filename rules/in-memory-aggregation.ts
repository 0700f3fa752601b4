import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";

export const inMemoryAggregation: Rule = {
  meta: {
    id: "in-memory-aggregation",
    title: "Aggregation in JavaScript",
    description: "Fetched rows summed, averaged or min/maxed in JavaScript instead of in the database.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("in-memory-aggregation"),
  },
  check() {
    return [];
  },
};
