import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";
import type { DbCall } from "../src/engine/orm.js";
import type { ProjectFacts } from "../src/engine/facts.js";
import { isLookupModel } from "../src/engine/orm.js";
import { describeCall, finding, locate } from "./support.js";

export const unboundedQuery: Rule = {
  meta: {
    id: "unbounded-query",
    title: "Unbounded query",
    description: "A read that can return a whole table: no take/limit.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("unbounded-query"),
  },
  check(facts) {
    const reportedElsewhere = sitesReportedByOtherRules(facts);
    return facts.dbCalls.filter((call) => isUnboundedRead(call) && !reportedElsewhere.has(call.node) && (!call.scopedByKey || hasConsequence(call, facts))).map((call) =>
      finding("unbounded-query", call, locate(call.module, call.node), {
        message: `${describeCall(call)} has no limit: it reads every matching ${call.model ?? "row"}, and grows with the table.`,
        fix: limitFix(call),
      }),
    );
  },
};

/**
 * A list read with no take/limit whose options we could read. Reads pinned to one row by a unique filter, or to
 * an input list (`id: { in: ids }` — the batched fix for an N+1), are bounded by their input and not reported.
 */
export function isUnboundedRead(call: DbCall): boolean {
  return call.kind === "read-many" && !call.bounded && !call.optionsOpaque && !call.filteredByUnique && !call.filteredByList && !isLookupModel(call.model);
}

/**
 * Rows scoped to one parent (`where: { merchantId }`) are usually few; they are reported only when the code then
 * does per-row work with them: an N+1 loop over them, or aggregating or filtering them in JavaScript.
 */
function hasConsequence(call: DbCall, facts: ProjectFacts): boolean {
  const usage = facts.rowUsage(call);
  return facts.loopSourceCalls.has(call) || usage.aggregations.length > 0 || usage.filters.length > 0 || usage.onlyLength || usage.savedBack;
}

function sitesReportedByOtherRules(facts: ProjectFacts): Set<unknown> {
  const sites = new Set<unknown>();
  for (const loopQuery of facts.loopQueries) if (loopQuery.chain.length === 0) sites.add(loopQuery.target.node);
  for (const site of facts.paginationSites) sites.add(site.call.node);
  return sites;
}

export function limitFix(call: DbCall): string {
  switch (call.orm) {
    case "prisma":
      return "Add `take` (and `cursor`/`skip` to page through), or aggregate in the database with count/aggregate/groupBy.";
    case "typeorm":
      return call.operation.startsWith("get") ? "Add `.take(n)` (with `.skip()` or a keyset `where`) to the query builder." : "Add `take` (with `skip`, or a keyset `where`) to the find options.";
    case "sequelize":
      return "Add `limit` (with `offset`, or a keyset `where`) to the options; for association getters pass `{ limit }`.";
  }
}
