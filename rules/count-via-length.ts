import type { Rule } from "./rule.js";
import type { DbCall } from "../src/engine/orm.js";
import { describeCall, finding, locate } from "./support.js";
import { isPageBounded, overPageSize } from "../src/engine/orm.js";
import { overPageText } from "./unbounded-query.js";
import { ruleMeta } from "./catalog.js";

export const countViaLength: Rule = {
  meta: ruleMeta("count-via-length"),
  check(facts) {
    return facts.dbCalls
      // A page (take/limit, at most `pagination.maxPageSize`), an input list or a unique key bounds the rows:
      // counting them in JS costs little.
      .filter((call) => call.kind === "read-many" && !isPageBounded(call, facts.maxPageSize) && !call.filteredByList && !call.filteredByUnique && facts.rowUsage(call).onlyLength)
      .map((call) =>
        finding("count-via-length", call, locate(call.module, call.node), {
          message: overPageSize(call, facts.maxPageSize)
            ? `${describeCall(call)} loads up to ${call.limit} ${call.model ?? "row"} rows only to take .length (${overPageText(call, facts.maxPageSize!)}): the database can count them without sending them.`
            : `${describeCall(call)} loads every matching ${call.model ?? "row"} only to take .length: the database can count them without sending them.`,
          fix: countFix(call),
        }),
      );
  },
};

function countFix(call: DbCall): string {
  const accessor = /^get([A-Z]\w*)$/.exec(call.operation);
  switch (call.orm) {
    case "prisma":
      return call.operation === "findMany" ? "Use `prisma.<model>.count({ where })` (or `_count` in the parent query's select)." : "Use `_count: { select: { <relation>: true } }` on the parent query, or `count({ where })`.";
    case "typeorm":
      return call.operation.startsWith("get") ? "Use `.getCount()` on the query builder." : "Use `repository.count({ where })` (or `loadRelationCountAndMap` on a query builder).";
    case "sequelize":
      return accessor ? `Use \`count${accessor[1]}()\` instead of \`get${accessor[1]}()\`.length.` : "Use `Model.count({ where })`.";
  }
}
