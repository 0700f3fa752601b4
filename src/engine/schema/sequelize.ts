// Sequelize models as the schema model sees them: `Model.init` / `sequelize.define` attributes and options,
// associations, sequelize-typescript decorators, and the indexes `queryInterface` migrations leave. Syntax only: no
// type checker, so a model counts only when its `define` receiver says Sequelize, or its `extends` chain (through the
// project's own base classes and re-exports of the package) ends at Sequelize's Model.
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import ts from "#typescript";
import type { ExportTarget, ModuleInfo } from "../project.js";
import type { DatabaseEngine, MigrationIndex, SchemaColumn, SchemaIndex, SchemaRelation, SchemaSite, SchemaTable } from "./model.js";
import { droppedIndexesInSql, indexesInSql, unquote } from "./sql-index.js";

export interface SequelizeSchemaRead {
  tables: SchemaTable[];
  migrationIndexes: MigrationIndex[];
  engine: DatabaseEngine;
  foreignKeyConstraints: boolean;
}

const SEQUELIZE_PACKAGES = new Set(["sequelize", "sequelize-typescript"]);
/** Cheap text test before walking a file: everything read below needs one of these words. */
const MODEL_HINT = /sequelize|@Table\b|\.define\s*\(|\.(?:belongsTo|hasMany|hasOne|belongsToMany)\s*\(|\bdialect\b/;
const ASSOCIATIONS = new Set(["belongsTo", "hasMany", "hasOne", "belongsToMany"]);
const COLUMN_DECORATORS = new Set(["Column", "CreatedAt", "UpdatedAt", "DeletedAt", "ForeignKey", "PrimaryKey"]);
/** How many project modules a re-export of the package (`export { Model } from "sequelize"`) may pass through. */
const MAX_REEXPORT_DEPTH = 4;
/** How many project classes may stand between a model and Sequelize's Model (outline: Document → ArchivableModel → ParanoidModel → IdModel → Model). */
const MAX_BASE_DEPTH = 6;

// ---------------------------------------------------------------------------------------------------------------
// Sequelize's naming (v6: Utils.camelize / underscore, inflection's pluralize / singularize, reduced to common words)

const IRREGULAR_PLURALS: [string, string][] = [
  ["person", "people"],
  ["man", "men"],
  ["woman", "women"],
  ["child", "children"],
  ["mouse", "mice"],
];
const UNCOUNTABLE = new Set(["equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "deer", "news", "data", "metadata"]);
const PLURAL_RULES: [RegExp, string][] = [
  [/(quiz)$/i, "$1zes"],
  [/(matr|vert|ind)(?:ix|ex)$/i, "$1ices"],
  [/(x|ch|ss|sh)$/i, "$1es"],
  [/([^aeiouy]|qu)y$/i, "$1ies"],
  [/(?:([^f])fe|([lr])f)$/i, "$1$2ves"],
  [/sis$/i, "ses"],
  [/([ti])um$/i, "$1a"],
  [/(buffal|tomat|potat)o$/i, "$1oes"],
  [/(bus|alias|status)$/i, "$1es"],
  [/(octop|vir)us$/i, "$1i"],
  [/s$/i, "s"],
  [/$/, "s"],
];
const SINGULAR_RULES: [RegExp, string][] = [
  [/(quiz)zes$/i, "$1"],
  [/(matr)ices$/i, "$1ix"],
  [/(vert|ind)ices$/i, "$1ex"],
  [/(alias|status|bus)(?:es)?$/i, "$1"],
  [/(octop|vir)(?:us|i)$/i, "$1us"],
  [/(x|ch|ss|sh)es$/i, "$1"],
  [/([^aeiouy]|qu)ies$/i, "$1y"],
  [/([lr])ves$/i, "$1f"],
  [/(analy|ba|diagno|parenthe|progno|synop|the)ses$/i, "$1sis"],
  [/(ss|us)$/i, "$1"],
  [/s$/i, ""],
];

function matchCase(word: string, like: string): string {
  return like[0] && like[0] === like[0].toUpperCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** The last word of a camel-case name changes; `OrderItem` → `OrderItems`. */
function inflect(name: string, plural: boolean): string {
  const lastWord = /[A-Z]?[a-z\d]*$/.exec(name)?.[0] || name;
  const head = name.slice(0, name.length - lastWord.length);
  const lower = lastWord.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return name;
  for (const [singular, pluralForm] of IRREGULAR_PLURALS) {
    if (lower === (plural ? singular : pluralForm)) return head + matchCase(plural ? pluralForm : singular, lastWord);
  }
  for (const [rule, replacement] of plural ? PLURAL_RULES : SINGULAR_RULES) if (rule.test(name)) return name.replace(rule, replacement);
  return name;
}

export function pluralize(name: string): string {
  return inflect(name, true);
}

export function singularize(name: string): string {
  return inflect(name, false);
}

/** Sequelize's `Utils.camelize`: `Merchant_id` → `MerchantId`. */
function camelize(name: string): string {
  return name.trim().replace(/[-_\s]+(.)?/g, (_match, next: string | undefined) => (next ? next.toUpperCase() : ""));
}

/** `underscored: true` column names: `merchantId` → `merchant_id`, `OrderItems` → `order_items`. */
function underscore(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .replace(/-/g, "_")
    .toLowerCase();
}

function normal(name: string): string {
  return name.replace(/["`[\]]/g, "").replace(/_/g, "").toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Syntax helpers

function unwrap(expression: ts.Expression): ts.Expression {
  let expr = expression;
  while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isNonNullExpression(expr) || ts.isTypeAssertionExpression(expr) || ts.isAwaitExpression(expr)) {
    expr = expr.expression;
  }
  return expr;
}

function stringOf(expression: ts.Expression | undefined): string | null {
  if (!expression) return null;
  const expr = unwrap(expression);
  return ts.isStringLiteralLike(expr) ? expr.text : null;
}

function trueOf(expression: ts.Expression | undefined): boolean {
  return expression !== undefined && unwrap(expression).kind === ts.SyntaxKind.TrueKeyword;
}

function falseOf(expression: ts.Expression | undefined): boolean {
  return expression !== undefined && unwrap(expression).kind === ts.SyntaxKind.FalseKeyword;
}

function nameOf(name: ts.PropertyName | ts.BindingName | ts.MemberName): string | null {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  return null;
}

/** The value of `name` in an object literal: `{ name: x }`, `{ name }` (the identifier), `{ name() {} }` (the method). */
function property(object: ts.ObjectLiteralExpression | null, name: string): ts.Expression | undefined {
  if (!object) return undefined;
  for (const element of object.properties) {
    if (ts.isPropertyAssignment(element) && nameOf(element.name) === name) return element.initializer;
    if (ts.isShorthandPropertyAssignment(element) && element.name.text === name) return element.name;
  }
  return undefined;
}

function propertyNode(object: ts.ObjectLiteralExpression | null, name: string): ts.ObjectLiteralElementLike | undefined {
  return object?.properties.find((element) => element.name !== undefined && nameOf(element.name) === name);
}

/** A variable's object or array literal, when `expr` names one in the same file (`const attributes = { … }`). */
function literalOf<T extends ts.Expression>(expression: ts.Expression | undefined, is: (node: ts.Node) => node is T): T | null {
  if (!expression) return null;
  const expr = unwrap(expression);
  if (is(expr)) return expr;
  if (!ts.isIdentifier(expr)) return null;
  let found: T | null = null;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === expr.text && node.initializer && is(unwrap(node.initializer))) {
      found = unwrap(node.initializer) as T;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(expr.getSourceFile());
  return found;
}

function objectOf(expression: ts.Expression | undefined): ts.ObjectLiteralExpression | null {
  return literalOf(expression, ts.isObjectLiteralExpression);
}

function arrayOf(expression: ts.Expression | undefined): ts.ArrayLiteralExpression | null {
  return literalOf(expression, ts.isArrayLiteralExpression);
}

/** `["merchantId", { name: "createdAt", order: "DESC" }]` → names, stopping at the first expression (`fn(…)`). */
function fieldNames(list: ts.ArrayLiteralExpression | null): string[] {
  const names: string[] = [];
  for (const element of list?.elements ?? []) {
    const name = stringOf(element) ?? (ts.isObjectLiteralExpression(element) ? (stringOf(property(element, "name")) ?? stringOf(property(element, "attribute"))) : null);
    if (name === null) break;
    names.push(name);
  }
  return names;
}

function siteOf(module: ModuleInfo, node: ts.Node): SchemaSite {
  const sourceFile = module.sourceFile;
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const end = sourceFile.getLineAndCharacterOfPosition(node.getEnd());
  return { file: module.absPath, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function calleeName(call: ts.CallExpression): ts.MemberName | null {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) ? callee.name : null;
}

function isStatic(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false);
}

function valueKindOfType(type: ts.Expression | undefined): "boolean" | "enum" | null {
  if (!type) return null;
  let expr = unwrap(type);
  if (ts.isCallExpression(expr)) expr = expr.expression;
  const name = ts.isPropertyAccessExpression(expr) ? expr.name.text : ts.isIdentifier(expr) ? expr.text : "";
  return name === "BOOLEAN" ? "boolean" : name === "ENUM" ? "enum" : null;
}

/** `{ constraints: false }` on an association: Sequelize creates no foreign-key constraint for it. */
function unconstrainedBy(options: ts.ObjectLiteralExpression | null): { unconstrained?: true } {
  return falseOf(property(options, "constraints")) ? { unconstrained: true } : {};
}

function dialectEngine(dialect: string): DatabaseEngine | null {
  const name = dialect.toLowerCase();
  if (name === "postgres" || name === "postgresql" || name === "pg") return "postgresql";
  if (name === "mysql" || name === "mariadb") return "mysql";
  if (name === "sqlite" || name === "sqlite3") return "sqlite";
  if (name === "mssql" || name === "sqlserver") return "sqlserver";
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// What one file holds, gathered in one walk

interface PackageName {
  pkg: string;
  /** Exported name, or `*` / `default` for the whole package. */
  name: string;
}

interface IndexDecorator {
  name: string | null;
  unique: boolean;
}

interface ModuleFacts {
  module: ModuleInfo;
  calls: ts.CallExpression[];
  classes: ts.ClassLikeDeclaration[];
  news: ts.NewExpression[];
  dialects: ts.Expression[];
  /** Local names bound to something from sequelize or sequelize-typescript, by import or `require` anywhere in the file. */
  packageNames: Map<string, PackageName>;
  /** Variables holding `new Sequelize(…)`. */
  instances: Set<string>;
  /** `const OrderIndex = createIndexDecorator({ … })`. */
  indexDecorators: Map<string, IndexDecorator>;
}

function gatherFacts(module: ModuleInfo): ModuleFacts {
  const facts: ModuleFacts = { module, calls: [], classes: [], news: [], dialects: [], packageNames: new Map(), instances: new Set(), indexDecorators: new Map() };
  if (!MODEL_HINT.test(module.sourceFile.text)) return facts;
  // Only where the package is named: reading `module` resolves the import, which costs file lookups.
  if (module.sourceFile.text.includes("sequelize")) {
    for (const [local, binding] of module.imports) if (SEQUELIZE_PACKAGES.has(binding.module) && binding.external) facts.packageNames.set(local, { pkg: binding.module, name: binding.name });
  }
  const declarations: ts.VariableDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) facts.calls.push(node);
    else if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) facts.classes.push(node);
    else if (ts.isNewExpression(node)) facts.news.push(node);
    else if (ts.isVariableDeclaration(node)) declarations.push(node);
    else if (ts.isPropertyAssignment(node) && nameOf(node.name) === "dialect") facts.dialects.push(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(module.sourceFile);
  for (const declaration of declarations) {
    const init = declaration.initializer && unwrap(declaration.initializer);
    if (!init) continue;
    // const { Model } = require("sequelize") inside a function; const { Model } = Sequelize (the package object)
    const required = requiredPackage(init) ?? (ts.isIdentifier(init) && facts.packageNames.get(init.text)?.name === "*" ? facts.packageNames.get(init.text)!.pkg : null);
    if (required && ts.isObjectBindingPattern(declaration.name)) {
      for (const element of declaration.name.elements) {
        const imported = element.propertyName ? nameOf(element.propertyName) : nameOf(element.name);
        if (ts.isIdentifier(element.name) && imported) facts.packageNames.set(element.name.text, { pkg: required, name: imported });
      }
    } else if (required && ts.isIdentifier(declaration.name) && !facts.packageNames.has(declaration.name.text)) {
      facts.packageNames.set(declaration.name.text, { pkg: required, name: "*" });
    }
  }
  for (const declaration of declarations) {
    const init = declaration.initializer && unwrap(declaration.initializer);
    if (!init || !ts.isIdentifier(declaration.name)) continue;
    if (ts.isNewExpression(init) && isSequelizeClass(facts, init.expression)) facts.instances.add(declaration.name.text);
    if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && facts.packageNames.get(init.expression.text)?.name === "createIndexDecorator") {
      const options = objectOf(init.arguments[0]);
      facts.indexDecorators.set(declaration.name.text, { name: stringOf(property(options, "name")), unique: trueOf(property(options, "unique")) });
    }
  }
  return facts;
}

function requiredPackage(expr: ts.Expression): string | null {
  if (!ts.isCallExpression(expr) || !ts.isIdentifier(expr.expression) || expr.expression.text !== "require") return null;
  const specifier = stringOf(expr.arguments[0]);
  return specifier !== null && SEQUELIZE_PACKAGES.has(specifier) ? specifier : null;
}

/** `Sequelize` in `new Sequelize(…)`: the package's class, however it was imported. */
function isSequelizeClass(facts: ModuleFacts, expression: ts.Expression): boolean {
  const expr = unwrap(expression);
  if (ts.isIdentifier(expr)) {
    const bound = facts.packageNames.get(expr.text);
    return bound ? bound.name === "Sequelize" || bound.name === "default" || bound.name === "*" : expr.text === "Sequelize";
  }
  return ts.isPropertyAccessExpression(expr) && expr.name.text === "Sequelize";
}

/** What a file's local name is bound to in the package: its own imports, or a project module's re-export of them. */
type PackageLookup = (local: string) => PackageName | undefined;

/** The package's whole export object (`import * as S`, `import Sequelize`, `const { Sequelize }`), whose `.Model` is the class. */
function isWholePackage(bound: PackageName | null | undefined): boolean {
  return bound != null && (bound.name === "*" || bound.name === "default" || bound.name === "Sequelize");
}

function baseClassOf(node: ts.ClassLikeDeclaration): ts.Expression | null {
  for (const clause of node.heritageClauses ?? []) if (clause.token === ts.SyntaxKind.ExtendsKeyword && clause.types[0]) return clause.types[0].expression;
  return null;
}

/** A project class a model extends, with the file that declares it. */
interface BaseClass {
  node: ts.ClassLikeDeclaration;
  facts: ModuleFacts;
}

interface DecoratorUse {
  /** The sequelize-typescript export (`Column`, `BelongsTo`), or `CustomIndex` for a `createIndexDecorator` result. */
  name: string;
  args: readonly ts.Expression[];
  node: ts.Decorator;
  custom?: IndexDecorator;
}

function decoratorsOf(facts: ModuleFacts, lookup: PackageLookup, node: ts.Node): DecoratorUse[] {
  const uses: DecoratorUse[] = [];
  for (const decorator of (ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined) ?? []) {
    const expr = decorator.expression;
    const callee = ts.isCallExpression(expr) ? expr.expression : expr;
    const args = ts.isCallExpression(expr) ? expr.arguments : [];
    if (ts.isIdentifier(callee)) {
      const bound = lookup(callee.text);
      if (bound?.pkg === "sequelize-typescript") uses.push({ name: bound.name, args, node: decorator });
      const custom = facts.indexDecorators.get(callee.text);
      if (custom) uses.push({ name: "CustomIndex", args, node: decorator, custom: { ...custom, name: custom.name ?? `\0${callee.text}` } });
    } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      const bound = lookup(callee.expression.text);
      if (bound?.pkg === "sequelize-typescript" && bound.name === "*") uses.push({ name: callee.name.text, args, node: decorator });
    }
  }
  return uses;
}

// ---------------------------------------------------------------------------------------------------------------
// Models

interface ModelOptions {
  modelName: string | null;
  tableName: string | null;
  freezeTableName: boolean;
  underscored: boolean;
  timestamps: boolean;
  paranoid: boolean;
  /** `createdAt: "created"` renames the column, `false` drops it. */
  createdAt: string | false;
  updatedAt: string | false;
  deletedAt: string | false;
}

const DEFAULT_OPTIONS: ModelOptions = { modelName: null, tableName: null, freezeTableName: false, underscored: false, timestamps: true, paranoid: false, createdAt: "createdAt", updatedAt: "updatedAt", deletedAt: "deletedAt" };

function readOptions(object: ts.ObjectLiteralExpression | null, defaults: ModelOptions): ModelOptions {
  const flag = (name: string, fallback: boolean) => (trueOf(property(object, name)) ? true : falseOf(property(object, name)) ? false : fallback);
  const timestamp = (name: "createdAt" | "updatedAt" | "deletedAt"): string | false => (falseOf(property(object, name)) ? false : (stringOf(property(object, name)) ?? defaults[name]));
  return {
    modelName: stringOf(property(object, "modelName")),
    tableName: stringOf(property(object, "tableName")),
    freezeTableName: flag("freezeTableName", defaults.freezeTableName),
    underscored: flag("underscored", defaults.underscored),
    timestamps: flag("timestamps", defaults.timestamps),
    paranoid: flag("paranoid", defaults.paranoid),
    createdAt: timestamp("createdAt"),
    updatedAt: timestamp("updatedAt"),
    deletedAt: timestamp("deletedAt"),
  };
}

interface PendingReference {
  field: string;
  /** The file that declares it (a base class's, for an inherited attribute). */
  facts: ModuleFacts;
  /** `references.model`: a table name string, a model class, or `{ tableName }`. */
  model: ts.Expression;
  key: string | null;
  site: SchemaSite;
}

interface ModelDraft {
  table: SchemaTable;
  /** Sequelize's model name (`modelName`, else the class or `define` name): default keys and aliases derive from it. */
  name: string;
  builder: TableBuilder;
  facts: ModuleFacts;
  options: ModelOptions;
  classNode: ts.ClassLikeDeclaration | null;
  /** sequelize-typescript `@ForeignKey(() => Merchant) merchantId`, with the file that declares it. */
  foreignKeyTargets: { field: string; target: ts.Expression; facts: ModuleFacts }[];
  references: PendingReference[];
  decoratorAssociations: { kind: string; property: string; args: readonly ts.Expression[]; site: SchemaSite; facts: ModuleFacts }[];
}

/** Builds a table from attributes, whatever declared them: the shared part of init, define and decorators. */
class TableBuilder {
  readonly table: SchemaTable;
  private readonly uniqueGroups = new Map<string, SchemaIndex>();
  private readonly indexGroups = new Map<string, SchemaIndex>();
  /** `indexes` option entries, whose names are mapped to attributes once associations have added their keys. */
  private readonly optionIndexes: SchemaIndex[] = [];

  /** `model`: the name call sites use (a class's own name); `name`: Sequelize's model name, which the table name defaults from. */
  constructor(
    model: string,
    private readonly options: ModelOptions,
    site: SchemaSite,
    name: string = model,
  ) {
    const table = options.tableName ?? (options.freezeTableName ? name : options.underscored ? underscore(pluralize(name)) : pluralize(name));
    this.table = { model, table, orm: "sequelize", columns: new Map(), primaryKey: [], indexes: [], relations: [], site };
  }

  column(name: string, field: string | null, site: SchemaSite | null, valueKind: "boolean" | "enum" | null = null): SchemaColumn {
    const existing = this.table.columns.get(name);
    if (existing) return existing;
    const derived = field ?? (this.options.underscored ? underscore(name) : null);
    const column: SchemaColumn = { name, column: derived !== null && derived !== name ? derived : field, site, valueKind };
    this.table.columns.set(name, column);
    return column;
  }

  /** `unique: true` is an index of its own; `unique: "name"` (or `{ name }`) joins the others of that name. */
  unique(field: string, name: string | null, site: SchemaSite | null): void {
    this.grouped(this.uniqueGroups, field, name, true, site);
  }

  /** sequelize-typescript `@Index`: unnamed ones stand alone, named ones form one index in declaration order. */
  index(field: string, name: string | null, unique: boolean, site: SchemaSite | null): void {
    this.grouped(this.indexGroups, field, name, unique, site);
  }

  private grouped(groups: Map<string, SchemaIndex>, field: string, name: string | null, unique: boolean, site: SchemaSite | null): void {
    const known = name !== null ? groups.get(name) : undefined;
    if (known) {
      known.fields.push(field);
      known.unique ||= unique;
      return;
    }
    const index: SchemaIndex = { fields: [field], unique, declaredIn: "schema", name: name?.startsWith("\0") ? null : name, site };
    if (name !== null) groups.set(name, index);
    this.table.indexes.push(index);
  }

  /** The `indexes` option; its fields may be attribute or column names. */
  indexesOption(facts: ModuleFacts, list: ts.ArrayLiteralExpression | null): void {
    for (const element of list?.elements ?? []) {
      const entry = objectOf(element);
      if (!entry) continue;
      const fields = fieldNames(arrayOf(property(entry, "fields")));
      if (fields.length === 0) continue;
      const type = stringOf(property(entry, "type"));
      const unique = trueOf(property(entry, "unique")) || type?.toUpperCase() === "UNIQUE";
      const at = propertyNode(entry, "fields")?.name ?? entry;
      const index: SchemaIndex = { fields, unique, declaredIn: "schema", name: stringOf(property(entry, "name")), site: siteOf(facts.module, at) };
      this.table.indexes.push(index);
      this.optionIndexes.push(index);
    }
  }

  mapOptionIndexFields(): void {
    for (const index of this.optionIndexes) index.fields = index.fields.map((name) => this.attributeFor(name));
  }

  private attributeFor(name: string): string {
    if (this.table.columns.has(name)) return name;
    for (const column of this.table.columns.values()) if (column.column === name) return column.name;
    for (const column of this.table.columns.values()) if (normal(column.column ?? column.name) === normal(name)) return column.name;
    return name;
  }

  /**
   * Sequelize's own attributes: `id` first when no key is declared, timestamps last (unless a property already is
   * one: sequelize-typescript `@CreatedAt createdOn`).
   */
  finish(declaredStamps: ReadonlySet<"createdAt" | "updatedAt" | "deletedAt"> = new Set()): SchemaTable {
    if (this.table.primaryKey.length === 0) {
      this.table.primaryKey.push("id");
      if (!this.table.columns.has("id")) this.table.columns = new Map([["id", { name: "id", column: null, site: null }], ...this.table.columns]);
    }
    if (this.options.timestamps) {
      const stamps = [["createdAt", this.options.createdAt], ["updatedAt", this.options.updatedAt], ["deletedAt", this.options.paranoid ? this.options.deletedAt : false]] as const;
      for (const [kind, stamp] of stamps) if (stamp !== false && !declaredStamps.has(kind)) this.column(stamp, null, null);
    }
    return this.table;
  }
}

/** `{ merchantId: { type, field, unique, primaryKey, references }, name: DataTypes.STRING }`. */
function readAttributes(facts: ModuleFacts, builder: TableBuilder, attributes: ts.ObjectLiteralExpression | null, references: PendingReference[]): void {
  for (const element of attributes?.properties ?? []) {
    if (!ts.isPropertyAssignment(element) && !ts.isShorthandPropertyAssignment(element)) continue;
    const name = nameOf(element.name);
    if (name === null) continue;
    const site = siteOf(facts.module, element.name);
    const value = ts.isPropertyAssignment(element) ? element.initializer : element.name;
    const definition = ts.isObjectLiteralExpression(unwrap(value)) ? (unwrap(value) as ts.ObjectLiteralExpression) : null;
    readAttribute(facts, builder, name, definition, definition ? property(definition, "type") : value, site, references);
  }
}

function readAttribute(facts: ModuleFacts, builder: TableBuilder, name: string, definition: ts.ObjectLiteralExpression | null, type: ts.Expression | undefined, site: SchemaSite, references: PendingReference[]): void {
  // `DataTypes.VIRTUAL`: computed in JavaScript, no column in the table (a filter on it is not this table's to judge).
  if (type && /(^|\.)VIRTUAL\b/.test(unwrap(type).getText())) return;
  builder.column(name, stringOf(property(definition, "field")), site, valueKindOfType(type));
  if (trueOf(property(definition, "primaryKey"))) builder.table.primaryKey.push(name);
  const unique = property(definition, "unique");
  if (unique && !falseOf(unique)) {
    if (trueOf(unique)) builder.unique(name, null, site);
    else builder.unique(name, stringOf(unique) ?? stringOf(property(objectOf(unique), "name")), site);
  }
  const reference = property(definition, "references");
  if (reference) {
    const referenceObject = objectOf(reference);
    const model = referenceObject ? property(referenceObject, "model") : reference;
    if (model) references.push({ field: name, facts, model, key: stringOf(property(referenceObject, "key")) ?? stringOf(property(definition, "referencesKey")), site });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The reader

interface AssociationKeys {
  foreignKey: string | null;
  /** `foreignKey: { name, field }`: the key's column name. */
  foreignKeyField: string | null;
  sourceKey: string | null;
  targetKey: string | null;
}

class SequelizeReader {
  private readonly facts: ModuleFacts[];
  private readonly factsByPath = new Map<string, ModuleFacts>();
  private readonly drafts: ModelDraft[] = [];
  private readonly draftsByClass = new Map<ts.ClassLikeDeclaration, ModelDraft>();
  /** Per file, the names that hold a model there (class names, `const Order = sequelize.define(…)`). */
  private readonly bindings = new Map<ModuleFacts, Map<string, ModelDraft>>();
  /** The model a file's `module.exports = (sequelize) => sequelize.define(…)` returns. */
  private readonly defaultModels = new Map<ModuleFacts, ModelDraft>();
  private readonly instanceNames = new Set<string>();
  /** Relations another declaration may restate (an inverse of hasMany, a `references`); a belongsTo replaces them. */
  private readonly derivedRelations = new WeakSet<SchemaRelation>();
  private globalOptions: ModelOptions = DEFAULT_OPTIONS;
  private associations = 0;
  private associationsWithoutConstraints = 0;

  constructor(
    modules: readonly ModuleInfo[],
    /** Files read besides the parsed ones (a sequelize-cli config), for the scan cache. */
    private readonly filesRead: string[] = [],
  ) {
    this.facts = modules.map(gatherFacts);
    for (const facts of this.facts) {
      this.factsByPath.set(facts.module.absPath, facts);
      this.bindings.set(facts, new Map());
      for (const name of facts.instances) this.instanceNames.add(name);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Names from the package across the project's modules, and base classes across files

  private readonly lookups = new Map<ModuleFacts, PackageLookup>();
  private readonly modelBaseChains = new Map<ts.ClassLikeDeclaration, BaseClass[] | null>();

  /** A file's package names, with those it imports from a project module that re-exports the package's. */
  private lookupOf(facts: ModuleFacts): PackageLookup {
    let lookup = this.lookups.get(facts);
    if (!lookup) {
      const cache = new Map<string, PackageName | null>();
      lookup = (local) => {
        if (!cache.has(local)) cache.set(local, this.packageName(facts, local, 0));
        return cache.get(local) ?? undefined;
      };
      this.lookups.set(facts, lookup);
    }
    return lookup;
  }

  private packageName(facts: ModuleFacts, local: string, depth: number): PackageName | null {
    const direct = facts.packageNames.get(local);
    if (direct) return direct;
    if (depth >= MAX_REEXPORT_DEPTH) return null;
    const imported = facts.module.imports.get(local);
    if (!imported || imported.external) return null;
    const target = this.factsByPath.get(imported.module);
    return target ? this.exportedPackageName(target, imported.name, depth + 1) : null;
  }

  /**
   * What a project module exports under `name` when it comes from the package: `export { Model } from "sequelize"`,
   * `export * from "sequelize"`, `import { Model } from "sequelize"; export { Model }`, `export default Model`,
   * `module.exports = require("sequelize")`. `*` is the module's namespace (or CommonJS export) itself.
   */
  private exportedPackageName(facts: ModuleFacts, name: string, depth: number): PackageName | null {
    if (depth > MAX_REEXPORT_DEPTH) return null;
    const module = facts.module;
    const exported = name === "*" ? undefined : module.exports.get(name);
    if (exported?.kind === "reexport") {
      if (exported.external) return SEQUELIZE_PACKAGES.has(exported.module) ? { pkg: exported.module, name: exported.name } : null;
      const target = this.factsByPath.get(exported.module);
      return target ? this.exportedPackageName(target, exported.name, depth + 1) : null;
    }
    if (exported?.kind === "local") return this.packageName(facts, exported.name, depth);
    if (exported?.kind === "node") return ts.isExpression(exported.node) ? this.packageValue(facts, exported.node, depth) : null;
    if (name === "*" && module.commonJsExport) return this.packageValue(facts, module.commonJsExport, depth);
    if (name === "default") return null;
    for (const statement of module.sourceFile.statements) {
      if (!ts.isExportDeclaration(statement) || statement.exportClause || statement.isTypeOnly || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      if (SEQUELIZE_PACKAGES.has(statement.moduleSpecifier.text)) return { pkg: statement.moduleSpecifier.text, name };
    }
    for (const path of module.starExports) {
      const target = this.factsByPath.get(path);
      const found = target ? this.exportedPackageName(target, name, depth + 1) : null;
      if (found) return found;
    }
    return null;
  }

  /** `Model`, `Sequelize.Model`, `require("sequelize")`, `require("sequelize").Model` in a module's export. */
  private packageValue(facts: ModuleFacts, expression: ts.Expression, depth: number): PackageName | null {
    const expr = unwrap(expression);
    const required = requiredPackage(expr);
    if (required) return { pkg: required, name: "*" };
    if (ts.isIdentifier(expr)) return this.packageName(facts, expr.text, depth + 1);
    if (ts.isPropertyAccessExpression(expr) && depth < MAX_REEXPORT_DEPTH) {
      const object = this.packageValue(facts, expr.expression, depth + 1);
      if (isWholePackage(object)) return { pkg: object!.pkg, name: expr.name.text };
    }
    return null;
  }

  /** `Model` in `class X extends Model`: imported from the package (or a project re-export of it), `Sequelize.Model`, or `require("sequelize").Model`. */
  private isModelBase(facts: ModuleFacts, expression: ts.Expression): boolean {
    const expr = unwrap(expression);
    const lookup = this.lookupOf(facts);
    if (ts.isIdentifier(expr)) return lookup(expr.text)?.name === "Model";
    if (!ts.isPropertyAccessExpression(expr) || expr.name.text !== "Model") return false;
    const object = unwrap(expr.expression);
    if (requiredPackage(object)) return true;
    if (!ts.isIdentifier(object)) return false;
    if (isWholePackage(lookup(object.text))) return true;
    // import * as db from "../lib/sequelize" (which re-exports Model); class X extends db.Model
    const imported = facts.module.imports.get(object.text);
    if (!imported || imported.name !== "*" || imported.external) return false;
    const target = this.factsByPath.get(imported.module);
    return target !== undefined && this.exportedPackageName(target, "Model", 1)?.name === "Model";
  }

  /**
   * The project classes between a class and Sequelize's Model, nearest first (`[]` when it extends Model itself), or
   * null when it does not come from Model. Followed through classes of the same file and of imported project modules.
   */
  private modelBases(facts: ModuleFacts, node: ts.ClassLikeDeclaration, depth = 0): BaseClass[] | null {
    if (this.modelBaseChains.has(node)) return this.modelBaseChains.get(node)!;
    this.modelBaseChains.set(node, null); // a cycle (or a very deep chain) is no model
    const base = baseClassOf(node);
    let bases: BaseClass[] | null = null;
    if (base && this.isModelBase(facts, base)) bases = [];
    else if (base && depth < MAX_BASE_DEPTH) {
      const found = this.classOf(facts, base);
      const above = found && found.node !== node ? this.modelBases(found.facts, found.node, depth + 1) : null;
      if (found && above) bases = [found, ...above];
    }
    this.modelBaseChains.set(node, bases);
    return bases;
  }

  /** The project class an `extends` expression names: `IdModel`, `base.IdModel` (a namespace import). */
  private classOf(facts: ModuleFacts, expression: ts.Expression): BaseClass | null {
    const expr = unwrap(expression);
    if (ts.isIdentifier(expr)) return this.classNamed(facts, expr.text, 0);
    if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression)) {
      const imported = facts.module.imports.get(expr.expression.text);
      if (!imported || imported.name !== "*" || imported.external) return null;
      const target = this.factsByPath.get(imported.module);
      return target ? this.exportedClass(target, expr.name.text, 1) : null;
    }
    return null;
  }

  private classNamed(facts: ModuleFacts, name: string, depth: number): BaseClass | null {
    const declared = facts.module.topLevel.get(name);
    if (declared && ts.isClassDeclaration(declared)) return { node: declared, facts };
    if (declared && ts.isVariableDeclaration(declared) && declared.initializer && ts.isClassExpression(unwrap(declared.initializer))) return { node: unwrap(declared.initializer) as ts.ClassExpression, facts };
    const imported = facts.module.imports.get(name);
    if (!imported || imported.external || depth >= MAX_REEXPORT_DEPTH) return null;
    const target = this.factsByPath.get(imported.module);
    return target ? this.exportedClass(target, imported.name, depth + 1) : null;
  }

  /** The class a project module exports under `name` (`default`, or `*` for what `require` returns). */
  private exportedClass(facts: ModuleFacts, name: string, depth: number): BaseClass | null {
    if (depth > MAX_REEXPORT_DEPTH) return null;
    const module = facts.module;
    const exported: ExportTarget | undefined = name === "*" ? (module.commonJsExport ? { kind: "node", node: module.commonJsExport } : module.exports.get("default")) : module.exports.get(name);
    if (exported?.kind === "reexport") {
      const target = exported.external ? undefined : this.factsByPath.get(exported.module);
      return target ? this.exportedClass(target, exported.name, depth + 1) : null;
    }
    if (exported?.kind === "local") return this.classNamed(facts, exported.name, depth);
    if (exported?.kind === "node") {
      const node = ts.isExpression(exported.node) ? unwrap(exported.node) : exported.node;
      if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) return { node, facts };
      return ts.isIdentifier(node) ? this.classNamed(facts, node.text, depth + 1) : null;
    }
    if (name === "default" || name === "*") return null;
    for (const path of module.starExports) {
      const target = this.factsByPath.get(path);
      const found = target ? this.exportedClass(target, name, depth + 1) : null;
      if (found) return found;
    }
    return null;
  }

  read(): SequelizeSchemaRead {
    const engine = this.readEngine();
    this.readInstanceDefaults();
    for (const facts of this.facts) this.readDecoratedModels(facts);
    for (const facts of this.facts) this.readInitAndDefine(facts);
    for (const draft of this.drafts) this.resolveReferences(draft);
    for (const draft of this.drafts) this.resolveDecoratorAssociations(draft);
    for (const facts of this.facts) this.readAssociationCalls(facts);
    for (const draft of this.drafts) draft.builder.mapOptionIndexFields();
    const migrationIndexes = applyMigrations(this.facts.map((facts) => ({ module: facts.module, steps: readMigration(facts.module) })));
    return {
      tables: this.drafts.map((draft) => draft.table),
      migrationIndexes,
      engine,
      foreignKeyConstraints: this.associations === 0 || this.associationsWithoutConstraints < this.associations,
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Engine and instance-wide options

  /**
   * The one engine every `dialect` and connection URL names; `unknown` for none or several. Module-level ones (the
   * app's connection, a config file) outrank those inside functions (a client made per request for another system).
   */
  private readEngine(): DatabaseEngine {
    const moduleLevel = new Set<DatabaseEngine>();
    const inFunctions = new Set<DatabaseEngine>();
    const note = (text: string | null, at: ts.Node) => {
      const engine = text === null ? null : dialectEngine(text);
      if (engine) (ts.findAncestor(at, ts.isFunctionLike) ? inFunctions : moduleLevel).add(engine);
    };
    for (const facts of this.facts) {
      for (const dialect of facts.dialects) {
        const value = unwrap(dialect);
        // dialect: process.env.DB_DIALECT || "postgres"
        if (ts.isBinaryExpression(value) && (value.operatorToken.kind === ts.SyntaxKind.BarBarToken || value.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) note(stringOf(value.right), value);
        else note(stringOf(value), value);
      }
      for (const created of facts.news) {
        // new Sequelize("postgres://…"), new Sequelize("sqlite::memory:")
        const url = isSequelizeClass(facts, created.expression) ? stringOf(created.arguments?.[0]) : null;
        if (url !== null) note(/^([a-z]+)(?=:)/i.exec(url)?.[1] ?? null, created);
      }
    }
    // sequelize-cli's `models/index.js`: `new Sequelize(…, config)` with `config = require("../config/config.json")[env]`.
    if (moduleLevel.size === 0) {
      for (const facts of this.facts) {
        if (!facts.news.some((created) => isSequelizeClass(facts, created.expression))) continue;
        for (const dialect of this.configDialects(facts)) note(dialect, facts.module.sourceFile);
      }
    }
    const engines = moduleLevel.size > 0 ? moduleLevel : inFunctions;
    return engines.size === 1 ? [...engines][0]! : "unknown";
  }

  /** The `dialect` of each environment in the JSON files a module requires or imports (`config/config.json`). */
  private configDialects(facts: ModuleFacts): string[] {
    const specifiers = new Set<string>();
    for (const call of facts.calls) {
      const argument = call.arguments[0];
      if (ts.isIdentifier(call.expression) && call.expression.text === "require" && argument && ts.isStringLiteralLike(argument) && argument.text.endsWith(".json")) specifiers.add(argument.text);
    }
    for (const binding of facts.module.imports.values()) if (!binding.external && binding.module.endsWith(".json")) specifiers.add(binding.module);
    const dialects: string[] = [];
    for (const specifier of specifiers) {
      const path = isAbsolute(specifier) ? specifier : resolve(dirname(facts.module.absPath), specifier);
      this.filesRead.push(path);
      let config: unknown;
      try {
        config = JSON.parse(readFileSync(path, "utf8"));
      } catch {
        continue;
      }
      if (!config || typeof config !== "object") continue;
      for (const entry of [config, ...Object.values(config)]) {
        const dialect = entry && typeof entry === "object" ? (entry as Record<string, unknown>).dialect : undefined;
        if (typeof dialect === "string") dialects.push(dialect);
      }
    }
    return dialects;
  }

  /** `new Sequelize(…, { define: { underscored: true } })`: defaults for every model (the first instance's). */
  private readInstanceDefaults(): void {
    for (const facts of this.facts) {
      for (const created of facts.news) {
        const args = created.arguments ?? [];
        const define = isSequelizeClass(facts, created.expression) ? objectOf(property(objectOf(args[args.length - 1]), "define")) : null;
        if (define) {
          this.globalOptions = { ...readOptions(define, DEFAULT_OPTIONS), modelName: null, tableName: null };
          return;
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Model declarations

  private addDraft(facts: ModuleFacts, draft: ModelDraft, bindingName: string | null): void {
    this.drafts.push(draft);
    if (draft.classNode) this.draftsByClass.set(draft.classNode, draft);
    if (bindingName) this.bindings.get(facts)!.set(bindingName, draft);
  }

  private newDraft(facts: ModuleFacts, builder: TableBuilder, name: string, options: ModelOptions, classNode: ts.ClassLikeDeclaration | null): ModelDraft {
    return { table: builder.table, name, builder, facts, options, classNode, foreignKeyTargets: [], references: [], decoratorAssociations: [] };
  }

  /**
   * sequelize-typescript: `@Table` on a class coming from Model, columns from property decorators, its base classes'
   * included (`@PrimaryKey id` on an `IdModel`); a property the class declares again replaces the inherited one. The
   * table is known by the class name, as call sites write it; `modelName` names the table and the default keys.
   */
  private readDecoratedModels(facts: ModuleFacts): void {
    for (const node of facts.classes) {
      if (!node.name || !baseClassOf(node)) continue;
      const tableDecorator = decoratorsOf(facts, this.lookupOf(facts), node).find((use) => use.name === "Table");
      const bases = tableDecorator ? this.modelBases(facts, node) : null;
      if (!tableDecorator || !bases) continue;
      const tableOptions = objectOf(tableDecorator.args[0]);
      const options = readOptions(tableOptions, this.globalOptions);
      const stamped = new Set<"createdAt" | "updatedAt" | "deletedAt">();
      const name = options.modelName ?? node.name.text;
      const builder = new TableBuilder(node.name.text, options, siteOf(facts.module, node.name), name);
      const draft = this.newDraft(facts, builder, name, options, node);
      const properties = new Map<string, { member: ts.PropertyDeclaration; facts: ModuleFacts; decorators: DecoratorUse[] }>();
      // Farthest base first, so inherited columns keep their place; a redeclaration takes over the entry.
      for (const owner of [...bases].reverse().concat({ node, facts })) {
        for (const member of owner.node.members) {
          if (!ts.isPropertyDeclaration(member) || isStatic(member)) continue;
          const propertyName = nameOf(member.name);
          const decorators = decoratorsOf(owner.facts, this.lookupOf(owner.facts), member);
          if (propertyName !== null && decorators.length > 0) properties.set(propertyName, { member, facts: owner.facts, decorators });
        }
      }
      for (const [propertyName, { member, facts: declaredIn, decorators }] of properties) {
        this.readDecoratedProperty(declaredIn, builder, draft, propertyName, member, decorators, siteOf(declaredIn.module, member.name), stamped);
      }
      builder.finish(stamped);
      builder.indexesOption(facts, arrayOf(property(tableOptions, "indexes")));
      this.addDraft(facts, draft, node.name.text);
    }
  }

  private readDecoratedProperty(facts: ModuleFacts, builder: TableBuilder, draft: ModelDraft, name: string, member: ts.PropertyDeclaration, decorators: DecoratorUse[], site: SchemaSite, stamped: Set<"createdAt" | "updatedAt" | "deletedAt">): void {
    const columnUse = decorators.find((use) => COLUMN_DECORATORS.has(use.name));
    if (columnUse) {
      const column = decorators.find((use) => use.name === "Column");
      const columnOptions = column ? objectOf(column.args[0]) : null;
      const type = columnOptions ? property(columnOptions, "type") : column?.args[0];
      const declaredType = member.type?.kind === ts.SyntaxKind.BooleanKeyword ? "boolean" : null;
      readAttribute(facts, builder, name, columnOptions, type, site, draft.references);
      const built = builder.table.columns.get(name);
      if (built) built.valueKind ??= declaredType;
    }
    for (const use of decorators) {
      switch (use.name) {
        case "CreatedAt":
          stamped.add("createdAt");
          break;
        case "UpdatedAt":
          stamped.add("updatedAt");
          break;
        case "DeletedAt":
          stamped.add("deletedAt");
          break;
        case "PrimaryKey":
          if (!builder.table.primaryKey.includes(name)) builder.table.primaryKey.push(name);
          break;
        case "Unique": {
          const argument = use.args[0];
          builder.unique(name, stringOf(argument) ?? stringOf(property(objectOf(argument), "name")), site);
          break;
        }
        case "Index": {
          const argument = use.args[0];
          const indexOptions = objectOf(argument);
          builder.index(name, stringOf(argument) ?? stringOf(property(indexOptions, "name")), trueOf(property(indexOptions, "unique")), site);
          break;
        }
        case "CustomIndex":
          builder.index(name, use.custom!.name, use.custom!.unique, site);
          break;
        case "ForeignKey":
          if (use.args[0]) draft.foreignKeyTargets.push({ field: name, target: use.args[0], facts });
          break;
        case "BelongsTo":
        case "HasMany":
        case "HasOne":
        case "BelongsToMany":
          draft.decoratorAssociations.push({ kind: use.name, property: name, args: use.args, site, facts });
          break;
      }
    }
  }

  /** `Order.init(attributes, options)` for classes extending Model, and `sequelize.define(name, attributes, options)`. */
  private readInitAndDefine(facts: ModuleFacts): void {
    const candidates = new Map<ts.ClassLikeDeclaration, string>();
    for (const node of facts.classes) {
      const name = node.name?.text ?? nameOfClassExpression(node);
      if (name && baseClassOf(node) && !this.draftsByClass.has(node) && this.modelBases(facts, node)) candidates.set(node, name);
    }
    for (const call of facts.calls) {
      const method = calleeName(call)?.text;
      if (method === "init" && call.arguments.length >= 1) this.readInit(facts, call, candidates);
      else if (method === "define" && call.arguments.length >= 2) this.readDefine(facts, call);
    }
  }

  private readInit(facts: ModuleFacts, call: ts.CallExpression, candidates: Map<ts.ClassLikeDeclaration, string>): void {
    const receiver = unwrap((call.expression as ts.PropertyAccessExpression).expression);
    let classNode: ts.ClassLikeDeclaration | undefined;
    if (receiver.kind === ts.SyntaxKind.ThisKeyword || receiver.kind === ts.SyntaxKind.SuperKeyword) {
      // `static initialize(sequelize) { this.init(…) }` or `return super.init(…)` inside the model class
      const owner = staticOwner(call);
      if (owner && candidates.has(owner)) classNode = owner;
    } else if (ts.isIdentifier(receiver)) {
      classNode = [...candidates].find(([, name]) => name === receiver.text)?.[0];
    }
    if (!classNode || this.draftsByClass.has(classNode)) return;
    const optionsObject = objectOf(call.arguments[1]);
    const options = readOptions(optionsObject, this.globalOptions);
    const className = candidates.get(classNode)!;
    const nameNode = classNode.name ?? receiver;
    // Known by the class name, as call sites write it (`Person.findAll`); `modelName` names the table and default keys.
    const name = options.modelName ?? className;
    const builder = new TableBuilder(className, options, siteOf(facts.module, nameNode), name);
    const draft = this.newDraft(facts, builder, name, options, classNode);
    readAttributes(facts, builder, objectOf(call.arguments[0]), draft.references);
    builder.finish();
    builder.indexesOption(facts, arrayOf(property(optionsObject, "indexes")));
    this.addDraft(facts, draft, className);
  }

  private readDefine(facts: ModuleFacts, call: ts.CallExpression): void {
    const receiver = (call.expression as ts.PropertyAccessExpression).expression;
    const nameNode = call.arguments[0]!;
    const defined = stringOf(nameNode);
    const attributes = objectOf(call.arguments[1]);
    if (defined === null || !attributes || !this.isSequelizeInstance(facts, receiver)) return;
    const optionsObject = objectOf(call.arguments[2]);
    const options = readOptions(optionsObject, this.globalOptions);
    // define(name, …) sets the model name itself, over any `modelName` option.
    const builder = new TableBuilder(defined, options, siteOf(facts.module, nameNode));
    const draft = this.newDraft(facts, builder, defined, options, null);
    readAttributes(facts, builder, attributes, draft.references);
    builder.finish();
    builder.indexesOption(facts, arrayOf(property(optionsObject, "indexes")));
    const holder = definitionHolder(call);
    this.addDraft(facts, draft, holder);
    if (!holder && returnedFromModuleExport(facts.module, call)) this.defaultModels.set(facts, draft);
  }

  /** `sequelize.define`, `db.define`, `this.sequelize.define`, or a variable holding `new Sequelize(…)`. */
  private isSequelizeInstance(facts: ModuleFacts, receiver: ts.Expression): boolean {
    const expr = unwrap(receiver);
    if (ts.isNewExpression(expr)) return isSequelizeClass(facts, expr.expression);
    if (ts.isPropertyAccessExpression(expr)) return /^sequelize$/i.test(expr.name.text);
    if (!ts.isIdentifier(expr)) return false;
    if (/sequelize/i.test(expr.text) || expr.text === "db" || facts.instances.has(expr.text)) return true;
    const imported = facts.module.imports.get(expr.text);
    return imported !== undefined && !imported.external && (this.instanceNames.has(imported.name) || this.instanceNames.has(expr.text));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Which model an expression means

  /** `Order`, `models.Order`, `db["Order"]`, `this` in a static method, `() => Order` (decorators). */
  private modelOf(facts: ModuleFacts, expression: ts.Expression): ModelDraft | undefined {
    const expr = unwrap(expression);
    if (ts.isArrowFunction(expr) && !ts.isBlock(expr.body)) return this.modelOf(facts, expr.body);
    if (expr.kind === ts.SyntaxKind.ThisKeyword) return this.modelOfThis(facts, expr);
    if (ts.isIdentifier(expr)) return this.modelNamed(facts, expr.text);
    const member = ts.isPropertyAccessExpression(expr) ? expr.name.text : ts.isElementAccessExpression(expr) ? stringOf(expr.argumentExpression) : null;
    if (member === null) return undefined;
    return this.nearestModel(facts, member) ?? this.uniqueBinding(member);
  }

  /** The model of that name declared closest to `facts` (several services of a monorepo may each have an `Order`). */
  private nearestModel(facts: ModuleFacts, model: string): ModelDraft | undefined {
    const shared = (other: string) => {
      const here = facts.module.absPath.split(/[\\/]/);
      const there = other.split(/[\\/]/);
      let length = 0;
      while (length < here.length && here[length] === there[length]) length++;
      return length;
    };
    let best: ModelDraft | undefined;
    for (const named of [(draft: ModelDraft) => draft.table.model === model, (draft: ModelDraft) => draft.name === model]) {
      for (const draft of this.drafts) {
        if (named(draft) && (!best || shared(draft.facts.module.absPath) > shared(best.facts.module.absPath))) best = draft;
      }
      if (best) return best;
    }
    return undefined;
  }

  private modelNamed(facts: ModuleFacts, name: string): ModelDraft | undefined {
    const local = this.bindings.get(facts)!.get(name);
    if (local) return local;
    const imported = facts.module.imports.get(name);
    if (imported && !imported.external) {
      const target = this.factsByPath.get(imported.module);
      if (target) {
        if (imported.name === "default" || imported.name === "*") {
          const exported = target.module.commonJsExport ?? exportedNode(target.module, "default");
          const named = exported && ts.isIdentifier(unwrap(exported)) ? this.bindings.get(target)!.get((unwrap(exported) as ts.Identifier).text) : undefined;
          if (named ?? this.defaultModels.get(target)) return named ?? this.defaultModels.get(target);
        } else {
          const exported = target.module.exports.get(imported.name);
          const localName = exported?.kind === "local" ? exported.name : imported.name;
          const found = this.bindings.get(target)!.get(localName);
          if (found) return found;
        }
      }
    }
    return this.uniqueBinding(name) ?? this.nearestModel(facts, name);
  }

  private uniqueBinding(name: string): ModelDraft | undefined {
    const found = [...this.bindings.values()].map((names) => names.get(name)).filter((draft) => draft !== undefined);
    return found.length === 1 ? found[0] : undefined;
  }

  /** `this` in a model's static method, or in `Order.associate = function (models) { … }`. */
  private modelOfThis(facts: ModuleFacts, node: ts.Node): ModelDraft | undefined {
    for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
      if (ts.isArrowFunction(current)) continue;
      if (ts.isClassLike(current)) return undefined;
      if ((ts.isMethodDeclaration(current) || ts.isPropertyDeclaration(current) || ts.isClassStaticBlockDeclaration(current)) && ts.isClassLike(current.parent)) {
        return isStatic(current) || ts.isClassStaticBlockDeclaration(current) ? this.draftsByClass.get(current.parent) : undefined;
      }
      if (ts.isFunctionExpression(current) || ts.isFunctionDeclaration(current)) {
        const assignment = current.parent;
        if (ts.isBinaryExpression(assignment) && assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(assignment.left)) {
          return this.modelOf(facts, assignment.left.expression);
        }
        return undefined;
      }
    }
    return undefined;
  }

  /** The name a reference points at when no model of the project matches it. */
  private targetName(facts: ModuleFacts, expression: ts.Expression): string | null {
    const model = this.modelOf(facts, expression);
    if (model) return model.table.model;
    const expr = unwrap(expression);
    if (ts.isArrowFunction(expr) && !ts.isBlock(expr.body)) return this.targetName(facts, expr.body);
    if (ts.isIdentifier(expr)) return expr.text;
    if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
    return stringOf(expr);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Relations

  private addRelation(draft: ModelDraft, relation: SchemaRelation, derived: boolean): void {
    const relations = draft.table.relations;
    const same = relations.findIndex((r) =>
      r.kind === relation.kind && r.target === relation.target && (relation.foreignKey.length > 0 ? r.foreignKey.join() === relation.foreignKey.join() : r.foreignKey.length === 0 && r.field === relation.field),
    );
    if (same >= 0) {
      if (!derived && this.derivedRelations.has(relations[same]!)) relations[same] = relation;
      return;
    }
    if (derived) this.derivedRelations.add(relation);
    relations.push(relation);
  }

  /** The key column an association adds to the table that holds it, unless the model declares it. */
  private ensureKeyColumn(draft: ModelDraft, name: string, field: string | null, site: SchemaSite): void {
    if (draft.table.columns.has(name)) return;
    const column = field ?? (draft.options.underscored ? underscore(name) : null);
    draft.table.columns.set(name, { name, column: column !== name ? column : null, site });
  }

  private primaryKeyOf(draft: ModelDraft | undefined): string {
    return draft?.table.primaryKey[0] ?? "id";
  }

  /** `references: { model: "merchants", key: "id" }`: a table name (mapped back to its model) or a model class. */
  private resolveReferences(draft: ModelDraft): void {
    for (const reference of draft.references) {
      const tableName = stringOf(reference.model) ?? stringOf(property(objectOf(reference.model), "tableName"));
      const target =
        tableName !== null
          ? (this.drafts.find((d) => d.table.table !== null && normal(d.table.table) === normal(tableName)) ?? this.drafts.find((d) => normal(d.table.model) === normal(tableName) || normal(d.name) === normal(tableName)))
          : this.modelOf(reference.facts, reference.model);
      const targetName = target?.table.model ?? tableName ?? this.targetName(reference.facts, reference.model);
      if (targetName === null) continue;
      const relation: SchemaRelation = { field: reference.field, target: targetName, kind: "to-one", foreignKey: [reference.field], references: [reference.key ?? this.primaryKeyOf(target)], site: reference.site };
      this.addRelation(draft, relation, true);
    }
  }

  /** sequelize-typescript association decorators; the key comes from the option or the matching @ForeignKey. */
  private resolveDecoratorAssociations(draft: ModelDraft): void {
    for (const association of draft.decoratorAssociations) {
      const targetArgument = association.args[0];
      if (!targetArgument) continue;
      const target = this.modelOf(association.facts, targetArgument);
      const targetName = target?.table.model ?? this.targetName(association.facts, targetArgument);
      if (targetName === null) continue;
      const second = association.args[1];
      const options = association.kind === "BelongsToMany" ? null : objectOf(second);
      const explicitKey = association.kind === "BelongsToMany" ? null : (stringOf(second) ?? foreignKeyOption(options).foreignKey);
      this.countAssociation(options);
      if (association.kind === "BelongsTo") {
        const foreignKey = explicitKey ?? this.decoratedForeignKey(draft, targetName);
        const relation: SchemaRelation = { field: association.property, target: targetName, kind: "to-one", foreignKey: foreignKey ? [foreignKey] : [], references: [stringOf(property(options, "targetKey")) ?? this.primaryKeyOf(target)], site: association.site, ...unconstrainedBy(options) };
        this.addRelation(draft, relation, false);
        if (foreignKey) this.ensureKeyColumn(draft, foreignKey, null, association.site);
        continue;
      }
      const kind = association.kind === "HasOne" ? "to-one" : "to-many";
      this.addRelation(draft, { field: association.property, target: targetName, kind, foreignKey: [], references: [], site: association.site }, false);
      if (association.kind === "BelongsToMany" || !target) continue;
      const foreignKey = explicitKey ?? this.decoratedForeignKey(target, draft.table.model);
      if (!foreignKey) continue;
      this.addInverse(target, draft, foreignKey, null, stringOf(property(options, "sourceKey")), association.site, unconstrainedBy(options));
    }
  }

  /** The @ForeignKey property of `holder` that points at the model `pointsAt`. */
  private decoratedForeignKey(holder: ModelDraft, pointsAt: string): string | null {
    for (const { field, target, facts } of holder.foreignKeyTargets) if (this.targetName(facts, target) === pointsAt) return field;
    return null;
  }

  /** The to-one side that holds the key of a hasMany / hasOne, on the target. */
  private addInverse(holder: ModelDraft, source: ModelDraft, foreignKey: string, foreignKeyField: string | null, sourceKey: string | null, site: SchemaSite, unconstrained: { unconstrained?: true } = {}): void {
    const relation: SchemaRelation = { field: singularize(source.name), target: source.table.model, kind: "to-one", foreignKey: [foreignKey], references: [sourceKey ?? this.primaryKeyOf(source)], site, ...unconstrained };
    this.addRelation(holder, relation, true);
    this.ensureKeyColumn(holder, foreignKey, foreignKeyField, site);
  }

  private countAssociation(options: ts.ObjectLiteralExpression | null): void {
    this.associations++;
    if (falseOf(property(options, "constraints"))) this.associationsWithoutConstraints++;
  }

  /** `Order.belongsTo(Merchant, { foreignKey, as })`, `Merchant.hasMany(Order)`, … with Sequelize v6's default keys. */
  private readAssociationCalls(facts: ModuleFacts): void {
    for (const call of facts.calls) {
      const nameNode = calleeName(call);
      if (!nameNode || !ASSOCIATIONS.has(nameNode.text) || call.arguments.length === 0) continue;
      const source = this.modelOf(facts, (call.expression as ts.PropertyAccessExpression).expression);
      if (!source) continue;
      const targetArgument = call.arguments[0]!;
      const target = this.modelOf(facts, targetArgument);
      const targetName = target?.table.model ?? this.targetName(facts, targetArgument);
      if (targetName === null) continue;
      const optionsObject = objectOf(call.arguments[1]);
      const options = { ...foreignKeyOption(optionsObject), ...aliasOption(optionsObject) };
      this.countAssociation(optionsObject);
      const site = siteOf(facts.module, nameNode);
      // Default keys and aliases come from Sequelize's model name (`modelName: "document"` → `documentId`).
      const targetSingular = singularize(target?.name ?? targetName);
      switch (nameNode.text) {
        case "belongsTo": {
          const targetKey = options.targetKey ?? this.primaryKeyOf(target);
          const foreignKey = options.foreignKey ?? camelize(`${options.as ?? targetSingular}_${this.primaryKeyOf(target)}`);
          this.addRelation(source, { field: options.as ?? targetSingular, target: targetName, kind: "to-one", foreignKey: [foreignKey], references: [targetKey], site, ...unconstrainedBy(optionsObject) }, false);
          this.ensureKeyColumn(source, foreignKey, options.foreignKeyField, site);
          break;
        }
        case "hasMany":
        case "hasOne": {
          const many = nameNode.text === "hasMany";
          const field = options.as ?? (many ? pluralize(target?.name ?? targetName) : targetSingular);
          this.addRelation(source, { field, target: targetName, kind: many ? "to-many" : "to-one", foreignKey: [], references: [], site }, false);
          // hasMany names the key after the source model; hasOne after its alias when it has one.
          const keyBase = many ? singularize(source.name) : singularize(options.as ?? source.name);
          const foreignKey = options.foreignKey ?? camelize(`${keyBase}_${this.primaryKeyOf(source)}`);
          if (target) this.addInverse(target, source, foreignKey, options.foreignKeyField, options.sourceKey, site, unconstrainedBy(optionsObject));
          break;
        }
        case "belongsToMany":
          this.addRelation(source, { field: options.as ?? pluralize(target?.name ?? targetName), target: targetName, kind: "to-many", foreignKey: [], references: [], site }, false);
          break;
      }
    }
  }
}

/** `foreignKey: "merchantId"` or `foreignKey: { name: "merchantId", field: "merchant_id" }`, and the key options. */
function foreignKeyOption(options: ts.ObjectLiteralExpression | null): AssociationKeys {
  const value = property(options, "foreignKey");
  const object = objectOf(value);
  return {
    foreignKey: stringOf(value) ?? stringOf(property(object, "name")) ?? stringOf(property(object, "fieldName")),
    foreignKeyField: stringOf(property(object, "field")),
    sourceKey: stringOf(property(options, "sourceKey")),
    targetKey: stringOf(property(options, "targetKey")),
  };
}

/** `as: "author"` or `as: { singular: "author", plural: "authors" }` (the plural names a to-many field). */
function aliasOption(options: ts.ObjectLiteralExpression | null): { as: string | null } {
  const value = property(options, "as");
  const object = objectOf(value);
  return { as: stringOf(value) ?? stringOf(property(object, "plural")) ?? stringOf(property(object, "singular")) };
}

/** `const Order = class extends Model {}`. */
function nameOfClassExpression(node: ts.ClassLikeDeclaration): string | null {
  const parent = node.parent;
  return ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : null;
}

/** The class whose static member (or static block) holds `node`. */
function staticOwner(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isArrowFunction(current)) continue;
    if ((ts.isMethodDeclaration(current) || ts.isPropertyDeclaration(current)) && ts.isClassLike(current.parent)) return isStatic(current) ? current.parent : undefined;
    if (ts.isClassStaticBlockDeclaration(current)) return current.parent;
    if (ts.isFunctionLike(current) || ts.isClassLike(current)) return undefined;
  }
  return undefined;
}

/** The variable a `define` result is stored in: `const Order = sequelize.define(…)`. */
function definitionHolder(call: ts.CallExpression): string | null {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isAwaitExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(parent.left)) return parent.left.text;
  return null;
}

/** `module.exports = (sequelize, DataTypes) => sequelize.define(…)` or `… => { return sequelize.define(…) }`. */
function returnedFromModuleExport(module: ModuleInfo, call: ts.CallExpression): boolean {
  const exported = module.commonJsExport ?? exportedNode(module, "default");
  if (!exported) return false;
  const fn = unwrap(exported);
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return node.parent === fn || (ts.isReturnStatement(node.parent) && ts.findAncestor(node.parent, ts.isFunctionLike) === fn);
}

function exportedNode(module: ModuleInfo, name: string): ts.Expression | null {
  const exported = module.exports.get(name);
  if (exported?.kind !== "node") return null;
  const node = exported.node;
  return ts.isExpression(node) ? node : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Migrations

/** The `up` functions a migration file exports: `module.exports = { up }`, `exports.up`, `export async function up`. */
function migrationUps(module: ModuleInfo): ts.Node[] {
  const ups: ts.Node[] = [];
  const add = (node: ts.Node | undefined) => {
    if (!node) return;
    if (ts.isExpression(node)) {
      const expr = unwrap(node);
      if (ts.isIdentifier(expr)) return add(module.topLevel.get(expr.text));
      if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) ups.push(expr);
      return;
    }
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) ups.push(node);
    else if (ts.isVariableDeclaration(node) && node.initializer) add(node.initializer);
  };
  const fromObject = (expression: ts.Expression | null | undefined) => {
    const object = expression ? objectOf(expression) : null;
    const up = propertyNode(object, "up");
    if (!up) return;
    if (ts.isMethodDeclaration(up)) ups.push(up);
    else if (ts.isPropertyAssignment(up)) add(up.initializer);
    else if (ts.isShorthandPropertyAssignment(up)) add(module.topLevel.get(up.name.text));
  };
  fromObject(module.commonJsExport);
  fromObject(exportedNode(module, "default"));
  const named = module.exports.get("up");
  if (named?.kind === "local") add(module.topLevel.get(named.name));
  else if (named?.kind === "node") add(named.node);
  return [...new Set(ups)];
}

/** What a migration's `up` does to indexes, in order: adds them, and renames or drops what they stand on. */
type MigrationStep =
  | { kind: "index"; index: MigrationIndex }
  | { kind: "renameTable"; from: string; to: string }
  | { kind: "renameColumn"; table: string; from: string; to: string }
  | { kind: "removeIndex"; table: string | null; columns: string[] | null; name: string | null }
  | { kind: "removeColumn"; table: string; column: string }
  | { kind: "dropTable"; table: string };

function readMigration(module: ModuleInfo): MigrationStep[] {
  const ups = migrationUps(module);
  if (ups.length === 0) return [];
  const steps: MigrationStep[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) steps.push(...migrationCallSteps(module, node));
    ts.forEachChild(node, visit);
  };
  for (const up of ups) visit(up);
  return steps;
}

/** `public.orders` → `orders`. */
function bareName(name: string): string {
  return name.replace(/^.*\./, "");
}

/** A table or column name as the database compares it, schema and quotes aside. */
function sameName(a: string, b: string): boolean {
  const plain = (name: string) => bareName(name).replace(/["`[\]]/g, "").toLowerCase();
  return plain(a) === plain(b);
}

/**
 * The indexes the migrations leave, run in file-name order as Sequelize's migrator (umzug) does: a later `renameTable` /
 * `renameColumn` carries an index to the new names (outline: `collection_users` → `user_permissions`, `atlasId` →
 * `collectionId`), `removeIndex`, `removeColumn` and `dropTable` take it away.
 */
function applyMigrations(files: { module: ModuleInfo; steps: MigrationStep[] }[]): MigrationIndex[] {
  // By file name, which starts with the migration's timestamp (`migrations/archives/2018…` ran before `migrations/2023…`);
  // the indexes that remain are listed in the order the files were read.
  const fileName = (module: ModuleInfo) => module.absPath.replace(/^.*[\\/]/, "");
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const read = files.map((file, position) => ({ ...file, position }));
  const ordered = read.filter((file) => file.steps.length > 0).sort((a, b) => compare(fileName(a.module), fileName(b.module)) || compare(a.module.absPath, b.module.absPath));
  const readOrder = new Map<MigrationIndex, number>();
  const namesOf = new Map<MigrationIndex, Set<string>>();
  let indexes: MigrationIndex[] = [];
  for (const { steps, position } of ordered) {
    for (const [at, step] of steps.entries()) {
      switch (step.kind) {
        case "index": {
          const index = { ...step.index, columns: [...step.index.columns] };
          readOrder.set(index, position * 1e6 + at);
          // An unnamed one gets Sequelize's name (`users_slack_id`), or PostgreSQL's for a key (`users_email_key`, `users_pkey`).
          const generated = normal(`${bareName(index.table)}${index.columns.join("")}`);
          namesOf.set(index, new Set(index.name !== null ? [normal(index.name)] : index.unique ? [generated, `${generated}key`, `${generated}uk`, `${normal(bareName(index.table))}pkey`] : [generated]));
          indexes.push(index);
          break;
        }
        case "renameTable":
          for (const index of indexes) if (sameName(index.table, step.from)) index.table = step.to;
          break;
        case "renameColumn":
          for (const index of indexes) if (sameName(index.table, step.table)) index.columns = index.columns.map((column) => (sameName(column, step.from) ? step.to : column));
          break;
        case "removeIndex": {
          // By name, as the database drops it: removeIndex(table, ["a", "b"]) drops the one Sequelize would have named
          // `table_a_b`, which an index made before a rename is not (it keeps its old name, and stays).
          const wanted = normal(step.name ?? `${bareName(step.table!)}${step.columns!.join("")}`);
          const last = indexes.findLastIndex((index) => (step.table === null || sameName(index.table, step.table)) && namesOf.get(index)!.has(wanted));
          if (last >= 0) indexes.splice(last, 1);
          break;
        }
        case "removeColumn":
          indexes = indexes.filter((index) => !(sameName(index.table, step.table) && index.columns.some((column) => sameName(column, step.column))));
          break;
        case "dropTable":
          indexes = indexes.filter((index) => !sameName(index.table, step.table));
          break;
      }
    }
  }
  return indexes.sort((a, b) => readOrder.get(a)! - readOrder.get(b)!);
}

/** `"orders"` or `{ tableName: "orders", schema: "public" }`. */
function tableArgument(expression: ts.Expression | undefined): string | null {
  return stringOf(expression) ?? stringOf(property(objectOf(expression), "tableName"));
}

function migrationCallSteps(module: ModuleInfo, call: ts.CallExpression): MigrationStep[] {
  const nameNode = calleeName(call);
  if (!nameNode) return [];
  const args = call.arguments;
  switch (nameNode.text) {
    case "renameTable": {
      const from = tableArgument(args[0]);
      const to = tableArgument(args[1]);
      return from !== null && to !== null ? [{ kind: "renameTable", from, to }] : [];
    }
    case "renameColumn": {
      const table = tableArgument(args[0]);
      const from = stringOf(args[1]);
      const to = stringOf(args[2]);
      return table !== null && from !== null && to !== null ? [{ kind: "renameColumn", table, from, to }] : [];
    }
    case "removeIndex":
    case "removeConstraint": {
      // removeIndex(table, "name" | ["columns"]), removeConstraint(table, "name")
      const table = tableArgument(args[0]);
      const list = arrayOf(args[1]);
      const name = stringOf(args[1]);
      if (table === null || (name === null && !list)) return [];
      return [{ kind: "removeIndex", table, columns: list ? fieldNames(list) : null, name }];
    }
    case "removeColumn": {
      const table = tableArgument(args[0]);
      const column = stringOf(args[1]);
      return table !== null && column !== null ? [{ kind: "removeColumn", table, column }] : [];
    }
    case "dropTable": {
      const table = tableArgument(args[0]);
      return table !== null ? [{ kind: "dropTable", table }] : [];
    }
    case "query": {
      const literal = args[0] && unwrap(args[0]);
      if (!literal || !ts.isStringLiteralLike(literal)) return [];
      return sqlSteps(module, literal);
    }
  }
  return migrationCallIndexes(module, call, nameNode).map((index) => ({ kind: "index", index }));
}

const SQL_NAME = String.raw`(?:"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*)(?:\s*\.\s*(?:"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*))?`;
const SQL_RENAME = new RegExp(String.raw`\bALTER\s+TABLE\s+(?:ONLY\s+)?(?:IF\s+EXISTS\s+)?(${SQL_NAME})\s+RENAME\s+(?:(?:COLUMN\s+)?(${SQL_NAME})\s+)?TO\s+(${SQL_NAME})`, "gi");

/** A migration's SQL, statement by statement: CREATE INDEX and keys, DROP INDEX, ALTER TABLE … RENAME [COLUMN]. */
function sqlSteps(module: ModuleInfo, literal: ts.StringLiteralLike): MigrationStep[] {
  const text = literal.text;
  const steps: { offset: number; step: MigrationStep }[] = [];
  for (const index of indexesInSql(text)) {
    steps.push({ offset: index.offset, step: { kind: "index", index: { table: index.table, columns: index.columns, unique: index.unique, name: index.name, site: sqlSite(module, literal, index.offset) } } });
  }
  for (const dropped of droppedIndexesInSql(text)) steps.push({ offset: dropped.offset, step: { kind: "removeIndex", table: null, columns: null, name: dropped.name } });
  for (const match of text.matchAll(SQL_RENAME)) {
    const [, table, column, to] = match;
    // RENAME CONSTRAINT x TO y is neither a table nor a column
    if (/^constraint$/i.test(unquote(column ?? ""))) continue;
    const step: MigrationStep = column ? { kind: "renameColumn", table: unquote(table!), from: unquote(column), to: unquote(to!) } : { kind: "renameTable", from: unquote(table!), to: unquote(to!) };
    steps.push({ offset: match.index, step });
  }
  return steps.sort((a, b) => a.offset - b.offset).map(({ step }) => step);
}

function migrationCallIndexes(module: ModuleInfo, call: ts.CallExpression, nameNode: ts.MemberName): MigrationIndex[] {
  const args = call.arguments;
  const site = siteOf(module, nameNode);
  switch (nameNode.text) {
    case "addIndex": {
      const table = tableArgument(args[0]);
      const list = arrayOf(args[1]);
      const options = list ? objectOf(args[2]) : objectOf(args[1]);
      const columns = fieldNames(list ?? arrayOf(property(options, "fields")));
      if (table === null || columns.length === 0) return [];
      // `indicesType: "UNIQUE"`: Sequelize v3/v4's spelling
      const unique = trueOf(property(options, "unique")) || stringOf(property(options, "type"))?.toUpperCase() === "UNIQUE" || stringOf(property(options, "indicesType"))?.toUpperCase() === "UNIQUE";
      return [{ table, columns, unique, name: stringOf(property(options, "name")) ?? stringOf(property(options, "indexName")), site }];
    }
    case "addConstraint": {
      // v6: addConstraint(table, { fields, type }); v5: addConstraint(table, fields, { type })
      const table = tableArgument(args[0]);
      const list = arrayOf(args[1]);
      const options = list ? objectOf(args[2]) : objectOf(args[1]);
      const type = stringOf(property(options, "type"))?.toLowerCase().replace(/\s+/g, " ");
      const columns = fieldNames(list ?? arrayOf(property(options, "fields")));
      if (table === null || columns.length === 0 || (type !== "unique" && type !== "primary key")) return [];
      return [{ table, columns, unique: true, name: stringOf(property(options, "name")), site }];
    }
    case "createTable":
      return createTableIndexes(module, args, site);
    case "addColumn": {
      const table = tableArgument(args[0]);
      const column = stringOf(args[1]);
      const definition = objectOf(args[2]);
      const unique = property(definition, "unique");
      if (table === null || column === null || !(trueOf(property(definition, "primaryKey")) || (unique && !falseOf(unique)))) return [];
      return [{ table, columns: [column], unique: true, name: stringOf(unique), site }];
    }
  }
  return [];
}

/** The primary key and unique columns of `createTable("orders", { id: { primaryKey: true }, email: { unique: true } })`. */
function createTableIndexes(module: ModuleInfo, args: readonly ts.Expression[], site: SchemaSite): MigrationIndex[] {
  const table = tableArgument(args[0]);
  const columns = objectOf(args[1]);
  if (table === null || !columns) return [];
  const primary: string[] = [];
  const indexes: MigrationIndex[] = [];
  const named = new Map<string, MigrationIndex>();
  for (const element of columns.properties) {
    if (!ts.isPropertyAssignment(element)) continue;
    const key = nameOf(element.name);
    const definition = objectOf(element.initializer);
    if (key === null || !definition) continue;
    const column = stringOf(property(definition, "field")) ?? key;
    if (trueOf(property(definition, "primaryKey"))) primary.push(column);
    const unique = property(definition, "unique");
    if (!unique || falseOf(unique)) continue;
    const name = stringOf(unique) ?? stringOf(property(objectOf(unique), "name"));
    const known = name !== null ? named.get(name) : undefined;
    if (known) {
      known.columns.push(column);
      continue;
    }
    const index: MigrationIndex = { table, columns: [column], unique: true, name, site: siteOf(module, element.name) };
    if (name !== null) named.set(name, index);
    indexes.push(index);
  }
  if (primary.length > 0) indexes.unshift({ table, columns: primary, unique: true, name: null, site });
  // createTable(name, attributes, { uniqueKeys: { orders_code: { fields: ["code"] } } })
  for (const element of objectOf(property(objectOf(args[2]), "uniqueKeys"))?.properties ?? []) {
    if (!ts.isPropertyAssignment(element)) continue;
    const fields = fieldNames(arrayOf(property(objectOf(element.initializer), "fields")));
    if (fields.length > 0) indexes.push({ table, columns: fields, unique: true, name: nameOf(element.name), site: siteOf(module, element.name) });
  }
  return indexes;
}

/** Where a statement starts inside a SQL string literal, to the end of its first line. */
function sqlSite(module: ModuleInfo, literal: ts.StringLiteralLike, offset: number): SchemaSite {
  const sourceFile = module.sourceFile;
  // Escapes make the cooked text shorter than the source; the raw position is close enough for a site.
  const start = literal.getStart(sourceFile) + 1 + offset;
  const lineEnd = sourceFile.text.indexOf("\n", start);
  const end = Math.min(lineEnd < 0 ? literal.getEnd() : lineEnd, literal.getEnd() - 1);
  const from = sourceFile.getLineAndCharacterOfPosition(start);
  const to = sourceFile.getLineAndCharacterOfPosition(Math.max(end, start));
  return { file: module.absPath, line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 };
}

// ---------------------------------------------------------------------------------------------------------------

/** Every Sequelize model in the project, the indexes its migrations add, its dialect and whether keys are constrained. */
export function readSequelizeSchema(modules: readonly ModuleInfo[], filesRead: string[] = []): SequelizeSchemaRead {
  return new SequelizeReader(modules, filesRead).read();
}
