import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";

export const countViaLength: Rule = {
  meta: {
    id: "count-via-length",
    title: "Counting rows by fetching them",
    description: "Rows fetched only to take their .length instead of asking the database for a count.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("count-via-length"),
  },
  check() {
    return [];
  },
};
