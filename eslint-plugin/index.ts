import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { allRules } from "../rules/index.js";
import { DOCS_BASE_URL } from "../rules/rule.js";
import type { Finding, RuleId } from "../src/types.js";
import { TOOL_VERSION } from "../src/version.js";
import { findingsForFile, perfScanSettings, type PerfScanSettings } from "./engine-bridge.js";

const createRule = ESLintUtils.RuleCreator<{ requiresTypeChecking: boolean }>((name) => `${DOCS_BASE_URL}${name}.md`);

type MessageId = "finding" | "countInstead" | "addTake";

/** Rules with a rewrite that is certainly correct (or, for `take`, marked for the user to confirm). */
const SUGGESTING: ReadonlySet<RuleId> = new Set(["count-via-length", "unbounded-query"]);

/** Every CLI rule, same ID, same docs page, same message and fix text: the engine reports, ESLint displays. */
function eslintRule(id: RuleId, description: string) {
  return createRule<[], MessageId>({
    name: id,
    meta: {
      type: "problem",
      docs: { description, requiresTypeChecking: false },
      // The message and fix are the CLI's, word for word.
      messages: {
        finding: "{{message}} Fix: {{fix}}",
        countInstead: "Count in the database: `{{replacement}}`.",
        addTake: "Add `take: {{take}}` (confirm the limit fits this read).",
      },
      ...(SUGGESTING.has(id) && { hasSuggestions: true }),
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      return {
        "Program:exit"() {
          // With type information (recommendedTypeChecked), the user's program answers the engine's type questions.
          const program = context.sourceCode.parserServices?.program ?? undefined;
          // `settings: { perfScan: { clients, frameworks, pagination } }`: the config file's keys, shared by every rule.
          const settings = perfScanSettings(context.settings);
          for (const finding of findingsForFile(context.filename, context.sourceCode.text, context.cwd, program, settings)) {
            if (finding.ruleId !== id) continue;
            const suggestions = finding.orm === "prisma" && finding.operation === "findMany" ? suggestionsFor(id, queryCallAt(context.sourceCode, finding), context.sourceCode, settings) : [];
            context.report({
              loc: { start: { line: finding.line, column: finding.column - 1 }, end: { line: finding.endLine, column: finding.endColumn - 1 } },
              messageId: "finding",
              data: { message: finding.message, fix: finding.fix },
              ...(suggestions.length > 0 && { suggest: suggestions }),
            });
          }
        },
      };
    },
  });
}

/** The `x.findMany(…)` call the engine reported, found in ESLint's own tree by its start position. */
function queryCallAt(sourceCode: TSESLint.SourceCode, finding: Finding): TSESTree.CallExpression | undefined {
  const index = sourceCode.getIndexFromLoc({ line: finding.line, column: finding.column - 1 });
  for (let node: TSESTree.Node | null = sourceCode.getNodeByRangeIndex(index); node; node = node.parent ?? null) {
    if (node.type === AST_NODE_TYPES.CallExpression && node.range[0] === index && node.callee.type === AST_NODE_TYPES.MemberExpression) return node;
    if (node.range[0] < index) return undefined;
  }
  return undefined;
}

/** Options `count` accepts as they are: anything else (include, select, distinct) makes the rewrite unsafe. */
const COUNT_OPTIONS = new Set(["where", "cursor", "take", "skip", "orderBy"]);

function suggestionsFor(id: RuleId, call: TSESTree.CallExpression | undefined, sourceCode: TSESLint.SourceCode, settings: PerfScanSettings): TSESLint.SuggestionReportDescriptor<MessageId>[] {
  if (!call || call.callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length > 1) return [];
  const options = call.arguments[0];
  if (options && options.type !== AST_NODE_TYPES.ObjectExpression) return [];
  if (id === "count-via-length") {
    // `(await prisma.post.findMany({ where })).length` → `(await prisma.post.count({ where }))`
    const awaited = call.parent;
    const length = awaited?.parent;
    if (awaited?.type !== AST_NODE_TYPES.AwaitExpression || length?.type !== AST_NODE_TYPES.MemberExpression || length.object !== awaited) return [];
    if (length.property.type !== AST_NODE_TYPES.Identifier || length.property.name !== "length" || length.computed) return [];
    const keys = options?.properties.map((p) => (p.type === AST_NODE_TYPES.Property && p.key.type === AST_NODE_TYPES.Identifier ? p.key.name : null)) ?? [];
    if (keys.some((key) => key === null || !COUNT_OPTIONS.has(key))) return [];
    const replacement = `(await ${sourceCode.getText(call.callee.object)}.count(${options ? sourceCode.getText(options) : ""}))`;
    return [{ messageId: "countInstead", data: { replacement }, fix: (fixer) => fixer.replaceText(length, replacement) }];
  }
  if (id === "unbounded-query") {
    // A read over `pagination.maxPageSize` already has a take: lowering it is the user's call, not a rewrite.
    if (options?.properties.some((p) => p.type === AST_NODE_TYPES.Property && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === "take")) return [];
    const limit = Math.min(100, settings.pagination?.maxPageSize ?? 100);
    const take = `take: ${limit} /* confirm this limit */`;
    const data = { take: String(limit) };
    if (!options) return [{ messageId: "addTake", data, fix: (fixer) => fixer.replaceTextRange([call.callee.range[1], call.range[1]], `({ ${take} })`) }];
    if (options.properties.length === 0) return [{ messageId: "addTake", data, fix: (fixer) => fixer.replaceText(options, `{ ${take} }`) }];
    return [{ messageId: "addTake", data, fix: (fixer) => fixer.insertTextBefore(options.properties[0]!, `${take}, `) }];
  }
  return [];
}

const rules = Object.fromEntries(allRules.map((rule) => [rule.meta.id, eslintRule(rule.meta.id, rule.meta.description)])) as Record<RuleId, TSESLint.RuleModule<MessageId, []>>;

const ruleLevels = Object.fromEntries(allRules.map((rule) => [`perf-scan/${rule.meta.id}`, rule.meta.defaultSeverity === "error" ? "error" : "warn"])) as Record<string, "error" | "warn">;

const plugin = {
  meta: { name: "perf-scan/eslint-plugin", version: TOOL_VERSION, namespace: "perf-scan" },
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
