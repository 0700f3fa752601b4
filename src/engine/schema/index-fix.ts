// The index to add, written the way the project declares its schema: `@@index([…])` in schema.prisma, `@Index([…])`
// on a TypeORM entity, `indexes: [{ fields }]` on a Sequelize model, and the SQL a migration would run.
import type { DatabaseSchema, SchemaTable } from "./model.js";

/** The declaration of the index in the table's own ORM. */
export function indexDeclaration(table: SchemaTable, fields: readonly string[]): string {
  const list = (names: readonly string[]) => names.map((name) => JSON.stringify(name)).join(", ");
  switch (table.orm) {
    case "prisma":
      return `@@index([${fields.join(", ")}])`;
    case "typeorm": {
      // A key column the entity does not declare is named by its relation property.
      const names = list(fields.map((field) => undeclaredKeyRelation(table, field) ?? field));
      return table.entitySchema ? `{ columns: [${names}] }` : `@Index([${names}])`;
    }
    case "sequelize":
      return `indexes: [{ fields: [${list(fields)}] }]`;
  }
}

/** The relation property whose key column `field` is, when the entity declares no property of that name. */
function undeclaredKeyRelation(table: SchemaTable, field: string): string | null {
  const relation = table.relations.find((r) => r.foreignKey[0] === field);
  const column = table.columns.get(field);
  if (!relation) return null;
  // The reader adds an undeclared key column at its relation's site.
  const atRelation = !column?.site || (relation.site !== null && column.site.line === relation.site.line && column.site.column === relation.site.column);
  return atRelation ? relation.field : null;
}

function quoted(schema: DatabaseSchema, name: string): string {
  return schema.engine === "mysql" ? `\`${name}\`` : `"${name}"`;
}

/** `CREATE INDEX CONCURRENTLY "Order_merchantId_idx" ON "Order" ("merchant_id")`, by database names. */
export function indexSql(schema: DatabaseSchema, table: SchemaTable, fields: readonly string[]): string {
  const tableName = table.table ?? table.model;
  const columns = fields.map((field) => table.columns.get(field)?.column ?? field);
  const name = `${tableName}_${columns.join("_")}_idx`;
  const concurrently = schema.engine === "postgresql" || schema.engine === "cockroachdb" ? "CONCURRENTLY " : "";
  const online = schema.engine === "mysql" ? " ALGORITHM=INPLACE LOCK=NONE" : "";
  return `CREATE INDEX ${concurrently}${quoted(schema, name)} ON ${quoted(schema, tableName)} (${columns.map((c) => quoted(schema, c)).join(", ")})${online};`;
}

/** Where the declaration goes, for the fix text. */
function declarationPlace(table: SchemaTable): string {
  switch (table.orm) {
    case "prisma":
      return `model ${table.model} in the Prisma schema`;
    case "typeorm":
      return table.entitySchema ? `the \`indices\` of the ${table.entitySchema.variable ?? table.model} EntitySchema` : `the ${table.model} entity class`;
    case "sequelize":
      return `the ${table.model} model options`;
  }
}

/** The whole fix: the declaration, and the migration statement for the projects that write migrations. */
export function indexFix(schema: DatabaseSchema, table: SchemaTable, fields: readonly string[]): string {
  const migration = table.orm === "sequelize" ? `queryInterface.addIndex(${JSON.stringify(table.table ?? table.model)}, ${JSON.stringify(fields.map((f) => table.columns.get(f)?.column ?? f))}${schema.engine === "postgresql" ? ", { concurrently: true }" : ""})` : indexSql(schema, table, fields);
  return `Add \`${indexDeclaration(table, fields)}\` to ${declarationPlace(table)}; in a migration: \`${migration}\`.`;
}

const ENGINE_NAMES: Record<DatabaseSchema["engine"], string> = {
  postgresql: "PostgreSQL",
  mysql: "MySQL",
  sqlite: "SQLite",
  sqlserver: "SQL Server",
  cockroachdb: "CockroachDB",
  mongodb: "MongoDB",
  unknown: "the database",
};

export function engineName(schema: DatabaseSchema): string {
  return ENGINE_NAMES[schema.engine];
}
