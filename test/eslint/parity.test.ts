// The ESLint plugin and the CLI run one engine: on every fixture project they must report the same rule IDs on
// the same lines. The untyped `recommended` config follows helpers and services across files too, because the
// engine reads the project's files itself. One documented difference: a finding in schema.prisma
// (unindexed-foreign-key) has no JavaScript file for ESLint to report it in, so only the CLI shows it.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../eslint-plugin/index.js";
import { allRules } from "../../rules/index.js";
import { scan } from "../../src/main.js";
import { PRISMA_SCHEMA, prismaProject } from "../support/project.js";

const repoRoot = resolve(import.meta.dirname, "../..");
const fixturesDir = join(repoRoot, "fixtures");
const fixtures = readdirSync(fixturesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

async function eslintFindings(cwd: string, config: "recommended" | "recommendedTypeChecked" = "recommended"): Promise<string[]> {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}"], languageOptions: { parser: tseslint.parser as never } },
      plugin.configs[config] as never,
    ],
    errorOnUnmatchedPattern: false,
  });
  const results = await eslint.lintFiles(["."]);
  const found: string[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) throw new Error(`${result.filePath}: ${message.message}`);
      if (message.ruleId?.startsWith("perf-scan/")) found.push(`${relative(cwd, result.filePath).split("\\").join("/")}:${message.line} ${message.ruleId.slice("perf-scan/".length)}`);
    }
  }
  return found.sort();
}

const LINTED_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

async function cliFindings(cwd: string): Promise<string[]> {
  const result = await scan({ cwd });
  return result.findings.filter((f) => LINTED_FILE.test(f.file)).map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();
}

describe("ESLint plugin ↔ CLI parity on every fixture project", () => {
  for (const fixture of fixtures) {
    it(fixture, async () => {
      const cwd = join(fixturesDir, fixture);
      const cli = await cliFindings(cwd);
      expect(cli.length).toBeGreaterThan(0);
      expect(await eslintFindings(cwd)).toEqual(cli);
    }, 60_000);
  }
});

describe("ESLint plugin shape", () => {
  it("has every CLI rule under the same ID with the same docs URL, and both configs enable them all", () => {
    for (const { meta } of allRules) {
      const rule = plugin.rules[meta.id];
      expect(rule, meta.id).toBeDefined();
      expect(rule.meta.docs?.url).toBe(meta.docsUrl);
      expect(rule.meta.docs?.requiresTypeChecking).toBe(false);
      expect(plugin.configs.recommended.rules?.[`perf-scan/${meta.id}`]).toBe(meta.defaultSeverity === "error" ? "error" : "warn");
      expect(plugin.configs.recommendedTypeChecked.rules?.[`perf-scan/${meta.id}`]).toBeDefined();
    }
    expect(Object.keys(plugin.rules).sort()).toEqual(allRules.map((r) => r.meta.id).sort());
    expect(plugin.meta).toMatchObject({ name: "perf-scan/eslint-plugin", namespace: "perf-scan" });
  });
});

describe("one suppression comment serves both", () => {
  const dir = mkdtempSync(join(tmpdir(), "perf-scan-suppress-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Indexed, so that the only findings are the ones the directives are about.
  const indexed = PRISMA_SCHEMA.replace("  createdAt DateTime  @default(now())\n}", "  createdAt DateTime  @default(now())\n\n  @@index([authorId])\n}").replace(
    "  post   Post   @relation(fields: [postId], references: [id])\n}",
    "  post   Post   @relation(fields: [postId], references: [id])\n\n  @@index([postId])\n}",
  );
  for (const [path, text] of Object.entries({ ...prismaProject("none"), "prisma/schema.prisma": indexed })) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  writeFileSync(
    join(dir, "src/feed.ts"),
    `import { prisma } from './db';

export async function feed() {
  const users = await prisma.user.findMany({ take: 20 });
  for (const user of users) {
    // eslint-disable-next-line perf-scan/n-plus-one -- each user has at most 3 posts, checked on write
    await prisma.post.findMany({ where: { authorId: user.id } });
    await prisma.comment.count({ where: { postId: user.id } }); // eslint-disable-line perf-scan/unbounded-query
  }
}
`,
  );

  it("eslint-disable-next-line perf-scan/<id> silences the CLI and ESLint alike; another rule's directive does not", async () => {
    const cli = await cliFindings(dir);
    expect(cli).toEqual(["src/feed.ts:8 n-plus-one"]);
    expect(await eslintFindings(dir)).toEqual(cli);
  });

  it("a silenced finding is kept aside with its reason, and SARIF shows it as suppressed in source", async () => {
    const result = await scan({ cwd: dir });
    expect(result.suppressed.map((f) => [f.file, f.line, f.ruleId, f.justification])).toEqual([["src/feed.ts", 7, "n-plus-one", "each user has at most 3 posts, checked on write"]]);
    const { reporters } = await import("../../src/reporters/index.js");
    const log = JSON.parse(reporters.sarif(result, { color: false })) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[]; suppressions?: unknown[] }[] }[] };
    const silenced = log.runs[0]!.results.filter((r) => r.suppressions);
    expect(silenced).toHaveLength(1);
    expect(silenced[0]).toMatchObject({ ruleId: "n-plus-one", suppressions: [{ kind: "inSource", justification: "each user has at most 3 posts, checked on write" }] });
    expect(silenced[0]!.locations[0]!.physicalLocation.region.startLine).toBe(7);
    const { sarifValidator, validationErrors } = await import("../fixtures-cli/validators.js");
    expect(validationErrors(sarifValidator(), log)).toEqual([]);
  });

  it("ESLint sees its directive used (the plugin leaves suppression to ESLint), so it is not reported as unused", async () => {
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser as never }, linterOptions: { reportUnusedDisableDirectives: "error" } }, plugin.configs.recommended as never],
    });
    const [result] = await eslint.lintFiles(["src/feed.ts"]);
    expect(result!.messages.filter((m) => /unused eslint-disable/i.test(m.message))).toEqual([
      expect.objectContaining({ line: 8 }), // only the directive for a rule that reports nothing there
    ]);
  });
});

describe("the plugin's cached scan follows edits", () => {
  const dir = mkdtempSync(join(tmpdir(), "perf-scan-edits-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(prismaProject("none"))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const helperQuery = "export async function postsOf(id: number) {\n  return prisma.post.findMany({ where: { authorId: id } });\n}\n";
  const helperPure = "export async function postsOf(id: number) {\n  return [id];\n}\n";
  const feed = "import { prisma } from './db';\nimport { postsOf } from './helper';\n\nexport async function feed() {\n  const users = await prisma.user.findMany({ take: 20 });\n  for (const user of users) await postsOf(user.id);\n}\n";
  writeFileSync(join(dir, "src/helper.ts"), `import { prisma } from './db';\n\n${helperQuery}`);
  writeFileSync(join(dir, "src/feed.ts"), feed);

  const lintFeed = async (text?: string) => {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser as never } }, plugin.configs.recommended as never] });
    const [result] = text === undefined ? await eslint.lintFiles(["src/feed.ts"]) : await eslint.lintText(text, { filePath: join(dir, "src/feed.ts") });
    return result!.messages.filter((m) => m.ruleId === "perf-scan/n-plus-one").map((m) => m.line);
  };

  it("a helper changed on disk in another file changes the finding; an unsaved buffer is linted as typed", async () => {
    expect(await lintFeed()).toEqual([6]);
    writeFileSync(join(dir, "src/helper.ts"), `import { prisma } from './db';\n\n${helperPure}`);
    await new Promise((done) => setTimeout(done, 1100)); // the cache re-checks the files it read once a second
    expect(await lintFeed()).toEqual([]);
    // The editor's buffer, not the file on disk: a direct query in the loop.
    const edited = feed.replace("await postsOf(user.id)", "await prisma.post.count({ where: { authorId: user.id } })");
    expect(await lintFeed(edited)).toEqual([6]);
    expect(await lintFeed()).toEqual([]);
  });
});
