import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./fixtures-cli/validators.js";
import { actualFindings, expectedFindings } from "./support/markers.js";

// Blind holdout set 7 (docs/holdout-adoption.md): a team adopts perf-scan with a baseline. Each project is scanned and
// baselined (`--suppress-all`); then `<project>.change/` is copied over it, adding one N+1 (and moving old findings);
// the next run must fail on the new N+1 alone. Its `// expect:` markers are the findings before the change,
// `// expect-new:` the ones the change adds.
const BIN = resolve(repoRoot, "bin/perf-scan.js");
const holdoutDir = join(dirname(fileURLToPath(import.meta.url)), "fixtures-adoption");
const projects = readdirSync(holdoutDir).filter((name) => !name.endsWith(".change") && statSync(join(holdoutDir, name)).isDirectory());
const scratch = mkdtempSync(join(tmpdir(), "perf-scan-adoption-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(cwd: string, args: string[]): { status: number | null; findings: { file: string; line: number; ruleId: string }[]; stale: unknown[] | undefined } {
  const run = spawnSync(process.execPath, [BIN, ".", "--format", "json", "--no-progress", ...args], { cwd, encoding: "utf8" });
  const result = JSON.parse(run.stdout) as { findings: { file: string; line: number; ruleId: string }[]; baseline?: { stale: unknown[] } };
  return { status: run.status, findings: result.findings, stale: result.baseline?.stale };
}

const comparison = (expected: string[], actual: string[]) => ({ missing: expected.filter((e) => !actual.includes(e)), extra: actual.filter((a) => !expected.includes(a)) });

describe("adoption holdout: a baseline, then one new N+1, and only the new one fails the run", () => {
  it("covers every ORM, each project with its change", () => {
    for (const orm of ["prisma", "typeorm", "sequelize"]) expect(projects.some((project) => readFileSync(join(holdoutDir, project, "package.json"), "utf8").includes(`"${orm === "prisma" ? "@prisma/client" : orm}"`))).toBe(true);
    for (const project of projects) expect(existsSync(join(holdoutDir, `${project}.change`))).toBe(true);
  });

  for (const project of projects) {
    it(project, async () => {
      const cwd = join(scratch, project);
      cpSync(join(holdoutDir, project), cwd, { recursive: true });
      const before = cli(cwd, ["--fail-on", "none"]);
      const expectedBefore = await expectedFindings(cwd);
      expect(expectedBefore.length).toBeGreaterThan(0);
      expect(comparison(expectedBefore, actualFindings(before.findings))).toEqual({ missing: [], extra: [] });

      expect(spawnSync(process.execPath, [BIN, ".", "--suppress-all", "--no-progress"], { cwd, encoding: "utf8" }).status).toBe(0);
      expect(cli(cwd, []).status).toBe(0); // baselined: nothing new, the run passes

      cpSync(join(holdoutDir, `${project}.change`), cwd, { recursive: true });
      const after = cli(cwd, []);
      const expectedNew = await expectedFindings(cwd, "expect-new");
      expect(expectedNew.some((finding) => finding.endsWith(" n-plus-one"))).toBe(true);
      expect(comparison(expectedNew, actualFindings(after.findings))).toEqual({ missing: [], extra: [] });
      expect(after.status).toBe(1);
      expect(after.stale).toEqual([]);
    });
  }
});
