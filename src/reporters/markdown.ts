import { DOCS_BASE_URL } from "../../rules/rule.js";
import type { Finding, RuleId, ScanResult } from "../types.js";
import type { ReporterOptions } from "./index.js";
import { effectOf, fileErrors, headlineBottlenecks, plural, tiersOf, titleOf } from "./tiers.js";

/** GitHub rejects a step summary over 1 MiB; stop well before, with a note. */
export const MAX_MARKDOWN_BYTES = 1_000_000;

/**
 * The ranked report as GitHub-flavoured Markdown, for `$GITHUB_STEP_SUMMARY` or a pull-request comment: tables,
 * collapsible details, links to the rule docs.
 */
export function formatMarkdown(result: ScanResult, options: ReporterOptions): string {
  const { summary } = result;
  const head = [
    "## perf-scan",
    "",
    `${plural(summary.files, "file")} scanned · ORMs: ${list(summary.orms)} · frameworks: ${list(summary.frameworks)} · ${summary.durationMs} ms`,
    "",
  ];
  if (result.findings.length === 0) {
    const unused = unusedDirectives(result);
    return `${[...head, "No database performance problems found.", ...(unused.length > 0 ? ["", ...unused] : [])].join("\n")}\n`;
  }

  const tiers = tiersOf(result, options.top);
  const sections: string[][] = [];
  const bottlenecks = headlineBottlenecks(result);
  if (bottlenecks.length > 0) {
    sections.push([
      "### Critical bottlenecks",
      "",
      "| Where | Findings | Impact |",
      "| --- | --- | --- |",
      ...bottlenecks.map((b) => `| **${cell(b.name)}** (\`${cell(b.file)}:${b.line}\`) | ${b.findings.map((r) => `#${r}`).join(", ")} | ${b.score} |`),
      "",
    ]);
  }
  if (tiers.quickWins.length > 0) sections.push(["### Quick wins", "", ...tiers.quickWins.flatMap(detail)]);
  if (tiers.mediumPriority.length > 0) sections.push(["### Medium priority", "", ...tiers.mediumPriority.flatMap(detail)]);
  if (tiers.rest.length > 0) {
    sections.push([
      "<details><summary>Other findings</summary>",
      "",
      "| # | Rule | Location | Message |",
      "| --- | --- | --- | --- |",
      ...tiers.rest.map((f) => `| ${f.rank} | ${ruleLink(f.ruleId)} | \`${cell(f.file)}:${f.line}\` | ${cell(f.message)} |`),
      "",
      "</details>",
      "",
    ]);
  }
  if (tiers.hidden > 0) sections.push([`_${plural(tiers.hidden, "more finding")} not shown (--top)._`, ""]);
  const unused = unusedDirectives(result);
  if (unused.length > 0) sections.push([...unused, ""]);
  const tail = summaryTable(result);

  // Keep whole sections while they fit; say what was cut.
  const out = [...head];
  let size = Buffer.byteLength(head.join("\n") + tail.join("\n"), "utf8") + 200;
  const note = "> **Truncated:** the report is longer than GitHub's step summary allows; run `perf-scan --format json` for every finding.";
  let truncated = false;
  for (const section of sections) {
    for (const line of section) {
      const bytes = Buffer.byteLength(line, "utf8") + 1;
      if (size + bytes > MAX_MARKDOWN_BYTES) {
        truncated = true;
        break;
      }
      out.push(line);
      size += bytes;
    }
    if (truncated) {
      // Close what the cut section opened, so the rest still renders.
      const opened = out.filter((line) => line.startsWith("<details")).length - out.filter((line) => line === "</details>").length;
      out.push("", ...Array.from({ length: opened }, () => "</details>"), "", note, "");
      break;
    }
  }
  out.push(...tail);
  return `${out.join("\n")}\n`;
}

function detail(finding: Finding): string[] {
  const related = finding.related.map((r) => `  - \`${r.file}:${r.line}\` ${r.message}`);
  return [
    `<details${finding.rank <= 5 ? " open" : ""}><summary><b>${finding.rank}. ${escapeHtml(titleOf(finding))}</b> · <code>${escapeHtml(finding.file)}:${finding.line}</code> · effort ${finding.impact.effort} · confidence ${finding.confidence}</summary>`,
    "",
    `${finding.message} (${ruleLink(finding.ruleId)})`,
    "",
    `- **Effect:** ${effectOf(finding)}`,
    `- **Fix:** ${finding.fix}`,
    ...(related.length > 0 ? ["- **Related:**", ...related] : []),
    "",
    "</details>",
    "",
  ];
}

/** --report-unused-disable-directives: a table of the comments that silence nothing, with ESLint's message. */
function unusedDirectives(result: ScanResult): string[] {
  const unused = result.unusedDirectives ?? [];
  if (unused.length === 0) return [];
  return [
    "### Unused disable directives",
    "",
    "| Location | Severity | Message |",
    "| --- | --- | --- |",
    ...unused.map((directive) => `| \`${cell(directive.file)}:${directive.line}:${directive.column}\` | ${directive.severity} | ${cell(directive.message)} |`),
  ];
}

function summaryTable(result: ScanResult): string[] {
  const byRule = (Object.entries(result.summary.byRule) as [RuleId, number][]).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const lines = ["### Summary", "", "| Rule | Findings |", "| --- | --- |", ...byRule.map(([id, count]) => `| ${ruleLink(id)} | ${count} |`)];
  lines.push(`| **Total** | **${result.findings.length}** |`);
  const errorsInFiles = fileErrors(result).length;
  if (errorsInFiles > 0) lines.push("", `${plural(errorsInFiles, "file")} could not be analysed.`);
  return lines;
}

function ruleLink(id: RuleId): string {
  return `[\`${id}\`](${DOCS_BASE_URL}${id}.md)`;
}

/** A table cell: no pipes or newlines. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function list(items: string[]): string {
  return items.length > 0 ? items.join(", ") : "none detected";
}

