// Microsoft's SARIF multitool with its GitHub rules (`--rule-kind "Sarif;Gh"`), as GitHub code scanning ingestion
// would judge our log. It exits 0 even when it finds errors, so its output log is parsed instead.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "..");
const BIN = join(repoRoot, "bin/perf-scan.js");
const CONFIG = join(repoRoot, "test/sarif/multitool-github.xml");
const require = createRequire(import.meta.url);
const MULTITOOL = join(dirname(require.resolve("@microsoft/sarif-multitool-linux/package.json")), "Sarif.Multitool");
const work = mkdtempSync(join(tmpdir(), "perf-scan-multitool-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Problem {
  level: string;
  ruleId: string;
  text: string;
}

/** Errors and warnings the multitool reports for a log (a missing level means warning, SARIF's default). */
function validate(logPath: string): Problem[] {
  const output = join(work, `${Math.random().toString(36).slice(2)}.out.sarif`);
  const run = spawnSync(MULTITOOL, ["validate", "--rule-kind", "Sarif;Gh", "--log", "ForceOverwrite", "-q", "true", "-c", CONFIG, "--output", output, logPath], {
    encoding: "utf8",
    // The self-contained .NET binary needs ICU unless told to run without culture data.
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" },
    timeout: 120_000,
  });
  expect(run.error).toBeUndefined();
  const log = JSON.parse(readFileSync(output, "utf8").replace(/^\uFEFF/, "")) as {
    runs: { tool: { driver: { rules: { messageStrings?: Record<string, { text: string }> }[] } }; results?: { level?: string; ruleId: string; ruleIndex: number; message: { id: string; arguments?: string[] } }[]; invocations?: { executionSuccessful: boolean }[] }[];
  };
  const outRun = log.runs[0]!;
  expect(outRun.invocations?.[0]?.executionSuccessful).toBe(true);
  return (outRun.results ?? [])
    .map((result) => {
      const template = outRun.tool.driver.rules[result.ruleIndex]?.messageStrings?.[result.message.id]?.text ?? result.message.id;
      const text = (result.message.arguments ?? []).reduce((t, argument, index) => t.replace(`{${index}}`, argument), template);
      return { level: result.level ?? "warning", ruleId: result.ruleId, text };
    })
    .filter((problem) => problem.level === "error" || problem.level === "warning");
}

function scanToSarif(args: string[]): string {
  const output = join(work, "perf-scan.sarif");
  const run = spawnSync(process.execPath, [BIN, ...args, "--format", "sarif", "--output", output, "--fail-on", "none"], { cwd: repoRoot, encoding: "utf8", timeout: 120_000 });
  expect(run.status).toBe(0);
  return output;
}

describe("SARIF for GitHub code scanning (sarif-multitool validate --rule-kind Sarif;Gh)", () => {
  it("reports no error or warning on the log of a scan of every fixture", () => {
    const log = scanToSarif(["fixtures", "--category", "perf-scan"]);
    const parsed = JSON.parse(readFileSync(log, "utf8")) as { runs: { results: unknown[] }[] };
    expect(parsed.runs[0]!.results.length).toBeGreaterThan(100);
    expect(validate(log)).toEqual([]);
  });

  it("reports no error or warning on a log merged from --shard runs (perf-scan merge), unused directives included", () => {
    const fixture = join(repoRoot, "test/fixtures-cli/sharded");
    const shards = [1, 2, 3].map((index) => {
      const output = join(work, `shard-${index}.sarif`);
      const run = spawnSync(process.execPath, [BIN, ".", "--shard", `${index}/3`, "--report-unused-disable-directives", "--category", "perf-scan", "--format", "sarif", "--output", output, "--fail-on", "none"], { cwd: fixture, encoding: "utf8", timeout: 120_000 });
      expect(run.status).toBe(0);
      return output;
    });
    const merged = join(work, "merged.sarif");
    const run = spawnSync(process.execPath, [BIN, "merge", ...shards, "--output", merged, "--fail-on", "none"], { cwd: repoRoot, encoding: "utf8", timeout: 120_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect((JSON.parse(readFileSync(merged, "utf8")) as { runs: { results: unknown[] }[] }).runs[0]!.results.length).toBeGreaterThan(5);
    expect(validate(merged)).toEqual([]);
  });

  it("would catch a log GitHub rejects (so a clean result above means something)", () => {
    const log = JSON.parse(readFileSync(scanToSarif(["fixtures/prisma-express"]), "utf8")) as { runs: { tool: { driver: { rules: Record<string, unknown>[] } }; results: { locations: { physicalLocation: { artifactLocation: Record<string, unknown> } }[] }[] }[] };
    delete log.runs[0]!.tool.driver.rules[0]!.help;
    log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation = { uri: "file:///home/someone/app/src/routes.ts" };
    const broken = join(work, "broken.sarif");
    writeFileSync(broken, JSON.stringify(log));
    const ruleIds = validate(broken).map((problem) => problem.ruleId);
    expect(ruleIds).toContain("GH2012"); // rule without help
    expect(ruleIds).toContain("GH1006"); // absolute file URI
  });
});
