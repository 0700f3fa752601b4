// Runs the built CLI (bin/perf-scan.js → dist/src/cli.js) the way users do. `npm test` builds first.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruleIds } from "../rules/index.js";
import { repoRoot, resultValidator, sarifValidator, validationErrors } from "./fixtures-cli/validators.js";

const BIN = resolve(repoRoot, "bin/perf-scan.js");
const N_PLUS_ONE_PROJECT = resolve(repoRoot, "test/fixtures-cli/n-plus-one");
const ANSI = /\u001b\[\d+(;\d+)*m/;
const STACK_FRAME = /^\s+at .+\(?.+:\d+:\d+\)?$/m;

interface Run {
  status: number | null;
  stdout: string;
  /** stderr without the environment notes (checked on their own below). */
  stderr: string;
  /** `perf-scan: note: …` lines: what this scan could not use (no node_modules, no tsconfig). */
  notes: string[];
}

const NOTE_LINE = /^perf-scan: note: .*\n/gm;

/** Runs perf-scan without inherited colour settings, so results do not depend on the developer's shell. */
function perfScan(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env?.NO_COLOR) delete env.NO_COLOR;
  if (!options.env?.FORCE_COLOR) delete env.FORCE_COLOR;
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? repoRoot, env, encoding: "utf8", timeout: 60_000 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.replace(NOTE_LINE, ""), notes: run.stderr.match(NOTE_LINE)?.map((line) => line.trimEnd()) ?? [] };
}

const tempDirs: string[] = [];
function project(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), "perf-scan-cli-"));
  tempDirs.push(root);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

describe("environment notes", () => {
  it("says once, on its own line, that the ORM is not installed and that there is no tsconfig", () => {
    const dir = project({ "src/a.ts": "export const a = 1;\n" });
    const run = perfScan([dir]);
    expect(run.status).toBe(0);
    expect(run.notes).toEqual([
      "perf-scan: note: no ORM package in node_modules: call sites are recognised from imports, constructors and classes, without the type checker",
      "perf-scan: note: no tsconfig.json found: tsconfig path aliases are not applied",
    ]);
    expect(run.stderr).toBe("");
  });

  it("says nothing when the ORM is installed and a tsconfig exists", () => {
    const run = perfScan([resolve(repoRoot, "test/fixtures-typed/prisma-installed"), "--fail-on", "none"]);
    expect(run.notes).toEqual([]);
    expect(run.stderr).toBe("");
  });
});

beforeAll(() => {
  if (!existsSync(resolve(repoRoot, "dist/src/cli.js"))) throw new Error("dist/src/cli.js is missing: run `npm run build` (npm test does) before these tests.");
});

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe("perf-scan CLI", () => {
  it("--help documents the arguments, formats, rules and exit codes", () => {
    const run = perfScan(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    for (const text of ["perf-scan [paths..]", "--format", "pretty", "json", "sarif", "--output", "--rule", "--disable", "--fail-on", "--no-color", "--debug", "Exit codes"]) {
      expect(run.stdout).toContain(text);
    }
    for (const id of ruleIds) expect(run.stdout).toContain(id);
  });

  it("--version prints the package version", () => {
    const { version } = JSON.parse(readFileSync(resolve(repoRoot, "package.json"), "utf8")) as { version: string };
    const run = perfScan(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });

  it("exits 2 with one line on stderr for a path that does not exist", () => {
    const run = perfScan(["does-not-exist"], { cwd: project({ "src/app.ts": "export {};\n" }) });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("perf-scan: path not found: does-not-exist\n");
    expect(run.stdout).toBe("");
  });

  it("exits 2 for an unknown rule id in --rule or --disable", () => {
    for (const flag of ["--rule", "--disable"]) {
      const run = perfScan([flag, "n-plus-two", N_PLUS_ONE_PROJECT]);
      expect(run.status).toBe(2);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stderr).toContain(`unknown rule "n-plus-two" for ${flag}`);
      expect(run.stdout).toBe("");
    }
  });

  it("accepts known rule ids, repeated or comma-separated", () => {
    const run = perfScan(["--rule", "n-plus-one", "--rule", "unbounded-query,select-star", "--disable", "select-star", "--fail-on", "none", N_PLUS_ONE_PROJECT]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("exits 2 for usage errors: unknown option, bad --format, bad --fail-on", () => {
    for (const args of [["--frobnicate"], ["--format", "xml"], ["--fail-on", "sometimes"]]) {
      const run = perfScan([...args, N_PLUS_ONE_PROJECT]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^perf-scan: .+\n$/);
      expect(run.stderr).not.toMatch(STACK_FRAME);
    }
  });

  it("keeps going past a file with a syntax error: exit 0 or 1, never 2, no stack trace", () => {
    const root = project({ "src/bad.ts": "export const = ;; function {{{ (\n", "src/good.ts": "export const answer = 42;\n" });
    const run = perfScan(["."], { cwd: root });
    expect([0, 1]).toContain(run.status);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    for (const line of run.stderr.split("\n").filter(Boolean)) expect(line).toMatch(/^perf-scan: warning: /);
    expect(run.stdout).toMatch(/in 2 files/);
  });

  // Needs the engine to report parse errors (ScanError kind "parse"); until it does, this fails.
  it("prints one warning line for a file with a syntax error", () => {
    const root = project({ "src/bad.ts": "export const = ;; function {{{ (\n", "src/good.ts": "export const answer = 42;\n" });
    const run = perfScan(["."], { cwd: root });
    expect(run.stderr).toMatch(/^perf-scan: warning: src\/bad\.ts: .+$/m);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("warns about a binary file on one line and scans the rest", () => {
    const root = project({ "src/blob.js": Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]), "src/app.ts": "export const answer = 42;\n" });
    const run = perfScan(["."], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("perf-scan: warning: src/blob.js: skipped: binary file (NUL byte)\n");
    expect(run.stdout).toContain("No database performance problems found in 1 file.");
  });

  it("reports an empty directory as clean", () => {
    const root = project({});
    const run = perfScan([root]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("No files to scan: no JavaScript or TypeScript source files were found.\n");
  });

  it("--format json prints JSON that matches the published schema", () => {
    const run = perfScan(["--format", "json", "--fail-on", "none", "."], { cwd: N_PLUS_ONE_PROJECT });
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { summary: { files: number }; findings: { file: string }[] };
    expect(validationErrors(resultValidator(), result)).toEqual([]);
    expect(result.summary.files).toBe(1);
    for (const finding of result.findings) expect(finding.file).toBe("src/posts.ts");
    expect(run.stdout).not.toMatch(ANSI);
  });

  it("--format sarif prints valid SARIF 2.1.0 with every rule", () => {
    const run = perfScan(["--format", "sarif", "--fail-on", "none", "."], { cwd: N_PLUS_ONE_PROJECT });
    expect(run.status).toBe(0);
    const log = JSON.parse(run.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } } }[] };
    expect(validationErrors(sarifValidator(), log)).toEqual([]);
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]!.tool.driver.rules.map((rule) => rule.id)).toEqual([...ruleIds]);
  });

  it("--output writes the report to a file (creating its folder) instead of stdout", () => {
    const out = join(project({}), "reports/nested/result.json");
    const run = perfScan(["--format", "json", "--output", out, "--fail-on", "none", N_PLUS_ONE_PROJECT]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    const result = JSON.parse(readFileSync(out, "utf8")) as unknown;
    expect(validationErrors(resultValidator(), result)).toEqual([]);
  });

  it("exits 2 with one line when --output cannot be written", () => {
    const blocker = join(project({ "not-a-dir": "" }), "not-a-dir");
    const run = perfScan(["--output", join(blocker, "report.json"), "--fail-on", "none", N_PLUS_ONE_PROJECT]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^perf-scan: could not write .+report\.json \(.+\)\n$/);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it("--output never writes colour codes, even when colour is forced", () => {
    const out = join(project({}), "report.txt");
    const run = perfScan(["--output", out, "--fail-on", "none", N_PLUS_ONE_PROJECT], { env: { FORCE_COLOR: "1" } });
    expect(run.status).toBe(0);
    expect(readFileSync(out, "utf8")).not.toMatch(ANSI);
    expect(readFileSync(out, "utf8")).toMatch(/No database performance problems|finding/);
  });

  it("colours only when asked: FORCE_COLOR on, --no-color and NO_COLOR off, plain when piped", () => {
    const root = project({ "src/app.ts": "export const answer = 42;\n" });
    expect(perfScan(["."], { cwd: root }).stdout).not.toMatch(ANSI);
    expect(perfScan(["."], { cwd: root, env: { FORCE_COLOR: "1" } }).stdout).toMatch(ANSI);
    expect(perfScan(["--no-color", "."], { cwd: root, env: { FORCE_COLOR: "1" } }).stdout).not.toMatch(ANSI);
    expect(perfScan(["."], { cwd: root, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toMatch(ANSI);
    expect(perfScan(["--color", "."], { cwd: root }).stdout).toMatch(ANSI);
  });

  it("--fail-on none exits 0 whatever it finds", () => {
    const run = perfScan(["--fail-on", "none", "."], { cwd: N_PLUS_ONE_PROJECT });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
  });

  // Needs the detection engine (being written): until it finds the N+1 this fails, and that is expected.
  it("exits 1 when a finding reaches --fail-on (N+1 in the fixture)", () => {
    const run = perfScan(["--fail-on", "warning", "."], { cwd: N_PLUS_ONE_PROJECT });
    expect(run.stdout).toContain("n-plus-one");
    expect(run.status).toBe(1);
    expect(perfScan(["--fail-on", "note", "."], { cwd: N_PLUS_ONE_PROJECT }).status).toBe(1);
    expect(perfScan(["--fail-on", "none", "."], { cwd: N_PLUS_ONE_PROJECT }).status).toBe(0);
  });

  describe("baseline (--suppress-all): only new findings fail the run", () => {
    const base = {
      "package.json": JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^5.0.0" } }),
      "src/db.ts": "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n",
      "src/feed.ts":
        "import { prisma } from './db';\n\nexport async function feed() {\n  const users = await prisma.user.findMany({ take: 20 });\n  for (const user of users) await prisma.post.count({ where: { authorId: user.id } });\n}\n",
    };

    it("writes counts per file and rule, then reports only an N+1 added later, and notes what no longer occurs", () => {
      const root = project(base);
      const suppress = perfScan(["--suppress-all", "--format", "json", "."], { cwd: root });
      expect(suppress.status).toBe(0);
      expect(JSON.parse(readFileSync(join(root, "perf-scan-suppressions.json"), "utf8"))).toEqual({ "src/feed.ts": { "n-plus-one": { count: 1 } } });
      expect((JSON.parse(suppress.stdout) as { findings: unknown[] }).findings).toEqual([]);

      // A new N+1 in another file: only it is reported, and it fails the run.
      writeFileSync(
        join(root, "src/orders.ts"),
        "import { prisma } from './db';\n\nexport async function orders() {\n  const users = await prisma.user.findMany({ take: 20 });\n  for (const user of users) await prisma.order.count({ where: { userId: user.id } });\n}\n",
      );
      const after = perfScan(["--format", "json", "."], { cwd: root });
      expect(after.status).toBe(1);
      const result = JSON.parse(after.stdout) as { findings: { file: string; ruleId: string }[]; baseline: { suppressed: number } };
      expect(result.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(["src/orders.ts n-plus-one"]);
      expect(result.baseline.suppressed).toBe(1);

      // The baselined loop is fixed: the entry is stale, said once, and --prune-suppressions drops it.
      writeFileSync(join(root, "src/feed.ts"), "export async function feed() {\n  return [];\n}\n");
      const stale = perfScan(["--fail-on", "none", "."], { cwd: root });
      expect(stale.notes.join("\n")).toContain("1 baselined finding no longer occur");
      expect(perfScan(["--prune-suppressions", "--fail-on", "none", "."], { cwd: root }).status).toBe(0);
      expect(JSON.parse(readFileSync(join(root, "perf-scan-suppressions.json"), "utf8"))).toEqual({});
    });

    it("a narrowed run (--rule, --min-confidence) never rewrites the file with a part, nor hides a new finding behind a filtered one", () => {
      const root = project({
        ...base,
        "src/list.ts": "import express from 'express';\nimport { prisma } from './db';\nexport const router = express.Router();\nrouter.get('/posts', async (_req, res) => { res.json(await prisma.post.findMany()); });\n",
      });
      expect(perfScan(["--suppress-all", "--fail-on", "none", "."], { cwd: root }).status).toBe(0);
      const full = readFileSync(join(root, "perf-scan-suppressions.json"), "utf8");
      expect(perfScan(["--prune-suppressions", "--rule", "n-plus-one", "--fail-on", "none", "."], { cwd: root }).status).toBe(0);
      expect(readFileSync(join(root, "perf-scan-suppressions.json"), "utf8")).toBe(full);
      // Running one rule does not call the other rule's entries stale.
      expect(perfScan(["--rule", "n-plus-one", "--fail-on", "none", "."], { cwd: root }).notes.join("\n")).not.toContain("no longer occur");
      // A new high-confidence N+1 beside the baselined one is reported at --min-confidence high too.
      writeFileSync(join(root, "src/feed.ts"), `${base["src/feed.ts"]}export async function more(ids: number[]) {\n  for (const id of ids) await prisma.order.count({ where: { userId: id } });\n}\n`);
      const high = perfScan(["--min-confidence", "medium", "--format", "json", "."], { cwd: root });
      expect((JSON.parse(high.stdout) as { findings: { line: number }[] }).findings.map((f) => f.line)).toEqual([8]);
    });

    it("counts must be whole numbers of a known rule", () => {
      for (const bad of ['{"src/feed.ts": {"n-plus-one": {"count": -1}}}', '{"src/feed.ts": {"n-plus-one": {"count": 0.5}}}', '{"src/feed.ts": {"nplus1": {"count": 1}}}']) {
        const root = project({ ...base, "perf-scan-suppressions.json": bad });
        const run = perfScan(["."], { cwd: root });
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/is not a suppressions file/);
      }
    });

    it("--suppressions-location sets the file; a file that is not a baseline is a usage error (exit 2)", () => {
      const root = project({ ...base, "ci/baseline.json": '{"src/feed.ts": {"n-plus-one": {"count": 1}}}', "bad.json": '["not", "a", "baseline"]' });
      expect(perfScan(["--suppressions-location", "ci/baseline.json", "."], { cwd: root }).status).toBe(0);
      const bad = perfScan(["--suppressions-location", "bad.json", "."], { cwd: root });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/^perf-scan: bad\.json is not a suppressions file: /);
      expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    });
  });

  describe("--changed-since <ref>", () => {
    const git = (cwd: string, ...args: string[]) => spawnSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });

    it("reports only files changed since the ref (and untracked ones), finding an N+1 through an unchanged helper", () => {
      const root = project({
        "package.json": JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^5.0.0" } }),
        "src/db.ts": "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n",
        "src/helpers.ts": "import { prisma } from './db';\nexport const postsOf = (id: number) => prisma.post.findMany({ where: { authorId: id } });\n",
        "src/old.ts": "import { prisma } from './db';\n\nexport async function old() {\n  const users = await prisma.user.findMany({ take: 20 });\n  for (const user of users) await prisma.post.count({ where: { authorId: user.id } });\n}\n",
        "src/feed.ts": "export async function feed() {\n  return [];\n}\n",
      });
      git(root, "init", "-q");
      git(root, "add", ".");
      git(root, "commit", "-qm", "base");
      writeFileSync(join(root, "src/feed.ts"), "import { prisma } from './db';\nimport { postsOf } from './helpers';\n\nexport async function feed() {\n  const users = await prisma.user.findMany({ take: 20 });\n  for (const user of users) await postsOf(user.id);\n}\n");
      writeFileSync(join(root, "src/new.ts"), "import { prisma } from './db';\n\nexport async function fresh() {\n  const users = await prisma.user.findMany({ take: 20 });\n  for (const user of users) await prisma.order.count({ where: { userId: user.id } });\n}\n");
      const run = perfScan(["--changed-since", "HEAD", "--format", "json", "--fail-on", "none", "."], { cwd: root });
      expect(run.stderr).toBe("");
      const files = (JSON.parse(run.stdout) as { findings: { file: string; ruleId: string }[] }).findings.filter((f) => f.ruleId === "n-plus-one").map((f) => f.file);
      expect(files.sort()).toEqual(["src/feed.ts", "src/new.ts"]);
    });

    it("an unknown ref or no repository is a one-line usage error (exit 2)", () => {
      const root = project({ "src/a.ts": "export const a = 1;\n" });
      const outside = perfScan(["--changed-since", "main", "."], { cwd: root });
      expect(outside.status).toBe(2);
      expect(outside.stderr.trim().split("\n")).toHaveLength(1);
      git(root, "init", "-q");
      git(root, "add", ".");
      git(root, "commit", "-qm", "base");
      const unknown = perfScan(["--changed-since", "no-such-branch", "."], { cwd: root });
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/^perf-scan: --changed-since: "no-such-branch" is not a commit in this repository/);
      expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    });
  });

  it("bad input never stops the scan: a 5,000-level expression, a Latin-1 file and a symlink loop each get one line or none, and the N+1 beside them is still found", () => {
    let deep = "1";
    for (let i = 0; i < 5000; i++) deep = `(${deep} + 1)`;
    let calls = "x";
    for (let i = 0; i < 5000; i++) calls = `f(${calls})`;
    const root = project({
      "package.json": JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^5.0.0" } }),
      "src/generated/deep.ts": `export const x = ${deep};\n`,
      "src/generated/calls.ts": `declare const f: any; declare const x: any;\nexport const y = ${calls};\n`,
      "src/generated/chain.ts": `export const s = ${Array.from({ length: 2000 }, (_, i) => `"x${i}"`).join(" + ")};\n`,
      // Brackets inside strings do not count as nesting.
      "src/flat.ts": `export const faces = [${Array.from({ length: 600 }, (_, i) => `":( ${i}"`).join(", ")}];\n`,
      "src/legacy.ts": Buffer.from("export const greeting = 'caf\xe9';\n", "latin1"),
      "src/feed.ts": "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport async function feed() {\n  const users = await prisma.user.findMany({ take: 20 });\n  for (const user of users) await prisma.post.count({ where: { authorId: user.id } });\n}\n",
    });
    symlinkSync("loop-b", join(root, "src", "loop-a"));
    symlinkSync("loop-a", join(root, "src", "loop-b"));
    const run = perfScan(["--format", "json", "."], { cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const lines = run.stderr.trim().split("\n").sort();
    expect(lines).toEqual([
      "perf-scan: warning: src/generated/calls.ts: could not parse (too deeply nested); file skipped",
      "perf-scan: warning: src/generated/chain.ts: nested more than 1000 levels deep (generated code?); file skipped",
      "perf-scan: warning: src/generated/deep.ts: could not parse (too deeply nested); file skipped",
      "perf-scan: warning: src/legacy.ts: not valid UTF-8: invalid bytes replaced",
    ]);
    const result = JSON.parse(run.stdout) as { findings: { file: string; ruleId: string }[] };
    expect(result.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(["src/feed.ts n-plus-one"]);
  });

  it("never executes, imports or requires the code it scans (a fixture whose top-level code would write a marker)", () => {
    const marker = join(tmpdir(), `perf-scan-executed-${process.pid}-${Date.now()}`);
    const write = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran');`;
    const root = project({
      "package.json": JSON.stringify({ name: "evil", main: "index.js", dependencies: { "@prisma/client": "^5.0.0" } }),
      "index.js": `${write}\nmodule.exports = {};\n`,
      "src/setup.ts": `import fs from 'fs';\nfs.writeFileSync(${JSON.stringify(marker)}, 'ran');\nexport {};\n`,
      "src/db.cjs": `${write}\nconst { PrismaClient } = require('@prisma/client');\nmodule.exports = new PrismaClient();\n`,
      "perf-scan.config.js": `${write}\nexport default {};\n`,
      "node_modules/@prisma/client/package.json": JSON.stringify({ name: "@prisma/client", main: "index.js" }),
      "node_modules/@prisma/client/index.js": `${write}\nexports.PrismaClient = class {};\n`,
      "node_modules/@prisma/client/index.d.ts": "export declare class PrismaClient { user: any }\n",
    });
    const run = perfScan(["--format", "json", "--fail-on", "none", "."], { cwd: root });
    expect(run.status).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  describe("configuration file", () => {
    const files = {
      "package.json": JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^5.0.0" } }),
      "src/db.ts": "import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n",
      "src/feed.ts": "import { prisma } from './db';\n\nexport async function feed() {\n  const users = await prisma.user.findMany({ take: 20 });\n  for (const user of users) await prisma.post.count({ where: { authorId: user.id } });\n  return (await prisma.post.findMany({ where: { published: true } })).length;\n}\n",
      "src/legacy/old.ts": "import { prisma } from '../db';\n\nexport async function old() {\n  const users = await prisma.user.findMany({ take: 20 });\n  for (const user of users) await prisma.post.count({ where: { authorId: user.id } });\n}\n",
    };
    const rulesAt = (run: Run) => (JSON.parse(run.stdout) as { findings: { file: string; ruleId: string; severity: string }[] }).findings.map((f) => `${f.file} ${f.ruleId} ${f.severity}`).sort();

    it("perf-scan.config.json sets severities, switches rules off and excludes files; package.json#perfScan works too", () => {
      const root = project({
        ...files,
        "perf-scan.config.json": JSON.stringify({ rules: { "n-plus-one": "error", "unbounded-query": "off" }, exclude: ["src/legacy/"] }),
      });
      const run = perfScan(["--format", "json", "--fail-on", "none", "."], { cwd: root });
      expect(rulesAt(run)).toEqual(["src/feed.ts count-via-length warning", "src/feed.ts n-plus-one error"]);
      const viaPackage = project({ ...files, "package.json": JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^5.0.0" }, perfScan: { rules: { "count-via-length": "off", "unbounded-query": "off" } } }) });
      expect(rulesAt(perfScan(["--format", "json", "--fail-on", "none", "."], { cwd: viaPackage }))).toEqual(["src/feed.ts n-plus-one warning", "src/legacy/old.ts n-plus-one warning"]);
    });

    it("is found from the scanned folder upwards: to the project's package.json outside a repository, never above it", () => {
      const root = project({ ...files, ".perfscanrc.json": JSON.stringify({ rules: { "n-plus-one": "error" } }) });
      const fromSrc = rulesAt(perfScan(["--format", "json", "--fail-on", "none", "src"], { cwd: root }));
      expect(fromSrc).toContain("src/feed.ts n-plus-one error");
      expect(rulesAt(perfScan(["--format", "json", "--fail-on", "none", "."], { cwd: join(root, "src") }))).toContain("feed.ts n-plus-one error");
      // A config above the project's package.json belongs to something else.
      const outer = project({ ".perfscanrc.json": JSON.stringify({ rules: { "n-plus-one": "off" } }), ...Object.fromEntries(Object.entries(files).map(([path, text]) => [`app/${path}`, text])) });
      expect(rulesAt(perfScan(["--format", "json", "--fail-on", "none", "."], { cwd: join(outer, "app") }))).toContain("src/feed.ts n-plus-one warning");
    });

    it("a config that breaks the schema is one line naming the file, the key and what was expected (exit 2); --config points at one", () => {
      const root = project({ ...files, "perf-scan.config.json": JSON.stringify({ rules: { "n-plus-one": "loud" } }), "ci/strict.json": JSON.stringify({ rules: { "select-star": "error" }, minConfidence: "high" }) });
      const bad = perfScan(["."], { cwd: root });
      expect(bad.status).toBe(2);
      expect(bad.stderr.trim()).toBe("perf-scan: perf-scan.config.json: `/rules/n-plus-one` must be one of off, note, warning, error");
      const unknownKey = project({ ...files, ".perfscanrc.json": JSON.stringify({ rulez: {} }) });
      expect(perfScan(["."], { cwd: unknownKey }).stderr.trim()).toBe("perf-scan: .perfscanrc.json: the config has an unknown key `rulez`");
      expect(perfScan(["--config", "ci/strict.json", "--fail-on", "none", "."], { cwd: root }).status).toBe(0);
    });

    it("--rule runs a rule the config switches off; a broken JSON config names its file", () => {
      const root = project({ ...files, "perf-scan.config.json": JSON.stringify({ rules: { "n-plus-one": "off" } }) });
      expect(rulesAt(perfScan(["--rule", "n-plus-one", "--format", "json", "--fail-on", "none", "."], { cwd: root }))).toEqual(["src/feed.ts n-plus-one warning", "src/legacy/old.ts n-plus-one warning"]);
      const broken = project({ ...files, ".perfscanrc.json": "{ \"rules\": " });
      const run = perfScan(["."], { cwd: broken });
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toMatch(/^perf-scan: .*\.perfscanrc\.json: not valid JSON/);
    });
  });

  it("a malformed package.json above the project costs the Prisma schema, not the scan (one line, no stack trace)", () => {
    const outer = project({ "package.json": "{ broken" });
    const root = join(outer, "app");
    mkdirSync(join(root, "prisma"), { recursive: true });
    mkdirSync(join(root, "src"), { recursive: true });
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "app", dependencies: { "@prisma/client": "^5.0.0" } }));
    writeFileSync(join(root, "prisma", "schema.prisma"), "model User {\n  id Int @id\n}\n");
    writeFileSync(join(root, "src", "a.ts"), "export const a = 1;\n");
    const run = perfScan(["."], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^perf-scan: warning: prisma\/schema\.prisma: could not parse Prisma schema \(/)]);
  });
});
