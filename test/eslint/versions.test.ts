// The plugin never hands nodes of the user's TypeScript to the engine (which parses with its bundled 6.0), so it
// must report the same with TypeScript 5.9 or 6.0 installed, untyped and type-checked.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { scan } from "../../src/main.js";

const repoRoot = resolve(import.meta.dirname, "../..");
const project = join(repoRoot, "fixtures", "prisma-nestjs");

function lint(typescript: "typescript" | "typescript-5.9", config: "recommended" | "recommendedTypeChecked", eslint = "eslint", cwd = project) {
  const run = spawnSync(process.execPath, ["--require", join(import.meta.dirname, "with-typescript.cjs"), join(import.meta.dirname, "lint-project.mjs"), cwd, config], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, PERF_SCAN_TEST_TYPESCRIPT: typescript, PERF_SCAN_TEST_ESLINT: eslint },
    timeout: 120_000,
  });
  expect(run.stderr).not.toMatch(/Error/);
  return JSON.parse(run.stdout) as { typescript: string; eslint: string; findings: string[]; fatal: string[] };
}

describe("the user's TypeScript version does not change what the plugin reports", async () => {
  const cli = (await scan({ cwd: project })).findings.filter((f) => f.file.startsWith("src/")).map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();
  for (const typescript of ["typescript", "typescript-5.9"] as const) {
    for (const config of ["recommended", "recommendedTypeChecked"] as const) {
      it(`${typescript === "typescript" ? "TypeScript 6.0" : "TypeScript 5.9"}, ${config}`, () => {
        const result = lint(typescript, config);
        expect(result.typescript).toMatch(typescript === "typescript" ? /^6\.0\./ : /^5\.9\./);
        expect(result.fatal).toEqual([]);
        expect(cli.length).toBeGreaterThan(0);
        expect(result.findings).toEqual(cli);
      }, 120_000);
    }
  }

  it("with the ORM installed, recommendedTypeChecked hands typescript-eslint's program (TypeScript 5.9) to the engine: same findings as the CLI", async () => {
    const typed = join(repoRoot, "test", "fixtures-typed", "prisma-installed");
    const expected = (await scan({ cwd: typed })).findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();
    expect(expected.some((f) => f.endsWith("n-plus-one"))).toBe(true);
    const result = lint("typescript-5.9", "recommendedTypeChecked", "eslint", typed);
    expect(result.typescript).toMatch(/^5\.9\./);
    expect(result.fatal).toEqual([]);
    expect(result.findings).toEqual(expected);
  }, 120_000);

  it("ESLint 10 (the other supported major) reports the same", () => {
    const result = lint("typescript", "recommended", "eslint-10");
    expect(result.eslint).toMatch(/^10\./);
    expect(result.fatal).toEqual([]);
    expect(result.findings).toEqual(cli);
  }, 120_000);
});
