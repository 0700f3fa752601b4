// The project's database schemas from every ORM that declares one, with the indexes their migrations add. A scan can
// hold several projects (a monorepo, a folder of examples): each package's schema is kept apart, and a query is
// judged against the schema that defines its model (the nearest one when several do).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import type { Orm } from "../../types.js";
import type { ModuleInfo } from "../project.js";
import type { PrismaSchemaInfo } from "../prisma-schema.js";
import { addMigrationIndexes, type DatabaseEngine, type DatabaseSchema, type MigrationIndex, type SchemaSite, type SchemaTable } from "./model.js";
import { prismaDatabaseSchema, type ParsedSchemaFile } from "./prisma.js";
import { readSequelizeSchema } from "./sequelize.js";
import { droppedIndexesInSql, indexesInSql } from "./sql-index.js";
import { readTypeormSchema } from "./typeorm.js";

/** One package's schema for one ORM. */
export interface ScopedSchema {
  /** The package folder it belongs to (absolute). */
  dir: string;
  orm: Orm;
  schema: DatabaseSchema;
}

export interface DatabaseSchemaRead {
  schemas: ScopedSchema[];
  /** Migration SQL files read, and the folders listed to find them (for the scan cache). */
  filesRead: string[];
  foldersListed: string[];
  /** Readers that failed on some package: its schema is left out, the rest of the scan goes on. */
  problems: string[];
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
      // In the order the statements run: an index a later migration drops is gone.
      const created = indexesInSql(sql).map((index) => ({ offset: index.offset, create: index }));
      const dropped = droppedIndexesInSql(sql).map((drop) => ({ offset: drop.offset, drop: drop.name }));
      for (const statement of [...created, ...dropped].sort((a, b) => a.offset - b.offset)) {
        if ("drop" in statement) {
          const at = indexes.findIndex((index) => index.name !== null && index.name.toLowerCase() === statement.drop.toLowerCase());
          if (at >= 0) indexes.splice(at, 1);
          continue;
        }
        const index = statement.create;
        const line = lineAt(sql, index.offset);
        const site: SchemaSite = { file, line, column: 1, endLine: line, endColumn: 1 };
        indexes.push({ table: index.table, columns: index.columns, unique: index.unique, name: index.name, site });
      }
    }
  }
  return indexes;
}

/** The package folder a file belongs to: the deepest of `dirs` that holds it. */
function ownerOf(path: string, dirs: readonly string[]): string {
  return dirs.find((dir) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep)) ?? dirs[dirs.length - 1]!;
}

/**
 * The folder whose code a Prisma schema file serves: its package's. In an Nx project (no package.json of its own,
 * all dependencies at the root), the project the generator's `output` writes the client into (amplication's
 * `output = "../../amplication-server/prisma/generated-prisma-client"`); with the default output, in node_modules,
 * the client is the whole workspace's.
 */
function prismaSchemaScope(files: readonly ParsedSchemaFile[], packageDirs: readonly string[], nxProjectDirs: readonly string[]): (file: ParsedSchemaFile) => string {
  if (nxProjectDirs.length === 0) return (file) => ownerOf(file.file, packageDirs);
  const root = packageDirs[packageDirs.length - 1]!;
  const owners = [...new Set([...packageDirs.slice(0, -1), ...nxProjectDirs])].sort((a, b) => b.length - a.length).concat(root);
  const outputs = new Map<string, string | null>();
  const outputOf = (project: string): string | null => {
    if (!outputs.has(project)) {
      let found: string | null = null;
      for (const file of files) {
        const output = ownerOf(file.file, owners) === project ? clientOutput(file.blocks) : undefined;
        if (output) {
          found = resolve(dirname(file.file), output);
          break;
        }
      }
      outputs.set(project, found);
    }
    return outputs.get(project)!;
  };
  return (file) => {
    const project = ownerOf(file.file, owners);
    if (!nxProjectDirs.includes(project)) return ownerOf(file.file, packageDirs);
    const output = outputOf(project);
    const inWorkspace = output !== null && output.startsWith(root + sep) && !output.split(sep).includes("node_modules");
    return inWorkspace ? ownerOf(output, owners) : ownerOf(file.file, packageDirs);
  };
}

/** The `output` of the schema's client generator (`prisma-client-js` / `prisma-client`), from the parsed blocks. */
function clientOutput(blocks: readonly unknown[]): string | undefined {
  type Assignment = { type: string; key?: string; value?: unknown };
  for (const block of blocks as { type?: string; assignments?: Assignment[] }[]) {
    if (block?.type !== "generator") continue;
    const value = (key: string) => block.assignments?.find((entry) => entry.type === "assignment" && entry.key === key)?.value;
    const text = (raw: unknown) => (typeof raw === "string" ? raw.replace(/^"|"$/g, "") : undefined);
    if (!/^prisma-client(-js)?$/.test(text(value("provider")) ?? "")) continue;
    return text(value("output"));
  }
  return undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item)) ?? [];
    group.push(item);
    groups.set(key(item), group);
  }
  return groups;
}

/**
 * Every package's schema. `packageDirs`: the package folders of the scan, deepest first, ending with the scan root;
 * `nxProjectDirs`: Nx projects (a `project.json`, no package.json), which place Prisma schemas only.
 */
export function readDatabaseSchemas(prisma: PrismaSchemaInfo | null, modules: readonly ModuleInfo[], packageDirs: readonly string[], nxProjectDirs: readonly string[] = []): DatabaseSchemaRead {
  const filesRead: string[] = [];
  const foldersListed: string[] = [];
  const problems: string[] = [];
  /** One reader on one package: a failure costs that package's schema, never the scan. */
  const attempt = <T>(what: string, read: () => T): T | null => {
    try {
      return read();
    } catch (error) {
      problems.push(`${what}: ${(error as Error)?.message ?? error}`);
      return null;
    }
  };
  const scoped: { dir: string; orm: Orm; schema: DatabaseSchema; migrations: MigrationIndex[] }[] = [];

  const prismaScope = prismaSchemaScope(prisma?.parsedFiles ?? [], packageDirs, nxProjectDirs);
  for (const [dir, files] of groupBy<ParsedSchemaFile>(prisma?.parsedFiles ?? [], prismaScope)) {
    const schema = attempt("reading the Prisma schema", () => prismaDatabaseSchema(files));
    const migrations = prismaMigrationIndexes(prismaMigrationFolders(files.map((file) => file.file)), filesRead, foldersListed);
    if (schema) scoped.push({ dir, orm: "prisma", schema, migrations });
  }
  // Entity and model classes, and migrations, are code: read from the files the scan parsed, per package.
  for (const [dir, group] of groupBy(modules, (module) => ownerOf(module.absPath, packageDirs))) {
    for (const [orm, read] of [["typeorm", attempt("reading TypeORM entities", () => readTypeormSchema(group))], ["sequelize", attempt("reading Sequelize models", () => readSequelizeSchema(group, filesRead))]] as const) {
      if (!read) continue;
      if (read.tables.length === 0 && read.migrationIndexes.length === 0 && read.engine === "unknown") continue;
      const tables = new Map<string, SchemaTable>(read.tables.map((table) => [table.model, table]));
      // A model's own name wins over another's alias.
      const aliases = new Map(read.tables.flatMap((table) => (table.aliases ?? []).filter((alias) => !tables.has(alias)).map((alias) => [alias, table.model] as const)));
      scoped.push({ dir, orm, schema: { engine: read.engine, foreignKeyConstraints: read.foreignKeyConstraints, tables, ...(aliases.size > 0 && { aliases }) }, migrations: read.migrationIndexes });
    }
  }

  // A package with the entities but not the data source (or the other way round): the engine the others agree on.
  for (const orm of ["prisma", "typeorm", "sequelize"] as const) {
    const ofOrm = scoped.filter((entry) => entry.orm === orm);
    const known = new Set<DatabaseEngine>(ofOrm.map((entry) => entry.schema.engine).filter((engine) => engine !== "unknown"));
    if (known.size === 1) for (const entry of ofOrm) if (entry.schema.engine === "unknown") entry.schema.engine = [...known][0]!;
    for (const entry of ofOrm) {
      // Migrations kept in a package without the models apply to every schema of that ORM.
      const targets = entry.schema.tables.size > 0 ? [entry] : ofOrm.filter((other) => other.schema.tables.size > 0);
      for (const target of targets) addMigrationIndexes(target.schema, entry.migrations);
    }
  }
  return { schemas: scoped.filter((entry) => entry.schema.tables.size > 0).map(({ dir, orm, schema }) => ({ dir, orm, schema })), filesRead, foldersListed, problems };
}
