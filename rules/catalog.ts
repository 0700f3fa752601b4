import type { RuleId } from "../src/types.js";
import { docsUrl, type RuleMeta } from "./rule.js";

/**
 * What every rule is, without what it does: the CLI, the reporters and the config need ids, titles and severities
 * on runs that never analyse (a cached scan, `perf-scan merge`), so this file must not load the engine or the
 * compiler. Each rule file takes its meta from here with `ruleMeta("<id>")`.
 */
const catalog: readonly Omit<RuleMeta, "docsUrl">[] = [
  {
    id: "n-plus-one",
    title: "N+1 query",
    description: "A query runs once per element of a collection: inside a loop, an iteration callback or Promise.all(xs.map(...)), directly or through helpers and services.",
    defaultSeverity: "warning",
    precision: "high",
  },
  {
    id: "unbounded-query",
    title: "Unbounded query",
    description: "A read that can return a whole table: no take/limit.",
    defaultSeverity: "warning",
    precision: "high",
  },
  {
    id: "missing-pagination",
    title: "Missing pagination",
    description: "An unbounded read whose rows are sent in an HTTP list response.",
    defaultSeverity: "warning",
    precision: "high",
  },
  {
    id: "select-star",
    title: "SELECT * / over-fetching",
    description: "Raw SQL selecting *, or an ORM read that fetches whole rows where only a few fields are used.",
    defaultSeverity: "note",
    precision: "medium",
  },
  {
    id: "count-via-length",
    title: "Counting rows by fetching them",
    description: "Rows fetched only to take their .length instead of asking the database for a count.",
    defaultSeverity: "warning",
    precision: "high",
  },
  {
    id: "in-memory-aggregation",
    title: "Aggregation in JavaScript",
    description: "Fetched rows summed, averaged or min/maxed in JavaScript instead of in the database.",
    defaultSeverity: "warning",
    precision: "high",
  },
  {
    id: "in-memory-filter",
    title: "Filtering in JavaScript",
    description: "Rows of a whole-table fetch filtered in JavaScript on their columns instead of with a where clause.",
    defaultSeverity: "warning",
    precision: "high",
  },
  {
    id: "client-per-request",
    title: "Database client per request",
    description: "A new PrismaClient, Sequelize or DataSource is created in code that runs per request or per item.",
    defaultSeverity: "error",
    precision: "high",
  },
  {
    id: "unindexed-filter",
    title: "Query filter without an index",
    description: "A query filters, sorts or seeks on columns that no index of its table leads with, on an engine that does not index them on its own: the database scans the table.",
    defaultSeverity: "warning",
    precision: "high",
  },
  {
    id: "unindexed-foreign-key",
    title: "Foreign key without an index",
    description: "A foreign-key column that no index leads with, on an engine that does not index foreign keys on its own (PostgreSQL, SQLite, SQL Server, or any engine without FK constraints).",
    defaultSeverity: "note",
    precision: "high",
  },
]

/** Every rule's meta, in documentation order. */
export const ruleCatalog: readonly RuleMeta[] = catalog.map((entry) => ({ ...entry, docsUrl: docsUrl(entry.id) }));

export const ruleIds: readonly RuleId[] = ruleCatalog.map((meta) => meta.id);

export function ruleMeta(id: RuleId): RuleMeta {
  const meta = ruleCatalog.find((entry) => entry.id === id);
  if (!meta) throw new Error(`no rule ${id} in rules/catalog.ts`);
  return meta;
}
