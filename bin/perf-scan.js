#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import("../dist/src/cli.js").catch((error) => {
  process.stderr.write(`perf-scan: could not start (${error?.message ?? error}). Run "npm run build" first.\n`);
  process.exitCode = 2;
});
