// Which columns a query makes the database look rows up by: the equality and range conditions of its where
// (relation filters included), its sort, its cursor. Read from the options object literal as written; anything
// this cannot read for certain (a spread, NOT, a where built elsewhere, a key the schema does not know) gives no
// filter at all, because the rule built on it must never claim a missing index it cannot show. An OR is read
// when it alone decides how the rows are found: each of its branches then needs an index of its own.
import ts from "#typescript";
import { objectLiteralOf, type DbCall } from "../orm.js";
import { isFunctionLike, unwrapExpression, type Resolver } from "../resolve.js";
import { changedBefore } from "./changed-later.js";
import { tableNamed, type DatabaseSchema, type SchemaTable } from "./model.js";
import { noConditions, type Conditions } from "./conditions.js";
import { queryBuilderConditions } from "./query-builder-filters.js";

/** The lookup a query asks of one table. */
export interface TableLookup extends Conditions {
  model: string;
  /** Key columns a relation filter joins on (`invoiceId IN (SELECT id FROM Invoice WHERE …)`): the lookup's own only when nothing else filters. */
  joins: string[];
  /** Reached through a relation filter of another model's query (`where: { invoice: { teamId } }`). */
  via: string | null;
  /** The lookups its relation filters ask of other tables. */
  related: TableLookup[];
  /** One branch of the query's OR: the database combines one index per branch, or reads the whole table. */
  orBranch?: true;
}

/**
 * The lookups that decide how the rows are found: a relation filter's table is the way in only when the rows are
 * filtered by nothing else (no condition of their own, no other relation filter); otherwise the database starts
 * from the other condition and reaches the related rows by key.
 */
function waysIn(lookup: TableLookup): TableLookup[] {
  const own = lookup.equality.length + lookup.range.length > 0;
  return [lookup, ...(!own && lookup.related.length === 1 ? waysIn(lookup.related[0]!) : [])];
}

/** Prisma operations whose where is a free filter (findUnique and friends must name a unique key). */
const PRISMA_FILTER_OPS = new Set(["findMany", "findFirst", "findFirstOrThrow", "count", "aggregate", "groupBy", "updateMany", "deleteMany", "updateManyAndReturn"]);
const TYPEORM_FILTER_OPS = new Set(["find", "findBy", "findAndCount", "findAndCountBy", "findOne", "findOneBy", "findOneOrFail", "findOneByOrFail", "count", "countBy", "exist", "exists", "existsBy", "sum", "average", "minimum", "maximum", "delete", "update"]);
const SEQUELIZE_FILTER_OPS = new Set(["findAll", "findOne", "findOrCreate", "findCreateFind", "findAndCountAll", "count", "sum", "max", "min", "destroy", "update"]);

const PRISMA_EQUALITY = new Set(["equals", "in"]);
const PRISMA_RANGE = new Set(["gt", "gte", "lt", "lte"]);
const NEGATIONS = new Set(["not", "notIn", "ne", "notBetween"]);
const TYPEORM_EQUALITY = new Set(["In", "Equal"]);
const TYPEORM_OTHER_OPERATORS = new Set(["Not", "Like", "ILike", "Raw", "Any", "ArrayContains", "ArrayContainedBy", "ArrayOverlap", "JsonContains", "And", "Or"]);
const TYPEORM_RANGE = new Set(["MoreThan", "MoreThanOrEqual", "LessThan", "LessThanOrEqual", "Between"]);
const SEQUELIZE_EQUALITY = new Set(["eq", "in", "is"]);
const SEQUELIZE_RANGE = new Set(["gt", "gte", "lt", "lte", "between"]);

class Unreadable extends Error {}

/** TypeORM findBy(where) / countBy(where): the argument is the where itself. */
function isWhereOnly(call: DbCall): boolean {
  return call.orm === "typeorm" && /By(OrFail)?$/.test(call.operation);
}

function isUndefined(node: ts.Expression): boolean {
  return ts.isIdentifier(node) && node.text === "undefined";
}

/** `a || undefined`, `a ?? undefined`, `c ? a : undefined`. */
function isSometimesUndefined(value: ts.Expression): boolean {
  if (ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.BarBarToken || value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return isUndefined(unwrapExpression(value.right));
  if (ts.isConditionalExpression(value)) return isUndefined(unwrapExpression(value.whenTrue)) || isUndefined(unwrapExpression(value.whenFalse));
  return false;
}

/** A value computed by the database from the row: `col("x")`, `literal("…")`, `fn(…)`, `prisma.model.fields.x`, `Raw(…)`. */
function isColumnReference(value: ts.Expression): boolean {
  if (ts.isCallExpression(value)) {
    const callee = value.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
    return /^(col|literal|fn|cast|where|Raw)$/.test(name);
  }
  return ts.isPropertyAccessExpression(value) && ts.isPropertyAccessExpression(value.expression) && value.expression.name.text === "fields";
}

function keyOf(property: ts.ObjectLiteralElementLike): string {
  const name = property.name;
  if (!name) throw new Unreadable();
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  // Sequelize `[Op.gte]`.
  if (ts.isComputedPropertyName(name) && ts.isPropertyAccessExpression(name.expression)) return `[${name.expression.name.text}]`;
  throw new Unreadable();
}

function valueOf(property: ts.ObjectLiteralElementLike): ts.Expression | null {
  if (ts.isPropertyAssignment(property)) return unwrapExpression(property.initializer);
  if (ts.isShorthandPropertyAssignment(property)) return null; // `{ merchantId }`: a plain value
  throw new Unreadable();
}

export class QueryLookups {
  /** The schema of the query being read (relation filters look up their targets in it). */
  private schema!: DatabaseSchema;

  constructor(private readonly resolver: Resolver) {}

  /** The lookups a query needs against `schema`, one per table it filters; empty when it filters nothing this can read. */
  of(call: DbCall, schema: DatabaseSchema): TableLookup[] {
    if (!call.model) return [];
    this.schema = schema;
    const table = tableNamed(schema, call.model);
    if (!table || table.orm !== call.orm) return [];
    if (call.orm === "typeorm" && !call.options) {
      const built = queryBuilderConditions(call.node, table, this.resolver);
      return built ? [{ model: table.model, ...built, joins: [], via: null, related: [] }] : [];
    }
    if (!call.options) return [];
    const ops = call.orm === "prisma" ? PRISMA_FILTER_OPS : call.orm === "typeorm" ? TYPEORM_FILTER_OPS : SEQUELIZE_FILTER_OPS;
    if (!ops.has(call.operation)) return [];
    try {
      // TypeORM `findBy([{ a }, { b }])`: rows matching any of the wheres.
      const wheres = call.orm === "typeorm" && isWhereOnly(call) ? this.arrayLiteral(call.options, call) : undefined;
      if (wheres) return this.withOr(call, table, { model: table.model, ...noConditions(), joins: [], via: null, related: [] }, [wheres]);
      const options = this.literal(call.options, call);
      if (!options) return [];
      return this.fromOptions(call, table, options);
    } catch (error) {
      if (error instanceof Unreadable) return [];
      throw error;
    }
  }

  private fromOptions(call: DbCall, table: SchemaTable, options: ts.ObjectLiteralExpression): TableLookup[] {
    const base: TableLookup = { model: table.model, ...noConditions(), joins: [], via: null, related: [] };
    const whereOnly = isWhereOnly(call);
    const ors: ts.Expression[] = [];
    if (whereOnly) {
      this.where(call, table, options.properties, base, ors);
      return this.withOr(call, table, base, ors);
    }
    let spread = false;
    let readWhere = false;
    for (const property of options.properties) {
      // `{ ...options, where: { urlId } }`: the where written after the spread wins, but the spread may bring a sort
      // or a limit; a spread after the where may replace it.
      if (ts.isSpreadAssignment(property)) {
        if (readWhere) throw new Unreadable();
        spread = true;
        base.unjudged = true;
        base.opaqueFilter = true; // it may bring an include with a where
        continue;
      }
      const key = keyOf(property);
      const value = valueOf(property);
      if (key === "where") {
        readWhere = true;
        // `{ where }`: the variable holding it.
        const expression = value ?? (ts.isShorthandPropertyAssignment(property) ? property.name : null);
        // TypeORM `where: [{ a }, { b }]`: rows matching any of them.
        const wheres = call.orm === "typeorm" && expression ? this.arrayLiteral(expression, call) : undefined;
        if (wheres) {
          ors.push(wheres);
          continue;
        }
        const where = expression ? this.literal(expression, call) : undefined;
        if (!where) throw new Unreadable();
        this.where(call, table, where.properties, base, ors);
      } else if (key === "orderBy" || key === "order") {
        // A sort this cannot read (`{ [column]: direction }`) leaves the filter to judge, not the sort.
        try {
          if (value) base.sort.push(...this.sortFields(call, table, value));
        } catch (error) {
          if (!(error instanceof Unreadable)) throw error;
          base.unjudged = true;
        }
      } else if (key === "cursor") {
        const cursor = value && ts.isObjectLiteralExpression(value) ? value : undefined;
        if (!cursor) throw new Unreadable();
        for (const entry of cursor.properties) base.range.push(this.scalarField(table, keyOf(entry)));
      } else if (key === "take" || key === "limit" || key === "first" || key === "last") {
        base.limited = true;
      } else if (key === "include" && call.orm === "sequelize" && value) {
        this.sequelizeIncludes(call, table, value, base);
      }
    }
    if (spread && !readWhere) throw new Unreadable();
    return this.withOr(call, table, base, ors);
  }

  /**
   * The lookups of a query whose where holds `ors` beside the conditions read into `base`. With a selective condition
   * of its own, the OR only narrows the rows found by it, unless every branch is indexable too: then the database may
   * start from either, and the query is not judged. Alone (or beside booleans and null checks, which go into every
   * branch), each branch is a lookup of its own: the database combines one index per branch (a bitmap OR, MySQL's
   * index merge), or scans the table when one branch has none. A branch that no index could serve (`contains`, a
   * relation filter, another OR, a boolean, nothing) makes the scan certain, and the query is not judged.
   */
  private withOr(call: DbCall, table: SchemaTable, base: TableLookup, ors: readonly ts.Expression[]): TableLookup[] {
    if (ors.length === 0) return waysIn(base);
    if (ors.length > 1 || base.joins.length > 0 || base.related.length > 0) throw new Unreadable();
    const selective = (fields: readonly string[]) => fields.some((field) => table.columns.get(field)?.valueKind !== "boolean");
    const branches: TableLookup[] = [];
    let allIndexable = true;
    for (const expression of this.orBranches(call, ors[0]!)) {
      // Each branch holds the query's own conditions, sort and limit: "the latest N of either" walks a sort index too.
      const branch: TableLookup = { ...base, equality: [...base.equality], range: [...base.range], nullChecks: [...base.nullChecks], sort: [...base.sort], joins: [], related: [], orBranch: true };
      try {
        this.where(call, table, expression, branch, null);
      } catch (error) {
        if (!(error instanceof Unreadable)) throw error;
        allIndexable = false;
        continue;
      }
      const own = [...branch.equality.slice(base.equality.length), ...branch.range.slice(base.range.length)];
      if (!selective(own) || (branch.opaqueFilter && !base.opaqueFilter) || branch.joins.length > 0 || branch.related.length > 0) allIndexable = false;
      branches.push(branch);
    }
    if (selective([...base.equality, ...base.range])) {
      if (allIndexable) throw new Unreadable();
      base.unjudged = true;
      return waysIn(base);
    }
    if (!allIndexable || branches.length === 0) throw new Unreadable();
    return branches;
  }

  /**
   * The object literal a query's options, where or OR branch is: written there, held by a variable no statement
   * changes before the query, or returned by a project function.
   */
  private literal(expression: ts.Expression, call: DbCall): ts.ObjectLiteralExpression | undefined {
    const unwrapped = unwrapExpression(expression);
    if (ts.isIdentifier(unwrapped)) {
      if (changedBefore(unwrapped, call.node, this.resolver)) throw new Unreadable();
      // `const where = scopeOf(user)`.
      const initializer = this.initializerOf(unwrapped);
      if (initializer && ts.isCallExpression(initializer)) return this.returnedLiteral(initializer);
    }
    if (ts.isCallExpression(unwrapped)) return this.returnedLiteral(unwrapped);
    return objectLiteralOf(unwrapped, this.resolver);
  }

  /**
   * `where: scopeOf(user)`: the object literal a project function returns, when it has one return and it is one, and
   * the parameters it uses are given plain values (`scope({ contains: q })` or an omitted one is another filter).
   */
  private returnedLiteral(built: ts.CallExpression): ts.ObjectLiteralExpression | undefined {
    // `this.scope()` may be a subclass's override.
    const callee = unwrapExpression(built.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) return undefined;
    const fn = this.resolver.calleeFunction(built)?.node;
    if (!fn?.body) return undefined;
    let returned: ts.Expression | undefined;
    if (!ts.isBlock(fn.body)) returned = unwrapExpression(fn.body);
    else {
      const returns: ts.ReturnStatement[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isReturnStatement(node)) returns.push(node);
        else if (!isFunctionLike(node)) ts.forEachChild(node, visit);
      };
      ts.forEachChild(fn.body, visit);
      // A local built up before it is returned is as unreadable as one built up before the query.
      returned = returns.length === 1 && returns[0]!.expression ? unwrapExpression(returns[0]!.expression) : undefined;
    }
    if (!returned || !ts.isObjectLiteralExpression(returned)) return undefined;
    const usesUnplainArgument = (node: ts.Node): boolean => {
      if (ts.isIdentifier(node)) {
        const binding = this.resolver.lookup(node);
        const index = binding?.kind === "node" && ts.isParameter(binding.node) ? fn.parameters.indexOf(binding.node) : -1;
        if (index >= 0) {
          const argument = built.arguments[index] ? unwrapExpression(built.arguments[index]!) : undefined;
          return !argument || ts.isObjectLiteralExpression(argument) || ts.isArrayLiteralExpression(argument) || isUndefined(argument) || ts.isSpreadElement(argument);
        }
      }
      return ts.forEachChild(node, (child) => (usesUnplainArgument(child) ? true : undefined)) ?? false;
    };
    if (built.arguments.some(ts.isSpreadElement) || usesUnplainArgument(returned)) throw new Unreadable();
    return returned;
  }

  /** What the variable a name refers to was declared with, unwrapped. */
  private initializerOf(name: ts.Identifier): ts.Expression | undefined {
    const binding = this.resolver.lookup(name);
    return binding?.kind === "node" && ts.isVariableDeclaration(binding.node) && binding.node.initializer ? unwrapExpression(binding.node.initializer) : undefined;
  }

  /** `[{ a }, { b }]` written there, or held by a variable no statement changes (`either.push(…)`) before the query. */
  private arrayLiteral(value: ts.Expression, call: DbCall): ts.ArrayLiteralExpression | undefined {
    const expression = unwrapExpression(value);
    if (ts.isArrayLiteralExpression(expression)) return expression;
    if (!ts.isIdentifier(expression)) return undefined;
    const initializer = this.initializerOf(expression);
    if (!initializer || !ts.isArrayLiteralExpression(initializer)) return undefined;
    if (changedBefore(expression, call.node, this.resolver)) throw new Unreadable();
    return initializer;
  }

  /** The branches of an OR value: `[{ a }, { b }]`; Sequelize's `{ [Op.or]: { a, b } }` is one branch per key. */
  private orBranches(call: DbCall, value: ts.Expression): (readonly ts.ObjectLiteralElementLike[])[] {
    const expression = this.arrayLiteral(value, call) ?? unwrapExpression(value);
    if (ts.isArrayLiteralExpression(expression)) {
      return expression.elements.map((element) => {
        const branch = ts.isSpreadElement(element) ? undefined : this.literal(element, call);
        if (!branch) throw new Unreadable();
        return branch.properties;
      });
    }
    const object = this.literal(expression, call);
    if (!object) throw new Unreadable();
    return call.orm === "sequelize" ? object.properties.map((property) => [property]) : [object.properties];
  }

  /** Reads a where object into `lookup`; `ors` collects the OR values of the top level (elsewhere an OR is unreadable). */
  private where(call: DbCall, table: SchemaTable, properties: readonly ts.ObjectLiteralElementLike[], lookup: TableLookup, ors: ts.Expression[] | null = null): void {
    for (const property of properties) {
      if (ts.isSpreadAssignment(property)) throw new Unreadable();
      const key = keyOf(property);
      const value = valueOf(property);
      if (key === "AND" || key === "[and]") {
        const parts = value && ts.isArrayLiteralExpression(value) ? value.elements.map(unwrapExpression) : value ? [value] : [];
        for (const part of parts) {
          if (!ts.isObjectLiteralExpression(part)) throw new Unreadable();
          this.where(call, table, part.properties, lookup, ors);
        }
        continue;
      }
      if ((key === "OR" || key === "[or]") && ors && value) {
        ors.push(value);
        continue;
      }
      // NOT keeps most rows, and an OR inside a branch or a relation filter is not read.
      if (key === "OR" || key === "NOT" || key === "[or]" || key === "[not]") throw new Unreadable();
      // A column first: a Sequelize `references` attribute is both the key column and its relation.
      const relation = table.columns.has(key) ? undefined : table.relations.find((r) => r.field === key);
      if (relation) {
        this.relationFilter(call, table, relation, value, lookup);
        continue;
      }
      const field = this.scalarField(table, key);
      if (table.columns.get(field)?.valueKind === "json") {
        lookup.unjudged = true;
        lookup.opaqueFilter = true;
        continue;
      }
      const kind = this.conditionKind(call, value);
      if (kind === "equality") lookup.equality.push(field);
      else if (kind === "range") lookup.range.push(field);
      else if (kind === "null" || kind === "not-null") lookup.nullChecks.push(field);
      else if (kind === "negation") lookup.unjudged = true;
      else if (kind === "none") lookup.unjudged = lookup.opaqueFilter = true;
    }
  }

  /** `invoice: { teamId }` (to-one), `comments: { some: { authorId } }` (to-many): a lookup on the related table. */
  private relationFilter(call: DbCall, table: SchemaTable, relation: SchemaTable["relations"][number], value: ts.Expression | null, lookup: TableLookup): void {
    const target = tableNamed(this.schema, relation.target);
    if (!target || !value) throw new Unreadable();
    let nested = objectLiteralOf(value, this.resolver);
    if (!nested) throw new Unreadable();
    if (call.orm === "prisma") {
      const wrapper = nested.properties.length === 1 ? keyOf(nested.properties[0]!) : null;
      if (wrapper === "isNot" || wrapper === "none" || wrapper === "every") throw new Unreadable();
      if (wrapper === "is" || wrapper === "some") {
        const inner = valueOf(nested.properties[0]!);
        nested = inner ? objectLiteralOf(inner, this.resolver) : undefined;
        if (!nested) throw new Unreadable();
      }
    }
    // `merchant: { id }` on the side holding the key is `merchantId = …`: no join.
    const keyOnly = relation.foreignKey.length > 0 && nested.properties.length > 0 && nested.properties.every((p) => relation.references.includes(keyOf(p)) || (relation.references.length === 0 && keyOf(p) === "id"));
    if (relation.foreignKey.length > 0) (keyOnly ? lookup.equality : lookup.joins).push(relation.foreignKey[0]!);
    if (keyOnly) return;
    lookup.unjudged = true; // the related rows may be few: a sort of them is not this table's index question
    const related: TableLookup = { model: target.model, ...noConditions(), joins: [], via: `${table.model}.${relation.field}`, related: [] };
    lookup.related.push(related);
    this.where(call, target, nested.properties, related);
  }

  /**
   * Sequelize `include: [{ model: Invoice, where: { teamId } }]`: an inner join filtered on the included table, a
   * relation filter like Prisma's. Includes without a where filter nothing.
   */
  private sequelizeIncludes(call: DbCall, table: SchemaTable, value: ts.Expression, lookup: TableLookup): void {
    const entries = ts.isArrayLiteralExpression(value) ? value.elements.map(unwrapExpression) : [value];
    for (const entry of entries) {
      if (!ts.isObjectLiteralExpression(entry)) continue;
      const property = (name: string) => {
        const found = entry.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === name);
        return found && ts.isPropertyAssignment(found) ? unwrapExpression(found.initializer) : undefined;
      };
      const where = property("where");
      if (!where) continue;
      if (property("required")?.kind === ts.SyntaxKind.FalseKeyword) continue; // a LEFT JOIN keeps every row
      const model = property("model");
      const as = property("as");
      const alias = as && ts.isStringLiteralLike(as) ? as.text : null;
      const modelName = model && ts.isIdentifier(model) ? model.text : model && ts.isPropertyAccessExpression(model) ? model.name.text : null;
      const relation = table.relations.find((r) => (alias !== null ? r.field === alias : r.target === modelName));
      if (!relation) throw new Unreadable();
      this.relationFilter(call, table, relation, where, lookup);
    }
  }

  private scalarField(table: SchemaTable, key: string): string {
    if (table.columns.has(key)) return key;
    const byForeignKey = table.relations.find((r) => r.foreignKey[0] === key);
    if (byForeignKey) return key;
    throw new Unreadable();
  }

  /** What a where value asks for: `x`, `{ in: ids }`, `In(ids)` (equality), `{ gte: d }` (range), `{ contains }` (neither). */
  private conditionKind(call: DbCall, value: ts.Expression | null): "equality" | "range" | "null" | "not-null" | "optional" | "negation" | "none" {
    if (value === null) return "equality";
    if (value.kind === ts.SyntaxKind.NullKeyword) return "null";
    // `id: query || undefined`, `cond ? x : undefined`: absent on some calls, so never what serves the query.
    if (isSometimesUndefined(value)) return "optional";
    if (isColumnReference(value)) return "none";
    if (ts.isObjectLiteralExpression(value)) {
      const keys = value.properties.map((p) => keyOf(p).replace(/^\[|\]$/g, ""));
      if (keys.length === 1) {
        const only = value.properties[0]!;
        const isNull = ts.isPropertyAssignment(only) && unwrapExpression(only.initializer).kind === ts.SyntaxKind.NullKeyword;
        if (isNull && (keys[0] === "equals" || keys[0] === "is" || keys[0] === "eq")) return "null";
        // `{ not: null }`, `[Op.ne]: null`: IS NOT NULL, which an index on the column serves in order.
        if (isNull && (keys[0] === "not" || keys[0] === "ne")) return "not-null";
      }
      // A JSON path (`payload: { path: ["a"], equals }`) takes no plain index.
      if (keys.includes("path")) return "none";
      // `stock < reorderAt` (`{ lt: col("reorder_at") }`, `prisma.product.fields.reorderAt`): two columns of one row.
      if (value.properties.some((p) => ts.isPropertyAssignment(p) && isColumnReference(unwrapExpression(p.initializer)))) return "none";
      const equality = call.orm === "sequelize" ? SEQUELIZE_EQUALITY : PRISMA_EQUALITY;
      const range = call.orm === "sequelize" ? SEQUELIZE_RANGE : PRISMA_RANGE;
      if (keys.some((k) => equality.has(k))) return "equality";
      if (keys.some((k) => range.has(k))) return "range";
      // `{ not: "CANCELLED" }`, `{ notIn }`, `[Op.ne]`: keeps most rows, never the way in.
      if (keys.length > 0 && keys.every((k) => NEGATIONS.has(k))) return "negation";
      // `{ contains }`, `{ not }`, `{ mode }`, a JSON path: no btree lookup either way.
      return "none";
    }
    if (call.orm === "typeorm" && ts.isCallExpression(value) && ts.isIdentifier(value.expression)) {
      const operator = value.expression.text;
      if (operator === "IsNull") return "null";
      const inner = value.arguments[0];
      if (operator === "Not" && inner && ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === "IsNull") return "not-null";
      if (operator === "Not" && inner && !ts.isCallExpression(inner)) return "negation";
      if (TYPEORM_EQUALITY.has(operator)) return "equality";
      if (TYPEORM_RANGE.has(operator)) return "range";
      if (TYPEORM_OTHER_OPERATORS.has(operator)) return "none";
      // `Number(req.params.id)`, `String(x)`: a value, compared for equality.
    }
    return "equality";
  }

  /** `{ createdAt: "desc" }`, `[{ a: "asc" }, { b: "desc" }]`, Sequelize `[["createdAt", "DESC"]]`. */
  private sortFields(call: DbCall, table: SchemaTable, value: ts.Expression): string[] {
    const fields: string[] = [];
    const entries = ts.isArrayLiteralExpression(value) ? value.elements.map(unwrapExpression) : [value];
    for (const entry of entries) {
      if (ts.isObjectLiteralExpression(entry)) {
        for (const property of entry.properties) {
          const key = keyOf(property);
          if (!table.columns.has(key)) return fields; // a relation or _count sort: stop at what is known
          fields.push(key);
        }
      } else if (call.orm === "sequelize" && ts.isArrayLiteralExpression(entry) && entry.elements[0] && ts.isStringLiteralLike(entry.elements[0])) {
        const key = entry.elements[0].text;
        if (!table.columns.has(key)) return fields;
        fields.push(key);
      } else if (call.orm === "sequelize" && ts.isStringLiteralLike(entry)) {
        if (!table.columns.has(entry.text)) return fields;
        fields.push(entry.text);
      } else return fields;
    }
    return fields;
  }
}
