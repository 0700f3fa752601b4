// Inline directives as ESLint applies them: real comments only, block ranges (disable … enable), and which directives
// silenced nothing (--report-unused-disable-directives). Unit tests on src/suppressions.ts, then the built CLI on a
// small hand-written project.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import ts from "#typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruleIds } from "../rules/index.js";
import { InlineDirectives, isSuppressed, suppressionAt } from "../src/suppressions.js";
import type { RuleId, ScanResult } from "../src/types.js";
import { repoRoot, resultValidator, sarifValidator, validationErrors } from "./fixtures-cli/validators.js";

type At = [line: number, column: number, ruleId: RuleId];

/** Looks up each finding position as a scan does, then asks which directives of the file silenced nothing. */
function check(text: string, findings: At[], options: { relPath?: string; rulesRun?: readonly RuleId[]; unanalysed?: string[] } = {}) {
  const relPath = options.relPath ?? "src/app.tsx";
  const absPath = `/project/${relPath}`;
  const sourceFile = ts.createSourceFile(absPath, text, ts.ScriptTarget.Latest, true, relPath.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const directives = new InlineDirectives();
  const suppressed = findings.filter(([line, column, ruleId]) => directives.suppressionAt(sourceFile, line, column, ruleId) !== null);
  const unused = directives.unused({ files: [{ absPath, relPath, text }], rulesRun: options.rulesRun ?? ruleIds, severity: "error", unanalysed: options.unanalysed });
  return { suppressed, unused: unused.map((directive) => `${directive.line}:${directive.column} ${directive.message}`), details: unused };
}

const lines = (...text: string[]) => text.join("\n");

describe("only real comments are directives (the file is parsed)", () => {
  const at = (text: string, line: number, fileName?: string) => suppressionAt(text, line, "n-plus-one", 1, fileName) !== null;

  it("directive-like text in a string, a template, a regular expression or a comment is not a directive", () => {
    expect(at(lines('const s = "// perf-scan-disable-next-line n-plus-one";', "q()"), 2)).toBe(false);
    expect(at(lines("const s = 'x'; const t = '/* perf-scan-disable n-plus-one */';", "q()"), 2)).toBe(false);
    expect(at(lines("const help = `", "// perf-scan-disable-next-line n-plus-one", "`;", "q()"), 3)).toBe(false);
    expect(at(lines("const help = `${a}", "/* perf-scan-disable n-plus-one */ ${b}`;", "q()"), 3)).toBe(false);
    expect(at(lines("const re = /\\/\\/ perf-scan-disable-line n-plus-one/; q()"), 1)).toBe(false);
    expect(at(lines("/* an example: // perf-scan-disable-next-line n-plus-one */", "q()"), 2)).toBe(false);
    expect(at(lines("// see // perf-scan-disable-line n-plus-one", "q()"), 1)).toBe(false);
  });

  it("JSX text is not a comment, a comment inside JSX braces is", () => {
    expect(at(lines("const view = <p>", "// perf-scan-disable-next-line n-plus-one", "{q()}</p>;"), 3, "view.tsx")).toBe(false);
    expect(at(lines("const view = <p>", "{/* perf-scan-disable-next-line n-plus-one */}", "{q()}</p>;"), 3, "view.tsx")).toBe(true);
  });

  it("comments anywhere in the code count: after code, inside a template's expression, before a closing brace, after a shebang", () => {
    expect(at(lines("q(); // perf-scan-disable-line n-plus-one"), 1)).toBe(true);
    expect(at(lines("const s = `${ /* perf-scan-disable-line n-plus-one */ q() }`;"), 1)).toBe(true);
    expect(at(lines("function f() {", "  q();", "  /* perf-scan-disable n-plus-one */", "}", "q()"), 5)).toBe(true);
    expect(at(lines("#!/usr/bin/env node", "// perf-scan-disable-next-line n-plus-one", "q()"), 3)).toBe(true);
    expect(at(lines("const x = { a: 1, // perf-scan-disable-line n-plus-one", "};"), 1)).toBe(true);
    expect(suppressionAt("// perf-scan-disable-next-line n-plus-one -- CRLF\r\nq()\r\n", 2, "n-plus-one")).toEqual({ reason: "CRLF" });
  });

  it("a directive must open the comment; eslint-disable and eslint-enable count only as block comments, as in ESLint", () => {
    expect(at(lines("// TODO perf-scan-disable-next-line n-plus-one", "q()"), 2)).toBe(false);
    expect(at(lines("// eslint-disable perf-scan/n-plus-one", "q()"), 2)).toBe(false);
    expect(at(lines("/* eslint-disable perf-scan/n-plus-one */", "q()"), 2)).toBe(true);
    // perf-scan's own block directive keeps working as a line comment, as it always did.
    expect(at(lines("// perf-scan-disable n-plus-one", "q()"), 2)).toBe(true);
  });

  it("next-line in a block comment over several lines means the line after the comment; -line may not span lines", () => {
    expect(at(lines("/* perf-scan-disable-next-line n-plus-one", "   -- reason */", "q()"), 3)).toBe(true);
    expect(at(lines("/* perf-scan-disable-next-line n-plus-one", "   -- reason */", "q()"), 2)).toBe(false);
    expect(at(lines("q() /* perf-scan-disable-line n-plus-one", "*/"), 1)).toBe(false);
    // ESLint trims the comment's text: the label may start on the comment's second line.
    expect(at(lines("/*", "  perf-scan-disable n-plus-one -- generated", "*/", "q()"), 4)).toBe(true);
  });
});

describe("block ranges: disable … enable, or to the end of the file", () => {
  const at = (text: string, line: number, column = 1, ruleId: RuleId = "n-plus-one") => isSuppressed(text, line, ruleId, column);
  const file = lines(
    "q(); // 1: above the range",
    "/* perf-scan-disable n-plus-one */",
    "q(); // 3: inside",
    "/* perf-scan-enable n-plus-one */",
    "q(); // 5: after the enable",
  );

  it("silences from the comment to the matching enable; findings above it are reported", () => {
    expect([1, 3, 5].map((line) => at(file, line))).toEqual([false, true, false]);
    expect(at(file, 3, 1, "select-star")).toBe(false);
  });

  it("without an enable, to the end of the file", () => {
    const open = lines("q();", "/* perf-scan-disable n-plus-one */", "", "", "q();");
    expect([1, 5].map((line) => at(open, line))).toEqual([false, true]);
  });

  it("from the comment's position on its line, as ESLint compares line and column", () => {
    const text = "q(); /* perf-scan-disable n-plus-one */ r();";
    expect(at(text, 1, 1)).toBe(false);
    expect(at(text, 1, 41)).toBe(true);
  });

  it("ESLint's block pair with perf-scan/ ids; an enable of another rule does not end the range", () => {
    const text = lines("/* eslint-disable perf-scan/n-plus-one */", "/* eslint-enable perf-scan/select-star */", "q();", "/* eslint-enable perf-scan/n-plus-one */", "q();");
    expect([3, 5].map((line) => at(text, line))).toEqual([true, false]);
  });

  it("a list-less disable covers every rule, including ESLint's (which also silences perf-scan/ rules there); an enable of one rule re-enables only that", () => {
    expect(at(lines("/* eslint-disable */", "q()"), 2)).toBe(true);
    expect(at(lines("/* eslint-disable no-console */", "q()"), 2)).toBe(false);
    const text = lines("/* perf-scan-disable */", "/* perf-scan-enable n-plus-one */", "q()");
    expect(at(text, 3, 1, "n-plus-one")).toBe(false);
    expect(at(text, 3, 1, "select-star")).toBe(true);
  });

  it("keeps the range's justification", () => {
    expect(suppressionAt(lines("/* perf-scan-disable n-plus-one -- nightly job, 5 rows */", "q()"), 2, "n-plus-one")).toEqual({ reason: "nightly job, 5 rows" });
  });
});

describe("unused directives, as ESLint reports them", () => {
  it("a line directive that silences nothing, with ESLint's message at the comment's start", () => {
    const text = lines("q();", "  // perf-scan-disable-next-line n-plus-one -- gone", "r();", "s(); // perf-scan-disable-line n-plus-one");
    expect(check(text, [[3, 1, "n-plus-one"]]).unused).toEqual(["4:6 Unused perf-scan-disable directive (no problems were reported from 'n-plus-one')."]);
    expect(check(text, []).unused).toEqual([
      "2:3 Unused perf-scan-disable directive (no problems were reported from 'n-plus-one').",
      "4:6 Unused perf-scan-disable directive (no problems were reported from 'n-plus-one').",
    ]);
    const [first] = check(text, []).details;
    expect(first).toMatchObject({ file: "src/app.tsx", line: 2, column: 3, endLine: 2, endColumn: 52, directive: "perf-scan-disable-next-line", rules: ["n-plus-one"], severity: "error" });
  });

  it("per rule when only part of a list is unused, the whole list in one message otherwise", () => {
    const text = lines("// perf-scan-disable-next-line n-plus-one, perf-scan/select-star", "q()");
    expect(check(text, [[2, 1, "n-plus-one"]]).unused).toEqual(["1:1 Unused perf-scan-disable directive (no problems were reported from 'perf-scan/select-star')."]);
    expect(check(text, []).unused).toEqual(["1:1 Unused perf-scan-disable directive (no problems were reported from 'n-plus-one' or 'perf-scan/select-star')."]);
    const three = lines("// perf-scan-disable-next-line n-plus-one, select-star, unbounded-query", "q()");
    expect(check(three, []).unused).toEqual(["1:1 Unused perf-scan-disable directive (no problems were reported from 'n-plus-one', 'select-star', or 'unbounded-query')."]);
  });

  it("a perf-scan directive without a rule list is perf-scan's own: reported when it silences nothing", () => {
    expect(check(lines("// perf-scan-disable-next-line", "q()"), []).unused).toEqual(["1:1 Unused perf-scan-disable directive (no problems were reported)."]);
    expect(check(lines("// perf-scan-disable-next-line", "q()"), [[2, 1, "select-star"]]).unused).toEqual([]);
  });

  it("never an eslint-disable without a list or naming only other rules; only the perf-scan/ part of a mixed list", () => {
    const text = lines(
      "// eslint-disable-next-line",
      "a();",
      "/* eslint-disable */",
      "/* eslint-enable */",
      "// eslint-disable-next-line no-console, @typescript-eslint/no-explicit-any",
      "b();",
      "// eslint-disable-next-line no-console, perf-scan/n-plus-one",
      "c();",
      "/* eslint-disable-next-line perf-scan/n-plus-one */",
      "d();",
    );
    expect(check(text, []).unused).toEqual([
      "7:1 Unused eslint-disable directive (no problems were reported from 'perf-scan/n-plus-one').",
      "9:1 Unused eslint-disable directive (no problems were reported from 'perf-scan/n-plus-one').",
    ]);
  });

  it("not a directive naming a rule that did not run; not a list-less one unless every rule ran", () => {
    const text = lines("// perf-scan-disable-next-line select-star, n-plus-one", "q()", "// perf-scan-disable-next-line", "r()");
    expect(check(text, [], { rulesRun: ["n-plus-one"] }).unused).toEqual(["1:1 Unused perf-scan-disable directive (no problems were reported from 'n-plus-one')."]);
    expect(check(text, [], { rulesRun: ["unbounded-query"] }).unused).toEqual([]);
    expect(check(text, []).unused).toHaveLength(2);
  });

  it("a name perf-scan has no rule for can never be used: reported, saying so", () => {
    expect(check(lines("// perf-scan-disable-next-line n-plus-two", "q()"), [[2, 1, "n-plus-one"]]).unused).toEqual([
      "1:1 Unused perf-scan-disable directive (no problems were reported from 'n-plus-two'). perf-scan has no rule 'n-plus-two'.",
    ]);
    expect(check(lines("// eslint-disable-next-line perf-scan/n-plus-two", "q()"), []).unused).toEqual([
      "1:1 Unused eslint-disable directive (no problems were reported from 'perf-scan/n-plus-two'). perf-scan has no rule 'n-plus-two'.",
    ]);
    // An enable of an unknown name matches only a disable of that name.
    expect(check(lines("/* perf-scan-disable n-plus-two */", "/* perf-scan-enable n-plus-three */", "/* perf-scan-enable n-plus-two */"), []).unused).toEqual([
      "1:1 Unused perf-scan-disable directive (no problems were reported from 'n-plus-two'). perf-scan has no rule 'n-plus-two'.",
      "2:1 Unused perf-scan-enable directive (no matching perf-scan-disable directives were found for 'n-plus-three'). perf-scan has no rule 'n-plus-three'.",
    ]);
  });

  it("block ranges: a disable over no finding is unused; an enable without an open disable is unused; a matched enable is not", () => {
    const text = lines(
      "/* perf-scan-disable n-plus-one */",
      "q();",
      "/* perf-scan-enable n-plus-one */",
      "/* perf-scan-enable n-plus-one */",
      "/* perf-scan-disable select-star -- to the end */",
      "r();",
    );
    expect(check(text, [[2, 1, "n-plus-one"], [6, 1, "select-star"]]).unused).toEqual([
      "4:1 Unused perf-scan-enable directive (no matching perf-scan-disable directives were found for 'n-plus-one').",
    ]);
    // The first enable still matches its disable, as in ESLint: only the disable is reported.
    expect(check(text, [[6, 1, "select-star"]]).unused).toEqual([
      "1:1 Unused perf-scan-disable directive (no problems were reported from 'n-plus-one').",
      "4:1 Unused perf-scan-enable directive (no matching perf-scan-disable directives were found for 'n-plus-one').",
    ]);
    expect(check(lines("/* eslint-disable perf-scan/n-plus-one */", "q();", "/* eslint-enable perf-scan/n-plus-one */"), []).unused).toEqual([
      "1:1 Unused eslint-disable directive (no problems were reported from 'perf-scan/n-plus-one').",
    ]);
    expect(check(lines("q();", "/* eslint-enable perf-scan/n-plus-one */", "/* eslint-enable */"), []).unused).toEqual([
      "2:1 Unused eslint-enable directive (no matching eslint-disable directives were found for 'perf-scan/n-plus-one').",
    ]);
  });

  it("of the directives covering a finding only one is used, as in ESLint: the range over a line directive, the later range, -line over -next-line", () => {
    const nested = lines("/* perf-scan-disable n-plus-one */", "// perf-scan-disable-next-line n-plus-one -- also", "q();");
    expect(check(nested, [[3, 1, "n-plus-one"]]).unused).toEqual(["2:1 Unused perf-scan-disable directive (no problems were reported from 'n-plus-one')."]);
    const twice = lines("/* perf-scan-disable n-plus-one */", "/* perf-scan-disable n-plus-one */", "q();");
    expect(check(twice, [[3, 1, "n-plus-one"]]).unused).toEqual(["1:1 Unused perf-scan-disable directive (no problems were reported from 'n-plus-one')."]);
    const both = lines("// perf-scan-disable-next-line n-plus-one", "q(); // perf-scan-disable-line n-plus-one");
    expect(check(both, [[2, 1, "n-plus-one"]]).unused).toEqual(["1:1 Unused perf-scan-disable directive (no problems were reported from 'n-plus-one')."]);
  });

  it("only in files findings are reported in, and not in files that could not be analysed", () => {
    const text = lines("// perf-scan-disable-next-line n-plus-one", "q()");
    expect(check(text, [], { relPath: "src/app.test.ts" }).unused).toEqual([]);
    expect(check(text, [], { relPath: "scripts/backfill.ts" }).unused).toEqual([]);
    expect(check(text, [], { relPath: "src/app.ts", unanalysed: ["src/app.ts"] }).unused).toEqual([]);
    expect(check(text, [], { relPath: "src/app.ts" }).unused).toHaveLength(1);
  });

  it("directive-like text in strings is neither used nor reported", () => {
    const text = lines('const help = "// perf-scan-disable-next-line n-plus-one";', "const more = `", "/* perf-scan-disable */", "`;");
    expect(check(text, []).unused).toEqual([]);
  });

  it("a file no finding was looked up in is parsed for its directives", () => {
    const directives = new InlineDirectives();
    const unused = directives.unused({
      files: [{ absPath: "/project/src/a.ts", relPath: "src/a.ts", text: "// perf-scan-disable-next-line n-plus-one\nq()\n" }],
      rulesRun: ruleIds,
      severity: "warning",
    });
    expect(unused).toEqual([
      {
        file: "src/a.ts",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 42,
        directive: "perf-scan-disable-next-line",
        rules: ["n-plus-one"],
        message: "Unused perf-scan-disable directive (no problems were reported from 'n-plus-one').",
        severity: "warning",
      },
    ]);
  });
});

// --- The built CLI (bin/perf-scan.js → dist/src/cli.js) on a hand-written Prisma project. ---

const BIN = resolve(repoRoot, "bin/perf-scan.js");
const roots: string[] = [];

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "perf-scan-unused-"));
  roots.push(root);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

function perfScan(args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: "utf8", timeout: 60_000 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.replace(/^perf-scan: note: .*\n/gm, "") };
}

const PRISMA_PROJECT = {
  "package.json": JSON.stringify({ name: "shop", private: true, dependencies: { "@prisma/client": "^5.0.0" } }),
  "src/db.ts": 'import { PrismaClient } from "@prisma/client";\nexport const prisma = new PrismaClient();\n',
  "src/feed.ts": lines(
    'import { prisma } from "./db";',
    "",
    'const HELP = "// perf-scan-disable-next-line n-plus-one";',
    "",
    "export async function feed() {",
    "  // perf-scan-disable-next-line n-plus-one, unbounded-query, select-star -- at most three users per tenant",
    "  for (const u of await prisma.user.findMany()) await prisma.post.findMany({ where: { authorId: u.id } });",
    "}",
    "",
    "export async function batched() {",
    "  // perf-scan-disable-next-line n-plus-one -- the loop was batched; this comment stayed behind",
    "  const users = await prisma.user.findMany({ take: 20, select: { id: true } });",
    "  // eslint-disable-next-line no-console",
    "  console.log(HELP, users.length);",
    "  return users;",
    "}",
    "",
    "/* perf-scan-disable n-plus-one -- a nightly job over a handful of rows */",
    "export async function nightly() {",
    "  for (const u of await prisma.user.findMany({ take: 5, select: { id: true } })) await prisma.post.findMany({ where: { authorId: u.id }, take: 10, select: { id: true } });",
    "}",
    "/* perf-scan-enable n-plus-one */",
    "",
    "export async function latest() {",
    "  // eslint-disable-next-line no-console, perf-scan/unbounded-query -- one page",
    "  return prisma.post.findMany({ take: 10, select: { id: true } });",
    "}",
    "",
  ),
  // Test files are analysed but never reported on: their directives are not judged either.
  "src/feed.test.ts": "// perf-scan-disable-next-line n-plus-one\nexport const fixture = 1;\n",
};

const EXPECTED_UNUSED = [
  { line: 6, column: 3, directive: "perf-scan-disable-next-line", rules: ["select-star"], message: "Unused perf-scan-disable directive (no problems were reported from 'select-star')." },
  { line: 11, column: 3, directive: "perf-scan-disable-next-line", rules: ["n-plus-one"], message: "Unused perf-scan-disable directive (no problems were reported from 'n-plus-one')." },
  { line: 25, column: 3, directive: "eslint-disable-next-line", rules: ["perf-scan/unbounded-query"], message: "Unused eslint-disable directive (no problems were reported from 'perf-scan/unbounded-query')." },
];

describe("perf-scan --report-unused-disable-directives (CLI)", () => {
  let root: string;
  beforeAll(() => {
    if (!existsSync(resolve(repoRoot, "dist/src/cli.js"))) throw new Error("dist/src/cli.js is missing: run `npm run build` first.");
    root = project(PRISMA_PROJECT);
  });
  afterAll(() => {
    for (const dir of roots) rmSync(dir, { recursive: true, force: true });
  });

  it("without the flag: the directives silence the N+1, nothing else is said, exit 0", () => {
    const run = perfScan([".", "--format", "json"], root);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as ScanResult;
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((f) => `${f.ruleId}@${f.line} ${f.justification}`)).toEqual([
      "unbounded-query@7 at most three users per tenant",
      "n-plus-one@7 at most three users per tenant",
      "n-plus-one@20 a nightly job over a handful of rows",
    ]);
    expect(result).not.toHaveProperty("unusedDirectives");
  });

  it("with the flag: the unused ones (and only those) in the JSON result, schema-valid, and exit 1", () => {
    const run = perfScan([".", "--format", "json", "--report-unused-disable-directives"], root);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as ScanResult;
    expect(validationErrors(resultValidator(), result)).toEqual([]);
    expect(result.unusedDirectives).toEqual(EXPECTED_UNUSED.map((expected) => expect.objectContaining({ file: "src/feed.ts", severity: "error", ...expected })));
    expect(result.suppressed).toHaveLength(3);
  });

  it("--report-unused-disable-directives-severity warn reports warnings, which --fail-on decides about", () => {
    const warn = perfScan([".", "--format", "json", "--report-unused-disable-directives-severity", "warn", "--fail-on", "error"], root);
    expect(warn.status).toBe(0);
    expect((JSON.parse(warn.stdout) as ScanResult).unusedDirectives?.map((d) => d.severity)).toEqual(["warning", "warning", "warning"]);
    expect(perfScan([".", "--report-unused-disable-directives-severity", "1"], root).status).toBe(1); // --fail-on warning, the default
    expect(perfScan([".", "--report-unused-disable-directives-severity", "off"], root).status).toBe(0);
    expect(perfScan([".", "--report-unused-disable-directives", "--fail-on", "none"], root).status).toBe(0);
    const both = perfScan([".", "--report-unused-disable-directives", "--report-unused-disable-directives-severity", "error"], root);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/cannot be used together/);
  });

  it("directives naming a rule the run did not run are not judged (--rule, --disable)", () => {
    const onlyUnbounded = JSON.parse(perfScan([".", "--format", "json", "--report-unused-disable-directives", "--rule", "unbounded-query"], root).stdout) as ScanResult;
    expect(onlyUnbounded.unusedDirectives?.map((d) => `${d.line} ${d.rules.join(",")}`)).toEqual(["25 perf-scan/unbounded-query"]);
    const withoutSelectStar = JSON.parse(perfScan([".", "--format", "json", "--report-unused-disable-directives", "--disable", "select-star"], root).stdout) as ScanResult;
    expect(withoutSelectStar.unusedDirectives?.map((d) => d.line)).toEqual([11, 25]);
  });

  it("a directive silencing a finding --min-confidence hides is in use; --changed-since (reportOnly) narrows the files judged", async () => {
    const hidden = JSON.parse(perfScan([".", "--format", "json", "--report-unused-disable-directives", "--min-confidence", "high"], root).stdout) as ScanResult;
    expect(hidden.suppressed.map((f) => f.line)).not.toContain(20); // the nightly loop (5 rows) is low confidence
    expect(hidden.unusedDirectives?.map((d) => d.line)).toEqual([6, 11, 25]);
    const { scan } = await import("../src/main.js");
    const elsewhere = await scan({ paths: [root], cwd: root, reportUnusedDisableDirectives: "error", reportOnly: [join(root, "src/db.ts")] });
    expect(elsewhere.unusedDirectives).toEqual([]);
    const here = await scan({ paths: [root], cwd: root, reportUnusedDisableDirectives: "error", reportOnly: [join(root, "src/feed.ts")] });
    expect(here.unusedDirectives?.map((d) => d.line)).toEqual([6, 11, 25]);
    // The ESLint plugin applies no directives (ESLint does): nothing to judge.
    const plugin = await scan({ paths: [root], cwd: root, reportUnusedDisableDirectives: "error", applySuppressions: false });
    expect(plugin.unusedDirectives).toBeUndefined();
  });

  it("pretty and markdown print a line each; SARIF has a result per directive on its comment, under a rule of its own", () => {
    const pretty = perfScan([".", "--report-unused-disable-directives", "--no-color"], root).stdout;
    expect(pretty).toContain("Unused disable directives\n  src/feed.ts:6:3  error  Unused perf-scan-disable directive (no problems were reported from 'select-star').\n");
    expect(pretty).toContain("  src/feed.ts:25:3  error  Unused eslint-disable directive (no problems were reported from 'perf-scan/unbounded-query').\n");
    expect(pretty).toContain("3 unused disable directives (error)");

    const markdown = perfScan([".", "--report-unused-disable-directives", "--format", "markdown"], root).stdout;
    expect(markdown).toContain("No database performance problems found.");
    expect(markdown).toContain("### Unused disable directives");
    expect(markdown).toContain("| `src/feed.ts:11:3` | error | Unused perf-scan-disable directive (no problems were reported from 'n-plus-one'). |");

    const sarif = JSON.parse(perfScan([".", "--report-unused-disable-directives", "--format", "sarif"], root).stdout) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[]; partialFingerprints?: object; suppressions?: unknown[] }[] }[];
    };
    expect(validationErrors(sarifValidator(), sarif)).toEqual([]);
    const run = sarif.runs[0]!;
    const unused = run.results.filter((result) => result.ruleId === "unused-disable-directive");
    expect(unused.map((result) => [result.level, result.locations[0]!.physicalLocation.artifactLocation.uri, result.locations[0]!.physicalLocation.region.startLine, result.locations[0]!.physicalLocation.region.startColumn])).toEqual([
      ["error", "src/feed.ts", 6, 3],
      ["error", "src/feed.ts", 11, 3],
      ["error", "src/feed.ts", 25, 3],
    ]);
    for (const result of unused) {
      expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe("unused-disable-directive");
      expect(result.partialFingerprints).toBeDefined();
      expect(result.suppressions).toBeUndefined();
    }
    // The suppressed findings are still there, dismissed in source.
    expect(run.results.filter((result) => result.suppressions).length).toBe(3);
    // Without the flag the rule is not declared.
    const plain = JSON.parse(perfScan([".", "--format", "sarif"], root).stdout) as typeof sarif;
    expect(plain.runs[0]!.tool.driver.rules.map((rule) => rule.id)).toEqual([...ruleIds]);
  });

  it("the SARIF passes Microsoft's sarif-multitool with its GitHub ingestion rules", () => {
    const log = join(root, "unused.sarif");
    perfScan([".", "--report-unused-disable-directives", "--format", "sarif", "--category", "perf-scan", "--output", log], root);
    const multitool = join(dirname(createRequire(import.meta.url).resolve("@microsoft/sarif-multitool-linux/package.json")), "Sarif.Multitool");
    const output = join(root, "unused.out.sarif");
    const args = ["validate", "--rule-kind", "Sarif;Gh", "--log", "ForceOverwrite", "-q", "true", "-c", join(repoRoot, "test/sarif/multitool-github.xml"), "--output", output, log];
    const run = spawnSync(multitool, args, { encoding: "utf8", env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" }, timeout: 120_000 });
    expect(run.error).toBeUndefined();
    const checked = JSON.parse(readFileSync(output, "utf8").replace(/^\uFEFF/, "")) as { runs: { results?: { level?: string; ruleId: string; message: { arguments?: string[] } }[] }[] };
    const problems = (checked.runs[0]!.results ?? []).filter((result) => (result.level ?? "warning") !== "note").map((result) => `${result.ruleId} ${result.message.arguments?.join(" ")}`);
    expect(problems).toEqual([]);
  });

  it("block ranges: a finding above the disable and after the enable is reported, the one inside is not", () => {
    const dir = project({
      "package.json": PRISMA_PROJECT["package.json"],
      "src/db.ts": PRISMA_PROJECT["src/db.ts"],
      "src/jobs.ts": lines(
        'import { prisma } from "./db";',
        "",
        "export async function before() {",
        "  for (const u of await prisma.user.findMany({ take: 5 })) await prisma.post.findMany({ where: { authorId: u.id }, take: 10 });",
        "}",
        "/* perf-scan-disable n-plus-one */",
        "export async function inside() {",
        "  for (const u of await prisma.user.findMany({ take: 5 })) await prisma.post.findMany({ where: { authorId: u.id }, take: 10 });",
        "}",
        "/* perf-scan-enable n-plus-one */",
        "export async function after() {",
        "  for (const u of await prisma.user.findMany({ take: 5 })) await prisma.post.findMany({ where: { authorId: u.id }, take: 10 });",
        "}",
        "/* eslint-disable perf-scan/n-plus-one -- the rest of the file: a handful of rows */",
        "export async function rest() {",
        "  for (const u of await prisma.user.findMany({ take: 5 })) await prisma.post.findMany({ where: { authorId: u.id }, take: 10 });",
        "}",
        "",
      ),
    });
    const result = JSON.parse(perfScan([".", "--format", "json", "--report-unused-disable-directives", "--rule", "n-plus-one"], dir).stdout) as ScanResult;
    expect(result.findings.map((f) => `${f.ruleId}@${f.line}`)).toEqual(["n-plus-one@4", "n-plus-one@12"]);
    expect(result.suppressed.map((f) => `${f.ruleId}@${f.line} ${f.justification}`)).toEqual(["n-plus-one@8 null", "n-plus-one@16 the rest of the file: a handful of rows"]);
    expect(result.unusedDirectives).toEqual([]);
  });
});
