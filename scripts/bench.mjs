#!/usr/bin/env node
// Benchmark (not a test): everything is measured in one run on the same checkout, so the ratios hold on a noisy
// machine even when the absolute times do not.
//   - perf-scan cold (no cache), cold writing the cache, warm (cache, nothing changed), warm after one file changed;
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
function measureOnce(command, commandArgs, cwd) {
  const started = process.hrtime.bigint();
  const timed = gnuTime ? [gnuTime, ["-f", "__RSS_KB=%M", command, ...commandArgs]] : [command, commandArgs];
  const result = spawnSync(timed[0], timed[1], { cwd, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = /__RSS_KB=(\d+)/.exec(result.stderr ?? "");
  return { wallMs, rssKb: rss ? Number(rss[1]) : null, stdout: result.stdout ?? "", stderr: result.stderr ?? "", status: result.status };
}

/** The median wall time of `runs` runs (`before` runs ahead of each, untimed), and the largest peak RSS. */
function measure(command, commandArgs, cwd, before = () => {}) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    before();
    all.push(measureOnce(command, commandArgs, cwd));
  }
  const sorted = [...all].sort((a, b) => a.wallMs - b.wallMs);
  return { wallMs: sorted[Math.floor(sorted.length / 2)].wallMs, rssKb: Math.max(...all.map((r) => r.rssKb ?? 0)) || null, last: all[all.length - 1] };
}

const scanArgs = (scanned, extra = []) => [bin, scanned, "--format", "json", "--fail-on", "none", "--no-progress", ...extra];
const rows = [];
const row = (name, measured, note = "") => rows.push({ name, ms: measured.wallMs, rssKb: measured.rssKb, note });

// perf-scan, cold and cached.
const cold = measure(process.execPath, scanArgs(dir), dir);
const report = JSON.parse(cold.last.stdout);
const files = report.summary.files;
row("perf-scan cold", cold, `${files} files, ${report.summary.findings} findings`);
const cacheDir = join(work, "cache");
const cached = ["--cache", "--cache-location", cacheDir];
row("perf-scan cold, writing the cache", measure(process.execPath, scanArgs(dir, cached), dir, () => rmSync(cacheDir, { recursive: true, force: true })));
const warm = measure(process.execPath, scanArgs(dir, cached), dir);
const withoutTiming = (text) => text.replace(/"durationMs": ?\d+/, '"durationMs": 0');
if (withoutTiming(warm.last.stdout) !== withoutTiming(cold.last.stdout)) {
  console.error("bench: the warm (cached) report differs from the cold one");
  process.exitCode = 1;
}
row("perf-scan warm, nothing changed", warm);

// One file changed: in a copy, so the checkout is never touched.
const copyRoot = join(work, "copies-1");
copyTree(dir, join(copyRoot, "copy-1"));
const changedFile = join(copyRoot, "copy-1", report.findings[0]?.file ?? "");
if (existsSync(changedFile) && report.findings.length > 0) {
  const original = readFileSync(changedFile, "utf8");
  let edits = 0;
  const changedCache = join(work, "cache-changed");
  spawnSync(process.execPath, scanArgs(copyRoot, ["--cache", "--cache-location", changedCache]), { cwd: copyRoot });
  const changed = measure(process.execPath, scanArgs(copyRoot, ["--cache", "--cache-location", changedCache]), copyRoot, () => {
    // A different edit before each run, so every run sees one changed file.
    writeFileSync(changedFile, `${original}\n// bench edit ${++edits}\n`);
  });
  writeFileSync(changedFile, original);
  row("perf-scan warm, one file changed", changed, report.findings[0].file);
}

let tsc7 = null;
if (!args.includes("--skip-tsc")) {
  // The same TypeScript files, type-checked without emitting: the baseline a user already pays in CI.
  const listed = spawnSync(process.execPath, ["-e", `import("${join(packageRoot, "dist/src/engine/discover.js").replace(/\\/g, "/")}").then((m) => { const d = m.discoverFilesSync({ paths: [process.argv[1]], cwd: process.argv[1], maxFileBytes: 1048576 }); console.log(JSON.stringify(d.files.map((f) => f.absPath).filter((p) => /\\.(ts|tsx|mts|cts)$/.test(p)))); })`, dir], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const tsFiles = JSON.parse(listed.stdout);
  const tsconfig = join(work, "tsconfig.json");
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { noEmit: true, skipLibCheck: true, strict: true, jsx: "preserve", target: "ES2022", module: "ESNext", moduleResolution: "Bundler", experimentalDecorators: true, types: [] }, files: tsFiles }));
  const tsc6 = require.resolve("typescript/bin/tsc");
  const version6 = require("typescript/package.json").version;
  row(`tsc --noEmit, TypeScript ${version6}`, measure(process.execPath, [tsc6, "-p", tsconfig], dir), `${tsFiles.length} files`);
  const native = nativeTypeScript();
  if (native) {
    tsc7 = measure(native.tsc, ["-p", tsconfig], dir);
    row(`tsc --noEmit, TypeScript ${native.version} (native)`, tsc7, `${tsFiles.length} files`);
  }
}

const scaling = [];
if (!args.includes("--skip-scaling")) {
  for (const copies of [1, 2, 4]) {
    const root = join(work, `copies-${copies}`);
    for (let i = 1; i <= copies; i++) if (!existsSync(join(root, `copy-${i}`))) copyTree(dir, join(root, `copy-${i}`));
    const measured = measure(process.execPath, scanArgs(root), root);
    const scanned = JSON.parse(measured.last.stdout).summary.files;
    scaling.push({ copies, ms: measured.wallMs, files: scanned });
    row(`perf-scan cold, ${copies}x the tree`, measured, `${scanned} files`);
  }
}
rmSync(work, { recursive: true, force: true });

// The table, then the targets as ratios measured in this run.
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mib = (kb) => (kb ? `${Math.round(kb / 1024)} MiB` : "n/a");
console.log(`perf-scan bench: ${basename(dir)} (${files} files, median of ${runs} runs, Node ${process.version})\n`);
console.log("| run | wall | peak RSS | |");
console.log("|---|---|---|---|");
for (const r of rows) console.log(`| ${r.name} | ${seconds(r.ms)} | ${mib(r.rssKb)} | ${r.note} |`);
console.log("");
const ratio = (a, b) => (a / b).toFixed(2);
const findRow = (prefix) => rows.find((r) => r.name.startsWith(prefix));
const warmRow = findRow("perf-scan warm, nothing");
const changedRow = findRow("perf-scan warm, one file");
console.log(`warm / cold                      ${ratio(warmRow.ms, cold.wallMs)} (target < 0.15)`);
if (changedRow) console.log(`one file changed / cold          ${ratio(changedRow.ms, cold.wallMs)} (target < 0.25)`);
if (tsc7) console.log(`cold / native tsc --noEmit       ${ratio(cold.wallMs, tsc7.wallMs)} (target <= 1.0)`);
const tsc6Row = findRow("tsc --noEmit, TypeScript 6");
if (tsc6Row) console.log(`cold / tsc 6 --noEmit            ${ratio(cold.wallMs, tsc6Row.ms)}`);
console.log(`peak RSS, cold                   ${mib(cold.rssKb)} (target < 1 GB)`);
if (scaling.length === 3) {
  console.log(`2x tree / 1x tree                ${ratio(scaling[1].ms, scaling[0].ms)} (files ${ratio(scaling[1].files, scaling[0].files)}x)`);
  console.log(`4x tree / 1x tree                ${ratio(scaling[2].ms, scaling[0].ms)} (files ${ratio(scaling[2].files, scaling[0].files)}x; target <= 4.4)`);
}

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
