// The project's database schema from every ORM it declares one in, with the indexes its migrations add.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ModuleInfo } from "../project.js";
import type { PrismaSchemaInfo } from "../prisma-schema.js";
import { addMigrationIndexes, mergeSchemas, type DatabaseSchema, type MigrationIndex, type SchemaSite } from "./model.js";
import { indexesInSql } from "./sql-index.js";
import { readSequelizeSchema } from "./sequelize.js";
import { readTypeormSchema } from "./typeorm.js";

export interface DatabaseSchemaRead {
  schema: DatabaseSchema | null;
  /** Migration SQL files read, and the folders listed to find them (for the scan cache). */
  filesRead: string[];
  foldersListed: string[];
}

/** `prisma/migrations/<name>/migration.sql` beside each schema file (or beside its folder, for a multi-file schema). */
function prismaMigrationFolders(schemaFiles: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of schemaFiles) {
    folders.add(join(dirname(file), "migrations"));
    folders.add(join(dirname(dirname(file)), "migrations"));
  }
  return [...folders];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function prismaMigrationIndexes(folders: readonly string[], filesRead: string[], foldersListed: string[]): MigrationIndex[] {
  const indexes: MigrationIndex[] = [];
  for (const folder of folders) {
    // Listed even when missing: a migrations folder created later must invalidate a cached scan.
    foldersListed.push(folder);
    let entries: string[];
    try {
      entries = readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
    } catch {
      continue;
    }
    for (const entry of entries) {
      const file = join(folder, entry, "migration.sql");
      foldersListed.push(join(folder, entry));
      filesRead.push(file);
      let sql: string;
      try {
        sql = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      for (const index of indexesInSql(sql)) {
        const line = lineAt(sql, index.offset);
        const site: SchemaSite = { file, line, column: 1, endLine: line, endColumn: 1 };
        indexes.push({ table: index.table, columns: index.columns, unique: index.unique, name: index.name, site });
      }
    }
  }
  return indexes;
}

export function readDatabaseSchema(prisma: PrismaSchemaInfo | null, modules: readonly ModuleInfo[]): DatabaseSchemaRead {
  const filesRead: string[] = [];
  const foldersListed: string[] = [];
  const parts: DatabaseSchema[] = [];
  const migrationIndexes: MigrationIndex[] = [];
  if (prisma?.database) {
    parts.push(prisma.database);
    migrationIndexes.push(...prismaMigrationIndexes(prismaMigrationFolders(prisma.files), filesRead, foldersListed));
  }
  // Entity and model classes, and migrations, are code: read from the files the scan parsed.
  for (const read of [readTypeormSchema(modules), readSequelizeSchema(modules)]) {
    if (read.tables.length === 0) continue;
    parts.push({ engine: read.engine, foreignKeyConstraints: read.foreignKeyConstraints, tables: new Map(read.tables.map((table) => [table.model, table])) });
    migrationIndexes.push(...read.migrationIndexes);
  }
  const schema = mergeSchemas(parts);
  if (schema) addMigrationIndexes(schema, migrationIndexes);
  return { schema, filesRead, foldersListed };
}
