// The database schema as the analysis sees it, whatever ORM declared it: tables (by the model name the code uses),
// their columns, keys, indexes and relations, and the engine that decides what gets indexed without being asked.
// Readers: prisma.ts (schema.prisma), typeorm.ts (entity decorators, migrations), sequelize.ts (init/define, migrations).
import type { Orm } from "../../types.js";

/** The database the schema runs on; `unknown` when nothing in the project says. */
export type DatabaseEngine = "postgresql" | "mysql" | "sqlite" | "sqlserver" | "cockroachdb" | "mongodb" | "unknown";

/** A place in a schema source: a `.prisma` file, an entity or model file, a migration. 1-based. */
export interface SchemaSite {
  /** Absolute path. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface SchemaColumn {
  /** Field or property name, as queries write it (`merchantId`). */
  name: string;
  /** Column name in the database when it differs or is known (`merchant_id`), else null. */
  column: string | null;
  site: SchemaSite | null;
  /** `boolean` and `enum` columns take few values: an index on one alone rarely pays; `json` takes no btree index. Null when not known. */
  valueKind?: "boolean" | "enum" | "json" | null;
}

export interface SchemaIndex {
  /** Field names in index order (`["merchantId", "createdAt"]`). */
  fields: string[];
  unique: boolean;
  /** Where it is declared: the schema itself, or only a migration. */
  declaredIn: "schema" | "migration";
  name: string | null;
  site: SchemaSite | null;
}

export interface SchemaRelation {
  /** The relation field or property (`merchant`, `orders`). */
  field: string;
  /** The model it points to. */
  target: string;
  /** `to-one`: this row points at one target row (or is pointed at by one); `to-many`: a list of target rows. */
  kind: "to-one" | "to-many";
  /** Scalar fields of this model that hold the foreign key (`["merchantId"]`); empty when the key is on the other side. */
  foreignKey: string[];
  /** Fields of the target the key refers to (`["id"]`). */
  references: string[];
  /** Where the relation (or its key field) is declared, for the schema-level finding. */
  site: SchemaSite | null;
  /** Declared without a database constraint (Sequelize `constraints: false`, TypeORM `createForeignKeyConstraints: false`). */
  unconstrained?: true;
}

export interface SchemaTable {
  /** The model or entity name the code uses (`Order`). */
  model: string;
  /** Table name in the database when known (`orders`). */
  table: string | null;
  orm: Orm;
  columns: Map<string, SchemaColumn>;
  /** Primary key fields; empty when none is declared. */
  primaryKey: string[];
  /** Declared indexes and unique constraints (the primary key is not repeated here). */
  indexes: SchemaIndex[];
  relations: SchemaRelation[];
  /** The model or entity definition. */
  site: SchemaSite | null;
  /** Declared by a TypeORM `new EntitySchema({ … })` rather than a class: its variable, when it has one. */
  entitySchema?: { variable: string | null };
  /** Other names the code gives the model: an EntitySchema's variable and `target` class. */
  aliases?: string[];
}

export interface DatabaseSchema {
  engine: DatabaseEngine;
  /** The database enforces foreign keys (false with Prisma `relationMode = "prisma"`, or `createForeignKeyConstraints: false`). */
  foreignKeyConstraints: boolean;
  /** By model name. */
  tables: Map<string, SchemaTable>;
  /** Another name of a model (`tables`' key), as `SchemaTable.aliases` gives it. */
  aliases?: Map<string, string>;
}

/** The table of a model, by the name the code uses: its model name or an alias. */
export function tableNamed(schema: DatabaseSchema, name: string): SchemaTable | undefined {
  const model = schema.aliases?.get(name);
  return schema.tables.get(name) ?? (model === undefined ? undefined : schema.tables.get(model));
}

/** An index a migration creates, by database names (`CREATE INDEX … ON "orders" ("merchant_id")`). */
export interface MigrationIndex {
  table: string;
  columns: string[];
  unique: boolean;
  name: string | null;
  site: SchemaSite | null;
}

/** Why a column set can be looked up without a full scan: the index, key or constraint that serves it. */
export interface IndexUse {
  kind: "primary-key" | "unique" | "index" | "foreign-key-auto";
  fields: string[];
}

/**
 * Every index the database has on a table: the primary key, unique constraints, declared indexes, and the ones the
 * engine adds on its own. MySQL/InnoDB indexes each foreign key that has a constraint; PostgreSQL, SQLite, SQL Server
 * and CockroachDB do not; with no constraint (Prisma `relationMode = "prisma"`) no engine does.
 */
export function indexesOn(schema: DatabaseSchema, table: SchemaTable): IndexUse[] {
  const uses: IndexUse[] = [];
  if (table.primaryKey.length > 0) uses.push({ kind: "primary-key", fields: table.primaryKey });
  for (const index of table.indexes) uses.push({ kind: index.unique ? "unique" : "index", fields: index.fields });
  if (schema.engine === "mysql" && schema.foreignKeyConstraints) {
    for (const relation of table.relations) if (relation.foreignKey.length > 0 && !relation.unconstrained) uses.push({ kind: "foreign-key-auto", fields: relation.foreignKey });
  }
  return uses;
}

/**
 * The index a filter can use: one whose leading field the filter constrains. `(a, b)` serves `where a` and
 * `where a and b`, not `where b`. When the engine is unknown, a foreign key counts as indexed (MySQL would have).
 */
export function usableIndex(schema: DatabaseSchema, table: SchemaTable, filterFields: readonly string[]): IndexUse | null {
  const wanted = new Set(filterFields);
  for (const use of indexesOn(schema, table)) if (use.fields.length > 0 && wanted.has(use.fields[0]!)) return use;
  if (schema.engine === "unknown") {
    for (const relation of table.relations) if (relation.foreignKey.length > 0 && wanted.has(relation.foreignKey[0]!)) return { kind: "foreign-key-auto", fields: relation.foreignKey };
  }
  return null;
}

/**
 * Whether a foreign key needs an index of its own for joins, cascades and `where fk = ?`: on every known engine but
 * MySQL/InnoDB, which indexes the keys it has a constraint for.
 */
export function foreignKeyNeedsIndex(schema: DatabaseSchema, relation: SchemaRelation): boolean {
  if (schema.engine === "unknown" || schema.engine === "mongodb") return false;
  return schema.engine !== "mysql" || !schema.foreignKeyConstraints || relation.unconstrained === true;
}

/** Adds a migration's indexes to the tables they belong to, matching database names, then model names. */
export function addMigrationIndexes(schema: DatabaseSchema, indexes: readonly MigrationIndex[]): void {
  for (const index of indexes) {
    // Entities of one single-table hierarchy share the table, and so its indexes.
    for (const table of tablesNamed(schema, index.table)) {
      const fields = index.columns.map((column) => fieldForColumn(table, column));
      if (fields.some((field) => field === null)) continue;
      table.indexes.push({ fields: fields as string[], unique: index.unique, declaredIn: "migration", name: index.name, site: index.site });
    }
  }
}

function normalName(name: string): string {
  return name.replace(/^.*\./, "").replace(/["`[\]]/g, "").replace(/_/g, "").toLowerCase();
}

/** The tables a database name means: those of that table name, else the one of that model name (case and `_` aside). */
export function tablesNamed(schema: DatabaseSchema, name: string): SchemaTable[] {
  const wanted = normalName(name);
  const tables = [...schema.tables.values()];
  const byTable = tables.filter((t) => t.table !== null && normalName(t.table) === wanted);
  if (byTable.length > 0) return byTable;
  const byModel = tables.find((t) => t.table === null && (normalName(t.model) === wanted || normalName(t.model) + "s" === wanted));
  return byModel ? [byModel] : [];
}

/** The field a database column name means: its mapped column name, else the field of that name (case and `_` aside). */
export function fieldForColumn(table: SchemaTable, column: string): string | null {
  const wanted = normalName(column);
  for (const field of table.columns.values()) if (field.column !== null && normalName(field.column) === wanted) return field.name;
  for (const field of table.columns.values()) if (normalName(field.name) === wanted) return field.name;
  return null;
}
