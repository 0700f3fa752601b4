// Where V8 keeps compiled code between runs (bin/perf-scan.js on Node 22+, lib/typescript.cjs on Node 20):
// node_modules/.cache/perf-scan-code of the project perf-scan is installed in, or of this checkout.
// Loads nothing but node:path, so a cached scan that never needs the compiler pays nothing for it.
"use strict";
const { basename, dirname, join } = require("node:path");

const packageRoot = join(__dirname, "..");
const nodeModules = basename(dirname(packageRoot)) === "node_modules" ? dirname(packageRoot) : join(packageRoot, "node_modules");

module.exports = {
  codeCacheDirectory: join(nodeModules, ".cache", "perf-scan-code"),
  /** `PERF_SCAN_CODE_CACHE=off`: compile every run. */
  codeCacheOff: process.env.PERF_SCAN_CODE_CACHE === "off",
};
