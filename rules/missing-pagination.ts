import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";
import { describeCall, finding, locate, related } from "./support.js";

export const missingPagination: Rule = {
  meta: {
    id: "missing-pagination",
    title: "Missing pagination",
    description: "An unbounded read whose rows are sent in an HTTP list response.",
    defaultSeverity: "warning",
    docsUrl: docsUrl("missing-pagination"),
  },
  check(facts) {
    return facts.paginationSites.map(({ call, handler, sink }) => {
      const endpoint = handler.endpoint ? ` ${handler.endpoint}` : "";
      return finding("missing-pagination", call, locate(call.module, call.node), {
        message: `${describeCall(call)} returns every ${call.model ?? "row"} to the client of${endpoint || " this endpoint"}: the response grows with the table.`,
        fix: paginationFix(call.orm),
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
