import { pathToFileURL } from "node:url";
import { ruleCatalog } from "../../rules/catalog.js";
import type { Finding, ScanResult, Severity, SuppressedFinding, UnusedDirective } from "../types.js";
import { lineHashes } from "./fingerprints.js";
import type { ReporterOptions } from "./index.js";
import { plainText, ruleDoc } from "./rule-docs.js";
import { SourceLines } from "./source.js";

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const INFORMATION_URI = "https://github.com/perf-scan/perf-scan";
export const SRCROOT = "%SRCROOT%";
/** GitHub's `problem.severity` vocabulary for non-security alerts. */
const PROBLEM_SEVERITY: Record<Severity, string> = { error: "error", warning: "warning", note: "recommendation" };

/**
 * SARIF 2.1.0 with one run, ready for GitHub code scanning: paths relative to %SRCROOT% (the scan root), rule help
 * from docs/rules, codeql-action's primaryLocationLineHash so alerts survive unrelated edits, rank and impact in
 * the result properties.
 */
export function formatSarif(result: ScanResult, options: Partial<ReporterOptions> = {}): string {
  const sources = new SourceLines(result.root);
  const ruleIndex = new Map(ruleCatalog.map((meta, index) => [meta.id, index]));
  const hashesByFile = new Map<string, Map<number, string> | undefined>();
  const hashOf = (finding: { file: string; line: number }): string | undefined => {
    if (!hashesByFile.has(finding.file)) {
      const text = sources.text(finding.file);
      hashesByFile.set(finding.file, text === undefined ? undefined : lineHashes(text));
    }
    return hashesByFile.get(finding.file)?.get(finding.line);
  };

  const toResult = (finding: Finding | SuppressedFinding) => {
    const lineHash = hashOf(finding);
    return {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: finding.severity,
      message: { text: messageText(finding) },
      locations: [{ physicalLocation: physicalLocation(finding) }],
      ...(finding.related.length > 0 && {
        relatedLocations: finding.related.map((related, index) => ({
          id: index + 1,
          physicalLocation: physicalLocation(related),
          message: { text: related.message },
        })),
      }),
      ...(lineHash && { partialFingerprints: { primaryLocationLineHash: lineHash } }),
      // Silenced by a directive in the code: GitHub shows the alert as dismissed, with the comment's reason.
      ...("justification" in finding && { suppressions: [{ kind: "inSource", ...(finding.justification && { justification: finding.justification }) }] }),
      properties: withoutNulls({
        rank: "rank" in finding ? finding.rank : null,
        impact: finding.impact,
        confidence: finding.confidence,
        orm: finding.orm,
        model: finding.model,
        operation: finding.operation,
        queryCount: finding.queryCount,
      }),
    };
  };
  const results = [...result.findings.map(toResult), ...result.suppressed.map(toResult)];
  // Unused inline directives (--report-unused-disable-directives) are alerts of their own rule, on the comment: code
  // scanning shows them on the pull request like findings, and closes them when the comment goes.
  const unusedResults = (result.unusedDirectives ?? []).map((directive: UnusedDirective) => {
    const lineHash = hashOf(directive);
    return {
      ruleId: UNUSED_DIRECTIVE_RULE_ID,
      ruleIndex: ruleCatalog.length,
      level: directive.severity,
      message: { text: directive.message },
      locations: [{ physicalLocation: physicalLocation(directive) }],
      ...(lineHash && { partialFingerprints: { primaryLocationLineHash: lineHash } }),
      properties: { directive: directive.directive, rules: directive.rules },
    };
  });

  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "perf-scan",
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: INFORMATION_URI,
            rules: ruleCatalog.map((meta) => {
              const doc = ruleDoc(meta.id);
              return {
                id: meta.id,
                name: pascalCase(meta.id),
                shortDescription: { text: meta.title },
                fullDescription: { text: meta.description },
                helpUri: meta.docsUrl,
                help: doc ? { text: plainText(doc), markdown: doc } : { text: `${meta.description} See ${meta.docsUrl}` },
                defaultConfiguration: { level: meta.defaultSeverity },
                properties: {
                  tags: ["performance", "database", meta.id],
                  precision: meta.precision,
                  "problem.severity": PROBLEM_SEVERITY[meta.defaultSeverity],
                },
              };
            }),
          },
        },
        // Code scanning takes the category from the id up to its last "/": without one the category would be empty.
        ...(options.category && { automationDetails: automationDetails(options.category) }),
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(result.root) } },
        columnKind: "utf16CodeUnits",
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.errors.map((error) => ({
              level: error.kind === "environment" ? "note" : "warning",
              message: { text: error.file === "." ? error.message : `${error.file}: ${error.message}` },
              ...(error.file !== "." && { locations: [{ physicalLocation: { artifactLocation: artifactLocation(error.file) } }] }),
              properties: { kind: error.kind },
            })),
          },
        ],
        results: [...results, ...unusedResults],
        // Only a `--shard i/n` log: `perf-scan merge` checks the slices with it and leaves it out of the merged log.
        ...(result.shard && { properties: { shard: { index: result.shard.index, count: result.shard.count } } }),
      },
    ],
  };
  // Appended, so the rule indexes of the perf-scan rules stay as they are.
  if (result.unusedDirectives) (log.runs[0]!.tool.driver.rules as object[]).push(unusedDirectiveRule(result.unusedDirectives[0]?.severity ?? "error"));
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** `runAutomationDetails` for a category; code scanning takes the category from the id up to its last "/". */
export function automationDetails(category: string): { id: string } {
  return { id: category.endsWith("/") ? category : `${category}/` };
}

/** The SARIF rule unused inline directives are reported under; its descriptor is present only when they were asked for. */
export const UNUSED_DIRECTIVE_RULE_ID = "unused-disable-directive";

function unusedDirectiveRule(level: Severity) {
  const markdown = [
    "A `perf-scan-disable…` comment, or an `eslint-disable…` comment naming a `perf-scan/<rule>`, that silenced no",
    "finding in this run (reported with `--report-unused-disable-directives`, as ESLint does). The problem it was",
    "written for is gone, or the comment is not where the finding is; left in place, it would hide the next problem",
    "on that line or in that range.",
    "",
    "Remove the comment, or the rule names the message lists from its rule list. Directives naming a rule that did not",
    "run (`--rule`, `--disable`, a config `off`) are not reported.",
  ].join("\n");
  return {
    id: UNUSED_DIRECTIVE_RULE_ID,
    name: "UnusedDisableDirective",
    shortDescription: { text: "Inline disable directive that silences nothing" },
    fullDescription: { text: "A perf-scan-disable or eslint-disable perf-scan/<rule> comment that silenced no finding in this run." },
    helpUri: `${INFORMATION_URI}#suppressing-findings`,
    help: { text: plainText(markdown), markdown },
    defaultConfiguration: { level },
    properties: { tags: ["maintainability", "suppression"], precision: "very-high", "problem.severity": PROBLEM_SEVERITY[level] },
  };
}

interface Span {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function physicalLocation(span: Span) {
  return {
    artifactLocation: artifactLocation(span.file),
    region: { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn },
  };
}

/** Relative paths are resolved against %SRCROOT%; a path outside the root stays an absolute file URI. */
function artifactLocation(file: string) {
  if (file.startsWith("/") || /^[A-Za-z]:[\\/]/.test(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

function directoryUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith("/") ? href : `${href}/`;
}

/**
 * The alert text: the finding's first sentence reads as the alert title; related places are linked as
 * `[text](id)` to their relatedLocations; the fix follows.
 */
function messageText(finding: Finding | SuppressedFinding): string {
  const links = finding.related.map((related, index) => `[${linkText(related.message)}](${index + 1})`);
  if (links.length === 0) return `${sentence(finding.message)} Fix: ${finding.fix}`;
  // With links in the text, SARIF reads `[…](…)` as markup: literal brackets (`include: [User]`) are escaped.
  return `${escapeBrackets(sentence(finding.message))} See ${links.join(" and ")}. Fix: ${escapeBrackets(finding.fix)}`;
}

function escapeBrackets(text: string): string {
  return text.replace(/[[\]]/g, "\\$&");
}

/** Brackets would end the link text early. */
function linkText(text: string): string {
  return text.replace(/[[\]]/g, "");
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}

function withoutNulls<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)) as Partial<T>;
}
