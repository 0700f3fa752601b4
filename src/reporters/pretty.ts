import type { Finding, RuleId, ScanResult, Severity } from "../types.js";
import { effectOf, fileErrors, headlineBottlenecks, plural, tiersOf, titleOf } from "./tiers.js";
import type { ReporterOptions } from "./index.js";
import { SourceLines } from "./source.js";
import { painter, type Paint, type TextStyle } from "./style.js";

const SEVERITY_STYLE: Record<Severity, TextStyle> = { error: "red", warning: "yellow", note: "cyan" };
/** Longer source lines are shown as a window around the reported column. */
const MAX_FRAME_WIDTH = 120;
const INDENT = "    ";

/**
 * The ranked "quick wins" report: a header, the critical bottlenecks, numbered quick wins and the medium tier in
 * full (code frame, expected effect, fix, confidence), the rest one line each, then a summary by rule.
 */
export function formatPretty(result: ScanResult, options: ReporterOptions): string {
  const paint = painter(options.color);
  const sources = new SourceLines(result.root);
  const lines: string[] = [];
  if (result.findings.length > 0) {
    lines.push(header(result, paint), "");
    const tiers = tiersOf(result, options.top);
    lines.push(...bottlenecks(result, paint));
    if (tiers.quickWins.length > 0) lines.push(paint(["bold", "green"], "Quick wins"), "", ...tiers.quickWins.flatMap((f) => detailed(f, sources, paint)));
    if (tiers.mediumPriority.length > 0) lines.push(paint(["bold", "yellow"], "Medium priority"), "", ...tiers.mediumPriority.flatMap((f) => detailed(f, sources, paint)));
    if (tiers.rest.length > 0) {
      lines.push(paint("bold", "Other findings"));
      for (const finding of tiers.rest) lines.push(`  ${paint("dim", `${finding.rank}.`)} ${finding.file}:${finding.line}:${finding.column}  ${finding.message}  ${paint("dim", finding.ruleId)}`);
      lines.push("");
    }
    if (tiers.hidden > 0) lines.push(paint("dim", `${plural(tiers.hidden, "more finding")} not shown (--top).`), "");
  }
  lines.push(...unusedDirectives(result, paint));
  lines.push(...summary(result, paint));
  return `${lines.join("\n")}\n`;
}

function header(result: ScanResult, paint: Paint): string {
  const { summary, tool } = result;
  const orms = summary.orms.length > 0 ? summary.orms.join(", ") : "none detected";
  const frameworks = summary.frameworks.length > 0 ? summary.frameworks.join(", ") : "none detected";
  return paint("dim", `perf-scan ${tool.version}: ${plural(summary.files, "file")} scanned, ORMs: ${orms}, frameworks: ${frameworks}, ${summary.durationMs}ms`);
}

function bottlenecks(result: ScanResult, paint: Paint): string[] {
  const top = headlineBottlenecks(result);
  if (top.length === 0) return [];
  const lines = [paint(["bold", "red"], top.length === 1 ? "Critical bottleneck" : "Critical bottlenecks")];
  for (const b of top) {
    lines.push(`  ${paint("bold", b.name)}  ${paint("dim", `${b.file}:${b.line}`)}`);
    lines.push(`    ${plural(b.findings.length, "finding")} (${b.findings.map((rank) => `#${rank}`).join(", ")}), impact ${b.score}`);
  }
  lines.push("");
  return lines;
}

function detailed(finding: Finding, sources: SourceLines, paint: Paint): string[] {
  const lines = [
    `${paint("bold", `${finding.rank}.`)} ${paint("bold", titleOf(finding))}  ${paint("dim", `${finding.ruleId}, effort ${finding.impact.effort}, confidence ${finding.confidence}`)}`,
    `${INDENT}${finding.file}:${finding.line}:${finding.column}  ${paint(SEVERITY_STYLE[finding.severity], finding.severity)}`,
    ...codeFrame(sources.of(finding.file), finding, paint).map((line) => INDENT + line),
    `${INDENT}${finding.message}`,
    `${INDENT}${paint("dim", "effect:")} ${effectOf(finding)}`,
    `${INDENT}${paint("green", "fix:")} ${finding.fix}`,
  ];
  for (const related of finding.related) lines.push(`${INDENT}${paint("dim", "related:")} ${related.file}:${related.line}:${related.column}  ${related.message}`);
  lines.push("");
  return lines;
}

/** The reported line with one line of context either side and a caret row under the reported range. */
function codeFrame(source: string[] | undefined, finding: Finding, paint: Paint): string[] {
  const target = source?.[finding.line - 1];
  if (source === undefined || target === undefined) return [];
  const first = Math.max(1, finding.line - 1);
  const last = Math.min(source.length, finding.line + 1);
  const gutterWidth = String(last).length;
  const caretStart = finding.column - 1;
  const caretEnd = finding.endLine === finding.line ? Math.max(finding.endColumn - 1, caretStart + 1) : Math.max(target.length, caretStart + 1);
  const windowStart = target.length > MAX_FRAME_WIDTH ? Math.max(0, Math.min(caretStart - 20, target.length - MAX_FRAME_WIDTH)) : 0;

  const frame: string[] = [];
  for (let lineNumber = first; lineNumber <= last; lineNumber++) {
    const isTarget = lineNumber === finding.line;
    const marker = isTarget ? paint(SEVERITY_STYLE[finding.severity], ">") : " ";
    const gutter = paint("dim", `${String(lineNumber).padStart(gutterWidth)} |`);
    // Only the reported line scrolls to the caret; context lines are just cut at the width.
    frame.push(`${marker} ${gutter} ${clip(source[lineNumber - 1]!, isTarget ? windowStart : 0)}`.trimEnd());
    if (isTarget) {
      const visibleStart = caretStart - windowStart;
      const visibleTarget = clip(target, windowStart);
      const shift = windowStart > 0 ? 1 : 0; // the leading ellipsis
      // Copy tabs so the caret lines up under tab-indented code.
      const padding = visibleTarget.slice(0, visibleStart + shift).replace(/[^\t]/g, " ");
      const width = Math.max(1, Math.min(caretEnd - caretStart, MAX_FRAME_WIDTH - visibleStart));
      frame.push(`  ${paint("dim", `${" ".repeat(gutterWidth)} |`)} ${padding}${paint(SEVERITY_STYLE[finding.severity], "^".repeat(width))}`);
    }
  }
  return frame;
}

function clip(line: string, windowStart: number): string {
  if (line.length <= MAX_FRAME_WIDTH && windowStart === 0) return line;
  const visible = line.slice(windowStart, windowStart + MAX_FRAME_WIDTH);
  return `${windowStart > 0 ? "…" : ""}${visible}${windowStart + MAX_FRAME_WIDTH < line.length ? "…" : ""}`;
}

/** --report-unused-disable-directives: one line each, with ESLint's message. */
function unusedDirectives(result: ScanResult, paint: Paint): string[] {
  const unused = result.unusedDirectives ?? [];
  if (unused.length === 0) return [];
  return [
    paint("bold", "Unused disable directives"),
    ...unused.map((directive) => `  ${directive.file}:${directive.line}:${directive.column}  ${paint(SEVERITY_STYLE[directive.severity], directive.severity)}  ${directive.message}`),
    "",
  ];
}

function summary(result: ScanResult, paint: Paint): string[] {
  const { findings, summary } = result;
  const files = plural(summary.files, "file");
  const lines: string[] = [];
  if (summary.files === 0) {
    // An empty folder, or one without source files: say so plainly rather than report a clean scan of nothing.
    lines.push(result.shard ? `No files to scan in shard ${result.shard.index}/${result.shard.count}.` : "No files to scan: no JavaScript or TypeScript source files were found.");
  } else if (findings.length === 0) {
    lines.push(paint("green", `No database performance problems found in ${files}.`));
  } else {
    const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
    const bySeverity = [plural(count("error"), "error"), plural(count("warning"), "warning"), plural(count("note"), "note")].join(", ");
    lines.push(paint("bold", `${plural(findings.length, "finding")} (${bySeverity}) in ${files}, ${summary.durationMs}ms`));
    const byRule = Object.entries(summary.byRule) as [RuleId, number][];
    const idWidth = Math.max(...byRule.map(([id]) => id.length));
    // Most frequent first; ties by id so the order is stable.
    for (const [id, total] of byRule.sort(([idA, a], [idB, b]) => b - a || (idA < idB ? -1 : 1))) {
      lines.push(`  ${id.padEnd(idWidth)}  ${total}`);
    }
  }
  const unused = result.unusedDirectives ?? [];
  if (unused.length > 0) {
    const severities = [...new Set(unused.map((directive) => directive.severity))].join(", ");
    lines.push(paint("bold", `${plural(unused.length, "unused disable directive")} (${severities})`));
  }
  // Notes about the run (no ORM installed, a cache that could not be written) are not files left out.
  const errorsInFiles = fileErrors(result);
  if (errorsInFiles.length > 0) {
    lines.push(paint("dim", `${plural(errorsInFiles.length, "file")} could not be analysed; see the warnings.`));
  }
  return lines;
}

