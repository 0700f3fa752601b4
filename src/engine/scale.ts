import type { Scale } from "./findings.js";
import type { LoopQuery } from "./facts.js";
import type { DbCall } from "./orm.js";

/** What the rows of a read scale with: a page or bound, one parent's rows, or the whole table. */
export function readScale(call: DbCall): Scale {
  const base = { model: call.model, bound: call.limit, scopeKey: call.scopeKey, filtered: call.filtered };
  if (call.limit !== null) return { kind: "bound", ...base };
  if (call.scopedByKey) return { kind: "parent", ...base };
  return { kind: "table", ...base };
}

/** What the N of an N+1 is: the loop's collection, traced to the request, a read, a literal or a parent list. */
export function loopScale(loopQuery: LoopQuery): Scale {
  const rows = loopQuery.sourceRows;
  switch (loopQuery.origin) {
    case "request":
      return { kind: "request", model: null, bound: null, scopeKey: null, filtered: false };
    case "field-resolver":
      return { kind: "resolver", model: null, bound: null, scopeKey: null, filtered: false };
    case "table-rows":
    case "child-rows":
      return rows ? readScale(rows) : { kind: loopQuery.origin === "table-rows" ? "table" : "parent", model: null, bound: null, scopeKey: null, filtered: false };
    case "capped":
      return rows ? readScale(rows) : { kind: "literal", model: null, bound: null, scopeKey: null, filtered: false };
    default:
      return { kind: "unknown", model: null, bound: null, scopeKey: null, filtered: false };
  }
}
