import { realpathSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { discoverFilesSync, type Discovery } from "./engine/discover.js";
import { buildProjectFacts } from "./engine/facts.js";
import type { RuleFinding, NodeLocation } from "./engine/findings.js";
import { allRules } from "../rules/index.js";
import type { Confidence, Finding, Impact, SuppressedFinding, RelatedLocation, RuleId, ScanError, ScanOptions, ScanResult } from "./types.js";
import { TOOL_VERSION } from "./version.js";
import ignore from "ignore";
import { bottlenecksOf, groupOf, impactOf, rankFindings } from "./impact.js";
import { InlineDirectives } from "./suppressions.js";
import { applyBaseline } from "./baseline.js";
import { shardFilter } from "./shard.js";
import type ts from "#typescript";

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Scans the given paths and returns plain data. Never throws for bad input files; see `errors`. */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  return scanSync(options);
}

/** The same scan, synchronously (the ESLint plugin's rules cannot await). */
export function scanSync(options: ScanOptions = {}): ScanResult {
  return scanWithFiles(options).result;
}

/** A scan and the files it read with their text (the ESLint plugin compares them with what it lints, and watches them). */
export function scanWithFiles(options: ScanOptions = {}): { result: ScanResult; files: Map<string, string> } {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = (options.paths && options.paths.length > 0 ? options.paths : [cwd]).map((p) => resolve(cwd, p));
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const discovery = withOverrides(withGlobs(discoverFilesSync({ paths, cwd, maxFileBytes }), options, cwd), options.sourceOverrides, maxFileBytes);
  const facts = buildProjectFacts(discovery, options.typeProgram as ts.Program | undefined);

  const enabled = allRules.filter(
    (rule) =>
      (!options.rules || options.rules.length === 0 || options.rules.includes(rule.meta.id)) &&
      !(options.disable ?? []).includes(rule.meta.id),
  );
  const findings: Omit<Finding, "rank">[] = [];
  const directives = new InlineDirectives(); // inline suppressions, and which of them silenced something (src/suppressions.ts)
  const suppressedInSource: SuppressedFinding[] = [];
  const ruleErrors: ScanError[] = [];
  for (const rule of enabled) {
    try {
      for (const raw of rule.check(facts)) {
        const entry = facts.entryPoints.of(raw.at.node, raw.at.file);
        const finding = toFinding(raw, rule.meta.defaultSeverity, impactOf(raw, entry));
        const configured = options.severities?.[rule.meta.id];
        if (configured) finding.severity = configured; // the config outranks the rule's own choice
        const suppression = options.applySuppressions !== false ? directives.suppressionAt(raw.at.sourceFile, finding.line, finding.column, raw.ruleId) : null;
        if (suppression) {
          // Kept aside, not lost: SARIF shows it as dismissed in source, with the comment's reason.
          suppressedInSource.push({ ...finding, justification: suppression.reason });
          continue;
        }
        findings.push({ ...finding, group: groupOf(raw.at.node, raw.at.file, entry) });
      }
    } catch (error) {
      // A failing rule loses its own findings only.
      ruleErrors.push({ file: ".", kind: "internal", message: `rule ${rule.meta.id} failed: ${(error as Error)?.message ?? error}` });
    }
  }
  findings.sort(compareFindings);
  const minimum = CONFIDENCE_RANK[options.minConfidence ?? "low"];
  const reportOnly = options.reportOnly ? new Set(options.reportOnly.map((file) => realPath(resolve(cwd, file)))) : null;
  // --shard i/n (src/shard.ts): only the files of this slice are reported, counted, baselined and called stale.
  const inShard = shardFilter(options.shard);
  const shown = (finding: { confidence: Confidence; file: string }): boolean =>
    CONFIDENCE_RANK[finding.confidence] >= minimum && (!reportOnly || reportOnly.has(realPath(resolve(discovery.root, finding.file)))) && inShard(finding.file);
  // The baseline counts every finding of a file and rule, as it was written: subtract first, then filter the view.
  const baselined = options.baseline ? applyBaseline(dedupe(findings).filter((finding) => inShard(finding.file)), options.baseline) : null;
  const kept = (baselined ? baselined.kept : dedupe(findings)).filter(shown);
  const unique = rankFindings(kept);
  const scannedFiles = new Set(discovery.files.map((file) => file.relPath).filter(inShard)); // --shard: this slice's files
  const bottlenecks = bottlenecksOf(unique);

  // --- Unused inline directives (--report-unused-disable-directives); the logic is in src/suppressions.ts. ---
  const unusedSeverity = options.applySuppressions !== false ? (options.reportUnusedDisableDirectives ?? "off") : "off";
  const unusedDirectives =
    unusedSeverity === "off"
      ? undefined
      : directives.unused({
          files: discovery.files.filter((file) => (!reportOnly || reportOnly.has(realPath(file.absPath))) && inShard(file.relPath)), // --shard: this slice's
          // A rule that failed lost its findings: like a rule not run, its directives cannot be judged.
          rulesRun: enabled.map((rule) => rule.meta.id).filter((id) => !ruleErrors.some((error) => error.message.startsWith(`rule ${id} failed:`))),
          severity: unusedSeverity,
          unanalysed: [...discovery.errors, ...facts.errors].filter((error) => error.kind !== "environment" && error.kind !== "encoding").map((error) => error.file),
        });
  // --- end of unused inline directives ---

  const byRule: Partial<Record<RuleId, number>> = {};
  for (const finding of unique) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;

  const result: ScanResult = {
    tool: { name: "perf-scan", version: TOOL_VERSION },
    root: discovery.root,
    summary: {
      files: scannedFiles.size,
      findings: unique.length,
      byRule,
      durationMs: Math.round(performance.now() - started),
      orms: facts.ormsDetected,
      frameworks: facts.frameworksDetected,
    },
    findings: unique,
    bottlenecks,
    // Stale only where this run looked: the files scanned and the rules run.
    ...(baselined && { baseline: { suppressed: baselined.suppressed, stale: baselined.stale.filter((entry) => scannedFiles.has(entry.file) && enabled.some((rule) => rule.meta.id === entry.ruleId)) } }),
    suppressed: dedupe(suppressedInSource).filter(shown).sort(compareFindings),
    ...(unusedDirectives && { unusedDirectives }),
    errors: [...discovery.errors, ...facts.errors, ...ruleErrors],
    ...(options.shard && { shard: { index: options.shard.index, count: options.shard.count } }),
  };
  return { result, files: new Map(discovery.files.map((file) => [file.absPath, file.text])) };
}

/** Git reports real paths; a scan through a symlink must compare the same way. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A config's include/exclude globs (gitignore syntax, relative to the config's folder) narrow the files scanned. */
function withGlobs(discovery: Discovery, options: ScanOptions, cwd: string): Discovery {
  if (!options.include?.length && !options.exclude?.length) return discovery;
  const base = resolve(options.globRoot ?? cwd);
  // gitignore syntax has no `./`: "./src/**" means "src/**" to a user.
  const globs = (patterns: string[]) => ignore().add(patterns.map((pattern) => pattern.replace(/^\.\//, "")));
  const included = options.include?.length ? globs(options.include) : null;
  const excluded = options.exclude?.length ? globs(options.exclude) : null;
  const files = discovery.files.filter((file) => {
    const rel = relative(base, file.absPath).split(sep).join("/");
    if (rel.startsWith("..")) return !included; // outside the config's folder: only include lists can leave it out
    return (!included || included.ignores(rel)) && !excluded?.ignores(rel);
  });
  return { ...discovery, files };
}

/** An editor's unsaved text replaces the file on disk (or adds a file not saved yet). */
function withOverrides(discovery: Discovery, overrides: Record<string, string> | undefined, maxFileBytes: number): Discovery {
  if (!overrides) return discovery;
  const files = discovery.files.map((file) => (overrides[file.absPath] !== undefined ? { ...file, text: overrides[file.absPath]! } : file));
  const known = new Set(files.map((file) => file.absPath));
  for (const [absPath, text] of Object.entries(overrides)) {
    // A new, unsaved file joins the scan; the size limit holds for it as for files on disk.
    if (known.has(absPath) || Buffer.byteLength(text, "utf8") > maxFileBytes) continue;
    const relPath = relative(discovery.root, absPath).split(sep).join("/");
    if (!relPath.startsWith("..")) files.push({ absPath, relPath, text });
  }
  return { ...discovery, files };
}

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

function position(at: NodeLocation): { line: number; column: number; endLine: number; endColumn: number } {
  const start = at.sourceFile.getLineAndCharacterOfPosition(at.node.getStart(at.sourceFile));
  const end = at.sourceFile.getLineAndCharacterOfPosition(at.node.getEnd());
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function toFinding(raw: RuleFinding, defaultSeverity: Finding["severity"], impact: Impact): Omit<Finding, "rank"> {
  const related: RelatedLocation[] = raw.related.map((rel) => ({ message: rel.message, file: rel.file, ...position(rel) }));
  return {
    ruleId: raw.ruleId,
    severity: raw.severity ?? defaultSeverity,
    confidence: raw.confidence,
    orm: raw.orm,
    model: raw.model,
    operation: raw.operation,
    message: raw.message,
    fix: raw.fix,
    file: raw.at.file,
    ...position(raw.at),
    queryCount: raw.queryCount,
    related,
    impact,
  };
}

function compareFindings(a: Omit<Finding, "rank">, b: Omit<Finding, "rank">): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
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
