import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "#typescript";
import { createRequire } from "node:module";
import type { getSchema as GetSchema } from "@mrleebo/prisma-ast";
import type { ScanError } from "../types.js";
import type { ParsedSchemaFile } from "./schema/prisma.js";

/**
 * Loaded on first use, not at import: the parser looks for its own config when it loads (from the working folder
 * upwards), and a malformed package.json above the project must cost the schema, not the scan.
 */
let getSchema: typeof GetSchema | null = null;
function schemaParser(): typeof GetSchema {
  getSchema ??= (createRequire(import.meta.url)("@mrleebo/prisma-ast") as { getSchema: typeof GetSchema }).getSchema;
  return getSchema;
}

export interface PrismaField {
  name: string;
  type: string;
  list: boolean;
  /** Set when the field's type is another model. */
  relationTo: string | null;
  unique: boolean;
}

export interface PrismaModel {
  name: string;
  /** Delegate name on the client: `OrderItem` → `orderItem`. */
  delegate: string;
  fields: Map<string, PrismaField>;
  /** Scalar fields a relation names in `@relation(fields: […])`: an equality on one scopes rows to one parent. */
  foreignKeys: Set<string>;
  file: string;
}

export interface PrismaSchemaInfo {
  models: Map<string, PrismaModel>;
  /** Delegate name → model. */
  byDelegate: Map<string, PrismaModel>;
  files: string[];
  /** Names of the schema's enums. */
  enums: Set<string>;
  /** Each schema file's parse, for the index rules' schema reader (src/engine/schema/prisma.ts). */
  parsedFiles: ParsedSchemaFile[];
}

/** The Prisma schema files of a project root: package.json#prisma.schema, prisma/schema/, or schema.prisma files. */
export function prismaSchemaFiles(root: string, candidateDirs: string[]): string[] {
  const files = new Set<string>();
  for (const dir of new Set([root, ...candidateDirs])) {
    for (const file of schemaFilesIn(dir)) files.add(file);
  }
  return [...files];
}

/**
 * What `prismaSchemaFiles` looks at, for the scan cache: each package.json, the place its `prisma.schema` names and
 * the conventional places (their content; a missing one must stay missing), and the listing of every folder a
 * multi-file schema is gathered from, subfolders included (a new `.prisma` file anywhere in it counts).
 */
export function prismaSchemaPlaces(root: string, candidateDirs: string[]): { contents: string[]; listings: string[] } {
  const contents: string[] = [];
  const listings: string[] = [];
  for (const dir of new Set([root, ...candidateDirs])) {
    const places = conventionalSchemaPlaces(dir);
    const configured = configuredSchemaPath(dir);
    if (configured) places.unshift(configured);
    contents.push(join(dir, "package.json"), ...PRISMA_CONFIG_FILES.map((name) => join(dir, name)), ...places);
    for (const place of places) listings.push(place, ...subfolders(place));
  }
  return { contents, listings };
}

/** Where Prisma looks for a schema without `prisma.schema`, in its order. */
function conventionalSchemaPlaces(dir: string): string[] {
  return [join(dir, "prisma", "schema"), join(dir, "prisma", "schema.prisma"), join(dir, "schema.prisma")];
}

/** Prisma's config files, in the order Prisma looks for them (Prisma 6.x+; the only place Prisma 7 reads). */
const PRISMA_CONFIG_FILES = ["ts", "mts", "cts", "js", "mjs", "cjs"].flatMap((extension) => [`prisma.config.${extension}`, `.config/prisma.${extension}`]);

/**
 * The schema path the project names: the `schema` of its Prisma config file, else `package.json#prisma.schema`;
 * null when neither does (or neither can be read).
 */
function configuredSchemaPath(dir: string): string | null {
  for (const name of PRISMA_CONFIG_FILES) {
    const path = join(dir, name);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      continue;
    }
    // The first config file there is is Prisma's config, whether or not its schema can be read without running it;
    // beside it, package.json#prisma is not read (the scripts still say which schema the CLI is run with).
    return schemaOfConfig(path, text) ?? scriptedSchemaPath(dir, readPackageJson(dir)?.scripts);
  }
  const pkg = readPackageJson(dir);
  if (pkg?.prisma?.schema) return resolve(dir, pkg.prisma.schema);
  return scriptedSchemaPath(dir, pkg?.scripts);
}

function readPackageJson(dir: string): { prisma?: { schema?: string }; scripts?: Record<string, unknown> } | null {
  try {
    return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { prisma?: { schema?: string }; scripts?: Record<string, unknown> };
  } catch {
    return null;
  }
}

function scriptedSchemaPath(dir: string, scripts: Record<string, unknown> | undefined): string | null {
  // A schema in Prisma's usual places is the one a bare `prisma migrate dev` uses; a script's `--schema` may be a test's.
  if (conventionalSchemaPlaces(dir).some((place) => existsSync(place))) return null;
  const scripted = schemaOfScripts(scripts);
  return scripted ? resolve(dir, scripted) : null;
}

/**
 * `prisma migrate dev --schema postgresql/schema.prisma` in the package's scripts: the schema the team runs the
 * Prisma CLI with, when nothing else names one. A migrate command's schema first (it is the database's), else the
 * first named.
 */
function schemaOfScripts(scripts: Record<string, unknown> | undefined): string | null {
  let first: string | null = null;
  for (const command of Object.values(scripts ?? {})) {
    if (typeof command !== "string") continue;
    for (const match of command.matchAll(/\bprisma\s+(\w+)[^&|;]*?--schema[=\s]+["']?([^\s"'&|;]+)/g)) {
      if (match[1] === "migrate") return match[2]!;
      first ??= match[2]!;
    }
  }
  return first;
}

/**
 * `schema` in `export default defineConfig({ schema: "./schema" })` (or a plain object, `satisfies PrismaConfig`),
 * read from the syntax, never run: a string, or `path.join`/`path.resolve` of strings and `__dirname`. Relative to the
 * config file's folder, as Prisma resolves it.
 */
function schemaOfConfig(path: string, text: string): string | null {
  const configDir = dirname(path);
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const strip = (node: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) ? strip(node.expression) : node);
  const pathOf = (node: ts.Expression): string | null => {
    const value = strip(node);
    if (ts.isStringLiteralLike(value)) return value.text;
    if (ts.isIdentifier(value) && value.text === "__dirname") return configDir;
    if (ts.isPropertyAccessExpression(value) && value.getText(file) === "import.meta.dirname") return configDir;
    if (ts.isCallExpression(value) && /^(path\.)?(join|resolve)$/.test(value.expression.getText(file))) {
      const parts = value.arguments.map(pathOf);
      return parts.every((part): part is string => part !== null) ? join(...parts) : null;
    }
    return null;
  };
  for (const statement of file.statements) {
    const exported = ts.isExportAssignment(statement) ? statement.expression : null;
    if (!exported) continue;
    let config = strip(exported);
    if (ts.isCallExpression(config) && config.arguments[0]) config = strip(config.arguments[0]);
    if (!ts.isObjectLiteralExpression(config)) return null;
    for (const property of config.properties) {
      if (ts.isPropertyAssignment(property) && property.name.getText(file).replace(/^["']|["']$/g, "") === "schema") {
        const schema = pathOf(property.initializer);
        return schema === null ? null : resolve(configDir, schema);
      }
    }
    return null;
  }
  return null;
}

function subfolders(path: string): string[] {
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/** A schema file's text, or the error reading it. */
export type SchemaText = { file: string; text: string } | { file: string; error: unknown };

export function readSchemaTexts(files: string[]): SchemaText[] {
  return files.map((file) => {
    try {
      return { file, text: withoutBlockComments(readFileSync(file, "utf8")) };
    } catch (error) {
      return { file, error };
    }
  });
}

/**
 * The schema with its `/* … *\/` comments blanked out, lines and columns kept: Prisma accepts them, the schema
 * parser does not. Strings and `//` comments are left as they are.
 */
export function withoutBlockComments(text: string): string {
  if (!text.includes("/*")) return text;
  let out = "";
  for (let i = 0; i < text.length; ) {
    const char = text[i]!;
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"' && text[end] !== "\n") end += text[end] === "\\" ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (char === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      out += text.slice(i, stop);
      i = stop;
    } else if (char === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      const stop = close === -1 ? text.length : close + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/**
 * The models of the schema files. `parsedAside`: `getSchema(text).list` per file where another thread parsed it
 * (src/engine/schema-parse-aside.ts), null where this call must parse it.
 */
export function loadPrismaSchema(root: string, texts: SchemaText[], errors: ScanError[], parsedAside?: (unknown[] | null)[]): PrismaSchemaInfo | null {
  if (texts.length === 0) return null;
  const info: PrismaSchemaInfo = { models: new Map(), byDelegate: new Map(), files: texts.map((entry) => entry.file), enums: new Set(), parsedFiles: [] };
  const parsed = info.parsedFiles;
  // A schema that cannot be read whole is not used at all: with a known schema, a delegate it lacks is not a model,
  // so a partial (or empty) one would silently drop every query on the models it misses.
  let complete = true;
  for (const [index, entry] of texts.entries()) {
    const { file } = entry;
    const shown = relative(root, file).split("\\").join("/");
    if ("error" in entry) {
      errors.push({ file: shown, kind: "read", message: `could not read Prisma schema (${firstLine(entry.error)}); model names come from code only` });
      complete = false;
      continue;
    }
    let schema: ReturnType<typeof GetSchema>;
    try {
      const aside = parsedAside?.[index];
      schema = aside ? ({ type: "schema", list: aside } as ReturnType<typeof GetSchema>) : schemaParser()(entry.text);
    } catch (error) {
      errors.push({ file: shown, kind: "parse", message: `could not parse Prisma schema (${parseProblem(error)}); model names come from code only` });
      complete = false;
      continue;
    }
    parsed.push({ file, text: entry.text, blocks: schema.list });
    for (const block of schema.list) {
      if (block.type === "enum") info.enums.add(block.name);
      if (block.type !== "model") continue;
      const fields = new Map<string, PrismaField>();
      const foreignKeys = new Set<string>();
      for (const property of block.properties) {
        if (property.type !== "field" || typeof property.fieldType !== "string") continue;
        const attributes = property.attributes ?? [];
        for (const key of relationFieldsOf(attributes)) foreignKeys.add(key);
        fields.set(property.name, {
          name: property.name,
          type: property.fieldType,
          list: Boolean(property.array),
          relationTo: null,
          unique: attributes.some((a) => a.name === "id" || a.name === "unique"),
        });
      }
      // Several schemas in one scan (a monorepo with more than one Prisma project): a model of the same name gets
      // the union of the fields, so no project's relations are lost.
      const existing = info.models.get(block.name);
      if (existing) {
        for (const [fieldName, field] of fields) if (!existing.fields.has(fieldName)) existing.fields.set(fieldName, field);
        for (const key of foreignKeys) existing.foreignKeys.add(key);
        continue;
      }
      const model: PrismaModel = { name: block.name, delegate: block.name.charAt(0).toLowerCase() + block.name.slice(1), fields, foreignKeys, file };
      info.models.set(model.name, model);
      info.byDelegate.set(model.delegate, model);
    }
  }
  if (!complete) return null;
  for (const model of info.models.values()) {
    for (const field of model.fields.values()) if (info.models.has(field.type)) field.relationTo = field.type;
  }
  return info;
}

/** `@relation(fields: [authorUid], references: [uid])`: `authorUid`. */
function relationFieldsOf(attributes: readonly { name: string; args?: unknown[] }[]): string[] {
  const relation = attributes.find((attribute) => attribute.name === "relation");
  for (const argument of relation?.args ?? []) {
    const value = (argument as { value?: { type?: string; key?: string; value?: { type?: string; args?: unknown[] } } }).value;
    if (value?.type === "keyValue" && value.key === "fields" && value.value?.type === "array") return (value.value.args ?? []).filter((key): key is string => typeof key === "string");
  }
  return [];
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split("\n")[0] ?? "";
}

/** The parser's message on one line, with where it stopped: its "found --> '\n'" quotes a raw line break. */
function parseProblem(error: unknown): string {
  const token = (error as { token?: { startLine?: number; startColumn?: number } })?.token;
  const at = Number.isInteger(token?.startLine) && Number.isInteger(token?.startColumn) ? `line ${token!.startLine}, column ${token!.startColumn}: ` : "";
  const message = String((error as Error)?.message ?? error).replace(/'\r?\n'/g, "a line break").replace(/\s*\n\s*/g, " ").trim();
  return at + message;
}

function schemaFilesIn(dir: string): string[] {
  const found: string[] = [];
  // An unreadable package.json, or a `prisma.schema` that holds nothing: the conventional places.
  const configured = configuredSchemaPath(dir);
  if (configured) found.push(...prismaFilesAt(configured));
  if (found.length > 0) return found;
  for (const candidate of conventionalSchemaPlaces(dir)) {
    found.push(...prismaFilesAt(candidate));
    if (found.length > 0) break;
  }
  return found;
}

function prismaFilesAt(path: string): string[] {
  try {
    const stat = statSync(path);
    if (stat.isFile()) {
      // A multi-file schema is the folder the pointed file lives in when it has siblings.
      return [path];
    }
    if (stat.isDirectory()) {
      return readdirSync(path, { recursive: true })
        .map(String)
        .filter((name) => name.endsWith(".prisma"))
        .map((name) => join(path, name))
        .sort();
    }
  } catch {
    return [];
  }
  return [];
}
