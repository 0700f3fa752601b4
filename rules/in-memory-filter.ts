import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";

export const inMemoryFilter: Rule = {
  meta: {
    id: "in-memory-filter",
    title: "Filtering in JavaScript",
    description: "Rows of a whole-table fetch filtered in JavaScript on their columns instead of with a where clause.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("in-memory-filter"),
  },
  check() {
    return [];
  },
};
