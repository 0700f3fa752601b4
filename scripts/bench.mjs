#!/usr/bin/env node
// Benchmark (not a test): scans a checkout with perf-scan and type-checks the same files with `tsc --noEmit`
// (TypeScript 6 from this package) in the same run, then prints wall time, files/s, peak RSS and the ratio.
// Usage: npm run bench -- <dir> [--runs N] [--skip-tsc]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith("--"));
const runs = Number(args[args.indexOf("--runs") + 1]) || 1;
if (!target || !existsSync(target)) {
  console.error("usage: npm run bench -- <dir> [--runs N] [--skip-tsc]");
  process.exit(2);
}
const dir = resolve(target);
const gnuTime = ["/usr/bin/time", "/bin/time"].find((p) => existsSync(p));

/** Runs a command, returning wall ms and peak RSS (KiB, when GNU time is available). */
function measure(command, commandArgs, cwd) {
  const started = process.hrtime.bigint();
  const timed = gnuTime ? [gnuTime, ["-f", "__RSS_KB=%M", command, ...commandArgs]] : [command, commandArgs];
  const result = spawnSync(timed[0], timed[1], { cwd, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /__RSS_KB=(\d+)/.exec(result.stderr ?? "");
  return { wallMs, rssKb: rss ? Number(rss[1]) : null, stdout: result.stdout ?? "", status: result.status };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const bin = join(packageRoot, "bin", "perf-scan.js");
const scanRuns = [];
let report;
for (let i = 0; i < runs; i++) {
  const run = measure(process.execPath, [bin, dir, "--format", "json", "--fail-on", "none"], dir);
  scanRuns.push(run);
  report = JSON.parse(run.stdout);
}
const scanMs = median(scanRuns.map((r) => r.wallMs));
const scanRss = Math.max(...scanRuns.map((r) => r.rssKb ?? 0));
const files = report.summary.files;

console.log(`perf-scan bench: ${dir}`);
console.log(`  files scanned      ${files}`);
console.log(`  findings           ${report.summary.findings} ${JSON.stringify(report.summary.byRule)}`);
console.log(`  perf-scan wall     ${(scanMs / 1000).toFixed(2)} s (median of ${runs})`);
console.log(`  files/second       ${Math.round(files / (scanMs / 1000))}`);
console.log(`  peak RSS           ${scanRss ? `${Math.round(scanRss / 1024)} MiB` : "n/a (no GNU time)"}`);

if (!args.includes("--skip-tsc")) {
  // Same TypeScript files, type-checked without emitting: the baseline a user already pays in CI.
  const listed = spawnSync(process.execPath, ["-e", `import("${join(packageRoot, "dist/src/engine/discover.js").replace(/\\/g, "/")}").then(async (m) => { const d = await m.discoverFiles({ paths: [process.argv[1]], cwd: process.argv[1], maxFileBytes: 1048576 }); console.log(JSON.stringify(d.files.map((f) => f.absPath).filter((p) => /\\.(ts|tsx|mts|cts)$/.test(p)))); })`, dir], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const tsFiles = JSON.parse(listed.stdout);
  const work = mkdtempSync(join(tmpdir(), "perf-scan-bench-"));
  const tsconfig = join(work, "tsconfig.json");
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { noEmit: true, skipLibCheck: true, strict: true, jsx: "preserve", target: "ES2022", module: "ESNext", moduleResolution: "Bundler", experimentalDecorators: true, types: [] }, files: tsFiles }));
  const tsc = require.resolve("typescript/bin/tsc");
  const version = require("typescript/package.json").version;
  const tscRun = measure(process.execPath, [tsc, "-p", tsconfig], dir);
  rmSync(work, { recursive: true, force: true });
  console.log(`  tsc --noEmit wall  ${(tscRun.wallMs / 1000).toFixed(2)} s (TypeScript ${version}, ${tsFiles.length} files)`);
  console.log(`  tsc peak RSS       ${tscRun.rssKb ? `${Math.round(tscRun.rssKb / 1024)} MiB` : "n/a"}`);
  console.log(`  ratio              perf-scan takes ${(scanMs / tscRun.wallMs).toFixed(2)}x the time of tsc --noEmit`);
}
