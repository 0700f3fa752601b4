import type { Finding, RuleId } from "./types.js";

/**
 * A baseline in ESLint's bulk-suppressions shape: `{ "<relPath>": { "<ruleId>": { "count": N } } }`. Counts per
 * file and rule, never lines, so edits elsewhere in a file do not invalidate it.
 */
export type Baseline = Record<string, Partial<Record<RuleId, { count: number }>>>;

type Located = Pick<Finding, "file" | "ruleId" | "line" | "column">;

export interface BaselineOutcome<T extends Located> {
  /** Findings the baseline did not cover: what this run reports. */
  kept: T[];
  /** How many findings the baseline covered. */
  suppressed: number;
  /** Baselined counts that no longer occur (fixed since): `--prune-suppressions` removes them. */
  stale: { file: string; ruleId: RuleId; count: number }[];
}

/** The baseline of a set of findings, with keys in a stable order. */
export function baselineOf(findings: readonly Located[]): Baseline {
  const counts = new Map<string, Map<RuleId, number>>();
  for (const finding of findings) {
    const byRule = counts.get(finding.file) ?? new Map<RuleId, number>();
    byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
    counts.set(finding.file, byRule);
  }
  const baseline: Baseline = {};
  for (const file of [...counts.keys()].sort()) {
    const byRule = counts.get(file)!;
    baseline[file] = Object.fromEntries([...byRule.keys()].sort().map((ruleId) => [ruleId, { count: byRule.get(ruleId)! }]));
  }
  return baseline;
}

/**
 * Subtracts the baseline. When a file has more findings of a rule than were baselined, the extra ones are the new
 * ones; which ones cannot be told from counts, so the last ones in the file are reported (a loop added at the end
 * of a file is the usual case), and the count says how many.
 */
export function applyBaseline<T extends Located>(findings: readonly T[], baseline: Baseline): BaselineOutcome<T> {
  const groups = new Map<string, T[]>();
  for (const finding of findings) {
    const key = `${finding.file}\0${finding.ruleId}`;
    const group = groups.get(key) ?? [];
    group.push(finding);
    groups.set(key, group);
  }
  const kept = new Set<T>();
  let suppressed = 0;
  for (const group of groups.values()) {
    const allowed = baseline[group[0]!.file]?.[group[0]!.ruleId]?.count ?? 0;
    const ordered = [...group].sort((a, b) => a.line - b.line || a.column - b.column);
    suppressed += Math.min(allowed, ordered.length);
    for (const finding of ordered.slice(allowed)) kept.add(finding);
  }
  const stale: BaselineOutcome<T>["stale"] = [];
  for (const [file, byRule] of Object.entries(baseline)) {
    for (const [ruleId, entry] of Object.entries(byRule) as [RuleId, { count: number }][]) {
      const now = groups.get(`${file}\0${ruleId}`)?.length ?? 0;
      if (entry.count > now) stale.push({ file, ruleId, count: entry.count - now });
    }
  }
  // By file, then rule, whatever order the file was written in: `perf-scan merge` rebuilds this order from shards.
  stale.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { kept: findings.filter((f) => kept.has(f)), suppressed, stale };
}

/** The baseline without what no longer occurs: each count capped at today's findings, empty entries dropped. */
export function pruneBaseline(baseline: Baseline, findings: readonly Located[]): Baseline {
  const today = baselineOf(findings);
  const pruned: Baseline = {};
  for (const file of Object.keys(baseline).sort()) {
    const entries = Object.entries(baseline[file]!)
      .map(([ruleId, entry]) => [ruleId, Math.min(entry!.count, today[file]?.[ruleId as RuleId]?.count ?? 0)] as const)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    if (entries.length > 0) pruned[file] = Object.fromEntries(entries.map(([ruleId, count]) => [ruleId, { count }]));
  }
  return pruned;
}
