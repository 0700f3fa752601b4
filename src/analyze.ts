// The analysis: the engine computes the facts once, the rules read them, and the findings come out as plain data.
// This is the only part of a scan that loads the TypeScript compiler; what it returns can be cached (src/cache.ts).
import type ts from "#typescript";
import { allRules } from "../rules/index.js";
import type { CacheDependencies } from "./cache.js";
import type { Discovery } from "./engine/discover.js";
import { buildProjectFacts, engineOptionsOf } from "./engine/facts.js";
import type { EntryPoint } from "./engine/entry-points.js";
import { isNodeLocation, type FindingLocation, type RuleFinding } from "./engine/findings.js";
import { compareFindings } from "./assemble.js";
import { groupOf } from "./finding-group.js";
import { impactOf } from "./impact.js";
import { InlineDirectives } from "./suppressions.js";
import type { Finding, Impact, RelatedLocation, RuleId, ScanError, ScanOptions, SuppressedFinding, UnusedDirective } from "./types.js";

/** What a scan's analysis found, before the options that only choose what to show (confidence, files, baseline). */
export interface Analysis {
  /** Every finding of the rules run, not silenced inline, in file order; the rules' own severities. */
  findings: Omit<Finding, "rank">[];
  /** Findings silenced by an inline directive, with its reason. */
  suppressed: SuppressedFinding[];
  /** Directives that silenced nothing, in every reported file (null unless asked for); severity is set later. */
  unusedDirectives: Omit<UnusedDirective, "severity">[] | null;
  /** The analysis' own problems (the engine's and failed rules'); discovery's are added when the result is put together. */
  errors: ScanError[];
  rulesRun: RuleId[];
  orms: string[];
  frameworks: string[];
}

export function analyze(discovery: Discovery, options: ScanOptions, cwd: string): { analysis: Analysis; dependencies: () => CacheDependencies } {
  const facts = buildProjectFacts(discovery, options.typeProgram as ts.Program | undefined, options.onProgress, engineOptionsOf(options, cwd));
  const enabled = allRules.filter(
    (rule) => (!options.rules || options.rules.length === 0 || options.rules.includes(rule.meta.id)) && !(options.disable ?? []).includes(rule.meta.id),
  );
  const findings: Omit<Finding, "rank">[] = [];
  const directives = new InlineDirectives(); // inline suppressions, and which of them silenced something (src/suppressions.ts)
  const suppressed: SuppressedFinding[] = [];
  const ruleErrors: ScanError[] = [];
  const failed = new Set<RuleId>();
  for (const rule of enabled) {
    try {
      for (const raw of rule.check(facts)) {
        const at = raw.at;
        const entry: EntryPoint = isNodeLocation(at) ? facts.entryPoints.of(at.node, at.file) : { kind: "unknown" };
        const finding = toFinding(raw, rule.meta.defaultSeverity, impactOf(raw, entry));
        // A schema file has no directives; an entity file parsed by the engine has.
        const sourceFile = isNodeLocation(at) ? at.sourceFile : facts.project.modules.get(at.absPath)?.sourceFile;
        const suppression = options.applySuppressions !== false && sourceFile ? directives.suppressionAt(sourceFile, finding.line, finding.column, raw.ruleId) : null;
        if (suppression) {
          // Kept aside, not lost: SARIF shows it as dismissed in source, with the comment's reason.
          suppressed.push({ ...finding, justification: suppression.reason });
          continue;
        }
        findings.push({ ...finding, group: raw.group ?? (isNodeLocation(at) ? groupOf(at.node, at.file, entry) : { kind: "function", name: at.file, file: at.file, line: at.line }) });
      }
    } catch (error) {
      // A failing rule loses its own findings only.
      ruleErrors.push({ file: ".", kind: "internal", message: `rule ${rule.meta.id} failed: ${(error as Error)?.message ?? error}` });
      failed.add(rule.meta.id);
    }
  }
  findings.sort(compareFindings);
  suppressed.sort(compareFindings);
  // A rule that failed lost its findings: like a rule not run, its directives cannot be judged.
  const rulesRun = enabled.map((rule) => rule.meta.id).filter((id) => !failed.has(id));
  const wantsUnused = options.applySuppressions !== false && (options.reportUnusedDisableDirectives ?? "off") !== "off";
  const unusedDirectives = wantsUnused
    ? directives
        .unused({
          files: discovery.files,
          rulesRun,
          severity: "error",
          unanalysed: [...discovery.errors, ...facts.errors].filter((error) => error.kind !== "environment" && error.kind !== "encoding").map((error) => error.file),
          // `modules.get`, not `getModule`: a file the engine did not parse is parsed here, not added to the project.
          sourceFileOf: (absPath) => facts.project.modules.get(absPath)?.sourceFile,
        })
        .map(({ severity: _severity, ...directive }) => directive)
    : null;
  return {
    analysis: { findings, suppressed, unusedDirectives, errors: [...facts.errors, ...ruleErrors], rulesRun, orms: facts.ormsDetected, frameworks: facts.frameworksDetected },
    dependencies: () => facts.cacheDependencies(),
  };
}

function position(at: FindingLocation): { line: number; column: number; endLine: number; endColumn: number } {
  if (!isNodeLocation(at)) return { line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
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
