import { ts } from "ts-morph";
import type { Rule } from "./rule.js";
import { docsUrl } from "./rule.js";
import { declaresMember, type DbCall } from "../src/engine/orm.js";
import type { RuleFinding } from "../src/engine/findings.js";
import type { ProjectFacts } from "../src/engine/facts.js";
import { describeCall, finding, locate } from "./support.js";

/** `SELECT *` / `SELECT t.*` from a table (not from `unnest(...)`, `generate_series(...)`, `VALUES` or a subquery). */
const SELECT_STAR = /(?<!exists\s*\(\s*)\bselect\s+(distinct\s+)?([\w"`]+\.)?\*\s*(,|\s+from\s+(?![(]|unnest\b|generate_series\b|values\b|json\w*_to_recordset\b))/i;

export const selectStar: Rule = {
  meta: {
    id: "select-star",
    title: "SELECT * / over-fetching",
    description: "Raw SQL selecting *, or an ORM read that fetches whole rows where only a few fields are used.",
    defaultSeverity: "note",
    docsUrl: docsUrl("select-star"),
  },
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
      if (!fields || isNarrowModel(facts, call) || fields.some((field) => isNotAColumn(call, field))) continue;
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

/**
 * A field the rows carry that no projection could list: an included association (`include: [{ as: "user" }]`,
 * `include: { author: true }`, `include: [User]`) or a getter/method of the model class (`get redirectUrl()`).
 */
function isNotAColumn(call: DbCall, field: string): boolean {
  if (includedNames(call).has(field)) return true;
  const cls = call.modelClass?.node;
  return cls !== undefined && declaresMember(cls, field, true);
}

function includedNames(call: DbCall): Set<string> {
  const names = new Set<string>();
  const options = call.options && ts.isObjectLiteralExpression(call.options) ? call.options : undefined;
  const include = options?.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === "include");
  if (!include) return names;
  const value = include.initializer;
  if (ts.isObjectLiteralExpression(value)) for (const p of value.properties) if (p.name) names.add(p.name.getText());
  if (ts.isArrayLiteralExpression(value)) {
    for (const element of value.elements) {
      if (ts.isIdentifier(element)) names.add(element.text.charAt(0).toLowerCase() + element.text.slice(1));
      if (!ts.isObjectLiteralExpression(element)) continue;
      const alias = element.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === "as");
      if (alias && ts.isStringLiteralLike(alias.initializer)) names.add(alias.initializer.text);
      const model = element.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === "model");
      if (model && ts.isIdentifier(model.initializer)) names.add(model.initializer.text.charAt(0).toLowerCase() + model.initializer.text.slice(1));
    }
  }
  return names;
}

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
