import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { allRules } from "../../rules/index.js";
import type { Finding, ScanResult } from "../types.js";
import { SourceLines } from "./source.js";

const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const INFORMATION_URI = "https://github.com/perf-scan/perf-scan";
const SRCROOT = "%SRCROOT%";
const FINGERPRINT_KEY = "perfScanLineHash/v1";

/** SARIF 2.1.0 with one run; paths are relative to %SRCROOT% (the scan root) so the log is portable. */
export function formatSarif(result: ScanResult): string {
  const sources = new SourceLines(result.root);
  const ruleIndex = new Map(allRules.map((rule, index) => [rule.meta.id, index]));
  const occurrences = new Map<string, number>();

  const results = result.findings.map((finding) => {
    const lineHash = fingerprint(finding, sources);
    // Identical lines in one file would share a hash; the occurrence number keeps each result distinct.
    const occurrence = (occurrences.get(lineHash) ?? 0) + 1;
    occurrences.set(lineHash, occurrence);
    return {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: finding.severity,
      message: { text: `${sentence(finding.message)} Fix: ${finding.fix}` },
      locations: [{ physicalLocation: physicalLocation(finding) }],
      ...(finding.related.length > 0 && {
        relatedLocations: finding.related.map((related, index) => ({
          id: index + 1,
          physicalLocation: physicalLocation(related),
          message: { text: related.message },
        })),
      }),
      partialFingerprints: { [FINGERPRINT_KEY]: `${lineHash}:${occurrence}` },
      properties: withoutNulls({
        confidence: finding.confidence,
        orm: finding.orm,
        model: finding.model,
        operation: finding.operation,
        queryCount: finding.queryCount,
      }),
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
            rules: allRules.map(({ meta }) => ({
              id: meta.id,
              name: pascalCase(meta.id),
              shortDescription: { text: meta.title },
              fullDescription: { text: meta.description },
              helpUri: meta.docsUrl,
              help: { text: `${meta.description} See ${meta.docsUrl}` },
              defaultConfiguration: { level: meta.defaultSeverity },
              properties: { tags: ["performance", "database"] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(result.root) } },
        columnKind: "utf16CodeUnits",
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.errors.map((error) => ({
              level: "warning",
              message: { text: `${error.file}: ${error.message}` },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(error.file) } }],
              properties: { kind: error.kind },
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
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

/** Stable across edits elsewhere in the file: rule, file and the reported line's text without its whitespace, never its number. */
function fingerprint(finding: Finding, sources: SourceLines): string {
  const lineText = sources.line(finding.file, finding.line)?.replace(/\s+/g, "") ?? finding.message;
  return createHash("sha256").update(`${finding.ruleId}\0${finding.file}\0${lineText}`).digest("hex").slice(0, 32);
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
