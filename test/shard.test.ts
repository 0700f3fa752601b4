// --shard i/n and `perf-scan merge`: shards partition the files, every file is still analysed, and merging the
// shards' reports gives what one unsharded run prints. Runs the built CLI (`npm test` builds first).
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scan } from "../src/main.js";
import { mergeReports } from "../src/merge.js";
import { reporters } from "../src/reporters/index.js";
import { parseShard, shardFilter, shardOfFile } from "../src/shard.js";
import type { Finding, ScanResult } from "../src/types.js";
import { repoRoot, resultValidator, sarifValidator, validationErrors } from "./fixtures-cli/validators.js";
import { actualFindings, expectedFindings } from "./support/markers.js";

const BIN = resolve(repoRoot, "bin/perf-scan.js");
const FIXTURE = resolve(repoRoot, "test/fixtures-cli/sharded");
const work = mkdtempSync(join(tmpdir(), "perf-scan-shard-"));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without waiting on the others, so shards run side by side as in a CI matrix. */
function perfScan(args: string[], cwd = repoRoot): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const env = { ...process.env };
    delete env.FORCE_COLOR;
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolvePromise({ status, stdout, stderr }));
  });
}

/** The unsharded report and the n shard reports of one scan, written to files (as CI artifacts would be). */
async function shardedReports(format: "json" | "sarif", count: number, scanArgs: string[], cwd: string): Promise<{ full: string; shards: string[]; files: string[] }> {
  const dir = mkdtempSync(join(work, `${format}-`));
  const runs = await Promise.all([
    perfScan([...scanArgs, "--format", format, "--fail-on", "none"], cwd),
    ...Array.from({ length: count }, (_, i) => perfScan([...scanArgs, "--shard", `${i + 1}/${count}`, "--format", format, "--fail-on", "none"], cwd)),
  ]);
  for (const run of runs) expect(run.status, run.stderr).toBe(0);
  const files = runs.slice(1).map((run, i) => {
    const file = join(dir, `shard-${i + 1}.${format}`);
    writeFileSync(file, run.stdout);
    return file;
  });
  return { full: runs[0]!.stdout, shards: runs.slice(1).map((run) => run.stdout), files };
}

/** A JSON report with the one field that differs between runs of the same scan zeroed. */
function withoutDuration(text: string): string {
  const result = JSON.parse(text) as { summary: { durationMs: number } };
  result.summary.durationMs = 0;
  return `${JSON.stringify(result, null, 2)}\n`;
}

const site = (f: { file: string; line: number; column: number; ruleId: string }) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`;

/**
 * The fixture's unsharded reports and its three shards', made once (JSON, and SARIF with a category) and shared;
 * with --report-unused-disable-directives, so the directives that silence nothing are sharded and merged too.
 */
const UNUSED = "--report-unused-disable-directives";
let json: { full: string; shards: string[]; files: string[] };
let sarif: { full: string; shards: string[]; files: string[] };

beforeAll(async () => {
  if (!existsSync(resolve(repoRoot, "dist/src/cli.js"))) throw new Error("dist/src/cli.js is missing: run `npm run build` (npm test does) before these tests.");
  json = await shardedReports("json", 3, [".", UNUSED], FIXTURE);
  sarif = await shardedReports("sarif", 3, [".", UNUSED, "--category", "perf-scan/api"], FIXTURE);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("shard assignment", () => {
  it("parses i/n and rejects anything else", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseShard("1/1")).toEqual({ index: 1, count: 1 });
    for (const bad of ["0/3", "4/3", "a/b", "3", "1/0", "-1/3", "1.5/3", "1/3/4", ""]) expect(parseShard(bad), bad).toBeUndefined();
  });

  it("puts every path in exactly one slice, by a hash of the path alone (the same on every machine and version of the file list)", () => {
    const paths = Array.from({ length: 300 }, (_, i) => `packages/p${i % 7}/src/module-${i}.ts`);
    for (const count of [1, 2, 3, 5, 8]) {
      const owners = paths.map((path) => Array.from({ length: count }, (_, i) => shardFilter({ index: i + 1, count })(path)).filter(Boolean).length);
      expect(owners.every((n) => n === 1)).toBe(true);
      // Roughly balanced: no slice of 300 files is empty or holds twice its share.
      const sizes = Array.from({ length: count }, (_, i) => paths.filter((path) => shardOfFile(path, count) === i).length);
      expect(Math.min(...sizes)).toBeGreaterThan(0);
      expect(Math.max(...sizes)).toBeLessThan((2 * paths.length) / count);
    }
    // Pinned: a change of the hash would split one run's shards differently from another's (merge checks this too).
    expect(["src/routes/users.ts", "src/routes/orders.ts", "src/lib/posts.ts", "src/jobs/nightly.ts", "src/services/tagSearch.ts"].map((path) => shardOfFile(path, 3) + 1)).toEqual([1, 1, 2, 2, 3]);
    expect(() => shardFilter({ index: 4, count: 3 })).toThrow(TypeError);
  });

  it("a file keeps its shard when other files are added", async () => {
    const dir = mkdtempSync(join(work, "grow-"));
    cpSync(FIXTURE, dir, { recursive: true });
    const sites = async () => Promise.all([1, 2, 3].map(async (index) => (await scan({ cwd: dir, shard: { index, count: 3 } })).findings.map(site)));
    const before = await sites();
    // Files that sort before all the others: dealing sorted files out round-robin would move every file after them.
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `src/aaa-${i}.ts`), `export const extra${i} = ${i};\n`);
    expect(await sites()).toEqual(before);
    expect(before.every((shard) => shard.length > 0)).toBe(true);
  });
});

describe("--shard i/n and perf-scan merge on test/fixtures-cli/sharded", () => {
  it("the fixture's findings are the ones it marks, spread over all three shards", async () => {
    const run = await perfScan(["--format", "json", "--fail-on", "none", "."], FIXTURE);
    const result = JSON.parse(run.stdout) as ScanResult;
    expect(actualFindings(result.findings)).toEqual(await expectedFindings(FIXTURE));
    expect(new Set(result.findings.map((finding) => shardOfFile(finding.file, 3)))).toEqual(new Set([0, 1, 2]));
    expect(result.suppressed.map((finding) => shardOfFile(finding.file, 3)).sort()).toEqual([1, 2]);
  });

  it("JSON: shards are disjoint, cover every finding, and merge into the unsharded report byte for byte (but durationMs)", async () => {
    const { full, shards, files } = json;
    const whole = JSON.parse(full) as ScanResult;
    const parts = shards.map((text) => JSON.parse(text) as ScanResult & { shard: { index: number; count: number; root: string } });
    const validate = resultValidator();
    for (const [i, part] of parts.entries()) {
      expect(validationErrors(validate, part)).toEqual([]);
      expect(part.shard).toEqual({ index: i + 1, count: 3, root: FIXTURE });
      expect(part.findings.length).toBeGreaterThan(0);
      // Each shard is a report of its own: ranks 1..k, and only its own files.
      expect(part.findings.map((finding) => finding.rank)).toEqual(part.findings.map((_, rank) => rank + 1));
      for (const item of [...part.findings, ...part.suppressed, ...(part.unusedDirectives ?? [])]) expect(shardOfFile(item.file, 3)).toBe(i);
      // Every shard analyses every file, so every shard reports the file that does not parse.
      expect(part.errors).toEqual(whole.errors);
    }
    const shardSites = parts.map((part) => part.findings.map(site));
    const all = shardSites.flat();
    expect(new Set(all).size).toBe(all.length); // disjoint
    expect([...all].sort()).toEqual(whole.findings.map(site).sort()); // covering
    expect(parts.reduce((sum, part) => sum + part.summary.files, 0)).toBe(whole.summary.files);

    // The N+1 in GET /users (shard 1) goes through a helper whose file belongs to shard 2: still found, in shard 1.
    const crossFile = parts[0]!.findings.find((finding) => finding.file === "src/routes/users.ts" && finding.ruleId === "n-plus-one");
    expect(crossFile?.related.map((related) => related.file)).toContain("src/lib/posts.ts");
    expect(shardOfFile("src/lib/posts.ts", 3)).toBe(1);

    const merged = await perfScan(["merge", ...files, "--fail-on", "none"]);
    expect(merged.stderr).toBe("");
    expect(merged.status).toBe(0);
    expect(withoutDuration(merged.stdout)).toBe(withoutDuration(full));
    const result = JSON.parse(merged.stdout) as ScanResult;
    expect(validationErrors(validate, result)).toEqual([]);
    expect(result).not.toHaveProperty("shard");
    // What makes the comparison above mean something: ranks interleave across shards and bottlenecks span them.
    expect(result.findings.length).toBeGreaterThan(parts[0]!.findings.length);
    expect(result.bottlenecks.length).toBe(3);
    expect(result.suppressed.length).toBe(2);
    expect(result.unusedDirectives?.map((directive) => `${directive.file} ${shardOfFile(directive.file, 3) + 1}/3`)).toEqual(["src/routes/users.ts 1/3", "src/services/tagSearch.ts 3/3"]);
    // The merged exit code follows --fail-on like a scan's.
    expect((await perfScan(["merge", ...files])).status).toBe(1);
    // Shard order on the command line does not matter.
    expect(withoutDuration((await perfScan(["merge", files[2]!, files[0]!, files[1]!, "--fail-on", "none"])).stdout)).toBe(withoutDuration(full));
  });

  it("SARIF: shards merge into the unsharded log byte for byte, which validates against the SARIF 2.1.0 schema", async () => {
    const { full, shards, files } = sarif;
    type Log = { runs: { results: { ruleId: string; suppressions?: unknown[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; properties?: { shard?: unknown } }[] };
    const parts = shards.map((text) => JSON.parse(text) as Log);
    const validate = sarifValidator();
    for (const [i, part] of parts.entries()) {
      expect(validationErrors(validate, part)).toEqual([]);
      expect(part.runs[0]!.properties?.shard).toEqual({ index: i + 1, count: 3 });
      for (const result of part.runs[0]!.results) expect(shardOfFile(result.locations[0]!.physicalLocation.artifactLocation.uri, 3)).toBe(i);
    }
    const merged = await perfScan(["merge", ...files, "--fail-on", "none"]);
    expect(merged.stderr).toBe("");
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(full);
    const log = JSON.parse(merged.stdout) as Log;
    expect(validationErrors(validate, log)).toEqual([]);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]).not.toHaveProperty("properties");
    expect(log.runs[0]!.results.length).toBe(parts.reduce((sum, part) => sum + part.runs[0]!.results.length, 0));
    expect(log.runs[0]!.results.filter((result) => result.ruleId === "unused-disable-directive")).toHaveLength(2);
    expect(log.runs[0]!.results.filter((result) => result.suppressions)).toHaveLength(2);
  });

  it("merged JSON prints as SARIF, Markdown and pretty exactly as the unsharded run does", async () => {
    const { files } = json;
    // The SARIF of a scan with --category, from JSON shards merged with that --category.
    const toSarif = await perfScan(["merge", ...files, "--format", "sarif", "--category", "perf-scan/api", "--fail-on", "none"]);
    expect(toSarif.stderr).toBe("");
    expect(toSarif.stdout).toBe(sarif.full);
    const noDuration = (text: string) => text.replace(/\d+ ?ms\b/g, "N ms");
    for (const format of ["markdown", "pretty"]) {
      const [whole, merged] = await Promise.all([perfScan([".", UNUSED, "--format", format, "--fail-on", "none"], FIXTURE), perfScan(["merge", ...files, "--format", format, "--fail-on", "none"])]);
      expect(merged.stderr, format).toBe("");
      expect(noDuration(merged.stdout), format).toBe(noDuration(whole.stdout));
    }
  });

  it("a baseline merges too: counts summed, stale entries of every shard in the unsharded order", async () => {
    const dir = mkdtempSync(join(work, "baseline-"));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(
      join(dir, "perf-scan-suppressions.json"),
      JSON.stringify({
        "src/services/tagSearch.ts": { "unbounded-query": { count: 1 }, "count-via-length": { count: 2 } },
        "src/routes/orders.ts": { "n-plus-one": { count: 1 }, "select-star": { count: 1 } },
        "src/jobs/nightly.ts": { "n-plus-one": { count: 3 } },
        "src/gone.ts": { "n-plus-one": { count: 1 } },
      }),
    );
    const { full, files } = await shardedReports("json", 3, ["."], dir);
    const whole = JSON.parse(full) as ScanResult;
    expect(whole.baseline?.suppressed).toBe(3);
    expect(whole.baseline?.stale.map((entry) => entry.file)).toEqual(["src/jobs/nightly.ts", "src/routes/orders.ts", "src/services/tagSearch.ts"]);
    const merged = await perfScan(["merge", ...files, "--fail-on", "none"]);
    expect(merged.stderr).toBe("");
    expect(withoutDuration(merged.stdout)).toBe(withoutDuration(full));
  });
});

describe("--shard and merge on the repository's fixtures/ tree", () => {
  it("4 shards of every fixture merge into the unsharded JSON and SARIF (through the library: one scan per shard gives both)", async () => {
    const count = 4;
    const reportsOf = (result: ScanResult) => ({ json: reporters.json(result, { color: false }), sarif: reporters.sarif(result, { color: false, category: "perf-scan" }) });
    const whole = reportsOf(await scan({ cwd: repoRoot, paths: ["fixtures"] }));
    const shards = [];
    for (let index = 1; index <= count; index++) shards.push(reportsOf(await scan({ cwd: repoRoot, paths: ["fixtures"], shard: { index, count } })));

    const mergedJson = mergeReports(shards.map((shard, i) => ({ name: `shard-${i + 1}.json`, text: shard.json })));
    expect(mergedJson.kind).toBe("json");
    if (mergedJson.kind !== "json") return;
    expect(withoutDuration(reporters.json(mergedJson.result, { color: false }))).toBe(withoutDuration(whole.json));
    const findings = JSON.parse(whole.json) as ScanResult;
    expect(findings.findings.length).toBeGreaterThan(100);
    const counts = shards.map((shard) => (JSON.parse(shard.json) as ScanResult).findings.length);
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(findings.findings.length);

    // Reversed on purpose: the order the logs are given in does not matter.
    const mergedSarif = mergeReports(shards.map((shard, i) => ({ name: `shard-${i + 1}.sarif`, text: shard.sarif })).reverse());
    expect(mergedSarif.kind).toBe("sarif");
    if (mergedSarif.kind !== "sarif") return;
    expect(mergedSarif.text).toBe(whole.sarif);
    expect(validationErrors(sarifValidator(), JSON.parse(mergedSarif.text))).toEqual([]);
  });
});

describe("usage errors: one line, exit 2", () => {
  const oneLineError = (run: Run, pattern: RegExp) => {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^perf-scan: [^\n]+\n$/);
    expect(run.stderr).toMatch(pattern);
  };

  it("rejects a --shard that is not i/n with 1 <= i <= n", async () => {
    for (const bad of ["0/3", "4/3", "a/b", "3", "1/0"]) oneLineError(await perfScan([".", "--shard", bad], FIXTURE), /--shard needs i\/n/);
  });

  it("--help documents --shard and the merge command", async () => {
    const help = await perfScan(["--help"]);
    expect(help.status).toBe(0);
    for (const text of ["--shard", "perf-scan merge <files..>", "Sharding"]) expect(help.stdout).toContain(text);
    const mergeHelp = await perfScan(["merge", "--help"]);
    expect(mergeHelp.status).toBe(0);
    expect(mergeHelp.stdout).toContain("--format");
    for (const scanOnly of ["--rule", "--changed-since", "--suppress-all", "--shard <"]) expect(mergeHelp.stdout).not.toContain(scanOnly);
  });

  it("refuses reports that are not the complete shards of one scan", async () => {
    const [a, b, c] = json.files as [string, string, string];
    const write = (name: string, text: string) => {
      const file = join(work, name);
      writeFileSync(file, text);
      return file;
    };
    const edited = (file: string, edit: (report: Record<string, any>) => void) => {
      const report = JSON.parse(readFileSync(file, "utf8")) as Record<string, any>;
      edit(report);
      return write(`edited-${Math.random().toString(36).slice(2)}.json`, JSON.stringify(report));
    };
    const [otherRoot, otherSplit] = await Promise.all([
      perfScan(["--shard", "3/3", "--format", "json", "--fail-on", "none", "."], resolve(repoRoot, "test/fixtures-cli/n-plus-one")),
      perfScan(["--shard", "2/4", "--format", "json", "--fail-on", "none", "."], FIXTURE),
    ]);
    const unsharded = write("unsharded.json", json.full);

    const cases: [string[], RegExp][] = [
      [["merge", a, b, sarif.files[2]!], /cannot merge a JSON result .* with a SARIF log/],
      [["merge", a, b, edited(c, (report) => (report.tool.version = "9.9.9"))], /comes from perf-scan 9\.9\.9 .*merge the reports of one version/],
      [["merge", sarif.files[0]!, sarif.files[1]!, edited(sarif.files[2]!, (log) => (log.runs[0].tool.driver.version = "9.9.9"))], /comes from perf-scan 9\.9\.9/],
      [["merge", a, b, write("other-root.json", otherRoot.stdout)], /shards must scan the same root/],
      [["merge", a, b, c, write("other-split.json", otherSplit.stdout)], /split the files differently, so their slices overlap/],
      [["merge", a, b, b], /are both shard 2\/3/],
      [["merge", a, b], /shard 3\/3 missing/],
      [["merge", a, b, unsharded], /is not a shard report/],
      [["merge", a, b, write("garbage.json", "{ nope")], /not valid JSON/],
      [["merge", a, b, write("other.json", '{"hello": 1}')], /neither a perf-scan JSON result/],
      [["merge", a, b, edited(c, (report) => delete report.findings[0].fix)], /not a perf-scan JSON result/],
      // A finding moved into another slice's report: not the slices perf-scan makes.
      [["merge", edited(a, (report) => report.findings.push(...(JSON.parse(readFileSync(c, "utf8")) as ScanResult).findings.slice(0, 1))), b, c], /which belongs to shard 3\/3/],
      [["merge", ...sarif.files, "--format", "pretty"], /SARIF logs merge into SARIF only/],
      // A field or result kind merge does not know would be lost from the merged report.
      [["merge", a, b, edited(c, (report) => (report.futureField = []))], /`futureField`/],
      [["merge", ...sarif.files.slice(0, 2), edited(sarif.files[2]!, (log) => (log.runs[0].results[0].ruleId = "future-rule"))], /"future-rule" result, which merge cannot combine/],
      [["merge", ...sarif.files.slice(0, 2), edited(sarif.files[2]!, (log) => (log.runs[0].automationDetails = { id: "other/" }))], /different categories/],
      [["merge", a, b, c, "--rule", "n-plus-one"], /Unknown argument: rule/],
      [["merge", a, b, edited(c, (report) => delete report.unusedDirectives)], /run every shard with the same --report-unused-disable-directives/],
      [["merge", ...sarif.files.slice(0, 2), edited(sarif.files[2]!, (log) => log.runs[0].tool.driver.rules.pop())], /declare different rules/],
      [["merge", a, b, join(work, "no-such-file.json")], /could not read .*no-such-file\.json/],
    ];
    const runs = await Promise.all(cases.map(([args]) => perfScan(args)));
    runs.forEach((run, i) => oneLineError(run, cases[i]![1]));
    // Different categories do merge when merge is given the category: it is the merged log's.
    const recategorised = await perfScan(["merge", ...sarif.files.slice(0, 2), edited(sarif.files[2]!, (log) => delete log.runs[0].automationDetails), "--category", "perf-scan/api", "--fail-on", "none"]);
    expect(recategorised.stdout).toBe(sarif.full);
  });
});

describe("reporters", () => {
  const result: ScanResult = {
    tool: { name: "perf-scan", version: "1.2.3" },
    root: "/tmp/project",
    summary: { files: 1, findings: 0, byRule: {}, durationMs: 1, orms: [], frameworks: [] },
    findings: [] as Finding[],
    bottlenecks: [],
    suppressed: [],
    errors: [],
    shard: { index: 2, count: 3 },
  };

  it("a shard's JSON carries shard { index, count, root } and still matches the schema; its SARIF carries the shard in run properties", () => {
    const json = JSON.parse(reporters.json(result, { color: false })) as Record<string, unknown>;
    expect(json.shard).toEqual({ index: 2, count: 3, root: "/tmp/project" });
    expect(validationErrors(resultValidator(), json)).toEqual([]);
    const log = JSON.parse(reporters.sarif(result, { color: false })) as { runs: { properties: unknown }[] };
    expect(log.runs[0]!.properties).toEqual({ shard: { index: 2, count: 3 } });
    expect(validationErrors(sarifValidator(), log)).toEqual([]);
    const { shard: _shard, ...unsharded } = result;
    expect(reporters.json(unsharded, { color: false })).not.toContain('"shard"');
  });
});
