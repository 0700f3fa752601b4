// The scan as a library call: discover the files, analyse them (or reuse a cached analysis), put the result
// together. This module never loads the compiler itself: a cached scan does not need it (src/analyze.ts does).
import { relative, resolve, sep } from "node:path";
import { performance } from "node:perf_hooks";
import ignore from "ignore";
import type { Analysis } from "./analyze.js";
import { assembleResult, isAnalysis } from "./assemble.js";
import { cacheKey, loadCached, storeCached } from "./cache.js";
import { discoverFilesSync, type Discovery } from "./engine/discover.js";
import type { ScanError, ScanOptions, ScanResult } from "./types.js";

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Scans the given paths and returns plain data. Never throws for bad input files; see `errors`. */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const { cwd, discovery } = discoverFor(options);
  const cacheable = options.cacheLocation !== undefined && options.typeProgram === undefined && options.sourceOverrides === undefined;
  if (!cacheable) {
    const { analyze } = await import("./analyze.js");
    return assembleResult(analyze(discovery, options, cwd).analysis, discovery, options, cwd, started);
  }
  const location = resolve(cwd, options.cacheLocation!);
  const key = cacheKey(analysisKeyOf(options, cwd, discovery));
  const cached = loadCached<Analysis>(location, key, discovery.files, isAnalysis);
  if (cached) return assembleResult(cached, discovery, options, cwd, started);
  const { analyze } = await import("./analyze.js");
  // What the analysis reads is hashed after it ran: anything changed since it started is not cached (src/cache.ts).
  const since = Date.now();
  const { analysis, dependencies } = analyze(discovery, options, cwd);
  const problem = storeCached(location, key, discovery.files, dependencies(), analysis, { since, root: discovery.root });
  const notes: ScanError[] = problem ? [{ file: ".", kind: "cache", message: problem }] : [];
  return assembleResult(analysis, discovery, options, cwd, started, notes);
}

/** The files of a scan, with the config's globs and an editor's unsaved texts applied. */
export function discoverFor(options: ScanOptions): { cwd: string; discovery: Discovery } {
  const cwd = resolve(options.cwd ?? process.cwd());
  const paths = (options.paths && options.paths.length > 0 ? options.paths : [cwd]).map((p) => resolve(cwd, p));
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  return { cwd, discovery: withOverrides(withGlobs(discoverFilesSync({ paths, cwd, maxFileBytes }), options, cwd), options.sourceOverrides, maxFileBytes) };
}

/**
 * Everything besides files that the analysis depends on: the options, except those applied after it (what is shown,
 * severities, the baseline, the shard) and the cache's own. An option added later is part of the key unless listed
 * here, so a new option can never serve a stale analysis.
 */
const APPLIED_AFTER_ANALYSIS = new Set(["severities", "minConfidence", "reportOnly", "baseline", "shard", "cacheLocation", "onProgress", "reportUnusedDisableDirectives", "jobs"]);

function analysisKeyOf(options: ScanOptions, cwd: string, discovery: Discovery): unknown {
  const kept = Object.entries(options).filter(([name, value]) => !APPLIED_AFTER_ANALYSIS.has(name) && typeof value !== "function");
  const wantsUnused = (options.reportUnusedDisableDirectives ?? "off") !== "off";
  // A relative globRoot is resolved against the process's working folder (here and in the engine), not `cwd`.
  const globRoot = options.globRoot === undefined ? undefined : resolve(options.globRoot);
  return { cwd, root: discovery.root, options: Object.fromEntries(kept.sort(([a], [b]) => (a < b ? -1 : 1))), globRoot, wantsUnused };
}

/** A config's include/exclude globs (gitignore syntax, relative to the config's folder) narrow the files scanned. */
function withGlobs(discovery: Discovery, options: ScanOptions, cwd: string): Discovery {
  if (!options.include?.length && !options.exclude?.length) return discovery;
  const base = resolve(options.globRoot ?? cwd);
  // gitignore syntax has no `./`: "./src/**" means "src/**" to a user.
  const globs = (patterns: string[]) => ignore().add(patterns.map((pattern) => pattern.replace(/^\.\//, "")));
  const included = options.include?.length ? globs(options.include) : null;
  const excluded = options.exclude?.length ? globs(options.exclude) : null;
  const files = discovery.files.filter((file) => {
    const rel = relative(base, file.absPath).split(sep).join("/");
    if (rel.startsWith("..")) return !included; // outside the config's folder: only include lists can leave it out
    return (!included || included.ignores(rel)) && !excluded?.ignores(rel);
  });
  return { ...discovery, files };
}

/** An editor's unsaved text replaces the file on disk (or adds a file not saved yet). */
function withOverrides(discovery: Discovery, overrides: Record<string, string> | undefined, maxFileBytes: number): Discovery {
  if (!overrides) return discovery;
  const files = discovery.files.map((file) => (overrides[file.absPath] !== undefined ? { ...file, text: overrides[file.absPath]! } : file));
  const known = new Set(files.map((file) => file.absPath));
  for (const [absPath, text] of Object.entries(overrides)) {
    // A new, unsaved file joins the scan; the size limit holds for it as for files on disk.
    if (known.has(absPath) || Buffer.byteLength(text, "utf8") > maxFileBytes) continue;
    const relPath = relative(discovery.root, absPath).split(sep).join("/");
    if (!relPath.startsWith("..")) files.push({ absPath, relPath, text });
  }
  return { ...discovery, files };
}
