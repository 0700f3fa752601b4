import type { RuleId } from "./types.js";

/**
 * `// eslint-disable-next-line perf-scan/n-plus-one -- reason` above a line, or `// eslint-disable-line …` on it:
 * the ESLint plugin gets this from ESLint, and the CLI honours the same comments, so one suppression serves both.
 * A directive without a rule list disables every rule, as in ESLint.
 */
const DIRECTIVE = /(?:\/\/|\/\*)\s*eslint-disable-(next-line|line)(?=\s|\*\/|$)([^\n]*)/g;

export function isSuppressed(lines: readonly string[], line: number, ruleId: RuleId): boolean {
  return disables(lines[line - 2], "next-line", ruleId) || disables(lines[line - 1], "line", ruleId);
}

function disables(text: string | undefined, kind: "next-line" | "line", ruleId: RuleId): boolean {
  if (!text || !text.includes("eslint-disable")) return false;
  for (const match of text.matchAll(DIRECTIVE)) {
    if (match[1] !== kind) continue;
    // The rule list ends at ` -- description` or at the end of a block comment.
    const list = (match[2] ?? "").split(/\s-{2,}\s|\*\//)[0]!.trim();
    if (list === "") return true;
    if (list.split(",").some((rule) => rule.trim().replace(/^(["'])(.*)\1$/, "$2") === `perf-scan/${ruleId}`)) return true;
  }
  return false;
}
