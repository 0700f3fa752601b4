// schema.prisma (one file or a prisma/schema/ folder) as a DatabaseSchema: models, @id/@@id, @unique/@@unique,
// @@index (composite, sort, map/name), @map/@@map, relations with their scalar key fields, the datasource provider
// and relationMode. Reads what @mrleebo/prisma-ast parsed; positions come from the text (the parser keeps none).
import type { DatabaseEngine, DatabaseSchema, SchemaColumn, SchemaIndex, SchemaRelation, SchemaSite, SchemaTable } from "./model.js";

// The parser's block shapes, as far as this reader uses them.
interface AstAttribute {
  type: "attribute";
  name: string;
  kind: string;
  args?: { value: unknown }[];
}
interface AstField {
  type: "field";
  name: string;
  fieldType: unknown;
  array?: boolean;
  attributes?: AstAttribute[];
}
interface AstBlock {
  type: string;
  name?: string;
  properties?: (AstField | AstAttribute | { type: string })[];
  assignments?: { type: string; key?: string; value?: unknown }[];
}

export interface ParsedSchemaFile {
  file: string;
  text: string;
  blocks: unknown[];
}

const PROVIDERS: Record<string, DatabaseEngine> = {
  postgresql: "postgresql",
  postgres: "postgresql",
  mysql: "mysql",
  sqlite: "sqlite",
  sqlserver: "sqlserver",
  cockroachdb: "cockroachdb",
  mongodb: "mongodb",
};

function stringValue(value: unknown): string | null {
  return typeof value === "string" ? value.replace(/^"|"$/g, "") : null;
}

/** `[a, b(sort: Desc)]` → `["a", "b"]`; a single field may be written without brackets: `@@index(projectId)`. */
function fieldList(value: unknown): string[] | null {
  if (typeof value === "string" && /^[A-Za-z_]\w*$/.test(value)) return [value];
  if (value && typeof value === "object" && (value as { type?: string }).type === "function") return [String((value as { name: unknown }).name)];
  if (!value || typeof value !== "object" || (value as { type?: string }).type !== "array") return null;
  const names = ((value as { args: unknown[] }).args ?? []).map((arg) => (typeof arg === "string" ? arg : arg && typeof arg === "object" && "name" in arg ? String((arg as { name: unknown }).name) : null));
  return names.every((name) => name !== null) ? (names as string[]) : null;
}

/** The attribute's first unnamed argument and its named ones. */
function argumentsOf(attribute: AstAttribute): { positional: unknown; named: Map<string, unknown> } {
  const named = new Map<string, unknown>();
  let positional: unknown;
  for (const arg of attribute.args ?? []) {
    const value = arg.value as { type?: string; key?: string; value?: unknown };
    if (value && typeof value === "object" && value.type === "keyValue" && value.key) named.set(value.key, value.value);
    else positional ??= arg.value;
  }
  return { positional, named };
}

/** 1-based positions of a model's header and of its fields' lines, found in the text. */
class SchemaText {
  private readonly lines: string[];
  constructor(private readonly file: string, text: string) {
    this.lines = text.split(/\r?\n/);
  }

  private site(line: number, start: number, length: number): SchemaSite {
    return { file: this.file, line: line + 1, column: start + 1, endLine: line + 1, endColumn: start + length + 1 };
  }

  /** The `model Name {` line: the name's position, and the line range of the block. */
  model(name: string): { site: SchemaSite; from: number; to: number } | null {
    const header = new RegExp(String.raw`^\s*model\s+(${name})\s*\{`);
    for (let i = 0; i < this.lines.length; i++) {
      const match = header.exec(this.lines[i]!);
      if (!match) continue;
      let to = i + 1;
      while (to < this.lines.length && !/^\s*\}/.test(this.lines[to]!)) to++;
      return { site: this.site(i, match[0].indexOf(match[1]!, match[0].indexOf("model") + 5), name.length), from: i, to };
    }
    return null;
  }

  /** A field's name on its line inside the block, or a `@@` attribute's line. */
  member(block: { from: number; to: number }, pattern: RegExp): SchemaSite | null {
    for (let i = block.from + 1; i < block.to; i++) {
      const match = pattern.exec(this.lines[i]!);
      if (match) return this.site(i, match.index + (match[0].length - match[0].trimStart().length), match[0].trim().length);
    }
    return null;
  }
}

function escapeName(name: string): string {
  return name.replace(/[$]/g, "\\$&");
}

/** The schema the Prisma files describe; null when they name no model. */
export function prismaDatabaseSchema(files: readonly ParsedSchemaFile[]): DatabaseSchema | null {
  let engine: DatabaseEngine = "unknown";
  let foreignKeyConstraints = true;
  const tables = new Map<string, SchemaTable>();
  const modelNames = new Set<string>();
  const enumNames = new Set<string>();
  for (const { blocks } of files) {
    for (const block of blocks as AstBlock[]) {
      if (block.type === "model" && block.name) modelNames.add(block.name);
      if (block.type === "enum" && block.name) enumNames.add(block.name);
    }
  }

  for (const { file, text, blocks } of files) {
    const positions = new SchemaText(file, text);
    for (const block of blocks as AstBlock[]) {
      if (block.type === "datasource") {
        for (const assignment of block.assignments ?? []) {
          const value = stringValue(assignment.value);
          if (assignment.key === "provider" && value) engine = PROVIDERS[value] ?? "unknown";
          if (assignment.key === "relationMode" && value === "prisma") foreignKeyConstraints = false;
          if (assignment.key === "referentialIntegrity" && value === "prisma") foreignKeyConstraints = false;
        }
        continue;
      }
      if (block.type !== "model" || !block.name || tables.has(block.name)) continue;
      const place = positions.model(block.name);
      const table: SchemaTable = { model: block.name, table: null, orm: "prisma", columns: new Map(), primaryKey: [], indexes: [], relations: [], site: place?.site ?? null };
      const at = (pattern: RegExp): SchemaSite | null => (place ? positions.member(place, pattern) : null);
      for (const property of block.properties ?? []) {
        if (property.type === "field") {
          const field = property as AstField;
          const fieldSite = at(new RegExp(String.raw`^\s*${escapeName(field.name)}\b`));
          const type = typeof field.fieldType === "string" ? field.fieldType : null;
          const attributes = field.attributes ?? [];
          const mapped = attributes.find((a) => a.name === "map");
          const relation = attributes.find((a) => a.name === "relation");
          if (type && modelNames.has(type)) {
            const { named } = relation ? argumentsOf(relation) : { named: new Map<string, unknown>() };
            const relationInfo: SchemaRelation = {
              field: field.name,
              target: type,
              kind: field.array ? "to-many" : "to-one",
              foreignKey: fieldList(named.get("fields")) ?? [],
              references: fieldList(named.get("references")) ?? [],
              site: fieldSite,
            };
            table.relations.push(relationInfo);
            continue;
          }
          const valueKind = type === "Boolean" ? "boolean" : type === "Json" ? "json" : type && enumNames.has(type) ? "enum" : null;
          const column: SchemaColumn = { name: field.name, column: mapped ? stringValue(argumentsOf(mapped).positional) : null, site: fieldSite, valueKind };
          table.columns.set(field.name, column);
          if (attributes.some((a) => a.name === "id")) table.primaryKey = [field.name];
          const unique = attributes.find((a) => a.name === "unique");
          if (unique) table.indexes.push({ fields: [field.name], unique: true, declaredIn: "schema", name: stringValue(argumentsOf(unique).named.get("map")), site: fieldSite });
          continue;
        }
        if (property.type !== "attribute") continue;
        const attribute = property as AstAttribute;
        if (attribute.kind !== "object") continue;
        const { positional, named } = argumentsOf(attribute);
        const fields = fieldList(positional) ?? fieldList(named.get("fields"));
        if (attribute.name === "map") table.table = stringValue(positional);
        if (!fields) continue;
        const site = at(new RegExp(String.raw`^\s*@@${attribute.name}\b`));
        if (attribute.name === "id") table.primaryKey = fields;
        if (attribute.name === "unique" || attribute.name === "index") {
          const index: SchemaIndex = { fields, unique: attribute.name === "unique", declaredIn: "schema", name: stringValue(named.get("map")) ?? stringValue(named.get("name")), site };
          table.indexes.push(index);
        }
      }
      tables.set(table.model, table);
    }
  }
  return tables.size > 0 ? { engine, foreignKeyConstraints, tables } : null;
}
