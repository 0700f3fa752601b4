#!/usr/bin/env node
// Benchmark (not a test): everything is measured in one run on the same checkout, so the ratios hold on a noisy
// machine even when the absolute times do not.
//   - perf-scan cold (no result cache), cold without the code cache of the compiler (a first run after install),
//     cold writing the cache, warm (cache, nothing changed), warm after one file changed;
//   - tsc --noEmit with TypeScript 6 (this package's) and with the native TypeScript 7 (installed into a scratch
//     folder for the benchmark only, never as a dependency), on the same TypeScript files;
//   - peak RSS of each (GNU time);
//   - scaling: scan time for 1x, 2x and 4x copies of the same source tree.
// Usage: npm run bench -- <dir> [--runs N] [--skip-tsc] [--skip-scaling] [--tsc7 <folder with node_modules/typescript>]
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const valueOf = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const target = args.find((a, i) => !a.startsWith("--") && !["--runs", "--tsc7"].includes(args[i - 1]));
const runs = Number(valueOf("--runs")) || 3;
if (!target || !existsSync(target)) {
  console.error("usage: npm run bench -- <dir> [--runs N] [--skip-tsc] [--skip-scaling] [--tsc7 <folder>]");
  process.exit(2);
}
const dir = resolve(target);
const gnuTime = ["/usr/bin/time", "/bin/time"].find((p) => existsSync(p));
const work = mkdtempSync(join(tmpdir(), "perf-scan-bench-"));
const bin = join(packageRoot, "bin", "perf-scan.js");

/** Runs a command once: wall ms and peak RSS (KiB, with GNU time). */
function measureOnce(command, commandArgs, cwd, env = process.env) {
  const started = process.hrtime.bigint();
  const timed = gnuTime ? [gnuTime, ["-f", "__RSS_KB=%M", command, ...commandArgs]] : [command, commandArgs];
  const result = spawnSync(timed[0], timed[1], { cwd, env, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /__RSS_KB=(\d+)/.exec(result.stderr ?? "");
  return { wallMs, rssKb: rss ? Number(rss[1]) : null, stdout: result.stdout ?? "", stderr: result.stderr ?? "", status: result.status };
}

const scanArgs = (scanned, extra = []) => [bin, scanned, "--format", "json", "--fail-on", "none", "--no-progress", ...extra];

// Every variant runs once per round, round after round, so a change in the machine's load hits all of them alike:
// the ratios below compare medians taken over the same stretch of time.
const tasks = [];
const task = (name, command, commandArgs, cwd, options = {}) => tasks.push({ name, command, commandArgs, cwd, runs: [], ...options });

const cacheDir = join(work, "cache");
const cached = ["--cache", "--cache-location", cacheDir];
task("perf-scan cold", process.execPath, scanArgs(dir), dir);
// As the first run after an install: V8 compiles the TypeScript compiler again (no code cache, see lib/typescript.cjs).
task("perf-scan cold, no code cache", process.execPath, scanArgs(dir), dir, { env: { ...process.env, PERF_SCAN_CODE_CACHE: "off" } });
task("perf-scan cold, writing the cache", process.execPath, scanArgs(dir, cached), dir, { before: () => rmSync(cacheDir, { recursive: true, force: true }) });
task("perf-scan warm, nothing changed", process.execPath, scanArgs(dir, cached), dir);

// One file changed: in a copy, so the checkout is never touched.
const probe = JSON.parse(measureOnce(process.execPath, scanArgs(dir), dir).stdout);
const files = probe.summary.files;
const copyRoot = join(work, "copies-1");
copyTree(dir, join(copyRoot, "copy-1"));
const changedRel = probe.findings[0]?.file;
let restoreChanged = () => {};
if (changedRel) {
  const changedFile = join(copyRoot, "copy-1", changedRel);
  const original = readFileSync(changedFile, "utf8");
  restoreChanged = () => writeFileSync(changedFile, original);
  const changedCache = ["--cache", "--cache-location", join(work, "cache-changed")];
  let edits = 0;
  task("perf-scan warm, one file changed", process.execPath, scanArgs(copyRoot, changedCache), copyRoot, {
    note: changedRel,
    // The cache holds the previous round's state; a new edit before each timed run makes exactly one file differ.
    prepare: () => spawnSync(process.execPath, scanArgs(copyRoot, changedCache), { cwd: copyRoot }),
    before: () => writeFileSync(changedFile, `${original}\n// bench edit ${++edits}\n`),
  });
}

let tsFileCount = 0;
if (!args.includes("--skip-tsc")) {
  // The same TypeScript files, type-checked without emitting: the baseline a user already pays in CI.
  const listed = spawnSync(process.execPath, ["-e", `import("${join(packageRoot, "dist/src/engine/discover.js").replace(/\\/g, "/")}").then((m) => { const d = m.discoverFilesSync({ paths: [process.argv[1]], cwd: process.argv[1], maxFileBytes: 1048576 }); console.log(JSON.stringify(d.files.map((f) => f.absPath).filter((p) => /\\.(ts|tsx|mts|cts)$/.test(p)))); })`, dir], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const tsFiles = JSON.parse(listed.stdout);
  tsFileCount = tsFiles.length;
  const tsconfig = join(work, "tsconfig.json");
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { noEmit: true, skipLibCheck: true, strict: true, jsx: "preserve", target: "ES2022", module: "ESNext", moduleResolution: "Bundler", experimentalDecorators: true, types: [] }, files: tsFiles }));
  const version6 = require("typescript/package.json").version;
  task(`tsc --noEmit, TypeScript ${version6}`, process.execPath, [require.resolve("typescript/bin/tsc"), "-p", tsconfig], dir, { note: `${tsFiles.length} files`, tsc: 6 });
  const native = nativeTypeScript();
  if (native) task(`tsc --noEmit, TypeScript ${native.version} (native)`, native.tsc, ["-p", tsconfig], dir, { note: `${tsFiles.length} files`, tsc: 7 });
}

if (!args.includes("--skip-scaling")) {
  for (const copies of [1, 2, 4]) {
    const root = join(work, `copies-${copies}`);
    for (let i = 1; i <= copies; i++) if (!existsSync(join(root, `copy-${i}`))) copyTree(dir, join(root, `copy-${i}`));
    task(`perf-scan cold, ${copies}x the tree`, process.execPath, scanArgs(root), root, { copies });
  }
}

for (const t of tasks) t.prepare?.();
for (let round = 0; round < runs; round++) {
  for (const t of tasks) {
    t.before?.();
    t.runs.push(measureOnce(t.command, t.commandArgs, t.cwd, t.env));
  }
}
restoreChanged();
for (const t of tasks) {
  const sorted = [...t.runs].sort((a, b) => a.wallMs - b.wallMs);
  t.ms = sorted[Math.floor(sorted.length / 2)].wallMs;
  t.rssKb = Math.max(...t.runs.map((r) => r.rssKb ?? 0)) || null;
  t.last = t.runs[t.runs.length - 1];
  if (t.copies) t.note = `${JSON.parse(t.last.stdout).summary.files} files`;
}
const byName = (prefix) => tasks.find((t) => t.name.startsWith(prefix));
const cold = byName("perf-scan cold");
cold.note = `${files} files, ${probe.summary.findings} findings`;
const withoutTiming = (text) => text.replace(/"durationMs": ?\d+/, '"durationMs": 0');
if (withoutTiming(byName("perf-scan warm, nothing").last.stdout) !== withoutTiming(cold.last.stdout)) {
  console.error("bench: the warm (cached) report differs from the cold one");
  process.exitCode = 1;
}
rmSync(work, { recursive: true, force: true });

// The table, then the targets as ratios measured in this run.
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mib = (kb) => (kb ? `${Math.round(kb / 1024)} MiB` : "n/a");
console.log(`perf-scan bench: ${basename(dir)} (${files} files, median of ${runs} interleaved runs, Node ${process.version})\n`);
console.log("| run | wall | peak RSS | |");
console.log("|---|---|---|---|");
for (const t of tasks) console.log(`| ${t.name} | ${seconds(t.ms)} | ${mib(t.rssKb)} | ${t.note ?? ""} |`);
console.log("");
const ratio = (a, b) => (a / b).toFixed(2);
const warm = byName("perf-scan warm, nothing");
const changed = byName("perf-scan warm, one file");
const tsc6 = tasks.find((t) => t.tsc === 6);
const tsc7 = tasks.find((t) => t.tsc === 7);
const scaling = tasks.filter((t) => t.copies);
console.log(`warm / cold                      ${ratio(warm.ms, cold.ms)} (target < 0.15)`);
if (changed) console.log(`one file changed / cold          ${ratio(changed.ms, cold.ms)} (target < 0.25)`);
if (tsc7) console.log(`cold / native tsc --noEmit       ${ratio(cold.ms, tsc7.ms)} (target <= 1.0)`);
if (tsc6) console.log(`cold / tsc 6 --noEmit            ${ratio(cold.ms, tsc6.ms)}`);
console.log(`peak RSS, cold                   ${mib(cold.rssKb)} (target < 1 GB)`);
if (scaling.length === 3) {
  console.log(`2x tree / 1x tree                ${ratio(scaling[1].ms, scaling[0].ms)}`);
  console.log(`4x tree / 1x tree                ${ratio(scaling[2].ms, scaling[0].ms)} (target <= 4.4)`);
}
if (tsFileCount === 0 && !args.includes("--skip-tsc")) console.error("bench: no TypeScript files for tsc");

/** A copy of the source tree without version control or installed packages. */
function copyTree(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true, filter: (path) => !/[\\/](\.git|node_modules)$/.test(path) });
}

/** The native TypeScript 7 compiler: --tsc7 <folder>, or installed once into node_modules/.cache for benchmarks. */
function nativeTypeScript() {
  const folder = valueOf("--tsc7") ? resolve(valueOf("--tsc7")) : join(packageRoot, "node_modules", ".cache", "perf-scan-bench", "typescript-7");
  const manifest = join(folder, "node_modules", "typescript", "package.json");
  if (!existsSync(manifest)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "package.json"), '{ "private": true }\n');
    const installed = spawnSync("npm", ["install", "--prefix", folder, "--no-audit", "--no-fund", "--silent", "typescript@7"], { encoding: "utf8" });
    if (installed.status !== 0 || !existsSync(manifest)) {
      console.error(`bench: could not install typescript@7 into ${folder} (${(installed.stderr || "").trim().split("\n")[0]}); skipping the native compiler`);
      return null;
    }
  }
  const version = JSON.parse(readFileSync(manifest, "utf8")).version;
  if (!version.startsWith("7.")) {
    console.error(`bench: ${manifest} is TypeScript ${version}, not 7; skipping the native compiler`);
    return null;
  }
  return { tsc: join(folder, "node_modules", "typescript", "bin", "tsc"), version };
}
