import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";
import type { DbCall } from "../src/engine/orm.js";
import { isUnboundedRead } from "./unbounded-query.js";
import { describeCall, finding, locate, related } from "./support.js";

export const inMemoryFilter: Rule = {
  meta: {
    id: "in-memory-filter",
    title: "Filtering in JavaScript",
    description: "Rows of a whole-table fetch filtered in JavaScript on their columns instead of with a where clause.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("in-memory-filter"),
  },
  check(facts) {
    return facts.dbCalls
      .filter((call) => isUnboundedRead(call) && !call.filteredByList)
      // Rows that are needed whole anyway (returned, passed on) must be fetched: the JS pass is a side computation.
      .filter((call) => !facts.rowUsage(call).neededWhole)
      .flatMap((call) =>
        facts.rowUsage(call).filters.map((site) =>
          finding("in-memory-filter", call, locate(site.module, site.node), {
            message: `Rows of ${describeCall(call)} are filtered in JavaScript: every ${call.model ?? "row"} is fetched to keep a few.`,
            fix: filterFix(call),
            related: [related(call.module, call.node, "the unbounded query that fetches the rows")],
          }),
        ),
      );
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
