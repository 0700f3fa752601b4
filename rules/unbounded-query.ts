import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";

export const unboundedQuery: Rule = {
  meta: {
    id: "unbounded-query",
    title: "Unbounded query",
    description: "A read that can return a whole table: no take/limit.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("unbounded-query"),
  },
  check() {
    return [];
  },
};
