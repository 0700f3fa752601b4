// Puts a scan result together from an analysis (fresh or cached): the options that only choose what to show are
// applied here, after the analysis, so changing them never needs a new one. No compiler, no syntax trees.
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { Analysis } from "./analyze.js";
import { applyBaseline } from "./baseline.js";
import type { Discovery } from "./engine/discover.js";
import { bottlenecksOf, compareText, rankFindings } from "./impact.js";
import { shardFilter } from "./shard.js";
import type { Confidence, Finding, RuleId, ScanError, ScanOptions, ScanResult, Severity } from "./types.js";
import { TOOL_VERSION } from "./version.js";

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

export function assembleResult(analysis: Analysis, discovery: Discovery, options: ScanOptions, cwd: string, started: number, notes: ScanError[] = []): ScanResult {
  // The config outranks the rule's own choice of severity.
  const withSeverity = <T extends { ruleId: RuleId; severity: Severity }>(finding: T): T => {
    const configured = options.severities?.[finding.ruleId];
    return configured ? { ...finding, severity: configured } : finding;
  };
  const findings = analysis.findings.map(withSeverity);
  const minimum = CONFIDENCE_RANK[options.minConfidence ?? "low"];
  const reportOnly = options.reportOnly ? new Set(options.reportOnly.map((file) => realPath(resolve(cwd, file)))) : null;
  // Once per file, not per finding: resolving a real path costs a system call per folder.
  const reported = new Map<string, boolean>();
  const inReportedFiles = (file: string): boolean => {
    if (!reportOnly) return true;
    let answer = reported.get(file);
    if (answer === undefined) reported.set(file, (answer = reportOnly.has(realPath(resolve(discovery.root, file)))));
    return answer;
  };
  // --shard i/n (src/shard.ts): only the files of this slice are reported, counted, baselined and called stale.
  const inShard = shardFilter(options.shard);
  const shown = (finding: { confidence: Confidence; file: string }): boolean => CONFIDENCE_RANK[finding.confidence] >= minimum && inReportedFiles(finding.file) && inShard(finding.file);
  // The baseline counts every finding of a file and rule, as it was written: subtract first, then filter the view.
  const baselined = options.baseline ? applyBaseline(dedupe(findings).filter((finding) => inShard(finding.file)), options.baseline) : null;
  const kept = (baselined ? baselined.kept : dedupe(findings)).filter(shown);
  const unique = rankFindings(kept);
  const scannedFiles = new Set(discovery.files.map((file) => file.relPath).filter(inShard)); // --shard: this slice's files
  const bottlenecks = bottlenecksOf(unique);

  const unusedSeverity = options.applySuppressions !== false ? (options.reportUnusedDisableDirectives ?? "off") : "off";
  const unusedDirectives =
    unusedSeverity === "off" || !analysis.unusedDirectives
      ? undefined
      : analysis.unusedDirectives.filter((directive) => inReportedFiles(directive.file) && inShard(directive.file)).map((directive) => ({ ...directive, severity: unusedSeverity }));

  const byRule: Partial<Record<RuleId, number>> = {};
  for (const finding of unique) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
  return {
    tool: { name: "perf-scan", version: TOOL_VERSION },
    root: discovery.root,
    summary: {
      files: scannedFiles.size,
      findings: unique.length,
      byRule,
      durationMs: Math.round(performance.now() - started),
      orms: analysis.orms as ScanResult["summary"]["orms"],
      frameworks: analysis.frameworks,
    },
    findings: unique,
    bottlenecks,
    // Stale only where this run looked: the files scanned and the rules run.
    ...(baselined && { baseline: { suppressed: baselined.suppressed, stale: baselined.stale.filter((entry) => scannedFiles.has(entry.file) && analysis.rulesRun.includes(entry.ruleId)) } }),
    suppressed: dedupe(analysis.suppressed.map(withSeverity)).filter(shown),
    ...(unusedDirectives && { unusedDirectives }),
    errors: [...discovery.errors, ...analysis.errors, ...notes],
    ...(options.shard && { shard: { index: options.shard.index, count: options.shard.count } }),
  };
}

/**
 * Whether a cached payload has the shape of an analysis (src/cache.ts hands back whatever parsed): a damaged or
 * foreign one is analysed again, never half-used.
 */
export function isAnalysis(value: unknown): value is Analysis {
  const entries = (list: unknown, check: (item: Record<string, unknown>) => boolean) => Array.isArray(list) && list.every((item) => typeof item === "object" && item !== null && check(item as Record<string, unknown>));
  const located = (item: Record<string, unknown>) => typeof item.ruleId === "string" && typeof item.file === "string" && typeof item.line === "number" && typeof item.column === "number" && typeof item.confidence === "string" && typeof item.severity === "string";
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === "string");
  if (typeof value !== "object" || value === null) return false;
  const analysis = value as Record<string, unknown>;
  return (
    entries(analysis.findings, (finding) => located(finding) && typeof finding.impact === "object" && finding.impact !== null && Array.isArray(finding.related)) &&
    entries(analysis.suppressed, located) &&
    (analysis.unusedDirectives === null || entries(analysis.unusedDirectives, (directive) => typeof directive.file === "string")) &&
    entries(analysis.errors, (error) => typeof error.file === "string" && typeof error.kind === "string" && typeof error.message === "string") &&
    strings(analysis.rulesRun) &&
    strings(analysis.orms) &&
    strings(analysis.frameworks)
  );
}

/** Where a finding is, which is all its order needs. */
export interface FindingSite {
  file: string;
  line: number;
  column: number;
  ruleId: string;
}

/** File, line, column, rule: the order of findings in a file, and the tie-break of the ranking. */
export function compareFindings(a: FindingSite, b: FindingSite): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId);
}

/** Git reports real paths; a scan through a symlink must compare the same way. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function siteKey(f: Omit<Finding, "rank">): string {
  return `${f.ruleId}|${f.file}|${f.line}|${f.column}|${f.endLine}|${f.endColumn}`;
}

function dedupe<T extends Omit<Finding, "rank">>(findings: T[]): T[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = siteKey(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
