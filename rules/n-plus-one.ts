import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";

export const nPlusOne: Rule = {
  meta: {
    id: "n-plus-one",
    title: "N+1 query",
    description: "A query runs once per element of a collection: inside a loop, an iteration callback or Promise.all(xs.map(...)), directly or through helpers and services.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("n-plus-one"),
  },
  check() {
    return [];
  },
};
