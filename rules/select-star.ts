import type { Rule } from "./rule.js";
import type { DbCall } from "../src/engine/orm.js";
import type { RuleFinding } from "../src/engine/findings.js";
import type { ProjectFacts } from "../src/engine/facts.js";
import { describeCall, finding, locate } from "./support.js";
import { ruleMeta } from "./catalog.js";

/** `SELECT *` / `SELECT t.*` from a table (not from `unnest(...)`, `generate_series(...)`, `VALUES` or a subquery). */
const SELECT_STAR = /(?<!exists\s*\(\s*)\bselect\s+(distinct\s+)?([\w"`]+\.)?\*\s*(,|\s+from\s+(?![(]|unnest\b|generate_series\b|values\b|json\w*_to_recordset\b))/i;

export const selectStar: Rule = {
  meta: ruleMeta("select-star"),
  check(facts) {
    const findings: RuleFinding[] = [];
    for (const call of facts.dbCalls) {
      if (call.kind === "raw" && call.rawSql && SELECT_STAR.test(call.rawSql) && !hydratesModels(call)) {
        findings.push(
          finding("select-star", call, locate(call.module, call.node), {
            message: `${describeCall(call)} selects every column with SELECT *: more data read, sent and parsed than the code needs, and the query changes when the table does.`,
            fix: "List the columns the code uses: SELECT p.id, p.name, p.price … instead of SELECT *.",
          }),
        );
        continue;
      }
      if (call.kind !== "read-many" || hasProjection(call)) continue;
      const fields = facts.rowUsage(call).pluckedFields;
      if (!fields || isNarrowModel(facts, call)) continue;
      findings.push(
        finding("select-star", call, locate(call.module, call.node), {
          message: `${describeCall(call)} fetches whole ${call.model ?? "rows"} but the code only reads ${fields.map((f) => `\`${f}\``).join(" and ")}.`,
          fix: projectionFix(call, fields),
        }),
      );
    }
    return findings;
  },
};

/** A Prisma model of a handful of columns: selecting fewer saves nothing worth a finding. */
function isNarrowModel(facts: ProjectFacts, call: DbCall): boolean {
  const model = call.model ? facts.prismaSchema?.models.get(call.model) : undefined;
  if (!model) return false;
  const scalars = [...model.fields.values()].filter((field) => !field.relationTo);
  return scalars.length <= 4 && !scalars.some((field) => field.type === "Json" || field.type === "Bytes");
}

/** `sequelize.query(sql, { model: Order, mapToModel: true })`: whole model instances are built from the rows. */
function hydratesModels(call: DbCall): boolean {
  const node = call.node;
  const options = "arguments" in node ? node.arguments[1]?.getText() ?? "" : "";
  return /\b(model|mapToModel)\s*:/.test(options);
}

function hasProjection(call: DbCall): boolean {
  const text = call.options?.getText() ?? "";
  if (/\b(select|attributes)\s*:/.test(text)) return true;
  // query builders: .select(...) in the chain
  return /\.(select|addSelect)\s*\(/.test(call.node.getText());
}

function projectionFix(call: DbCall, fields: string[]): string {
  switch (call.orm) {
    case "prisma":
      return `Select only what is used: \`select: { ${fields.map((f) => `${f}: true`).join(", ")} }\`.`;
    case "typeorm":
      return `Select only what is used: \`select: { ${fields.map((f) => `${f}: true`).join(", ")} }\` (or .select([...]) on a query builder).`;
    case "sequelize":
      return `Select only what is used: \`attributes: [${fields.map((f) => `"${f}"`).join(", ")}]\`, with \`raw: true\` if instances are not needed.`;
  }
}
