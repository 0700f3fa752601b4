import type { Finding, RuleId, ScanResult } from "../types.js";

/** How the ranked report is cut: the first few worth doing now, then the next tier, then the rest in one line each. */
const QUICK_WINS = 5;
const MEDIUM_PRIORITY = 10;

export interface Tiers {
  quickWins: Finding[];
  mediumPriority: Finding[];
  rest: Finding[];
  /** Findings left out by `top`. */
  hidden: number;
}

/**
 * Quick wins: the best-ranked findings whose fix is low or medium effort. Medium priority: the next ones, any effort.
 * `top` keeps only the first `top` findings by rank.
 */
export function tiersOf(result: ScanResult, top?: number): Tiers {
  const shown = top === undefined ? result.findings : result.findings.slice(0, top);
  const quickWins = shown.filter((f) => f.impact.effort !== "high").slice(0, QUICK_WINS);
  const remaining = shown.filter((f) => !quickWins.includes(f));
  return {
    quickWins,
    mediumPriority: remaining.slice(0, MEDIUM_PRIORITY),
    rest: remaining.slice(MEDIUM_PRIORITY),
    hidden: result.findings.length - shown.length,
  };
}

const RULE_TITLE: Record<RuleId, string> = {
  "n-plus-one": "N+1 query",
  "unbounded-query": "Unbounded query",
  "missing-pagination": "List endpoint without pagination",
  "select-star": "SELECT * / over-fetching",
  "count-via-length": "Counting rows by fetching them",
  "in-memory-aggregation": "Aggregating rows in JavaScript",
  "in-memory-filter": "Filtering rows in JavaScript",
  "client-per-request": "New database client per request",
  "unindexed-filter": "Query filter without an index",
  "unindexed-foreign-key": "Foreign key without an index",
};

export function titleOf(finding: Finding): string {
  const where = finding.impact.endpoint ? ` in ${finding.impact.endpoint}` : "";
  return `${RULE_TITLE[finding.ruleId]}${where}`;
}

/** The expected effect of the fix, e.g. "≈ 1 + N queries per request → 2 (N = rows of Post where authorId = …)". */
export function effectOf(finding: Finding): string {
  const per = finding.impact.hotPath ? "per request" : "per call";
  const rows = finding.impact.estimatedRows ?? "every matching row";
  switch (finding.ruleId) {
    case "n-plus-one": {
      const [, queries, n] = /^(.*?)(?: \(N = (.*)\))?$/.exec(finding.impact.estimatedQueries ?? "1 + N")!;
      return `≈ ${queries} queries ${per} → 2${n ? `; N = ${n}` : ""}`;
    }
    case "unbounded-query":
      return `reads ${rows} ${per} → one page`;
    case "missing-pagination":
      return `sends ${rows} in one response → one page per request`;
    case "count-via-length":
      return `reads ${rows} to count them → one COUNT`;
    case "in-memory-aggregation":
      return `sends ${rows} to compute one number → one aggregate row`;
    case "in-memory-filter":
      return `sends ${rows} to keep a few → only the matching rows`;
    case "select-star":
      return "every column of every row → only the columns the code reads";
    case "client-per-request":
      return `a new connection pool ${per} → one shared client`;
    case "unindexed-filter":
      return `scans the table ${per} → an index lookup`;
    case "unindexed-foreign-key":
      return "scans the child table on joins and cascades → an index lookup";
  }
}

/** The bottlenecks worth a headline: those that add up several findings, or the only one there is. */
export function headlineBottlenecks(result: ScanResult): ScanResult["bottlenecks"] {
  return result.bottlenecks.filter((b) => b.findings.length > 1 || result.bottlenecks.length === 1);
}

/** Problems with input files, as the summary counts them: not the notes about the environment, encoding or cache. */
export function fileErrors(result: ScanResult): ScanResult["errors"] {
  return result.errors.filter((error) => error.kind !== "environment" && error.kind !== "encoding" && error.kind !== "cache");
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
