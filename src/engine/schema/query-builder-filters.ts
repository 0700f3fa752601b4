// The lookup a TypeORM query-builder chain asks of its root table, read from its where strings:
// `repo.createQueryBuilder("user").where("user.identifier = :identifier").andWhere("user.deletedAt IS NULL").getOne()`.
// Only conditions on the root alias joined by AND are read; OR, brackets and functions leave the chain unjudged. A
// builder kept in a variable is read with the calls made on it on every path before the terminal one
// (`qb.andWhere(…)` under an `if` leaves the path without it, which is judged).
import ts from "#typescript";
import { unwrapExpression, type Resolver } from "../resolve.js";
import { scopeOf, useBefore } from "./changed-later.js";
import { noConditions, type Conditions } from "./conditions.js";
import { fieldForColumn, type SchemaTable } from "./model.js";


const TERMINALS = new Set(["getMany", "getOne", "getOneOrFail", "getManyAndCount", "getCount", "getExists", "getRawOne", "getRawMany"]);
const WHERE = new Set(["where", "andWhere"]);
const SORT = new Set(["orderBy", "addOrderBy"]);
const LIMIT = new Set(["take", "limit"]);
/** Calls that change neither which rows match nor their order. */
const NEUTRAL = new Set(["select", "addSelect", "leftJoin", "leftJoinAndSelect", "innerJoinAndSelect", "leftJoinAndMapMany", "leftJoinAndMapOne", "innerJoinAndMapMany", "innerJoinAndMapOne", "setParameter", "setParameters", "skip", "offset", "cache", "withDeleted", "loadRelationCountAndMap", "loadRelationIdAndMap", "useTransaction", "setLock", "setQueryRunner"]);

const IDENT = String.raw`(?:"([^"]+)"|\x60([^\x60]+)\x60|([A-Za-z_][\w$]*))`;

/** `user.identifier`, `"user"."identifier"` → ["user", "identifier"]. */
function qualifiedColumn(text: string): [string, string] | null {
  const match = new RegExp(String.raw`^\s*${IDENT}\s*\.\s*${IDENT}\s*$`).exec(text);
  if (!match) return null;
  return [(match[1] ?? match[2] ?? match[3])!, (match[4] ?? match[5] ?? match[6])!];
}

function splitAnd(given: string): string[] | null {
  if (/\bOR\b/i.test(given)) return null;
  // BETWEEN :a AND :b is one condition.
  const text = given.replace(/\bBETWEEN\s+(\S+)\s+AND\s+(\S+)/gi, "BETWEEN $1~$2");
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  const tokens = text.split(/(\(|\)|\s+AND\s+)/i);
  for (const token of tokens) {
    if (token === "(") depth++;
    if (token === ")") depth--;
    if (depth === 0 && /^\s+AND\s+$/i.test(token)) {
      parts.push(current);
      current = "";
    } else current += token;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** The chain's calls from the root outwards, with the root `createQueryBuilder(…)` call first; null when not one chain. */
function chainOf(terminal: ts.CallExpression, resolver: Resolver): ts.CallExpression[] | null {
  const calls: ts.CallExpression[] = [];
  let node: ts.Expression = terminal;
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    calls.unshift(node);
    if (node.expression.name.text === "createQueryBuilder") return calls;
    node = unwrapExpression(node.expression.expression);
  }
  if (!ts.isIdentifier(node)) return null;
  const configured = configuredBuilder(node, terminal, resolver);
  return configured ? [...configured, ...calls] : null;
}

/**
 * `const qb = repo.createQueryBuilder("o").where(…); qb.andWhere(…); … qb.getMany()`: the builder's calls up to
 * `terminal`, from its declaration and the statements that always run before; null when something else may change it.
 */
function configuredBuilder(reference: ts.Identifier, terminal: ts.CallExpression, resolver: Resolver): ts.CallExpression[] | null {
  const binding = resolver.lookup(reference);
  if (binding?.kind !== "node" || !ts.isVariableDeclaration(binding.node) || !binding.node.initializer) return null;
  const declaration = binding.node;
  const initial = unwrapExpression(declaration.initializer!);
  const start = ts.isCallExpression(initial) ? chainOf(initial, resolver) : null;
  if (!start) return null;
  const scope = scopeOf(declaration);
  const steps = [...start];
  let readable = true;
  const visit = (node: ts.Node): void => {
    if (!readable || (node.pos >= terminal.pos && node.end <= terminal.end)) return;
    if (ts.isIdentifier(node) && node.text === reference.text && node !== declaration.name && node.pos > declaration.end) {
      const found = resolver.lookup(node);
      if (found?.kind !== "node" || found.node !== declaration) return;
      const use = builderUse(node);
      // Calls that only run the builder change nothing; under an `if` without `else` a change leaves a path without it.
      if (use?.length === 0) return;
      const path = useBefore(node, terminal, scope);
      if (path === "optional") return;
      if (use && path === "always") steps.push(...use);
      else readable = false;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return readable ? steps : null;
}

/**
 * The calls `qb.where(…).andWhere(…);` a statement makes on the builder ([] when it only runs it, `qb.getCount()`);
 * null for any other use (handed to a function, given another name, a chain whose result goes elsewhere).
 */
function builderUse(reference: ts.Identifier): ts.CallExpression[] | null {
  const calls: ts.CallExpression[] = [];
  let node: ts.Node = reference;
  while (ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node && ts.isCallExpression(node.parent.parent) && node.parent.parent.expression === node.parent) {
    const call: ts.CallExpression = node.parent.parent;
    const method = node.parent.name.text;
    // `qb.getCount()`, `qb.clone()`: the builder itself is not changed by what follows.
    if (TERMINALS.has(method) || method === "clone") return calls;
    calls.push(call);
    node = call;
  }
  return calls.length > 0 && ts.isExpressionStatement(node.parent) ? calls : null;
}

function methodOf(call: ts.CallExpression): string {
  return (call.expression as ts.PropertyAccessExpression).name.text;
}

/** What the chain ending in `terminal` filters and sorts its root table by; null when it is not a chain this reads. */
export function queryBuilderConditions(terminal: ts.Node, table: SchemaTable, resolver: Resolver): Conditions | null {
  if (!ts.isCallExpression(terminal) || !ts.isPropertyAccessExpression(terminal.expression) || !TERMINALS.has(terminal.expression.name.text)) return null;
  const chain = chainOf(terminal, resolver);
  if (!chain) return null;
  const [root, ...steps] = chain;
  // `repo.createQueryBuilder("user")`, `manager.createQueryBuilder(User, "user")`.
  const aliasArg = root!.arguments.length === 1 ? root!.arguments[0] : root!.arguments[1];
  const alias = aliasArg && ts.isStringLiteralLike(aliasArg) ? aliasArg.text : null;
  if (!alias) return null;
  const conditions: Conditions = noConditions();
  let innerJoined = false;
  const field = (column: string): string | null => {
    const parts = qualifiedColumn(column);
    if (!parts || parts[0] !== alias) return null;
    const name = parts[1];
    if (table.columns.has(name)) return name;
    const relation = table.relations.find((r) => r.field === name && r.foreignKey.length === 1);
    return relation ? relation.foreignKey[0]! : fieldForColumn(table, name);
  };
  for (const step of steps.slice(0, -1)) {
    const method = methodOf(step);
    const first = step.arguments[0] ? unwrapExpression(step.arguments[0]) : undefined;
    if (WHERE.has(method)) {
      const parts = first && ts.isStringLiteralLike(first) ? splitAnd(first.text) : null;
      if (!parts) return null;
      // `.where()` replaces the conditions before it; `.andWhere()` adds to them.
      if (method === "where") {
        conditions.equality = [];
        conditions.range = [];
        conditions.nullChecks = [];
        conditions.opaqueFilter = innerJoined;
      }
      for (const part of parts) {
        const comparison = /^(.+?)\s*(=|IN|>=|<=|>|<|BETWEEN|IS\s+NOT\s+NULL|IS\s+NULL)\s*(.*)$/i.exec(part);
        const column = comparison ? field(comparison[1]!) : null;
        if (!comparison || !column) {
          conditions.unjudged = conditions.opaqueFilter = true;
          continue;
        }
        const operator = comparison[2]!.toUpperCase().replace(/\s+/g, " ");
        const operand = comparison[3]!.trim();
        // Compared with a parameter or a literal, not with another column.
        if (!operator.startsWith("IS") && !/^(:|\(\s*:|'|\d|true\b|false\b)/i.test(operand)) {
          conditions.unjudged = conditions.opaqueFilter = true;
          continue;
        }
        if (operator === "=" || operator === "IN") conditions.equality.push(column);
        else if (operator === "IS NULL" || operator === "IS NOT NULL") conditions.nullChecks.push(column);
        else conditions.range.push(column);
      }
    } else if (SORT.has(method)) {
      const column = first && ts.isStringLiteralLike(first) ? field(first.text) : null;
      if (column) conditions.sort.push(column);
      else conditions.unjudged = true;
    } else if (LIMIT.has(method)) {
      conditions.limited = true;
    } else if (method === "innerJoin" || method === "innerJoinAndSelect") {
      // An inner join filters the root rows by the joined ones: maybe the way in.
      conditions.unjudged = conditions.opaqueFilter = innerJoined = true;
    } else if (!NEUTRAL.has(method)) {
      return null;
    }
  }
  return conditions;
}
