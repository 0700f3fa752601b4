import type { Rule } from "./rule.js";
import type { DbCall } from "../src/engine/orm.js";
import { isUnboundedRead } from "../src/engine/orm.js";
import { overPageText } from "./unbounded-query.js";
import { overPageSize } from "../src/engine/orm.js";
import { describeCall, finding, locate, related } from "./support.js";
import { ruleMeta } from "./catalog.js";

export const inMemoryFilter: Rule = {
  meta: ruleMeta("in-memory-filter"),
  check(facts) {
    return facts.dbCalls
      .filter((call) => isUnboundedRead(call, facts.maxPageSize))
      // Rows that are needed whole anyway (returned, passed on) must be fetched: the JS pass is a side computation.
      .filter((call) => !facts.rowUsage(call).neededWhole)
      .flatMap((call) => {
        const overPage = overPageSize(call, facts.maxPageSize);
        // Only filters that thin the rows: not groups split by several filters, not joins run per element (facts.ts).
        return facts.rowUsage(call).thinningFilters.map((site) =>
          finding("in-memory-filter", call, locate(site.module, site.node), {
            message: overPage
              ? `Rows of ${describeCall(call)} are filtered in JavaScript: up to ${call.limit} ${call.model ?? "row"} rows are fetched to keep a few (${overPageText(call, facts.maxPageSize!)}).`
              : `Rows of ${describeCall(call)} are filtered in JavaScript: every ${call.model ?? "row"} is fetched to keep a few.`,
            fix: filterFix(call),
            related: [related(call.module, call.node, overPage ? "the query that fetches the rows, over the page size" : "the unbounded query that fetches the rows")],
          }),
        );
      });
  },
};

function filterFix(call: DbCall): string {
  switch (call.orm) {
    case "prisma":
      return "Move the condition into `where` (compare two columns with field references: `where: { stock: { lt: prisma.product.fields.reorderThreshold } }`).";
    case "typeorm":
      return "Move the condition into `where` (or `.andWhere('p.stock < p.reorderThreshold')` on a query builder).";
    case "sequelize":
      return "Move the condition into `where` (compare two columns with `where(col('stock'), Op.lt, col('reorderThreshold'))`).";
  }
}
