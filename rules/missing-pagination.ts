import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";

export const missingPagination: Rule = {
  meta: {
    id: "missing-pagination",
    title: "Missing pagination",
    description: "An unbounded read whose rows are sent in an HTTP list response.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("missing-pagination"),
  },
  check() {
    return [];
  },
};
