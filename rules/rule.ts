import type { RuleId, Severity } from "../src/types.js";
import type { ProjectFacts } from "../src/engine/facts.js";
import type { RuleFinding } from "../src/engine/findings.js";

export const DOCS_BASE_URL = "https://github.com/perf-scan/perf-scan/blob/main/docs/rules/";

export interface RuleMeta {
  id: RuleId;
  /** Short human title, e.g. "N+1 query". */
  title: string;
  /** One sentence: what the rule finds. */
  description: string;
  defaultSeverity: Severity;
  /** How often a finding is right: SARIF's `precision` rule property, which GitHub code scanning shows. */
  precision: "high" | "medium";
  docsUrl: string;
}

export interface Rule {
  meta: RuleMeta;
  /** Reads the facts the engine computed once; never walks the AST on its own. */
  check(facts: ProjectFacts): RuleFinding[];
}

export function docsUrl(id: RuleId): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
