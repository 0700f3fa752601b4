import type { Rule } from "./rule.js";
import type { DbCall } from "../src/engine/orm.js";
import type { ProjectFacts } from "../src/engine/facts.js";
import { isUnboundedRead, overPageSize } from "../src/engine/orm.js";
import { describeCall, finding, locate } from "./support.js";
import { ruleMeta } from "./catalog.js";

export const unboundedQuery: Rule = {
  meta: ruleMeta("unbounded-query"),
  check(facts) {
    const reportedElsewhere = sitesReportedByOtherRules(facts);
    const max = facts.maxPageSize;
    return facts.dbCalls.filter((call) => isUnboundedRead(call, max) && !reportedElsewhere.has(call.node) && (!call.scopedByKey || hasConsequence(call, facts))).map((call) =>
      finding("unbounded-query", call, locate(call.module, call.node), overPageSize(call, max)
        ? {
            message: `${describeCall(call)} reads up to ${call.limit} ${call.model ?? "row"} rows at once: ${overPageText(call, max!)}.`,
            fix: pageSizeFix(call, max!),
          }
        : {
            message: `${describeCall(call)} has no limit: it reads every matching ${call.model ?? "row"}, and grows with the table.`,
            fix: limitFix(call),
          }),
    );
  },
};

/** `take` for Prisma and TypeORM, `limit` for Sequelize. */
export function limitWord(call: DbCall): string {
  return call.orm === "sequelize" ? "limit" : "take";
}

/** "`take: 500` is over this project's largest page, `pagination.maxPageSize: 100`". */
export function overPageText(call: DbCall, maxPageSize: number): string {
  return `\`${limitWord(call)}: ${call.limit}\` is over this project's largest page, \`pagination.maxPageSize: ${maxPageSize}\``;
}

export function pageSizeFix(call: DbCall, maxPageSize: number): string {
  switch (call.orm) {
    case "prisma":
      return `Lower \`take\` to at most ${maxPageSize} and page through the rest with \`cursor\` (or \`skip\`), or aggregate in the database.`;
    case "typeorm":
      return `Lower \`take\` to at most ${maxPageSize} and page through the rest with \`skip\` or a keyset \`where\`.`;
    case "sequelize":
      return `Lower \`limit\` to at most ${maxPageSize} and page through the rest with \`offset\` or a keyset \`where\`.`;
  }
}

/**
 * Rows scoped to one parent (`where: { merchantId }`) are usually few; they are reported only when the code then
 * does per-row work with them: an N+1 loop over them, or aggregating or filtering them in JavaScript.
 */
function hasConsequence(call: DbCall, facts: ProjectFacts): boolean {
  const usage = facts.rowUsage(call);
  return facts.loopSourceCalls.has(call) || usage.aggregations.length > 0 || usage.thinningFilters.length > 0 || usage.onlyLength || usage.savedBack;
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
