#!/usr/bin/env node
// Benchmark (not a test): lints a checkout with typescript-eslint's untyped `recommended` config, once without and
// once with perf-scan's plugin, in the same run, and reports the plugin's share from ESLint's TIMING output.
// Usage: npm run bench:eslint -- <dir>
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const target = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!target || !existsSync(target)) {
  console.error("usage: npm run bench:eslint -- <dir>");
  process.exit(2);
}
const dir = resolve(target);
const work = mkdtempSync(join(tmpdir(), "perf-scan-bench-eslint-"));
const eslintBin = join(packageRoot, "node_modules", "eslint", "bin", "eslint.js");
const url = (path) => pathToFileURL(path).href;

/** A flat config outside the checkout, so the checkout's own ESLint setup is not used. */
function config(withPlugin) {
  const file = join(work, withPlugin ? "with-plugin.config.mjs" : "baseline.config.mjs");
  writeFileSync(
    file,
    `import tseslint from ${JSON.stringify(url(join(packageRoot, "node_modules", "typescript-eslint", "dist", "index.js")))};
${withPlugin ? `import perfScan from ${JSON.stringify(url(join(packageRoot, "dist", "eslint-plugin", "index.js")))};` : ""}
export default [
  { ignores: ["**/node_modules/**", "**/dist/**", "**/build/**", "**/.next/**", "**/*.d.ts", "**/*.min.js"] },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ["**/*.{ts,tsx,mts,cts}"] })),
  ${withPlugin ? `{ ...perfScan.configs.recommended, files: ["**/*.{ts,tsx,mts,cts}"] },` : ""}
  { files: ["**/*.{ts,tsx,mts,cts}"], linterOptions: { reportUnusedDisableDirectives: "off" } },
];
`,
  );
  return file;
}

function lint(withPlugin) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--max-old-space-size=4096", eslintBin, "--config", config(withPlugin), "--no-warn-ignored", "--format", "json", "--output-file", join(work, "out.json"), "."], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, TIMING: "all" },
    maxBuffer: 512 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  // TIMING table rows: "rule-name | time (ms) | relative"
  const rules = new Map();
  for (const line of result.stdout.split("\n")) {
    const match = /^(\S+)\s*\|\s*([\d.]+)\s*\|/.exec(line);
    if (match) rules.set(match[1], Number(match[2]));
  }
  return { wallMs, rules, status: result.status, stderr: result.stderr };
}

const baseline = lint(false);
const withPlugin = lint(true);
rmSync(work, { recursive: true, force: true });
const pluginMs = [...withPlugin.rules].filter(([name]) => name.startsWith("perf-scan/")).reduce((sum, [, ms]) => sum + ms, 0);
const allRulesMs = [...withPlugin.rules.values()].reduce((sum, ms) => sum + ms, 0);
console.log(`perf-scan ESLint bench: ${dir}`);
console.log(`  baseline (typescript-eslint recommended, untyped)  ${(baseline.wallMs / 1000).toFixed(2)} s wall`);
console.log(`  with perf-scan recommended                           ${(withPlugin.wallMs / 1000).toFixed(2)} s wall`);
console.log(`  perf-scan rules (TIMING)                             ${(pluginMs / 1000).toFixed(2)} s of ${(allRulesMs / 1000).toFixed(2)} s in rules`);
console.log(`  plugin share of the run with it                      ${((pluginMs / withPlugin.wallMs) * 100).toFixed(1)}% (wall delta ${(((withPlugin.wallMs - baseline.wallMs) / withPlugin.wallMs) * 100).toFixed(1)}%)`);
if (withPlugin.status === 2 || baseline.status === 2) console.error(`eslint failed:\n${withPlugin.stderr || baseline.stderr}`);
