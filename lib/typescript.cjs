// The TypeScript compiler API, loaded with require(). Imported from ESM directly, Node first scans the 9 MB
// CommonJS file for its export names, which costs about 0.3 s per run. Assigned through a variable, not
// `module.exports = require(...)`, because Node's scanner follows that form into the required file.
"use strict";
const typescript = loadWithCodeCache() ?? require("typescript");
module.exports = typescript;

/**
 * Compiling the 9 MB compiler costs V8 about 0.2 s per run, and the functions the parser calls more as they first
 * run. V8 can keep that work (a code cache); Node 22 does so through module.enableCompileCache, which tsc itself turns
 * on. Node 20 has only vm.Script's cachedData, used here for this one file. The cache is checked by V8 against the
 * source and its own version and flags, so a stale or foreign one is rejected and rebuilt, never run. Any problem
 * (no write access, a missing API) falls back to a plain require().
 */
function loadWithCodeCache() {
  const Module = require("node:module");
  const { codeCacheDirectory: directory, codeCacheOff } = require("./code-cache.cjs");
  if (typeof Module.enableCompileCache === "function" || codeCacheOff) return null;
  try {
    const { readFileSync, readdirSync, mkdirSync, rmSync, writeFileSync, renameSync, statSync } = require("node:fs");
    const { dirname, join } = require("node:path");
    const vm = require("node:vm");
    const file = require.resolve("typescript");
    const stat = statSync(file);
    const cacheName = `typescript-${process.version}-${process.arch}-${stat.size}-${Math.trunc(stat.mtimeMs)}.bin`;
    const cachePath = join(directory, cacheName);
    let cachedData;
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
    const loaded = new Module(file, module);
    loaded.filename = file;
    loaded.paths = Module._nodeModulePaths(dirname(file));
    script.runInThisContext()(loaded.exports, Module.createRequire(file), loaded, file, dirname(file));
    loaded.loaded = true;
    // Other require("typescript") calls in this process (typescript-eslint's) get this instance, not a second copy.
    require.cache[file] = loaded;
    // Written at exit, so the cache holds the functions the scan compiled too. A cache a short process wrote (one
    // that loaded the compiler and did little) is replaced by the next process that ran far longer.
    const writerSeconds = cachedData === undefined || script.cachedDataRejected ? 0 : readSidecar(readFileSync, `${cachePath}.json`);
    process.once("exit", () => {
      const seconds = process.uptime();
      if (writerSeconds > 0 && (seconds < 1 || seconds < 2 * writerSeconds)) return;
      try {
        mkdirSync(directory, { recursive: true });
        const temporary = `${cachePath}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cachePath);
        writeFileSync(`${cachePath}.json`, JSON.stringify({ seconds }));
          // One cache per TypeScript and Node version: the ones of earlier versions are never read again.
        for (const name of readdirSync(directory)) if (name.startsWith("typescript-") && !name.startsWith(cacheName) && !name.endsWith(".tmp")) rmSync(join(directory, name), { force: true });
      } catch {
        // read-only install: every run compiles, as without the cache
      }
    });
    return loaded.exports;
  } catch {
    return null;
  }
}

/** How long the process that wrote the cache ran, in seconds (0 when unknown: any longer run replaces it). */
function readSidecar(readFileSync, path) {
  try {
    const seconds = JSON.parse(readFileSync(path, "utf8")).seconds;
    return typeof seconds === "number" && seconds > 0 ? seconds : 0.001;
  } catch {
    return 0.001;
  }
}
