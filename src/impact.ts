import type { EntryPoint } from "./engine/entry-points.js";
import type { RuleFinding, Scale } from "./engine/findings.js";
import type { Bottleneck, Confidence, Effort, Finding, FindingGroup, Impact, RuleId } from "./types.js";

/**
 * The impact model: a static estimate of what a finding costs per invocation and what fixing it takes.
 * score = rule weight × scale × loop depth × entry point × confidence. Only the order it gives means something.
 */

/** How much one occurrence costs before scale: a query per element beats a wide row. */
const RULE_WEIGHT: Record<RuleId, number> = {
  "n-plus-one": 10,
  /** An unclosed pool per request runs the database out of connections: an outage, not a slowdown. */
  "client-per-request": 35,
  "missing-pagination": 6,
  "in-memory-aggregation": 6,
  "in-memory-filter": 6,
  "count-via-length": 5,
  "unbounded-query": 4,
  "select-star": 2,
  /** A scan per query: grows with the table, not with the request. */
  "unindexed-filter": 5,
  /** Latent until a query or a cascading delete needs it. */
  "unindexed-foreign-key": 1.5,
};

/** low: add `take`, swap `.length` for `count()`, move a client to module scope; medium: eager-load or batch with IN; high: restructure into an aggregate. */
const EFFORT: Record<RuleId, Effort> = {
  "unbounded-query": "low",
  "missing-pagination": "low",
  "count-via-length": "low",
  "client-per-request": "low",
  "select-star": "low",
  "n-plus-one": "medium",
  "in-memory-filter": "medium",
  "in-memory-aggregation": "high",
  "unindexed-filter": "low",
  "unindexed-foreign-key": "low",
};

/** A client opened and closed per request costs connection setup every time, but leaves no pool behind. */
const CLOSED_CLIENT_WEIGHT = 8;

const CONFIDENCE_FACTOR: Record<Confidence, number> = { high: 1, medium: 0.8, low: 0.4 };
/** Code a request runs costs every user; a nightly job costs a machine. */
const ENTRY_FACTOR: Record<EntryPoint["kind"], number> = { request: 2, unknown: 1, job: 0.5 };

/** Rows read once cost less than queries repeated: the scale of a read weighs less than the N of an N+1. */
function readScaleFactor(scale: Scale | undefined): number {
  if (!scale) return 1;
  if (scale.kind === "table") return scale.filtered ? 1.5 : 2;
  return scale.kind === "bound" ? 0.5 : 1;
}

function loopScaleFactor(scale: Scale | undefined): number {
  if (!scale) return 1;
  switch (scale.kind) {
    case "request":
    case "resolver":
      return 3;
    case "table":
      return scale.filtered ? 2 : 3;
    case "bound":
      // A page of 20 costs 20 extra queries: real, but less than a loop over a table.
      return scale.bound === null ? 2 : scale.bound >= 100 ? 2.5 : scale.bound > 25 ? 2 : 1;
    case "parent":
    case "unknown":
      return 1.5;
    case "literal":
      return 0.5;
  }
}

/** "rows of Order", or "rows" when the model is not known. */
function rowsOf(scale: Scale): string {
  return scale.model ? `rows of ${scale.model}` : "rows";
}

/** "rows of Order where merchantId = …": the rows of one parent. */
function parentRows(scale: Scale): string {
  return `${rowsOf(scale)} where ${scale.scopeKey ?? "its parent"} = …`;
}

/** "rows of Order (∝ table size)", "rows of Order where merchantId = …", "up to 50", "request-sized". */
export function describeScale(scale: Scale | undefined): string {
  if (!scale) return "the elements of the collection";
  const rows = rowsOf(scale);
  switch (scale.kind) {
    case "request":
      return "a list from the request";
    case "resolver":
      return "the rows of the parent list";
    case "table":
      return scale.filtered ? `${rows} matching its filter (∝ table size)` : `${rows} (∝ table size)`;
    case "parent":
      return parentRows(scale);
    case "bound":
      return scale.bound === null ? `a page of ${rows}` : `up to ${scale.bound}`;
    case "literal":
      return "a fixed list";
    case "unknown":
      return "the elements of the collection";
  }
}

export function impactOf(raw: RuleFinding, entry: EntryPoint): Impact {
  const depth = Math.max(1, raw.loopDepth ?? 1);
  const scale = raw.ruleId === "n-plus-one" ? loopScaleFactor(raw.scale) : readScaleFactor(raw.scale);
  const weight = raw.ruleId === "client-per-request" && raw.released ? CLOSED_CLIENT_WEIGHT : RULE_WEIGHT[raw.ruleId];
  const score = weight * scale * depth * ENTRY_FACTOR[entry.kind] * CONFIDENCE_FACTOR[raw.confidence] * indexFactor(raw) * iterationFactor(raw);
  return {
    score: Math.round(score * 10) / 10,
    estimatedQueries: estimatedQueries(raw, depth),
    estimatedRows: estimatedRows(raw),
    hotPath: entry.kind === "request",
    endpoint: entry.kind === "request" ? entry.endpoint : null,
    effort: EFFORT[raw.ruleId],
    confidence: raw.confidence,
  };
}

/** A scan per loop element costs more (but ranks below its N+1, whose fix carries the index); a child table grows with its parents; a reference table stays small. */
function indexFactor(raw: RuleFinding): number {
  const cost = raw.indexCost;
  if (!cost) return 1;
  return (cost.perElement ? 1.25 : 1) * (cost.childTable ? 1.5 : 1) * (cost.smallTable ? 0.2 : 1);
}

/** An N+1 of primary-key lookups costs round trips; one that reads each parent's child rows costs rows too. */
function iterationFactor(raw: RuleFinding): number {
  return raw.perIteration === "key-lookup" ? 0.8 : raw.perIteration === "row-set" ? 1.25 : 1;
}

const PER_ITERATION: Record<NonNullable<RuleFinding["perIteration"]>, string> = {
  "key-lookup": "each a primary-key lookup",
  "row-set": "each reading a set of child rows",
};

function estimatedQueries(raw: RuleFinding, depth: number): string | null {
  if (raw.ruleId === "n-plus-one") return `1 + N${depth > 1 ? `^${depth}` : ""} (N = ${describeScale(raw.scale)}${raw.perIteration ? `; ${PER_ITERATION[raw.perIteration]}` : ""})`;
  if (raw.ruleId === "client-per-request") return "a new connection pool per call";
  return null;
}

function estimatedRows(raw: RuleFinding): string | null {
  if (raw.ruleId === "n-plus-one" || raw.ruleId === "client-per-request" || raw.ruleId === "unindexed-foreign-key" || !raw.scale) return null;
  const scale = raw.scale;
  if (scale.kind === "bound") return scale.bound === null ? `a page of ${rowsOf(scale)}` : `≤ ${scale.bound} ${rowsOf(scale)}`;
  if (scale.kind === "parent") return `∝ ${parentRows(scale)}`;
  return `∝ ${rowsOf(scale)}`;
}

/** Orders by score (then file, line, column, rule, so the order is deterministic) and numbers from 1. */
export function rankFindings(findings: Omit<Finding, "rank">[]): Finding[] {
  const ordered = [...findings].sort(
    (a, b) => b.impact.score - a.impact.score || compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId),
  );
  return ordered.map((finding, index) => ({ ...finding, rank: index + 1 }));
}

/** One endpoint is one group wherever its handler is shown; a function is told apart by its file and line too. */
function groupKey(group: FindingGroup): string {
  return group.kind === "endpoint" ? `endpoint:${group.name}` : `fn:${group.file}:${group.name}:${group.line}`;
}

/** The groups with the highest summed score, from the findings' `group` (findings without one are left out). */
export function bottlenecksOf(findings: Finding[], limit = 3): Bottleneck[] {
  const byKey = new Map<string, Bottleneck>();
  for (const finding of findings) {
    const group = finding.group;
    if (!group) continue;
    const key = groupKey(group);
    const entry = byKey.get(key) ?? { name: group.name, file: group.file, line: group.line, score: 0, findings: [] };
    entry.score = Math.round((entry.score + finding.impact.score) * 10) / 10;
    entry.findings.push(finding.rank);
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .sort((a, b) => b.score - a.score || compareText(a.file, b.file) || a.line - b.line)
    .slice(0, limit)
    .map((b) => ({ ...b, findings: [...b.findings].sort((x, y) => x - y) }));
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
