import type { Rule } from "./rule.js";
import type { RuleFinding } from "../src/engine/findings.js";
import { engineName, indexFix } from "../src/engine/schema/index-fix.js";
import { tableNamed } from "../src/engine/schema/model.js";
import { relatedSchema, schemaLocation } from "./support.js";
import { ruleMeta } from "./catalog.js";

export const unindexedForeignKey: Rule = {
  meta: ruleMeta("unindexed-foreign-key"),
  check(facts) {
    const advisor = facts.indexAdvisor;
    if (!advisor) return [];
    const found: RuleFinding[] = [];
    // Only schemas the scanned code queries: a scan of docs, or of another package, is not this scan's to judge.
    for (const { schema, table, relation } of advisor.unindexedForeignKeys()) {
      const site = relation.site ?? table.site;
      if (!site) continue;
      const target = tableNamed(schema, relation.target);
      const key = relation.foreignKey.join(", ");
      const why = !schema.foreignKeyConstraints
        ? "without foreign-key constraints (relationMode = \"prisma\") no index is created for them"
        : relation.unconstrained && schema.engine === "mysql"
          ? "it is declared without a foreign-key constraint, so MySQL creates no index for it"
          : `${engineName(schema)} does not index foreign keys`;
      const at = schemaLocation(facts.root, site);
      found.push({
        ruleId: "unindexed-foreign-key",
        confidence: "high",
        orm: table.orm,
        model: table.model,
        operation: null,
        message: `${table.model}.${key} references ${relation.target} and no index leads with it: ${why}, so loading the ${table.model} rows of one ${relation.target}, and deleting a ${relation.target}, scan ${table.model}.`,
        fix: indexFix(schema, table, relation.foreignKey),
        queryCount: null,
        at,
        related: target?.site ? [relatedSchema(facts.root, target.site, `the referenced ${relation.target} definition`)] : [],
        group: { kind: "function", name: `model ${table.model}`, file: at.file, line: table.site ? table.site.line : at.line },
      });
    }
    return found;
  },
};
