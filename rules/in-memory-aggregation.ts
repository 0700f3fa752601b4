import type { Rule } from "./rule.js";
import type { DbCall } from "../src/engine/orm.js";
import { describeCall, finding, locate, related } from "./support.js";
import { ruleMeta } from "./catalog.js";

export const inMemoryAggregation: Rule = {
  meta: ruleMeta("in-memory-aggregation"),
  check(facts) {
    return facts.dbCalls
      .filter((call) => call.kind === "read-many")
      // Rows that are needed whole anyway (returned, passed on) must be fetched: the JS pass is a side computation.
      .filter((call) => !facts.rowUsage(call).neededWhole)
      .flatMap((call) =>
        facts.rowUsage(call).aggregations.map((site) =>
          finding("in-memory-aggregation", call, locate(site.module, site.node), {
            message: `Rows of ${describeCall(call)} are aggregated in JavaScript: every ${call.model ?? "row"} is sent over the wire to compute one number.`,
            fix: aggregateFix(call),
            related: [related(call.module, call.node, "the query that fetches the rows")],
          }),
        ),
      );
  },
};

function aggregateFix(call: DbCall): string {
  switch (call.orm) {
    case "prisma":
      return "Aggregate in the database: `prisma.<model>.aggregate({ where, _sum: { amount: true } })` or `groupBy({ by, _sum, _avg, _count })`.";
    case "typeorm":
      return "Aggregate in the database: `repository.sum('amount', where)` / `average` / `maximum`, or a query builder with `SUM(...)` and getRawOne().";
    case "sequelize":
      return "Aggregate in the database: `Model.sum('amount', { where })`, `Model.max`, or `attributes: [[fn('SUM', col('amount')), 'total']]`.";
  }
}
