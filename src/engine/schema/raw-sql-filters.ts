// The lookup a literal SQL query asks of its one table: `SELECT … FROM products WHERE category = ? ORDER BY name
// LIMIT 50`. Only statements over a single table with AND-joined conditions are read; a join, a subquery, OR, UNION
// or a CTE leaves the query unjudged.
import { noConditions, type Conditions } from "./conditions.js";
import { fieldForColumn, type SchemaTable } from "./model.js";

export interface SqlConditions extends Conditions {
  /** The table as the SQL names it. */
  table: string;
}

const NAME = String.raw`(?:"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*)`;
const QUALIFIED = String.raw`${NAME}(?:\s*\.\s*${NAME})?`;
const CLAUSE_END = String.raw`(?=\bGROUP\s+BY\b|\bORDER\s+BY\b|\bLIMIT\b|\bOFFSET\b|\bFOR\s+UPDATE\b|\bRETURNING\b|$)`;

function unquoted(name: string): string {
  return name.trim().replace(/^["`[]|["`\]]$/g, "");
}

/** The statement's table, its alias, its where text and what follows; null when it is not a single-table statement. */
function statementParts(sql: string): { table: string; alias: string | null; where: string; tail: string } | null {
  const text = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, " ").replace(/\s+/g, " ").trim().replace(/;$/, "");
  if (/\b(JOIN|UNION|INTERSECT|EXCEPT|WITH)\b/i.test(text) || /\(\s*SELECT\b/i.test(text)) return null;
  // `UPDATE a SET … FROM b`, `DELETE FROM a USING b`: two tables.
  if (/^UPDATE\b.*\bFROM\b/i.test(text) || /^DELETE\b.*\bUSING\b/i.test(text)) return null;
  const match =
    new RegExp(String.raw`^SELECT\s.+?\sFROM\s+(${QUALIFIED})(?:\s+(?:AS\s+)?(?!WHERE\b|GROUP\b|ORDER\b|LIMIT\b)(${NAME}))?(?:\s+WHERE\s+(.+?))?\s*${CLAUSE_END}(.*)$`, "is").exec(text) ??
    new RegExp(String.raw`^DELETE\s+FROM\s+(${QUALIFIED})(?:\s+(?:AS\s+)?(?!WHERE\b)(${NAME}))?\s+WHERE\s+(.+?)\s*${CLAUSE_END}(.*)$`, "is").exec(text) ??
    new RegExp(String.raw`^UPDATE\s+(${QUALIFIED})(?:\s+(?:AS\s+)?(?!SET\b)(${NAME}))?\s+SET\s+.+?\s+WHERE\s+(.+?)\s*${CLAUSE_END}(.*)$`, "is").exec(text);
  if (!match) return null;
  if (/^(SELECT|DELETE|UPDATE)$/i.test(match[2] ?? "")) return null;
  const table = unquoted(match[1]!.split(/\s*\.\s*/).pop()!);
  return { table, alias: match[2] ? unquoted(match[2]) : null, where: match[3] ?? "", tail: match[4] ?? "" };
}

/** The conditions of a literal SQL statement over one table; null when it is not one this reads. */
export function rawSqlConditions(sql: string): SqlConditions | null {
  const parts = statementParts(sql);
  if (!parts) return null;
  const conditions: SqlConditions = { ...noConditions(), table: parts.table, limited: /\bLIMIT\b/i.test(parts.tail) };
  const column = (text: string): string | null => {
    const match = new RegExp(String.raw`^\s*(?:(${NAME})\s*\.\s*)?(${NAME})\s*$`).exec(text);
    if (!match) return null;
    if (match[1] && unquoted(match[1]) !== parts.alias && unquoted(match[1]) !== parts.table) return null;
    return unquoted(match[2]!);
  };
  if (parts.where) {
    if (/\bOR\b|\bNOT\b/i.test(parts.where.replace(/\bIS\s+NOT\s+NULL\b/gi, ""))) return null;
    // BETWEEN a AND b is one condition.
    const where = parts.where.replace(/\bBETWEEN\s+(\S+)\s+AND\s+(\S+)/gi, "BETWEEN $1~$2");
    for (const part of where.split(/\s+AND\s+/i)) {
      const comparison = /^(.+?)\s*(=|\bIN\b|>=|<=|<>|!=|>|<|\bBETWEEN\b|\bIS\s+NOT\s+NULL\b|\bIS\s+NULL\b|\bLIKE\b|\bILIKE\b)\s*(.*)$/i.exec(part.trim());
      const name = comparison ? column(comparison[1]!) : null;
      const operator = comparison?.[2]!.toUpperCase().replace(/\s+/g, " ");
      const operand = comparison?.[3]!.trim() ?? "";
      // Compared with a parameter or a literal, never with another column.
      const isValue = /^(\?|\$\d+|:\w+|'|\d|true\b|false\b|\(\s*(\?|\$\d+|:|'|\d))|^ANY\s*\(|^(NOW\s*\(\s*\)|CURRENT_(DATE|TIMESTAMP)\b)/i.test(operand) || operator?.startsWith("IS");
      // `status <> 'x'` keeps most rows: never the way in, and no reason not to judge the rest.
      if (name && (operator === "<>" || operator === "!=")) {
        conditions.unjudged = true;
        continue;
      }
      if (!comparison || !name || !isValue || operator === "LIKE" || operator === "ILIKE") {
        conditions.unjudged = conditions.opaqueFilter = true;
        continue;
      }
      if (operator === "=" || operator === "IN") conditions.equality.push(name);
      else if (operator === "IS NULL" || operator === "IS NOT NULL") conditions.nullChecks.push(name);
      else conditions.range.push(name);
    }
  }
  const order = /\bORDER\s+BY\s+(.+?)(?=\bLIMIT\b|\bOFFSET\b|\bFOR\b|$)/i.exec(parts.tail);
  if (order) {
    for (const item of order[1]!.split(",")) {
      const name = column(item.replace(/\s+(ASC|DESC)(\s+NULLS\s+(FIRST|LAST))?\s*$/i, ""));
      if (!name) {
        conditions.unjudged = true;
        break;
      }
      conditions.sort.push(name);
    }
  }
  return conditions;
}

/** The conditions in the table's field names; null when a column is not one of its fields. */
export function inFields(conditions: SqlConditions, table: SchemaTable): SqlConditions | null {
  const map = (columns: string[]): string[] | null => {
    const fields = columns.map((column) => fieldForColumn(table, column));
    return fields.every((field) => field !== null) ? (fields as string[]) : null;
  };
  const equality = map(conditions.equality);
  const range = map(conditions.range);
  const nullChecks = map(conditions.nullChecks);
  const sort = map(conditions.sort);
  if (!equality || !range || !nullChecks || !sort) return null;
  return { ...conditions, equality, range, nullChecks, sort };
}
