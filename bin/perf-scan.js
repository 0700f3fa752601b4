#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import module from "node:module";
import codeCache from "../lib/code-cache.cjs";

// Node 22+: V8 keeps the compiled code of perf-scan and the TypeScript compiler between runs, as tsc does
// (on Node 20, lib/typescript.cjs keeps the compiler's).
if (typeof module.enableCompileCache === "function" && !codeCache.codeCacheOff) {
  try {
    module.enableCompileCache(codeCache.codeCacheDirectory);
  } catch {
    // no cache: every run compiles
  }
}

import("../dist/src/cli.js").catch((error) => {
  process.stderr.write(`perf-scan: could not start (${error?.message ?? error}). Run "npm run build" first.\n`);
  process.exitCode = 2;
});
