#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import module from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Node 22+: V8 keeps the compiled code of perf-scan and the TypeScript compiler between runs, as tsc does
// (on Node 20, lib/typescript.cjs keeps the compiler's). Same folder as lib/typescript.cjs uses.
if (typeof module.enableCompileCache === "function" && process.env.PERF_SCAN_CODE_CACHE !== "off") {
  const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
  const nodeModules = basename(dirname(packageRoot)) === "node_modules" ? dirname(packageRoot) : join(packageRoot, "node_modules");
  try {
    module.enableCompileCache(join(nodeModules, ".cache", "perf-scan-code"));
  } catch {
    // no cache: every run compiles
  }
}

import("../dist/src/cli.js").catch((error) => {
  process.stderr.write(`perf-scan: could not start (${error?.message ?? error}). Run "npm run build" first.\n`);
  process.exitCode = 2;
});
