import { createRequire } from "node:module";
import { ESLintUtils, type TSESLint } from "@typescript-eslint/utils";
import { allRules } from "../rules/index.js";
import { DOCS_BASE_URL } from "../rules/rule.js";
import type { RuleId } from "../src/types.js";
import { findingsForFile } from "./engine-bridge.js";

const require = createRequire(import.meta.url);
/** Resolved from dist/eslint-plugin/ or eslint-plugin/ alike. */
function packageJson(): { name: string; version: string } {
  for (const candidate of ["../../package.json", "../package.json"]) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === "perf-scan" && pkg.version) return { name: pkg.name, version: pkg.version };
    } catch {
      // try the next candidate
    }
  }
  return { name: "perf-scan", version: "0.0.0" };
}

const createRule = ESLintUtils.RuleCreator<{ requiresTypeChecking: boolean }>((name) => `${DOCS_BASE_URL}${name}.md`);

/** Every CLI rule, same ID, same docs page, same message and fix text: the engine reports, ESLint displays. */
function eslintRule(id: RuleId, description: string) {
  return createRule<[], "finding">({
    name: id,
    meta: {
      type: "problem",
      docs: { description, requiresTypeChecking: false },
      // The message and fix are the CLI's, word for word.
      messages: { finding: "{{message}} Fix: {{fix}}" },
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      return {
        "Program:exit"() {
          for (const finding of findingsForFile(context.filename, context.sourceCode.text, context.cwd)) {
            if (finding.ruleId !== id) continue;
            context.report({
              loc: { start: { line: finding.line, column: finding.column - 1 }, end: { line: finding.endLine, column: finding.endColumn - 1 } },
              messageId: "finding",
              data: { message: finding.message, fix: finding.fix },
            });
          }
        },
      };
    },
  });
}

const rules = Object.fromEntries(allRules.map((rule) => [rule.meta.id, eslintRule(rule.meta.id, rule.meta.description)])) as Record<RuleId, TSESLint.RuleModule<"finding", []>>;
const { name, version } = packageJson();

const ruleLevels = Object.fromEntries(allRules.map((rule) => [`perf-scan/${rule.meta.id}`, rule.meta.defaultSeverity === "error" ? "error" : "warn"])) as Record<string, "error" | "warn">;

const plugin = {
  meta: { name: `${name}/eslint-plugin`, version, namespace: "perf-scan" },
  rules,
  configs: {} as Record<"recommended" | "recommendedTypeChecked", TSESLint.FlatConfig.Config>,
};

plugin.configs.recommended = {
  name: "perf-scan/recommended",
  plugins: { "perf-scan": plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: ruleLevels,
};

/**
 * The same rules with typescript-eslint's project service on. The engine does not need the program: it follows
 * imports, helpers and services across files itself, and uses the project's installed ORM types when present.
 */
plugin.configs.recommendedTypeChecked = {
  name: "perf-scan/recommended-type-checked",
  plugins: { "perf-scan": plugin as unknown as TSESLint.FlatConfig.Plugin },
  languageOptions: { parserOptions: { projectService: true } },
  rules: ruleLevels,
};

export default plugin;
export { rules };
