import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";

export const selectStar: Rule = {
  meta: {
    id: "select-star",
    title: "SELECT * / over-fetching",
    description: "Raw SQL selecting *, or an ORM read that fetches whole rows where only a few fields are used.",
    defaultSeverity: "note",
    docsUrl: docsUrl("select-star"),
  },
  check() {
    return [];
  },
};
