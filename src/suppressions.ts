import type { RuleId } from "./types.js";

/**
 * Inline suppressions the CLI honours:
 * - `// perf-scan-disable-next-line n-plus-one -- reason`, `// perf-scan-disable-line …`, and a file-level
 *   `/* perf-scan-disable n-plus-one *\/` anywhere in the file;
 * - ESLint's `// eslint-disable-next-line perf-scan/n-plus-one -- reason` and `eslint-disable-line`, which the
 *   ESLint plugin gets from ESLint itself, so one comment serves both.
 * A directive without a rule list disables every rule, as in ESLint. The list ends at ` -- description`.
 */
const DIRECTIVE = /(?:\/\/|\/\*)\s*(eslint|perf-scan)-disable(-next-line|-line)?(?=\s|\*\/|$)([^\n]*)/g;

export interface Suppression {
  /** The comment's justification after ` -- `, if any. */
  reason: string | null;
}

/** The directive that silences `ruleId` on a 1-based line, or null. */
export function suppressionAt(lines: readonly string[], line: number, ruleId: RuleId): Suppression | null {
  return directive(lines[line - 2], "-next-line", ruleId) ?? directive(lines[line - 1], "-line", ruleId) ?? fileDirective(lines, ruleId);
}

export function isSuppressed(lines: readonly string[], line: number, ruleId: RuleId): boolean {
  return suppressionAt(lines, line, ruleId) !== null;
}

function directive(text: string | undefined, kind: "-next-line" | "-line" | "", ruleId: RuleId, tool?: "perf-scan"): Suppression | null {
  if (!text || !text.includes("-disable")) return null;
  for (const match of text.matchAll(DIRECTIVE)) {
    if ((match[2] ?? "") !== kind || (tool && match[1] !== tool)) continue;
    const [list, ...description] = (match[3] ?? "").split(/\*\//)[0]!.split(/\s-{2,}\s/);
    const rules = list!.trim();
    const reason = description.join(" -- ").trim() || null;
    if (rules === "") return { reason };
    const names = rules.split(",").map((rule) => rule.trim().replace(/^(["'])(.*)\1$/, "$2"));
    const wanted = match[1] === "eslint" ? [`perf-scan/${ruleId}`] : [ruleId, `perf-scan/${ruleId}`];
    if (names.some((name) => wanted.includes(name))) return { reason };
  }
  return null;
}

/** `/* perf-scan-disable n-plus-one *\/` on a line of its own disables the rule for the whole file. */
function fileDirective(lines: readonly string[], ruleId: RuleId): Suppression | null {
  for (const text of lines) {
    if (!text.includes("perf-scan-disable") || text.includes("perf-scan-disable-")) continue;
    const found = directive(text, "", ruleId, "perf-scan");
    if (found) return found;
  }
  return null;
}
