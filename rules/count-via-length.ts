import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";
import type { DbCall } from "../src/engine/orm.js";
import { describeCall, finding, locate } from "./support.js";

export const countViaLength: Rule = {
  meta: {
    id: "count-via-length",
    title: "Counting rows by fetching them",
    description: "Rows fetched only to take their .length instead of asking the database for a count.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("count-via-length"),
  },
  check(facts) {
    return facts.dbCalls
      // A page (take/limit), an input list or a unique key bounds the rows: counting them in JS costs little.
      .filter((call) => call.kind === "read-many" && !call.bounded && !call.filteredByList && !call.filteredByUnique && facts.rowUsage(call).onlyLength)
      .map((call) =>
        finding("count-via-length", call, locate(call.module, call.node), {
          message: `${describeCall(call)} loads every matching ${call.model ?? "row"} only to take .length: the database can count them without sending them.`,
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
