import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allRules } from "../rules/index.js";

/**
 * Docs meta-test (in the spirit of typescript-eslint's docs test): every registered rule has a complete page in
 * docs/rules/<id>.md — title, Bad/Good examples for each ORM, "When to ignore it" and "How to suppress it" — its
 * meta.docsUrl points at that page, no page outlives its rule, and the README's rule table lists every rule.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const docsDir = join(root, "docs", "rules");
const readmePath = join(root, "README.md");

const ORMS = ["Prisma", "TypeORM", "Sequelize"] as const;
const ids = allRules.map((rule) => rule.meta.id);

function read(path: string): string {
  return readFileSync(path, "utf8").replace(/\r\n/g, "\n");
}

function readDoc(id: string): string {
  return read(join(docsDir, `${id}.md`));
}

/** The Markdown with fenced code blocks blanked out, so that `## …` or `| … |` inside code never counts. */
function prose(markdown: string): string {
  let inFence = false;
  return markdown
    .split("\n")
    .map((line) => {
      const fence = /^\s*(```|~~~)/.test(line);
      if (fence) inFence = !inFence;
      return fence || inFence ? "" : line;
    })
    .join("\n");
}

interface Heading {
  level: number;
  text: string;
  /** Offset of the heading line in the document. */
  index: number;
}

function headings(markdown: string): Heading[] {
  const found: Heading[] = [];
  const original = markdown.split("\n");
  let offset = 0;
  // prose() keeps the line structure, so line i of the prose is line i of the original.
  prose(markdown)
    .split("\n")
    .forEach((line, i) => {
      const match = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
      if (match) found.push({ level: match[1]!.length, text: match[2]!, index: offset });
      offset += original[i]!.length + 1;
    });
  return found;
}

/** The body under the first heading of `level` whose text matches `title`, up to the next heading of that level or higher. */
function section(markdown: string, level: number, title: RegExp): string | undefined {
  const all = headings(markdown);
  const start = all.findIndex((h) => h.level === level && title.test(h.text));
  if (start < 0) return undefined;
  const end = all.slice(start + 1).find((h) => h.level <= level);
  const body = markdown.slice(all[start]!.index, end ? end.index : markdown.length);
  return body.slice(body.indexOf("\n") + 1);
}

function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```[\w-]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
}

/** Paragraphs and list items of the prose (code blocks removed). */
function paragraphs(markdown: string): string[] {
  return prose(markdown)
    .split(/\n\s*\n|\n(?=\s*[-*] )/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Cells of a Markdown table row, trimmed; undefined when the line is not a table row. */
function tableCells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith("|")) return undefined;
  return trimmed.replace(/^\|/, "").replace(/\|$/, "").split("|").map((cell) => cell.trim());
}

/** `[\`n-plus-one\`](docs/rules/n-plus-one.md)` → { name: "n-plus-one", link: "docs/rules/n-plus-one.md" }. */
function ruleCell(cell: string): { name: string; link: string | undefined } {
  const link = /^\[(.*)\]\(([^)\s]*)\)$/.exec(cell);
  const label = link ? link[1]! : cell;
  return { name: label.replace(/^`+|`+$/g, "").trim(), link: link?.[2] };
}

/**
 * The README's rule table: the first table whose header's first cell is "rule" (or "rule id", "id"). Returns its
 * data rows as cells. The README is the place users look for the list of rules, so this is what it must keep current.
 */
function readmeRuleTable(): string[][] | undefined {
  const lines = prose(read(readmePath)).split("\n");
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = tableCells(lines[i]!);
    const separator = tableCells(lines[i + 1]!);
    if (!header || !separator || !separator.every((cell) => /^:?-{3,}:?$/.test(cell))) continue;
    if (!/^(rule( id)?|id)$/i.test(header[0]!)) continue;
    const rows: string[][] = [];
    for (let j = i + 2; j < lines.length; j++) {
      const cells = tableCells(lines[j]!);
      if (!cells) break;
      rows.push(cells);
    }
    return rows;
  }
  return undefined;
}

describe("rule docs", () => {
  it("registers rules to document", () => {
    expect(ids.length).toBeGreaterThan(0);
  });

  it("has no doc page without a registered rule", () => {
    const pages = readdirSync(docsDir)
      .filter((name) => name.endsWith(".md"))
      .map((name) => name.slice(0, -".md".length));
    expect(pages.filter((page) => !ids.includes(page as (typeof ids)[number]))).toEqual([]);
  });

  describe("README rule table", () => {
    const rows = readmeRuleTable();

    it("exists (a table whose first column is `rule`)", () => {
      expect(rows, "README.md has no table headed `| rule | … |`").toBeDefined();
    });

    it.each(ids)("lists %s, linked to its doc page", (id) => {
      const row = (rows ?? []).find((cells) => ruleCell(cells[0]!).name === id);
      expect(row, `README.md rule table has no row for ${id}`).toBeDefined();
      const { link } = ruleCell(row![0]!);
      if (link !== undefined) expect(link.replace(/^\.\//, "")).toBe(`docs/rules/${id}.md`);
      expect(row!.slice(1).join("").trim(), `README.md row for ${id} is empty`).not.toBe("");
    });

    it("lists no rule that is not registered", () => {
      const listed = (rows ?? []).map((cells) => ruleCell(cells[0]!).name);
      expect(listed.filter((name) => !ids.includes(name as (typeof ids)[number]))).toEqual([]);
    });
  });
});

describe.each(allRules.map((rule) => [rule.meta.id, rule.meta] as const))("docs/rules/%s.md", (id, meta) => {
  const path = join(docsDir, `${id}.md`);
  const doc = (): string => {
    expect(existsSync(path), `missing ${path}`).toBe(true);
    return readDoc(id);
  };

  it("is the page meta.docsUrl points at", () => {
    expect(meta.docsUrl.endsWith(`docs/rules/${id}.md`), meta.docsUrl).toBe(true);
    expect(meta.title.trim()).not.toBe("");
  });

  it("exists and starts with `# <id>`", () => {
    expect(doc().split("\n")[0]).toBe(`# ${id}`);
  });

  it("has a `## When to ignore it` section with content", () => {
    const body = section(doc(), 2, /^When to ignore it$/);
    expect(body, "no `## When to ignore it`").toBeDefined();
    expect(prose(body!).trim(), "`## When to ignore it` is empty").not.toBe("");
  });

  it("has a `## How to suppress it` section naming the flags that exist", () => {
    const body = section(doc(), 2, /^How to suppress it$/);
    expect(body, "no `## How to suppress it`").toBeDefined();
    expect(body).toContain(`--disable ${id}`);
  });

  it("names the inline directive and the config key that silence it, which both work", () => {
    const body = section(doc(), 2, /^How to suppress it$/)!;
    expect(body).toContain(`perf-scan-disable-next-line ${id}`);
    expect(body).toContain(`"${id}": "off"`);
    expect(prose(body), "suppression described as not implemented, though it is").not.toMatch(/not (yet )?implemented|planned/i);
  });

  describe("Bad / Good examples", () => {
    const examples = (): string => {
      const body = section(doc(), 2, /\bBad\b.*\bGood\b/);
      expect(body, "no `## Bad / Good` section").toBeDefined();
      return body!;
    };

    it.each(ORMS)("has a `### %s` Bad and Good example", (orm) => {
      const body = section(examples(), 3, new RegExp(`^${orm}$`));
      expect(body, `no \`### ${orm}\` under \`## Bad / Good\``).toBeDefined();
      const blocks = codeBlocks(body!);
      expect(blocks.some((code) => /^\s*\/\/\s*Bad\b/.test(code)), `no ${orm} code block starting with // Bad`).toBe(true);
      expect(blocks.some((code) => /^\s*\/\/\s*Good\b/.test(code)), `no ${orm} code block starting with // Good`).toBe(true);
    });
  });
});
