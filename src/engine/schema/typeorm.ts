// TypeORM's schema from the code alone: entity classes and their decorators (columns, keys, indexes, relations, also
// the ones inherited from a base class), the indexes migrations create (raw SQL and the QueryRunner API), and the
// driver `type` of the data source. Purely syntactic: a decorator counts only when its name is imported from typeorm,
// or names a project function whose body calls typeorm's column decorators.
import { basename } from "node:path";
import ts from "#typescript";
import type { ModuleInfo } from "../project.js";
import type { DatabaseEngine, MigrationIndex, SchemaColumn, SchemaIndex, SchemaRelation, SchemaSite, SchemaTable } from "./model.js";
import { indexesInSql, unquote } from "./sql-index.js";

export interface TypeormSchemaRead {
  tables: SchemaTable[];
  migrationIndexes: MigrationIndex[];
  engine: DatabaseEngine;
  foreignKeyConstraints: boolean;
}

// A Map, not an object: a driver named `constructor` must not find Object.prototype's.
const DRIVER_ENGINES = new Map<string, DatabaseEngine>([
  ["postgres", "postgresql"],
  ["aurora-postgres", "postgresql"],
  ["mysql", "mysql"],
  ["mariadb", "mysql"],
  ["aurora-mysql", "mysql"],
  ["sqlite", "sqlite"],
  ["better-sqlite3", "sqlite"],
  ["sqljs", "sqlite"],
  ["capacitor", "sqlite"],
  ["cordova", "sqlite"],
  ["expo", "sqlite"],
  ["nativescript", "sqlite"],
  ["react-native", "sqlite"],
  ["mssql", "sqlserver"],
  ["cockroachdb", "cockroachdb"],
  ["mongodb", "mongodb"],
]);

/** TypeORM drivers no engine here stands for: a data source of theirs makes the engine unknown. */
const OTHER_DRIVERS = new Set(["oracle", "sap", "spanner"]);

/** Keys that make an object literal with a `type` a data source's options rather than any other `{ type }`. */
const DATA_SOURCE_KEYS = new Set(["entities", "migrations", "synchronize", "database", "host", "url"]);

const COLUMN_DECORATORS = new Set(["Column", "PrimaryColumn", "PrimaryGeneratedColumn", "CreateDateColumn", "UpdateDateColumn", "DeleteDateColumn", "VersionColumn", "ObjectIdColumn"]);
const PRIMARY_DECORATORS = new Set(["PrimaryColumn", "PrimaryGeneratedColumn", "ObjectIdColumn"]);
const RELATION_DECORATORS = new Set(["ManyToOne", "OneToOne", "OneToMany", "ManyToMany"]);

/** Stands in for a `${…}` of a template literal, so the SQL around it still parses; results naming it are dropped. */
const SUBSTITUTION = "__perf_scan_substitution__";

/** How deep `extends` and re-export chains are followed. */
const MAX_HOPS = 8;

interface TypeormDecorator {
  /** The name typeorm exports it under (`Entity`, whatever the local alias). */
  name: string;
  args: readonly ts.Expression[];
  /** The decorator's name in the source, for sites. */
  nameNode: ts.Node;
}

interface ColumnDraft {
  field: string;
  dbName: string | null;
  primary: boolean;
  unique: boolean;
  site: SchemaSite;
  valueKind: "boolean" | "enum" | null;
}

interface JoinColumnSpec {
  name: string | null;
  referencedColumnName: string | null;
}

interface RelationDraft {
  field: string;
  target: string;
  kind: "to-one" | "to-many";
  /** The key lives in this table: a many-to-one, or a one-to-one with @JoinColumn. */
  ownsKey: boolean;
  oneToOne: boolean;
  joinColumns: JoinColumnSpec[];
  createsConstraint: boolean;
  site: SchemaSite;
}

interface IndexDraft {
  /** Property names as written; relation names are mapped to their key fields once all entities are read. */
  fields: string[];
  unique: boolean;
  name: string | null;
  site: SchemaSite;
}

interface Members {
  columns: ColumnDraft[];
  relations: RelationDraft[];
  /** `@RelationId((o) => o.merchant) merchantId`: relation name → the property. */
  relationIds: Map<string, { field: string; site: SchemaSite }>;
  indexes: IndexDraft[];
}

interface EntityDraft {
  model: string;
  table: string;
  site: SchemaSite;
  members: Members;
  /** What declares the table: the `@Entity` class (for a `@ChildEntity`, the entity it extends), or the `new EntitySchema`. */
  root: ts.Node;
  /** Other names the code uses for the model (an EntitySchema's variable and `target` class). */
  aliases: string[];
  /** Declared by `new EntitySchema({ … })`, held in this variable (if any). */
  entitySchema?: { variable: string | null };
}

export function readTypeormSchema(modules: readonly ModuleInfo[]): TypeormSchemaRead {
  const modulesByPath = new Map(modules.map((module) => [module.absPath, module]));
  const entities: EntityDraft[] = [];
  const migrationIndexes: MigrationIndex[] = [];
  const engines = new Set<DatabaseEngine>();

  for (const module of modules) {
    const specifiers = importedSpecifiers(module.sourceFile);
    const importsTypeorm = [...specifiers].some(isTypeormModule);
    const importsAnyTypeorm = importsTypeorm || specifiers.has("@nestjs/typeorm");
    const isOrmConfig = /^ormconfig\.[cm]?[jt]s$/.test(basename(module.absPath));
    const readsMigrations = importsTypeorm || hasMigrationClass(module.sourceFile);
    if (!importsAnyTypeorm && !isOrmConfig && !readsMigrations) {
      // An entity declared only with the project's wrappers of typeorm's decorators (`@MultiORMEntity(…)`).
      for (const statement of module.sourceFile.statements) {
        if (!ts.isClassDeclaration(statement) || decoratorsOf(statement).length === 0) continue;
        const entity = readEntity(module, statement, modulesByPath);
        if (entity) entities.push(entity);
      }
      continue;
    }

    const visit = (node: ts.Node): void => {
      if (ts.isClassDeclaration(node) && (importsTypeorm || decoratorsOf(node).length > 0)) {
        const entity = readEntity(module, node, modulesByPath);
        if (entity) entities.push(entity);
      } else if (importsTypeorm && ts.isNewExpression(node) && typeormName(module, node.expression)?.text === "EntitySchema") {
        const entity = readEntitySchema(module, node);
        if (entity) entities.push(entity);
      } else if ((importsAnyTypeorm || isOrmConfig) && ts.isObjectLiteralExpression(node)) {
        const engine = dataSourceEngine(node);
        if (engine) engines.add(engine);
      } else if (readsMigrations && ts.isCallExpression(node)) {
        migrationIndexes.push(...migrationCallIndexes(module, node));
      }
      ts.forEachChild(node, visit);
    };
    visit(module.sourceFile);
  }

  canonicalRelationTargets(entities);
  const tables = entities.map((entity) => buildTable(entity, entities));
  shareSingleTableIndexes(entities, tables);
  const keyRelations = entities.flatMap((entity) => entity.members.relations.filter((relation) => relation.ownsKey));
  return {
    tables,
    migrationIndexes,
    engine: engines.size === 1 ? [...engines][0]! : "unknown",
    foreignKeyConstraints: keyRelations.length === 0 || keyRelations.some((relation) => relation.createsConstraint),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Entities

function readEntity(module: ModuleInfo, node: ts.ClassDeclaration, modulesByPath: ReadonlyMap<string, ModuleInfo>): EntityDraft | null {
  if (!node.name) return null;
  const decorators = typeormDecorators(module, node, modulesByPath);
  const entity = decorators.find((decorator) => decorator.name === "Entity");
  const model = node.name.text;
  // `@ChildEntity()`: single-table inheritance, the rows live in the table of the @Entity the class extends.
  const parent = entity ? { table: entityTableName(entity, model), root: node } : decorators.some((decorator) => decorator.name === "ChildEntity") ? parentEntity(module, node, modulesByPath) : null;
  if (!parent) return null;
  return { model, table: parent.table, site: siteOf(module, node.name), members: readMembers(module, node, modulesByPath, new Set()), root: parent.root, aliases: [] };
}

/**
 * `new EntitySchema<Order>({ name: "Order", tableName, columns: { … }, relations: { … }, indices: [ … ], uniques: [ … ] })`:
 * the same table an `@Entity` class declares, without decorators. The code names it by `name`, by the variable
 * (`getRepository(OrderSchema)`) or by its `target` class.
 */
function readEntitySchema(module: ModuleInfo, node: ts.NewExpression): EntityDraft | null {
  const options = objectArg(node.arguments ?? []);
  const model = options && stringProperty(options, "name");
  if (!options || !model) return null;
  const holder = unwrapParents(node);
  const variable = ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) ? holder.name.text : null;
  const target = propertyValue(options, "target");
  const aliases = [variable, target && ts.isIdentifier(target) ? target.text : null].filter((name): name is string => name !== null && name !== model);
  const members: Members = { columns: [], relations: [], relationIds: new Map(), indexes: [] };
  const columns = propertyValue(options, "columns");
  for (const [field, column, nameNode] of objectEntries(columns)) {
    const type = propertyValue(column, "type");
    const typeName = type && (stringValue(type) ?? (ts.isIdentifier(type) ? type.text : null));
    members.columns.push({
      field,
      dbName: stringProperty(column, "name"),
      primary: booleanProperty(column, "primary") === true || booleanProperty(column, "objectId") === true,
      unique: booleanProperty(column, "unique") === true,
      site: siteOf(module, nameNode),
      valueKind: typeName === "boolean" || typeName === "bool" || typeName === "Boolean" ? "boolean" : typeName === "enum" || typeName === "simple-enum" ? "enum" : null,
    });
  }
  for (const [field, relation, nameNode] of objectEntries(propertyValue(options, "relations"))) {
    const kind = stringProperty(relation, "type");
    const targetNode = propertyValue(relation, "target");
    const relationTargetName = targetNode && (ts.isIdentifier(targetNode) ? targetNode.text : relationTarget(targetNode));
    if (!kind || !relationTargetName) continue;
    const joinColumn = propertyValue(relation, "joinColumn");
    const joined = joinColumn !== null && joinColumn.kind !== ts.SyntaxKind.FalseKeyword;
    const oneToOne = kind === "one-to-one";
    members.relations.push({
      field,
      target: relationTargetName,
      kind: kind === "many-to-one" || oneToOne ? "to-one" : "to-many",
      ownsKey: kind === "many-to-one" || (oneToOne && joined),
      oneToOne,
      joinColumns: !joined ? [] : joinColumn.kind === ts.SyntaxKind.TrueKeyword ? [{ name: null, referencedColumnName: null }] : joinColumnSpecs(joinColumn),
      createsConstraint: booleanProperty(relation, "createForeignKeyConstraints") !== false,
      site: siteOf(module, nameNode),
    });
  }
  for (const [key, unique] of [["indices", null], ["uniques", true]] as const) {
    for (const element of arrayProperty(options, key)) {
      const index = unwrap(element);
      if (!ts.isObjectLiteralExpression(index)) continue;
      const list = propertyValue(index, "columns");
      const fields = list && fieldList(list);
      if (!fields || fields.length === 0) continue;
      members.indexes.push({ fields, unique: unique ?? booleanProperty(index, "unique") === true, name: stringProperty(index, "name"), site: siteOf(module, index) });
    }
  }
  const site = siteOf(module, variable && ts.isVariableDeclaration(holder) ? holder.name : node.expression);
  return { model, table: stringProperty(options, "tableName") ?? snakeCase(model), site, members, root: node, aliases, entitySchema: { variable } };
}

/** The declaration or expression holding a value, past parentheses and casts (`const S = new EntitySchema(…) as …`). */
function unwrapParents(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current))) current = current.parent;
  return current;
}

/** The `key: { … }` entries of an object literal, with the key's node. */
function objectEntries(node: ts.Expression | null): [string, ts.ObjectLiteralExpression, ts.PropertyName][] {
  if (!node || !ts.isObjectLiteralExpression(node)) return [];
  const entries: [string, ts.ObjectLiteralExpression, ts.PropertyName][] = [];
  for (const property of node.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const key = propertyNameText(property.name);
    const value = unwrap(property.initializer);
    if (key !== null && ts.isObjectLiteralExpression(value)) entries.push([key, value, property.name]);
  }
  return entries;
}

/** Relations name their target by a model's name, or (EntitySchema) by its variable or class: the model's name it is. */
function canonicalRelationTargets(entities: readonly EntityDraft[]): void {
  const models = new Set(entities.map((entity) => entity.model));
  const byAlias = new Map(entities.flatMap((entity) => entity.aliases.map((alias) => [alias, entity.model] as const)));
  for (const entity of entities) {
    for (const relation of entity.members.relations) if (!models.has(relation.target)) relation.target = byAlias.get(relation.target) ?? relation.target;
  }
}

function entityTableName(entity: TypeormDecorator, model: string): string {
  const firstArg = entity.args[0];
  const givenName = (firstArg && stringValue(firstArg)) ?? stringProperty(objectArg(entity.args), "name");
  return givenName || snakeCase(model);
}

/** The nearest base class that is an `@Entity`, and its table; null when the chain reaches none. */
function parentEntity(module: ModuleInfo, node: ts.ClassDeclaration, modulesByPath: ReadonlyMap<string, ModuleInfo>): { table: string; root: ts.ClassDeclaration } | null {
  let current: { module: ModuleInfo; node: ts.ClassDeclaration } | null = { module, node };
  for (let hops = 0; hops <= MAX_HOPS && current; hops++) {
    current = baseClass(current.module, current.node, modulesByPath);
    if (!current?.node.name) return null;
    const entity = typeormDecorators(current.module, current.node, modulesByPath).find((decorator) => decorator.name === "Entity");
    if (entity) return { table: entityTableName(entity, current.node.name.text), root: current.node };
  }
  return null;
}

/** The class's decorated members, its base classes' first (TypeORM inherits columns, relations and indexes). */
function readMembers(module: ModuleInfo, node: ts.ClassLikeDeclaration, modulesByPath: ReadonlyMap<string, ModuleInfo>, seen: Set<ts.Node>): Members {
  seen.add(node);
  const members: Members = { columns: [], relations: [], relationIds: new Map(), indexes: [] };
  const base = baseClass(module, node, modulesByPath);
  if (base && !seen.has(base.node) && seen.size <= MAX_HOPS) {
    const inherited = readMembers(base.module, base.node, modulesByPath, seen);
    members.columns.push(...inherited.columns);
    members.relations.push(...inherited.relations);
    for (const [relation, alias] of inherited.relationIds) members.relationIds.set(relation, alias);
    members.indexes.push(...inherited.indexes);
  }
  for (const decorator of typeormDecorators(module, node, modulesByPath)) {
    if (decorator.name === "Index" || decorator.name === "Unique") {
      const index = classLevelIndex(module, decorator);
      if (index) members.indexes.push(index);
    }
  }
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member) || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) continue;
    readProperty(module, member, member.name, members, modulesByPath);
  }
  return members;
}

/** `@Column("boolean")`, `@Column({ type: "enum" })`, `active: boolean`: columns of few values. */
function columnValueKind(args: readonly ts.Expression[], options: ts.ObjectLiteralExpression | null, annotation: ts.TypeNode | undefined): "boolean" | "enum" | null {
  const type = (args[0] && ts.isStringLiteralLike(args[0]) ? args[0].text : null) ?? stringProperty(options, "type");
  if (type === "boolean" || type === "bool") return "boolean";
  if (type === "enum" || type === "simple-enum") return "enum";
  if (type === null && annotation?.kind === ts.SyntaxKind.BooleanKeyword) return "boolean";
  return null;
}

function readProperty(module: ModuleInfo, property: ts.PropertyDeclaration, nameNode: ts.Identifier | ts.StringLiteral, members: Members, modulesByPath: ReadonlyMap<string, ModuleInfo>): void {
  const field = nameNode.text;
  const site = siteOf(module, nameNode);
  const decorators = [...typeormDecorators(module, property, modulesByPath), ...wrappedDecorators(module, property, modulesByPath)];
  const joinColumn = decorators.find((decorator) => decorator.name === "JoinColumn");
  for (const decorator of decorators) {
    const options = objectArg(decorator.args);
    if (COLUMN_DECORATORS.has(decorator.name)) {
      // `@Column(() => Address)` embeds another class's columns under a prefix; not a column of its own.
      if (decorator.args.some((arg) => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg))) continue;
      const column: ColumnDraft = {
        field,
        dbName: stringProperty(options, "name"),
        primary: PRIMARY_DECORATORS.has(decorator.name) || booleanProperty(options, "primary") === true,
        unique: booleanProperty(options, "unique") === true,
        site,
        valueKind: columnValueKind(decorator.args, options, property.type),
      };
      // A subclass redeclaring an inherited property replaces it.
      const existing = members.columns.findIndex((c) => c.field === field);
      if (existing >= 0) members.columns.splice(existing, 1, column);
      else members.columns.push(column);
    } else if (RELATION_DECORATORS.has(decorator.name)) {
      const target = relationTarget(decorator.args[0]) ?? annotatedType(property.type);
      if (target === null) continue;
      const relationOptions = objectArg(decorator.args.slice(1));
      const oneToOne = decorator.name === "OneToOne";
      members.relations.push({
        field,
        target,
        kind: decorator.name === "ManyToOne" || oneToOne ? "to-one" : "to-many",
        ownsKey: decorator.name === "ManyToOne" || (oneToOne && joinColumn !== undefined),
        oneToOne,
        joinColumns: joinColumn ? joinColumnSpecs(joinColumn.args[0]) : [],
        createsConstraint: booleanProperty(relationOptions, "createForeignKeyConstraints") !== false,
        site,
      });
    } else if (decorator.name === "RelationId") {
      const relation = relationIdTarget(decorator.args[0]);
      if (relation) members.relationIds.set(relation, { field, site });
    } else if (decorator.name === "Index" || decorator.name === "Unique") {
      // On a property both decorators index that property alone, whatever else they are given.
      const firstArg = decorator.args[0];
      const name = firstArg ? stringValue(firstArg) : null;
      const unique = decorator.name === "Unique" || booleanProperty(options, "unique") === true;
      members.indexes.push({ fields: [field], unique, name, site });
    }
  }
}

/** `@Index(["a", "b"])`, `@Index("IDX", ["a"], { unique: true })`, `@Index((o) => [o.a])`, `@Unique("UQ", ["a", "b"])`. */
function classLevelIndex(module: ModuleInfo, decorator: TypeormDecorator): IndexDraft | null {
  const firstArg = decorator.args[0];
  const name = firstArg ? stringValue(firstArg) : null;
  const fieldsArg = decorator.args.find((arg) => ts.isArrayLiteralExpression(arg) || ts.isArrowFunction(arg) || ts.isFunctionExpression(arg));
  const fields = fieldsArg ? fieldList(fieldsArg) : null;
  // `@Index("IDX", { synchronize: false })` names an index the code does not describe.
  if (!fields || fields.length === 0) return null;
  const unique = decorator.name === "Unique" || booleanProperty(objectArg(decorator.args), "unique") === true;
  return { fields, unique, name, site: siteOf(module, decorator.nameNode) };
}

/** Property names from `["a", "b"]`, `(o) => [o.a, o.b]` or `(o) => ({ a: 1, b: 1 })`; null when any is unreadable. */
function fieldList(node: ts.Expression): string[] | null {
  if (ts.isArrayLiteralExpression(node)) return allOrNull(node.elements.map((element) => stringValue(element)));
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return null;
  const result = returnedExpression(node);
  if (!result) return null;
  if (ts.isArrayLiteralExpression(result)) return allOrNull(result.elements.map((element) => stringValue(element) ?? accessPath(element)));
  if (ts.isObjectLiteralExpression(result)) return allOrNull(result.properties.map((property) => (property.name ? propertyNameText(property.name) : null)));
  return null;
}

/** `o.a` → `a`, `o.address.city` → `address.city` (the parameter dropped). */
function accessPath(node: ts.Expression): string | null {
  const names: string[] = [];
  let current = unwrap(node);
  while (ts.isPropertyAccessExpression(current)) {
    names.unshift(current.name.text);
    current = unwrap(current.expression);
  }
  return names.length > 0 && ts.isIdentifier(current) ? names.join(".") : null;
}

function returnedExpression(fn: ts.ArrowFunction | ts.FunctionExpression): ts.Expression | null {
  if (!ts.isBlock(fn.body)) return unwrap(fn.body);
  const statement = fn.body.statements.find(ts.isReturnStatement);
  return statement?.expression ? unwrap(statement.expression) : null;
}

/** `() => Merchant`, `(type) => entities.Merchant`, `"Merchant"`. */
function relationTarget(node: ts.Expression | undefined): string | null {
  if (!node) return null;
  const literal = stringValue(node);
  if (literal !== null) return literal;
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return null;
  const result = returnedExpression(node);
  if (!result) return null;
  if (ts.isIdentifier(result)) return result.text;
  return ts.isPropertyAccessExpression(result) ? result.name.text : null;
}

/** The entity a relation property's type names, under `Promise<…>`, `Relation<…>`, `…[]` and `| null`. */
function annotatedType(type: ts.TypeNode | undefined): string | null {
  if (!type) return null;
  if (ts.isArrayTypeNode(type)) return annotatedType(type.elementType);
  if (ts.isUnionTypeNode(type)) {
    const named = type.types.map(annotatedType).filter((name): name is string => name !== null);
    return named.length === 1 ? named[0]! : null;
  }
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return null;
  const name = type.typeName.text;
  if ((name === "Promise" || name === "Relation" || name === "Lazy" || name === "Array") && type.typeArguments?.length === 1) return annotatedType(type.typeArguments[0]);
  return name;
}

function relationIdTarget(node: ts.Expression | undefined): string | null {
  if (!node) return null;
  const literal = stringValue(node);
  if (literal !== null) return literal;
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return null;
  const result = returnedExpression(node);
  return result ? accessPath(result) : null;
}

/** `@JoinColumn()`, `@JoinColumn({ name, referencedColumnName })`, `@JoinColumn([{ … }, { … }])`. */
function joinColumnSpecs(node: ts.Expression | undefined): JoinColumnSpec[] {
  if (!node) return [{ name: null, referencedColumnName: null }];
  const value = unwrap(node);
  const objects = ts.isArrayLiteralExpression(value) ? value.elements.map(unwrap) : [value];
  return objects.filter(ts.isObjectLiteralExpression).map((object) => ({ name: stringProperty(object, "name"), referencedColumnName: stringProperty(object, "referencedColumnName") }));
}

/** The class a class extends, when it is declared in this file or in a listed module it imports. */
function baseClass(module: ModuleInfo, node: ts.ClassLikeDeclaration, modulesByPath: ReadonlyMap<string, ModuleInfo>): { module: ModuleInfo; node: ts.ClassDeclaration } | null {
  const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (!heritage || !ts.isIdentifier(heritage.expression)) return null;
  return classNamed(module, heritage.expression.text, modulesByPath, 0);
}

function classNamed(module: ModuleInfo, localName: string, modulesByPath: ReadonlyMap<string, ModuleInfo>, hops: number): { module: ModuleInfo; node: ts.ClassDeclaration } | null {
  const found = declarationNamed(module, localName, modulesByPath, hops);
  return found && ts.isClassDeclaration(found.node) ? { module: found.module, node: found.node } : null;
}

/** The top-level declaration a local name stands for: declared in this module, or imported from a listed one. */
function declarationNamed(module: ModuleInfo, localName: string, modulesByPath: ReadonlyMap<string, ModuleInfo>, hops: number): { module: ModuleInfo; node: ts.Node } | null {
  if (hops > MAX_HOPS) return null;
  const local = module.topLevel.get(localName);
  if (local) return { module, node: local };
  const binding = module.imports.get(localName);
  if (!binding || binding.external) return null;
  const target = modulesByPath.get(binding.module);
  return target ? exportedDeclaration(target, binding.name, modulesByPath, hops + 1) : null;
}

function exportedDeclaration(module: ModuleInfo, exportName: string, modulesByPath: ReadonlyMap<string, ModuleInfo>, hops: number): { module: ModuleInfo; node: ts.Node } | null {
  if (hops > MAX_HOPS) return null;
  const exported = module.exports.get(exportName);
  if (exported?.kind === "local") return declarationNamed(module, exported.name, modulesByPath, hops + 1);
  if (exported?.kind === "node") return { module, node: exported.node };
  if (exported?.kind === "reexport") {
    const target = exported.external ? undefined : modulesByPath.get(exported.module);
    return target ? exportedDeclaration(target, exported.name, modulesByPath, hops + 1) : null;
  }
  for (const path of module.starExports) {
    const target = modulesByPath.get(path);
    const found = target ? exportedDeclaration(target, exportName, modulesByPath, hops + 1) : null;
    if (found) return found;
  }
  return null;
}

/** The entity as a table: key fields resolved now that every entity's primary key is known. */
function buildTable(entity: EntityDraft, entities: readonly EntityDraft[]): SchemaTable {
  const { members } = entity;
  const columns = new Map<string, SchemaColumn>();
  for (const column of members.columns) columns.set(column.field, { name: column.field, column: column.dbName, site: column.site, valueKind: column.valueKind });
  let primaryKey = members.columns.filter((column) => column.primary).map((column) => column.field);
  // TypeORM refuses an entity without a primary column: one declared out of sight (a project decorator that registers
  // it at run time, a base class the scan does not list) is taken to be `id`. At worst a filter on `id` counts as served.
  if (primaryKey.length === 0) {
    primaryKey = ["id"];
    if (!columns.has("id")) columns.set("id", { name: "id", column: null, site: entity.site, valueKind: null });
  }
  const indexes: SchemaIndex[] = members.columns.filter((column) => column.unique).map((column) => ({ fields: [column.field], unique: true, declaredIn: "schema", name: null, site: column.site }));

  const relations: SchemaRelation[] = [];
  for (const draft of members.relations) {
    if (!draft.ownsKey) {
      relations.push({ field: draft.field, target: draft.target, kind: draft.kind, foreignKey: [], references: [], site: draft.site });
      continue;
    }
    const references = referencedFields(draft, entities);
    const foreignKey = references.map((reference) => keyField(draft, reference, references.length, members, columns));
    relations.push({ field: draft.field, target: draft.target, kind: draft.kind, foreignKey, references, site: draft.site, ...(draft.createsConstraint ? {} : { unconstrained: true as const }) });
    // TypeORM backs the key of a one-to-one with a unique constraint (unless it creates no constraint at all).
    if (draft.oneToOne && draft.createsConstraint) indexes.push({ fields: foreignKey, unique: true, declaredIn: "schema", name: null, site: draft.site });
  }

  const fieldsOf = (field: string): string[] => {
    const relation = relations.find((r) => r.field === field && r.foreignKey.length > 0);
    if (relation) return relation.foreignKey;
    if (columns.has(field)) return [field];
    const byDbName = [...columns.values()].find((column) => column.column === field);
    return [byDbName?.name ?? field];
  };
  for (const index of members.indexes) indexes.push({ fields: index.fields.flatMap(fieldsOf), unique: index.unique, declaredIn: "schema", name: index.name, site: index.site });

  return { model: entity.model, table: entity.table, orm: "typeorm", columns, primaryKey, indexes, relations, site: entity.site, ...(entity.entitySchema && { entitySchema: entity.entitySchema }), ...(entity.aliases.length > 0 && { aliases: entity.aliases }) };
}

/**
 * Single-table inheritance: the parent entity and its child entities are one table, so an index any of them declares
 * serves them all (`Allocation`'s `@Index() orderLine` serves `Sale`'s `orderLine`) when its columns are theirs too.
 */
function shareSingleTableIndexes(entities: readonly EntityDraft[], tables: readonly SchemaTable[]): void {
  const groups = new Map<ts.Node, SchemaTable[]>();
  entities.forEach((entity, i) => groups.set(entity.root, [...(groups.get(entity.root) ?? []), tables[i]!]));
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const dbName = (table: SchemaTable, field: string): string | null => {
      const column = table.columns.get(field);
      return column ? (column.column ?? column.name) : null;
    };
    const declared = group.map((table) => [...table.indexes]);
    group.forEach((source, i) => {
      for (const index of declared[i]!) {
        for (const target of group) {
          if (target === source) continue;
          if (!index.fields.every((field) => dbName(target, field) !== null && dbName(target, field) === dbName(source, field))) continue;
          if (target.indexes.some((other) => other.unique === index.unique && other.fields.join("\0") === index.fields.join("\0"))) continue;
          target.indexes.push(index);
        }
      }
    });
  }
}

/** What the key points at: the join columns' `referencedColumnName`s, else the target's primary key, else `id`. */
function referencedFields(relation: RelationDraft, entities: readonly EntityDraft[]): string[] {
  const named = relation.joinColumns.map((spec) => spec.referencedColumnName).filter((name): name is string => name !== null);
  if (named.length > 0) return named;
  const target = entities.find((entity) => entity.model === relation.target);
  const targetKey = target?.members.columns.filter((column) => column.primary).map((column) => column.field) ?? [];
  return targetKey.length > 0 ? targetKey : ["id"];
}

/** The property holding one key column, added to `columns` when no property declares it. */
function keyField(relation: RelationDraft, reference: string, referenceCount: number, members: Members, columns: Map<string, SchemaColumn>): string {
  const spec = relation.joinColumns.find((s) => (s.referencedColumnName === null || s.referencedColumnName === reference) && s.name !== null);
  const dbName = spec?.name ?? joinColumnName(relation.field, reference);
  for (const column of columns.values()) if ((column.column ?? column.name) === dbName) return column.name;
  const alias = referenceCount === 1 ? members.relationIds.get(relation.field) : undefined;
  if (alias) {
    if (!columns.has(alias.field)) columns.set(alias.field, { name: alias.field, column: alias.field === dbName ? null : dbName, site: alias.site });
    return alias.field;
  }
  if (!columns.has(dbName)) columns.set(dbName, { name: dbName, column: null, site: relation.site });
  return dbName;
}

/** DefaultNamingStrategy.joinColumnName: camelCase of `relation_reference` (`merchant` + `id` → `merchantId`). */
function joinColumnName(relation: string, reference: string): string {
  return `${relation}_${reference}`.replace(/^[A-Z]/, (first) => first.toLowerCase()).replace(/[\s_-](\w)/g, (_separator, next: string) => next.toUpperCase());
}

/** DefaultNamingStrategy.tableName without a given name: `OrderItem` → `order_item`, `HTTPLog` → `http_log`. */
function snakeCase(name: string): string {
  return name
    .replace(/([A-Z])(?=[A-Z][a-z])/g, "$1_")
    .replace(/([a-z0-9])(?=[A-Z])/g, "$1_")
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Migrations

/** A JavaScript migration imports nothing from typeorm: a class with `up` and `down` methods stands for one. */
function hasMigrationClass(sourceFile: ts.SourceFile): boolean {
  const isMigration = (node: ts.Node): boolean => {
    if (!ts.isClassDeclaration(node) && !ts.isClassExpression(node)) return false;
    const methods = new Set(node.members.filter(ts.isMethodDeclaration).map((method) => (method.name && ts.isIdentifier(method.name) ? method.name.text : "")));
    return methods.has("up") && methods.has("down");
  };
  return sourceFile.statements.some((statement) => {
    if (isMigration(statement)) return true;
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression)) return isMigration(unwrap(statement.expression.right));
    return false;
  });
}

function migrationCallIndexes(module: ModuleInfo, call: ts.CallExpression): MigrationIndex[] {
  if (!ts.isPropertyAccessExpression(call.expression)) return [];
  const method = call.expression.name.text;
  const site = siteOf(module, call.expression.name);
  const [first, second] = call.arguments;
  if (method === "query") return first ? sqlIndexes(first, site) : [];
  if (method === "createTable") return first ? tableIndexes(first, site) : [];
  const table = first ? stringValue(first) : null;
  if (table === null || !second) return [];
  const tableName = unquote(table);
  const one = (object: ts.Expression, unique: boolean | null): MigrationIndex[] => {
    const index = indexFromOptions(tableName, object, unique, site);
    return index ? [index] : [];
  };
  const each = (list: ts.Expression, unique: boolean | null): MigrationIndex[] => {
    const value = unwrap(list);
    return ts.isArrayLiteralExpression(value) ? value.elements.flatMap((element) => one(element, unique)) : [];
  };
  switch (method) {
    case "createIndex":
      return one(second, null);
    case "createIndices":
      return each(second, null);
    case "createUniqueConstraint":
      return one(second, true);
    case "createUniqueConstraints":
      return each(second, true);
    case "createPrimaryKey": {
      const columns = stringArray(second);
      return columns && columns.length > 0 ? [{ table: tableName, columns, unique: true, name: call.arguments[2] ? stringValue(call.arguments[2]) : null, site }] : [];
    }
    case "addColumn": {
      const column = columnOptions(second);
      return column?.unique ? [{ table: tableName, columns: [column.name], unique: true, name: null, site }] : [];
    }
    default:
      return [];
  }
}

/** The indexes a `query(…)` text creates, from a string, or from a template literal's literal parts. */
function sqlIndexes(node: ts.Expression, site: SchemaSite): MigrationIndex[] {
  const value = unwrap(node);
  let sql: string | null = stringValue(value);
  if (sql === null && ts.isTemplateExpression(value)) sql = value.head.text + value.templateSpans.map((span) => SUBSTITUTION + span.literal.text).join("");
  if (sql === null) return [];
  return indexesInSql(sql)
    .filter((index) => !index.table.includes(SUBSTITUTION) && !index.columns.some((column) => column.includes(SUBSTITUTION)))
    .map((index) => ({ table: index.table, columns: index.columns, unique: index.unique, name: index.name !== null && index.name.includes(SUBSTITUTION) ? null : index.name, site }));
}

/** `new Table({ name, columns: [{ isPrimary, isUnique }], indices: [...], uniques: [...] })`. */
function tableIndexes(node: ts.Expression, site: SchemaSite): MigrationIndex[] {
  const options = constructedOptions(node);
  const table = options ? stringProperty(options, "name") : null;
  if (!options || table === null) return [];
  const tableName = unquote(table);
  const found: MigrationIndex[] = [];
  const columns = arrayProperty(options, "columns").map(columnOptions).filter((column) => column !== null);
  const primary = columns.filter((column) => column.primary).map((column) => column.name);
  if (primary.length > 0) found.push({ table: tableName, columns: primary, unique: true, name: null, site });
  for (const column of columns) if (column.unique) found.push({ table: tableName, columns: [column.name], unique: true, name: null, site });
  for (const index of arrayProperty(options, "indices")) {
    const read = indexFromOptions(tableName, index, null, site);
    if (read) found.push(read);
  }
  for (const unique of arrayProperty(options, "uniques")) {
    const read = indexFromOptions(tableName, unique, true, site);
    if (read) found.push(read);
  }
  return found;
}

/** `new TableIndex({ name, columnNames, isUnique })` or the bare options; `unique` overrides `isUnique` when given. */
function indexFromOptions(table: string, node: ts.Expression, unique: boolean | null, site: SchemaSite): MigrationIndex | null {
  const options = constructedOptions(node);
  const columnNames = options ? propertyValue(options, "columnNames") : null;
  const columns = columnNames ? stringArray(columnNames) : null;
  if (!options || !columns || columns.length === 0) return null;
  return { table, columns, unique: unique ?? booleanProperty(options, "isUnique") === true, name: stringProperty(options, "name"), site };
}

function columnOptions(node: ts.Expression): { name: string; primary: boolean; unique: boolean } | null {
  const options = constructedOptions(node);
  const name = options ? stringProperty(options, "name") : null;
  if (!options || name === null) return null;
  return { name, primary: booleanProperty(options, "isPrimary") === true, unique: booleanProperty(options, "isUnique") === true };
}

/** The options object of `new TableX({ … })`, or the object itself. */
function constructedOptions(node: ts.Expression): ts.ObjectLiteralExpression | null {
  const value = unwrap(node);
  if (ts.isObjectLiteralExpression(value)) return value;
  if (ts.isNewExpression(value) && value.arguments?.[0]) {
    const options = unwrap(value.arguments[0]);
    return ts.isObjectLiteralExpression(options) ? options : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Engine

/** The engine of a data source's options object (`{ type: "postgres", entities: [...] }`), or null when it is not one. */
function dataSourceEngine(object: ts.ObjectLiteralExpression): DatabaseEngine | null {
  const type = stringProperty(object, "type");
  if (type === null) return null;
  const isDataSource = object.properties.some((property) => property.name !== undefined && DATA_SOURCE_KEYS.has(propertyNameText(property.name) ?? ""));
  if (!isDataSource) return null;
  // `entities: []`: a side connection (a legacy database read by raw SQL) that holds none of these tables.
  const entities = object.properties.find((property) => property.name !== undefined && propertyNameText(property.name) === "entities");
  if (entities && ts.isPropertyAssignment(entities) && ts.isArrayLiteralExpression(entities.initializer) && entities.initializer.elements.length === 0) return null;
  // Any other `type` (`cache: { type: "redis", … }`) is not a driver and says nothing about the database.
  return DRIVER_ENGINES.get(type) ?? (OTHER_DRIVERS.has(type) ? "unknown" : null);
}

// ---------------------------------------------------------------------------------------------------------------
// Syntax helpers

/**
 * The specifiers a module imports or requires at its top level, read from the syntax: asking `imports` for a
 * binding's module would resolve every import of every file, which the engine otherwise does only on demand.
 */
function importedSpecifiers(sourceFile: ts.SourceFile): Set<string> {
  const specifiers = new Set<string>();
  const addRequire = (node: ts.Expression | undefined) => {
    let current = node && unwrap(node);
    while (current && ts.isPropertyAccessExpression(current)) current = unwrap(current.expression);
    if (current && ts.isCallExpression(current) && ts.isIdentifier(current.expression) && current.expression.text === "require" && current.arguments[0]) {
      const specifier = stringValue(current.arguments[0]);
      if (specifier !== null) specifiers.add(specifier);
    }
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) specifiers.add(statement.moduleSpecifier.text);
    else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const specifier = stringValue(statement.moduleReference.expression);
      if (specifier !== null) specifiers.add(specifier);
    } else if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) addRequire(declaration.initializer);
  }
  return specifiers;
}

/**
 * The decorators on a node that typeorm exports: `@Entity()` with `Entity` imported from it, or `@orm.Entity()`; and
 * the project's own decorators that hand their arguments on to one of them (`@MultiORMEntity("employee")`).
 */
function typeormDecorators(module: ModuleInfo, node: ts.Node, modulesByPath?: ReadonlyMap<string, ModuleInfo>): TypeormDecorator[] {
  const found: TypeormDecorator[] = [];
  for (const decorator of decoratorsOf(node)) {
    const expression = decorator.expression;
    const callee = ts.isCallExpression(expression) ? expression.expression : expression;
    const args = ts.isCallExpression(expression) ? expression.arguments : [];
    const name = typeormName(module, callee);
    if (name) found.push({ name: name.text, args, nameNode: name.node });
    else if (modulesByPath && ts.isIdentifier(callee)) {
      const passedTo = passThroughName(module, callee.text, modulesByPath);
      if (passedTo) found.push({ name: passedTo, args, nameNode: callee });
    }
  }
  return found;
}

const passThroughCache = new WeakMap<ts.Node, string | null>();

/**
 * The typeorm decorator a project decorator stands for when it takes arguments and, itself or through the project
 * functions it calls, applies exactly one kind of typeorm decorator (other ORMs' aside): a wrapper that mirrors
 * typeorm's signature, such as a multi-ORM `MultiORMColumn(options)` or `ColumnIndex(name, fields)`.
 */
function passThroughName(module: ModuleInfo, localName: string, modulesByPath: ReadonlyMap<string, ModuleInfo>): string | null {
  const declaration = declarationNamed(module, localName, modulesByPath, 0);
  if (!declaration) return null;
  const cached = passThroughCache.get(declaration.node);
  if (cached !== undefined) return cached;
  passThroughCache.set(declaration.node, null); // recursion guard
  const fn = functionOf(declaration.node);
  let result: string | null = null;
  if (fn && fn.parameters.length > 0) {
    const names = new Set<string>();
    // Arguments the wrapper writes itself (`Column({ unique: true, length })`) say more than the caller's: that is
    // a wrapper of its own kind (wrappedDecorators), not one that hands its arguments on.
    let ownArguments = false;
    const collect = (owner: ModuleInfo, body: ts.Node, depth: number): void => {
      const visit = (child: ts.Node): void => {
        if (ts.isCallExpression(child)) {
          const name = typeormName(owner, child.expression);
          if (name) {
            names.add(name.text);
            if (child.arguments.some(isWrittenArgument)) ownArguments = true;
          }
          else if (depth < 2 && ts.isIdentifier(child.expression)) {
            const callee = declarationNamed(owner, child.expression.text, modulesByPath, 0);
            const calleeFn = callee && functionOf(callee.node);
            if (callee && calleeFn?.body) collect(callee.module, calleeFn.body, depth + 1);
          }
        }
        ts.forEachChild(child, visit);
      };
      visit(body);
    };
    if (fn.body) collect(declaration.module, fn.body, 0);
    const [only] = names;
    if (names.size === 1 && only && !ownArguments && PASS_THROUGH_DECORATORS.has(only)) result = only;
  }
  passThroughCache.set(declaration.node, result);
  return result;
}

/** A value the wrapper writes (`"t_users"`, `{ unique: true }`), not one it hands on (`options`, `{ type, ...options }`). */
function isWrittenArgument(argument: ts.Expression): boolean {
  const value = unwrap(argument);
  if (ts.isStringLiteralLike(value) || ts.isNumericLiteral(value) || ts.isTemplateExpression(value) || value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword) return true;
  return ts.isObjectLiteralExpression(value) && value.properties.some((property) => ts.isPropertyAssignment(property) && isWrittenArgument(property.initializer));
}

const PASS_THROUGH_DECORATORS = new Set(["Entity", "ChildEntity", "Index", "Unique", "JoinColumn", "RelationId", ...COLUMN_DECORATORS, ...RELATION_DECORATORS]);

/** The function a declaration holds: `function f() {}`, or `const f = () => …` / `function () {}`. */
function functionOf(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  if (ts.isFunctionDeclaration(node)) return node.body ? node : undefined;
  if (ts.isVariableDeclaration(node) && node.initializer) {
    const value = unwrap(node.initializer);
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
  }
  return undefined;
}

function decoratorsOf(node: ts.Node): readonly ts.Decorator[] {
  return ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
}

/** The name typeorm exports `callee` under, when it is `Name` imported from typeorm or `orm.Name` of a namespace import. */
function typeormName(module: ModuleInfo, callee: ts.Expression): { text: string; node: ts.Node } | null {
  if (ts.isIdentifier(callee)) {
    const binding = module.imports.get(callee.text);
    if (binding && binding.name !== "*" && binding.name !== "default" && isTypeormModule(binding.module)) return { text: binding.name, node: callee };
  } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    const binding = module.imports.get(callee.expression.text);
    if (binding && (binding.name === "*" || binding.name === "default") && isTypeormModule(binding.module)) return { text: callee.name.text, node: callee.name };
  }
  return null;
}

/** What a project's own decorator stands for: the typeorm column and index decorators its body calls, by declaration. */
const wrapperCache = new WeakMap<ts.Node, { name: string; args: readonly ts.Expression[] }[]>();

/**
 * `@Money() price` where the project's `Money()` returns typeorm's `Column({ type: "int" })`: the typeorm decorators
 * the wrapper calls, as if written on the property. Only a function of the project (this file or a listed module)
 * whose body calls nothing of typeorm but column and index decorators, all of them primary or none.
 */
function wrappedDecorators(module: ModuleInfo, property: ts.PropertyDeclaration, modulesByPath: ReadonlyMap<string, ModuleInfo>): TypeormDecorator[] {
  const found: TypeormDecorator[] = [];
  for (const decorator of decoratorsOf(property)) {
    const expression = decorator.expression;
    const callee = ts.isCallExpression(expression) ? expression.expression : expression;
    if (!ts.isIdentifier(callee) || typeormName(module, callee) || passThroughName(module, callee.text, modulesByPath)) continue;
    const declaration = declarationNamed(module, callee.text, modulesByPath, 0);
    if (!declaration) continue;
    for (const call of wrapperCalls(declaration.module, declaration.node)) found.push({ ...call, nameNode: callee });
  }
  return found;
}

function wrapperCalls(module: ModuleInfo, node: ts.Node): { name: string; args: readonly ts.Expression[] }[] {
  const cached = wrapperCache.get(node);
  if (cached) return cached;
  let fn: ts.Node | undefined = node;
  if (ts.isVariableDeclaration(node)) fn = node.initializer && unwrap(node.initializer);
  const calls: { name: string; args: readonly ts.Expression[] }[] = [];
  let foreign = false;
  if (fn && (ts.isFunctionDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.body) {
    const visit = (child: ts.Node): void => {
      if (ts.isCallExpression(child)) {
        const name = typeormName(module, child.expression);
        if (name && (COLUMN_DECORATORS.has(name.text) || name.text === "Index" || name.text === "Unique")) calls.push({ name: name.text, args: child.arguments });
        else if (name) foreign = true;
      }
      ts.forEachChild(child, visit);
    };
    visit(fn.body);
  }
  const columns = calls.filter((call) => COLUMN_DECORATORS.has(call.name));
  const primaries = columns.filter((call) => PRIMARY_DECORATORS.has(call.name));
  // A relation, or a column that may or may not be the primary key: what the property is depends on more than the code says.
  const result = foreign || columns.length === 0 || (primaries.length > 0 && primaries.length < columns.length) ? [] : calls;
  wrapperCache.set(node, result);
  return result;
}

function isTypeormModule(specifier: string): boolean {
  return specifier === "typeorm" || specifier.startsWith("typeorm/");
}

function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
  return current;
}

function stringValue(node: ts.Expression): string | null {
  const value = unwrap(node);
  return ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) ? value.text : null;
}

function stringArray(node: ts.Expression): string[] | null {
  const value = unwrap(node);
  return ts.isArrayLiteralExpression(value) ? allOrNull(value.elements.map((element) => stringValue(element))) : null;
}

function allOrNull(values: (string | null)[]): string[] | null {
  return values.every((value) => value !== null) ? (values as string[]) : null;
}

function propertyNameText(name: ts.PropertyName): string | null {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : null;
}

function objectArg(args: readonly ts.Expression[]): ts.ObjectLiteralExpression | null {
  for (const arg of args) {
    const value = unwrap(arg);
    if (ts.isObjectLiteralExpression(value)) return value;
  }
  return null;
}

function propertyValue(object: ts.ObjectLiteralExpression, key: string): ts.Expression | null {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === key) return unwrap(property.initializer);
  }
  return null;
}

function stringProperty(object: ts.ObjectLiteralExpression | null, key: string): string | null {
  const value = object ? propertyValue(object, key) : null;
  return value ? stringValue(value) : null;
}

function booleanProperty(object: ts.ObjectLiteralExpression | null, key: string): boolean | null {
  const value = object ? propertyValue(object, key) : null;
  if (value?.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (value?.kind === ts.SyntaxKind.FalseKeyword) return false;
  return null;
}

function arrayProperty(object: ts.ObjectLiteralExpression, key: string): ts.Expression[] {
  const value = propertyValue(object, key);
  return value && ts.isArrayLiteralExpression(value) ? [...value.elements] : [];
}

function siteOf(module: ModuleInfo, node: ts.Node): SchemaSite {
  const { sourceFile } = module;
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const end = sourceFile.getLineAndCharacterOfPosition(node.getEnd());
  return { file: module.absPath, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
