import type { Rule } from "./rule.js";
import type { RelatedNode, RelatedText, RuleFinding } from "../src/engine/findings.js";
import type { DbCall } from "../src/engine/orm.js";
import { engineName, indexFix } from "../src/engine/schema/index-fix.js";
import type { IndexNeed } from "../src/engine/schema/index-needs.js";
import { describeCall, finding, locate, related, relatedSchema } from "./support.js";
import { ruleMeta } from "./catalog.js";

/** Related locations kept per finding: the model, then this many more queries that need the same index. */
const MAX_RELATED_QUERIES = 20;

export const unindexedFilter: Rule = {
  meta: ruleMeta("unindexed-filter"),
  check(facts) {
    const advisor = facts.indexAdvisor;
    if (!advisor) return [];
    const perElement = new Set(facts.loopQueries.map((loopQuery) => loopQuery.target));
    const findings = advisor.indexNeeds().map((need) => {
      const [first, ...others] = need.queries;
      const call = first!.call;
      const table = need.table;
      const schema = need.schema;
      const relatedLocations: (RelatedNode | RelatedText)[] = [];
      if (table.site) relatedLocations.push(relatedSchema(facts.root, table.site, `the ${table.model} definition: no index leads with ${need.constrained.join(" or ")}`));
      const seen = new Set([call.node]);
      for (const other of others) {
        if (seen.has(other.call.node) || seen.size > MAX_RELATED_QUERIES) continue;
        seen.add(other.call.node);
        relatedLocations.push(related(other.call.module, other.call.node, `another query that needs this index: ${describeCall(other.call)}`));
      }
      const inLoop = need.queries.some((q) => perElement.has(q.call));
      const via = first!.lookup.via ? ` through the relation filter on ${first!.lookup.via}` : "";
      const filteredOn = need.constrained.filter((field) => field !== need.sortedBy);
      const parts: string[] = [];
      if (filteredOn.length > 0) parts.push(`filters ${table.model} on ${filteredOn.join(", ")}`);
      if (need.sortedBy) parts.push(`${parts.length > 0 ? "sorts" : `sorts ${table.model}`} by ${need.sortedBy} to take the first rows`);
      const what = parts.join(" and ");
      // A bitmap OR combines one index per branch: one branch without an index is a whole-table read.
      const inBranch = first!.lookup.orBranch === true;
      return {
        call,
        schema,
        inBranch,
        inLoop,
        queries: seen,
        // The message in parts, so that the needs of one query read as one finding.
        condition: `${what}${via}${inBranch ? " in one branch of its OR" : ""}, and no index of ${table.model} leads with ${need.constrained.length > 1 ? "any of them" : "it"}`,
        finding: finding("unindexed-filter", call, locate(call.module, call.node), {
          model: table.model,
          message: "",
          fix: indexFix(schema, table, need.fields),
          severity: need.smallTable || lowCardinality(need) ? "note" : inLoop ? "error" : undefined,
          scale: { kind: "table", model: table.model, bound: null, scopeKey: null, filtered: true },
          indexCost: { perElement: inLoop, childTable: isChildTable(need), smallTable: need.smallTable },
          related: relatedLocations,
        }),
      };
    });
    // One finding per query (a finding is one site): the needs of two OR branches, or of a relation filter and its
    // table, are one finding with one fix per index.
    const byCall = new Map<DbCall, typeof findings>();
    for (const entry of findings) byCall.set(entry.call, [...(byCall.get(entry.call) ?? []), entry]);
    return [...byCall.values()].map((entries) => {
      const [head, ...rest] = entries;
      const call = head!.call;
      const result = head!.finding;
      const queries = new Set(entries.flatMap((entry) => [...entry.queries])).size;
      const loopWording = perElement.has(call) ? ", and this one runs once per element of a loop" : ", and one of them runs once per element of a loop";
      result.message =
        `${describeCall(call)} ${entries.map((entry) => entry.condition).join("; it also ")}: ` +
        `${engineName(head!.schema)} reads the whole table for every such query${entries.some((entry) => entry.inLoop) ? loopWording : ""}.` +
        (queries > 1 ? ` ${queries} queries need ${rest.length > 0 ? "these indexes" : "this index"}.` : "") +
        (entries.some((entry) => entry.inBranch) ? " Each branch of an OR needs an index of its own, or the database reads the whole table." : "");
      if (rest.length === 0) return result;
      result.fix = entries.map((entry) => entry.finding.fix).join("\n");
      result.severity = mostSevere(entries.map((entry) => entry.finding.severity));
      result.indexCost = {
        perElement: entries.some((entry) => entry.finding.indexCost!.perElement),
        childTable: entries.some((entry) => entry.finding.indexCost!.childTable),
        smallTable: entries.every((entry) => entry.finding.indexCost!.smallTable),
      };
      // The model definition once, when the needs share a table, naming what each need lacks.
      const kept = new Map<string, RelatedNode | RelatedText>();
      for (const location of entries.flatMap((entry) => entry.finding.related)) {
        const key = "node" in location ? `${location.file}@${location.node.pos}` : `${location.file}:${location.line}:${location.column}`;
        const earlier = kept.get(key);
        const lacks = / no index leads with (.*)$/.exec(location.message)?.[1];
        if (!earlier) kept.set(key, { ...location });
        else if (lacks && earlier.message !== location.message) earlier.message += `, nor with ${lacks}`;
      }
      result.related = [...kept.values()];
      return result;
    });
  },
};

/** Error over the default (a warning) over a note. */
function mostSevere(severities: readonly RuleFinding["severity"][]): RuleFinding["severity"] {
  if (severities.includes("error")) return "error";
  if (severities.includes(undefined)) return undefined;
  return "note";
}

/** Only booleans and enums: an index on a column of few values rarely beats the scan. */
function lowCardinality(need: IndexNeed): boolean {
  return need.constrained.every((field) => {
    const kind = need.table.columns.get(field)?.valueKind;
    return kind === "boolean" || kind === "enum";
  });
}

/** The many side of a relation: its rows grow with each parent's. */
function isChildTable(need: IndexNeed): boolean {
  return need.table.relations.some((relation) => relation.foreignKey.length > 0);
}
