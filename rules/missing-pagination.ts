import type { Rule } from "./rule.js";
import { describeCall, finding, locate, related } from "./support.js";
import { overPageSize } from "../src/engine/orm.js";
import { limitWord, overPageText } from "./unbounded-query.js";
import { ruleMeta } from "./catalog.js";

export const missingPagination: Rule = {
  meta: ruleMeta("missing-pagination"),
  check(facts) {
    return facts.paginationSites.map(({ call, handler, sink }) => {
      const endpoint = handler.endpoint ? ` ${handler.endpoint}` : "";
      // With `pagination.maxPageSize`, a constant page over it is a site too: the response is as large as that page.
      const over = overPageSize(call, facts.maxPageSize);
      return finding("missing-pagination", call, locate(call.module, call.node), {
        message: over
          ? `${describeCall(call)} sends up to ${call.limit} ${call.model ?? "row"} rows in one response of${endpoint || " this endpoint"}: ${overPageText(call, facts.maxPageSize!)}.`
          : `${describeCall(call)} returns every ${call.model ?? "row"} to the client of${endpoint || " this endpoint"}: the response grows with the table.`,
        fix: over ? `Page it with at most ${facts.maxPageSize} rows: read \`${limitWord(call)}\` from the request, cap it at ${facts.maxPageSize}, and return a cursor for the next page.` : paginationFix(call.orm),
        related: [related(handler.fn.module, sink, `rows sent in the response of${endpoint || " the handler"}`)],
      });
    });
  },
};

function paginationFix(orm: string): string {
  switch (orm) {
    case "prisma":
      return "Page it: read `take` (capped, e.g. 100) and a `cursor` or `skip` from the request and pass them to the query; return the next cursor.";
    case "typeorm":
      return "Page it: read `take` (capped, e.g. 100) and `skip` or a keyset `where: { id: MoreThan(cursor) }` from the request; use findAndCount for totals.";
    default:
      return "Page it: read `limit` (capped, e.g. 100) and `offset` or a keyset `where` from the request; use findAndCountAll for totals.";
  }
}
