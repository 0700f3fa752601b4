import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { allRules, ruleIds } from "../rules/index.js";
import type { Rule } from "../rules/index.js";

/**
 * Keeps the rule registry, the rule files, the rule docs and the JSON schema in step: every registered rule has
 * rules/<id>.ts and docs/rules/<id>.md, every doc belongs to a registered rule, and the schema's ruleId enum lists
 * exactly the registered ids.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const rulesDir = join(root, "rules");
const docsDir = join(root, "docs", "rules");
const schemaPath = join(root, "schema", "perf-scan-result.schema.json");

const ORMS = ["Prisma", "TypeORM", "Sequelize"] as const;
const SEVERITIES = ["error", "warning", "note"];
const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function isRule(value: unknown): value is Rule {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Partial<Rule>;
  return typeof candidate.check === "function" && typeof candidate.meta === "object" && candidate.meta !== null;
}

function readDoc(id: string): string {
  return readFileSync(join(docsDir, `${id}.md`), "utf8").replace(/\r\n/g, "\n");
}

/** Markdown headings (`## Title`) outside fenced code blocks. */
function headings(markdown: string): { level: number; text: string; index: number }[] {
  const found: { level: number; text: string; index: number }[] = [];
  let inFence = false;
  let offset = 0;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const match = !inFence && /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (match) found.push({ level: match[1]!.length, text: match[2]!, index: offset });
    offset += line.length + 1;
  }
  return found;
}

/** The text of the section under the first heading matching `title`, up to the next heading of the same or a higher level. */
function section(markdown: string, title: RegExp): string | undefined {
  const all = headings(markdown);
  const start = all.findIndex((h) => title.test(h.text));
  if (start < 0) return undefined;
  const level = all[start]!.level;
  const end = all.slice(start + 1).find((h) => h.level <= level);
  return markdown.slice(all[start]!.index, end ? end.index : markdown.length);
}

function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```[\w-]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
}

/** Every `ruleId` subschema in the document (under properties or $defs), with local $refs followed. */
function ruleIdEnums(schema: unknown): string[][] {
  const enums: string[][] = [];
  const resolve = (node: unknown, seen = new Set<string>()): unknown => {
    if (typeof node !== "object" || node === null) return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref !== "string" || !ref.startsWith("#/") || seen.has(ref)) return node;
    seen.add(ref);
    const target = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((at, key) => (typeof at === "object" && at !== null ? (at as Record<string, unknown>)[key] : undefined), schema);
    return resolve(target, seen);
  };
  const collectEnums = (node: unknown): void => {
    const resolved = resolve(node);
    if (typeof resolved !== "object" || resolved === null) return;
    const values = (resolved as { enum?: unknown }).enum;
    if (Array.isArray(values)) enums.push(values as string[]);
    for (const key of ["anyOf", "oneOf", "allOf"]) {
      const branches = (resolved as Record<string, unknown>)[key];
      if (Array.isArray(branches)) branches.forEach(collectEnums);
    }
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "ruleId") collectEnums(value);
      visit(value);
    }
  };
  visit(schema);
  return enums;
}

describe("rule registry", () => {
  it("has rules", () => {
    expect(allRules.length).toBeGreaterThan(0);
    expect(ruleIds).toEqual(allRules.map((rule) => rule.meta.id));
  });

  it("has unique, kebab-case ids", () => {
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const id of ruleIds) expect(id, id).toMatch(KEBAB_CASE);
  });

  it("lists exactly the registered rule ids in the result schema's ruleId enum", () => {
    const schema: unknown = JSON.parse(readFileSync(schemaPath, "utf8"));
    const enums = ruleIdEnums(schema);
    expect(enums.length, "no ruleId enum found in schema/perf-scan-result.schema.json").toBeGreaterThan(0);
    for (const values of enums) {
      expect(new Set(values).size, "duplicate ids in the schema's ruleId enum").toBe(values.length);
      expect([...values].sort()).toEqual([...ruleIds].sort());
    }
  });

  it("has no orphan docs: every docs/rules/*.md belongs to a registered rule", () => {
    const docs = readdirSync(docsDir)
      .filter((name) => name.endsWith(".md"))
      .map((name) => name.slice(0, -".md".length));
    const orphans = docs.filter((id) => !(ruleIds as readonly string[]).includes(id));
    expect(orphans).toEqual([]);
  });
});

describe.each(allRules.map((rule) => [rule.meta.id, rule] as const))("rule %s", (id, rule) => {
  it("lives in rules/<id>.ts, whose exported rule has that id", async () => {
    const file = join(rulesDir, `${id}.ts`);
    expect(existsSync(file), `missing ${file}`).toBe(true);
    const exports: Record<string, unknown> = await import(pathToFileURL(file).href);
    const exported = Object.values(exports).filter(isRule);
    expect(exported, `rules/${id}.ts exports no rule`).toHaveLength(1);
    expect(exported[0]!.meta.id).toBe(id);
    expect(exported[0]).toBe(rule);
  });

  it("has complete metadata", () => {
    expect(SEVERITIES).toContain(rule.meta.defaultSeverity);
    expect(rule.meta.docsUrl.endsWith(`docs/rules/${id}.md`), rule.meta.docsUrl).toBe(true);
    expect(rule.meta.title.trim()).not.toBe("");
    expect(rule.meta.description.trim()).not.toBe("");
  });

  describe("docs/rules/<id>.md", () => {
    const path = join(docsDir, `${id}.md`);

    it("exists and starts with `# <id>`", () => {
      expect(existsSync(path), `missing ${path}`).toBe(true);
      expect(readDoc(id).split("\n")[0]).toBe(`# ${id}`);
    });

    it("has the sections Why it is slow, Bad and Good", () => {
      const titles = headings(readDoc(id)).map((h) => h.text);
      expect(titles.some((t) => /^Why it is slow$/i.test(t)), "no `## Why it is slow`").toBe(true);
      expect(titles.some((t) => /\bBad\b/.test(t)), "no heading with Bad").toBe(true);
      expect(titles.some((t) => /\bGood\b/.test(t)), "no heading with Good").toBe(true);
    });

    it.each(ORMS)("has a Bad and a Good %s example", (orm) => {
      const examples = section(readDoc(id), new RegExp(`^${orm}$`));
      expect(examples, `no \`### ${orm}\` section`).toBeDefined();
      const blocks = codeBlocks(examples!);
      expect(blocks.some((code) => /^\s*\/\/\s*Bad\b/.test(code)), `no ${orm} code block starting with // Bad`).toBe(true);
      expect(blocks.some((code) => /^\s*\/\/\s*Good\b/.test(code)), `no ${orm} code block starting with // Good`).toBe(true);
    });

    it("stays between 60 and 140 lines", () => {
      const lines = readDoc(id).replace(/\n$/, "").split("\n").length;
      expect(lines).toBeGreaterThanOrEqual(60);
      expect(lines).toBeLessThanOrEqual(140);
    });
  });
});
