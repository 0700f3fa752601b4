// `perf-scan merge`: joins the reports of `--shard i/n` runs into the report one unsharded run would have printed.
// Pure: texts in, a result (or SARIF text) out; the CLI reads and writes the files.
import { schemaCheck } from "./json-schema.js";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "./package-root.js";
import { fileURLToPath } from "node:url";
import { ruleIds } from "../rules/catalog.js";
import { compareFindings, type FindingSite } from "./assemble.js";
import { bottlenecksOf, compareText, rankFindings } from "./impact.js";
import { automationDetails, SRCROOT, UNUSED_DIRECTIVE_RULE_ID } from "./reporters/sarif.js";
import { isShard, shardOfFile } from "./shard.js";
import type { RuleId, ScanError, ScanResult, Severity, Shard, SuppressedFinding, UnusedDirective } from "./types.js";
import { oneLine } from "./one-line.js";

/** Reports that cannot be merged: one line naming the file(s) and what is wrong. */
export class MergeError extends Error {}

export interface ReportFile {
  /** As the user named it, for messages. */
  name: string;
  text: string;
}

export type MergedReport =
  /** Merged JSON results: any reporter can print it. */
  | { kind: "json"; result: ScanResult }
  /** A merged SARIF log, and the severities of its unsuppressed results, unused directives too (for --fail-on). */
  | { kind: "sarif"; text: string; severities: Severity[] };

/** The JSON a `--shard` run prints with `--format json`: the result without `root`, plus `shard { index, count, root }`. */
type JsonShard = Omit<ScanResult, "root" | "shard"> & { shard: Shard & { root: string } };

interface Parsed {
  name: string;
  kind: "json" | "sarif";
  version: string;
  /** The scan root: `shard.root` in JSON, `%SRCROOT%` in SARIF. */
  root: string;
  shard: Shard | undefined;
  data: unknown;
}

/**
 * Checks that the reports are the complete set of shards of one scan (one kind, one perf-scan version, one root,
 * one split, every slice once) and merges them. Throws MergeError otherwise.
 */
export function mergeReports(files: ReportFile[], options: { category?: string } = {}): MergedReport {
  if (files.length === 0) throw new MergeError("merge needs at least one report");
  const reports = files.map(parseReport);
  checkSameScan(reports);
  const ordered = [...reports].sort((a, b) => a.shard!.index - b.shard!.index);
  if (ordered[0]!.kind === "json") return { kind: "json", result: mergeJson(ordered) };
  return mergeSarif(ordered, options.category);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading and checking

function parseReport({ name, text }: ReportFile): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    throw new MergeError(`${name}: not valid JSON (${oneLine((error as Error).message)})`);
  }
  const object = (data ?? {}) as Record<string, unknown>;
  if ((object.tool as { name?: unknown } | undefined)?.name === "perf-scan" && Array.isArray(object.findings)) {
    const problem = resultProblem(data);
    if (problem) throw new MergeError(`${name}: not a perf-scan JSON result (${problem})`);
    const result = data as Partial<JsonShard>;
    if (!result.shard) throw notAShard(name);
    // A field this merge does not know would be lost from the merged report: refuse rather than drop it.
    const unknown = Object.keys(object).find((key) => !JSON_FIELDS.has(key));
    if (unknown) throw new MergeError(`${name} has \`${unknown}\`, which this perf-scan merge cannot combine`);
    return { name, kind: "json", version: result.tool!.version, root: result.shard.root, shard: { index: result.shard.index, count: result.shard.count }, data };
  }
  if (typeof object.version === "string" && Array.isArray(object.runs)) {
    const problem = sarifProblem(data);
    if (problem) throw new MergeError(`${name}: not a perf-scan SARIF log (${problem})`);
    const run = (data as SarifLog).runs[0]!;
    const shard = run.properties?.shard;
    if (!shard) throw notAShard(name);
    if (!isShard(shard)) throw new MergeError(`${name}: runs[0].properties.shard is not { index, count } with 1 <= index <= count`);
    return { name, kind: "sarif", version: run.tool.driver.version, root: run.originalUriBaseIds[SRCROOT]!.uri, shard, data };
  }
  throw new MergeError(`${name}: neither a perf-scan JSON result (--format json) nor a SARIF log (--format sarif)`);
}

/** What mergeJson combines: every field of the JSON result. */
const JSON_FIELDS = new Set(["tool", "summary", "findings", "bottlenecks", "suppressed", "unusedDirectives", "baseline", "errors", "shard"]);

function notAShard(name: string): MergeError {
  return new MergeError(`${name} is not a shard report: merge the reports of runs with --shard i/n`);
}

function checkSameScan(reports: Parsed[]): void {
  const first = reports[0]!;
  const label = (report: Parsed) => `${report.name} (shard ${report.shard!.index}/${report.shard!.count})`;
  for (const report of reports.slice(1)) {
    if (report.kind !== first.kind) {
      const json = report.kind === "json" ? report : first;
      const sarif = report.kind === "json" ? first : report;
      throw new MergeError(`cannot merge a JSON result (${json.name}) with a SARIF log (${sarif.name}): merge reports of one --format`);
    }
    if (report.version !== first.version) throw new MergeError(`${report.name} comes from perf-scan ${report.version} and ${first.name} from ${first.version}: merge the reports of one version`);
    if (report.root !== first.root) throw new MergeError(`${report.name} scanned ${displayRoot(report)} and ${first.name} scanned ${displayRoot(first)}: shards must scan the same root`);
    if (report.shard!.count !== first.shard!.count) throw new MergeError(`${label(report)} and ${label(first)} split the files differently, so their slices overlap: run every shard with the same n`);
  }
  const byIndex = new Map<number, Parsed>();
  for (const report of reports) {
    const twin = byIndex.get(report.shard!.index);
    if (twin) throw new MergeError(`${twin.name} and ${report.name} are both shard ${report.shard!.index}/${report.shard!.count}: each shard must be given once`);
    byIndex.set(report.shard!.index, report);
  }
  const count = first.shard!.count;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) throw new MergeError(`shard${missing.length === 1 ? "" : "s"} ${missing.map((index) => `${index}/${count}`).join(", ")} missing: the merged report would not be the whole scan`);
  for (const report of reports) {
    for (const file of filesOf(report)) {
      const owner = shardOfFile(file, count) + 1;
      if (owner !== report.shard!.index) throw new MergeError(`${label(report)} reports ${file}, which belongs to shard ${owner}/${count}: not the slices this perf-scan makes`);
    }
  }
}

function displayRoot(report: Parsed): string {
  if (report.kind === "json") return report.root;
  try {
    return fileURLToPath(report.root);
  } catch {
    return report.root;
  }
}

/** Every file a report reports something in (findings, suppressed, stale baseline entries). */
function filesOf(report: Parsed): string[] {
  if (report.kind === "json") {
    const result = report.data as JsonShard;
    return [...result.findings, ...result.suppressed, ...(result.unusedDirectives ?? []), ...(result.baseline?.stale ?? [])].map((item) => item.file);
  }
  return (report.data as SarifLog).runs[0]!.results.map(sarifFile);
}

const resultCheck = schemaCheck(resultSchemaPath);

/** The first way the data breaks schema/perf-scan-result.schema.json, or null. */
function resultProblem(data: unknown): string | null {
  const error = resultCheck(data);
  if (!error) return null;
  const extra = error?.params?.additionalProperty;
  if (extra !== undefined) return `${error?.instancePath || "/"} has an unknown key \`${String(extra)}\``;
  return `${error?.instancePath || "/"} ${error?.message ?? "is not valid"}`;
}

function resultSchemaPath(): string {
  const path = join(PACKAGE_ROOT, "schema", "perf-scan-result.schema.json");
  if (!existsSync(path)) throw new MergeError("perf-scan's result schema is missing from the installation");
  return path;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON

function mergeJson(reports: Parsed[]): ScanResult {
  const results = reports.map((report) => report.data as JsonShard);
  const first = results[0]!;
  // Re-ranked over all findings. Findings that tie on everything rankFindings compares sit in one file, so in one
  // shard, already in the order the unsharded run gives them; the sort is stable.
  const findings = rankFindings(results.flatMap((result) => result.findings.map(({ rank: _rank, ...finding }) => finding)));
  const byRule: Partial<Record<RuleId, number>> = {};
  for (const finding of findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;

  const withBaseline = results.filter((result) => result.baseline !== undefined);
  if (withBaseline.length > 0 && withBaseline.length < results.length) {
    const used = reports[results.indexOf(withBaseline[0]!)]!;
    const unused = reports[results.findIndex((result) => result.baseline === undefined)]!;
    throw new MergeError(`${used.name} applied a baseline (suppressions file) and ${unused.name} did not: run every shard with the same suppressions file`);
  }
  const baseline =
    withBaseline.length > 0
      ? {
          suppressed: sum(results.map((result) => result.baseline!.suppressed)),
          // In the unsharded order: by file, then rule (src/baseline.ts).
          stale: results.flatMap((result) => result.baseline!.stale).sort((a, b) => compareText(a.file, b.file) || compareText(a.ruleId, b.ruleId)),
        }
      : undefined;

  // --report-unused-disable-directives: every shard ran with it or none did; in the unsharded order, by place.
  const withUnused = results.filter((result) => result.unusedDirectives !== undefined);
  if (withUnused.length > 0 && withUnused.length < results.length) {
    const used = reports[results.indexOf(withUnused[0]!)]!;
    const unused = reports[results.findIndex((result) => result.unusedDirectives === undefined)]!;
    throw new MergeError(`${used.name} reports unused disable directives and ${unused.name} does not: run every shard with the same --report-unused-disable-directives`);
  }
  const unusedDirectives = withUnused.length > 0 ? (results.flatMap((result) => result.unusedDirectives!).sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column) as UnusedDirective[]) : undefined;

  return {
    tool: first.tool,
    root: reports[0]!.root,
    summary: {
      files: sum(results.map((result) => result.summary.files)),
      findings: findings.length,
      byRule,
      // The shards ran side by side: the longest of them is the wall-clock time.
      durationMs: Math.max(...results.map((result) => result.summary.durationMs)),
      // Every shard analyses every file, so each saw the same ORMs and frameworks.
      orms: unique(results.flatMap((result) => result.summary.orms)),
      frameworks: unique(results.flatMap((result) => result.summary.frameworks)),
    },
    findings,
    bottlenecks: bottlenecksOf(findings),
    ...(baseline && { baseline }),
    suppressed: results.flatMap((result) => result.suppressed).sort(compareFindings) as SuppressedFinding[],
    ...(unusedDirectives && { unusedDirectives }),
    // Every shard analyses every file, so each reports every file that could not be analysed: the same list.
    errors: unionKeepingRepeats(results.map((result) => result.errors)) as ScanError[],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// SARIF


interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level?: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[];
  suppressions?: unknown[];
  properties: Record<string, unknown> & { rank?: number; impact?: { score: number } };
}

interface SarifRun {
  tool: { driver: { name: string; version: string; rules: { id: string }[] } & Record<string, unknown> } & Record<string, unknown>;
  automationDetails?: unknown;
  originalUriBaseIds: Record<string, { uri: string }>;
  invocations: ({ executionSuccessful: boolean; toolExecutionNotifications?: unknown[] } & Record<string, unknown>)[];
  results: SarifResult[];
  properties?: Record<string, unknown> & { shard?: Shard };
}

interface SarifLog {
  version: string;
  runs: SarifRun[];
}

/** What a merge relies on in a log perf-scan wrote; null when it is all there. */
function sarifProblem(data: unknown): string | null {
  const log = data as SarifLog;
  if (log.version !== "2.1.0") return `version ${JSON.stringify(log.version)}, not 2.1.0`;
  if (log.runs.length !== 1) return `${log.runs.length} runs, not one`;
  const run = log.runs[0]!;
  if (run?.tool?.driver?.name !== "perf-scan") return "runs[0] is not a perf-scan run";
  if (typeof run.tool.driver.version !== "string" || !Array.isArray(run.tool.driver.rules)) return "runs[0].tool.driver has no version or rules";
  if (typeof run.originalUriBaseIds?.[SRCROOT]?.uri !== "string") return `runs[0] has no ${SRCROOT}`;
  if (!Array.isArray(run.invocations) || !Array.isArray(run.results)) return "runs[0] has no invocations or results";
  for (const [index, result] of run.results.entries()) {
    if (!(ruleIds as readonly string[]).includes(result?.ruleId) && result?.ruleId !== UNUSED_DIRECTIVE_RULE_ID) return `runs[0].results[${index}] is a ${JSON.stringify(result?.ruleId)} result, which merge cannot combine`;
    const location = result?.locations?.[0]?.physicalLocation;
    if (typeof result?.ruleId !== "string" || typeof location?.artifactLocation?.uri !== "string" || !Number.isInteger(location.region?.startLine) || !Number.isInteger(location.region?.startColumn)) {
      return `runs[0].results[${index}] has no rule or location`;
    }
    if (isFinding(result) && typeof result.properties?.impact?.score !== "number") return `runs[0].results[${index}] has no properties.impact.score`;
  }
  return null;
}

function mergeSarif(reports: Parsed[], category: string | undefined): { kind: "sarif"; text: string; severities: Severity[] } {
  const logs = reports.map((report) => report.data as SarifLog);
  const runs = logs.map((log) => log.runs[0]!);
  if (category === undefined) {
    const details = runs.map((run) => JSON.stringify(run.automationDetails ?? null));
    const other = details.findIndex((detail) => detail !== details[0]);
    if (other >= 0) throw new MergeError(`${reports[other]!.name} and ${reports[0]!.name} have different categories (automationDetails): run every shard with the same --category, or give merge one`);
  }

  const ruleList = (run: SarifRun) => run.tool.driver.rules.map((rule) => rule.id).join(",");
  const otherRules = runs.findIndex((run) => ruleList(run) !== ruleList(runs[0]!));
  if (otherRules >= 0) throw new MergeError(`${reports[otherRules]!.name} and ${reports[0]!.name} declare different rules: run every shard with the same options`);

  // Rules: each log lists them all; one copy each, and results point into the merged list. The unused-directive
  // rule's level is its results' (the reporter takes it from the first one): take it from a log that has some.
  const hasUnused = (run: SarifRun) => run.results.some((result) => result.ruleId === UNUSED_DIRECTIVE_RULE_ID);
  const rules: { id: string }[] = [];
  const ruleIndex = new Map<string, number>();
  for (const run of [...runs.filter(hasUnused), ...runs]) {
    for (const rule of run.tool.driver.rules) {
      if (ruleIndex.has(rule.id)) continue;
      ruleIndex.set(rule.id, rules.length);
      rules.push(rule);
    }
  }
  // ... in the order of the first log, which is the reporter's (the unused-directive rule last).
  const order = new Map(runs[0]!.tool.driver.rules.map((rule, index) => [rule.id, index]));
  rules.sort((a, b) => (order.get(a.id) ?? order.size) - (order.get(b.id) ?? order.size));
  rules.forEach((rule, index) => ruleIndex.set(rule.id, index));
  const reindexed = (result: SarifResult): SarifResult => (result.ruleIndex === undefined ? result : { ...result, ruleIndex: ruleIndex.get(result.ruleId) });
  const all = runs.flatMap((run) => run.results.map(reindexed));
  // As the reporter orders them: findings by rank (re-ranked over all shards, as rankFindings does), then the
  // findings silenced in source, by place, then unused directives (--report-unused-disable-directives), by place.
  const ranked = all
    .filter(isFinding)
    .map((result) => ({ result, site: siteOf(result) }))
    .sort((a, b) => b.result.properties.impact!.score - a.result.properties.impact!.score || compareFindings(a.site, b.site))
    .map(({ result }, index) => ({ ...result, properties: { ...result.properties, rank: index + 1 } }));
  const byPlace = (results: SarifResult[], compare: (a: FindingSite, b: FindingSite) => number) =>
    results
      .map((result) => ({ result, site: siteOf(result) }))
      .sort((a, b) => compare(a.site, b.site))
      .map(({ result }) => result);
  const silenced = byPlace(all.filter(isSuppressed), compareFindings);
  const unused = byPlace(
    all.filter((result) => result.ruleId === UNUSED_DIRECTIVE_RULE_ID),
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
  );

  const invocation = {
    ...runs[0]!.invocations[0],
    executionSuccessful: runs.every((run) => run.invocations.every((inv) => inv.executionSuccessful)),
    // Every shard analyses every file, so each notifies about the same files: the same list.
    toolExecutionNotifications: unionKeepingRepeats(runs.map((run) => run.invocations.flatMap((inv) => inv.toolExecutionNotifications ?? []))),
  };

  // The first run's fields in its order, as the reporter writes them, without the shard marker.
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(runs[0]!)) {
    if (key === "automationDetails" && category !== undefined) continue;
    if (key === "properties") {
      const { shard: _shard, ...rest } = value as NonNullable<SarifRun["properties"]>;
      if (Object.keys(rest).length > 0) merged.properties = rest;
      continue;
    }
    merged[key] = key === "tool" ? { ...runs[0]!.tool, driver: { ...runs[0]!.tool.driver, rules } } : key === "invocations" ? [invocation] : key === "results" ? [...ranked, ...silenced, ...unused] : value;
    if (key === "tool" && category !== undefined) merged.automationDetails = automationDetails(category);
  }
  const log = { ...logs[0]!, runs: [merged] };
  const severities = [...ranked, ...unused].flatMap((result): Severity[] => (result.level === "error" || result.level === "warning" || result.level === "note" ? [result.level] : []));
  return { kind: "sarif", text: `${JSON.stringify(log, null, 2)}\n`, severities };
}

function isSuppressed(result: SarifResult): boolean {
  return Array.isArray(result.suppressions) && result.suppressions.length > 0;
}

/** A result of a perf-scan rule that is not silenced: what gets a rank. */
function isFinding(result: SarifResult): boolean {
  return result.ruleId !== UNUSED_DIRECTIVE_RULE_ID && !isSuppressed(result);
}

/** The finding's file as perf-scan wrote it: relative under %SRCROOT% (segments URI-encoded), else an absolute file URI. */
function sarifFile(result: SarifResult): string {
  const artifact = result.locations[0]!.physicalLocation.artifactLocation;
  if (artifact.uriBaseId) return artifact.uri.split("/").map(decodeURIComponent).join("/");
  try {
    return fileURLToPath(artifact.uri);
  } catch {
    return artifact.uri;
  }
}

function siteOf(result: SarifResult): FindingSite {
  const region = result.locations[0]!.physicalLocation.region;
  return { file: sarifFile(result), line: region.startLine, column: region.startColumn, ruleId: result.ruleId };
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Lists that should be equal, as one: each item as often as the list that has it most often, in first-seen order.
 * Equal lists give that list back; a list with something extra adds it instead of losing it.
 */
function unionKeepingRepeats<T>(lists: T[][]): T[] {
  const merged: T[] = [];
  const emitted = new Map<string, number>();
  for (const list of lists) {
    const seen = new Map<string, number>();
    for (const item of list) {
      const key = JSON.stringify(item);
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      if (nth > (emitted.get(key) ?? 0)) {
        merged.push(item);
        emitted.set(key, nth);
      }
    }
  }
  return merged;
}


