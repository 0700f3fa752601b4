// Preload for a child process: `typescript` resolves to the package named in PERF_SCAN_TEST_TYPESCRIPT (e.g. the
// `typescript-5.9` alias), so typescript-eslint parses with that version, as in a project that installed it.
"use strict";
const Module = require("node:module");
const replacement = process.env.PERF_SCAN_TEST_TYPESCRIPT;
const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (replacement && (request === "typescript" || request.startsWith("typescript/"))) request = replacement + request.slice("typescript".length);
  return original.call(this, request, ...rest);
};
