// The scan, synchronously: the ESLint plugin's rules cannot await. It always analyses (no cache), and loads the
// compiler when this module is imported.
import { performance } from "node:perf_hooks";
import { analyze } from "./analyze.js";
import { assembleResult } from "./assemble.js";
import { discoverFor } from "./main.js";
import type { ScanOptions, ScanResult } from "./types.js";

export function scanSync(options: ScanOptions = {}): ScanResult {
  return scanWithFiles(options).result;
}

/** A scan and the files it read with their text (the ESLint plugin compares them with what it lints, and watches them). */
export function scanWithFiles(options: ScanOptions = {}): { result: ScanResult; files: Map<string, string> } {
  const started = performance.now();
  const { cwd, discovery } = discoverFor(options);
  const result = assembleResult(analyze(discovery, options, cwd).analysis, discovery, options, cwd, started);
  return { result, files: new Map(discovery.files.map((file) => [file.absPath, file.text])) };
}
