import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { scanSync } from "../src/main.js";
import type { Finding, ScanResult } from "../src/types.js";

/**
 * The ESLint rules run the CLI's engine, not a second implementation. The engine parses with its own bundled
 * TypeScript, so nodes from the user's TypeScript (which typescript-eslint loaded, possibly another version) are
 * never handed to it: only file paths and text cross over, and findings come back as line/column data.
 *
 * One scan per package serves every file and every rule of a lint run. It is redone when the text ESLint lints
 * differs from the text the scan used (an edited, unsaved buffer in the editor).
 */
interface CachedScan {
  result: ScanResult;
  /** The text the scan used for each file that was linted against it. */
  texts: Map<string, string>;
  byFile: Map<string, Finding[]>;
  /** When the scan started (ms): a file modified after it may have been read in an older state. */
  scannedAt: number;
}

const scans = new Map<string, CachedScan>();

/** The findings of the engine for one file, as of `text`. */
export function findingsForFile(filename: string, text: string, cwd: string): Finding[] {
  const absolute = resolve(cwd, filename);
  // Where ESLint runs (the repository, or the editor's workspace folder) is what the CLI would scan: helpers in
  // other packages of a monorepo are followed the same way. A file outside it is scanned with its own package.
  const root = isInside(cwd, absolute) && isProject(cwd) ? cwd : (packageRoot(absolute) ?? dirname(absolute));
  let cached = scans.get(root);
  const seen = cached?.texts.get(absolute);
  if (!cached || (seen !== undefined && seen !== text) || (seen === undefined && !matchesDisk(cached, absolute, text))) {
    cached = runScan(root, cached, absolute, text);
    scans.set(root, cached);
  }
  cached.texts.set(absolute, text);
  return cached.byFile.get(absolute) ?? [];
}

function runScan(root: string, previous: CachedScan | undefined, absolute: string, text: string): CachedScan {
  // Keep the buffers already linted (unsaved edits in other open files), and this one.
  const overrides: Record<string, string> = Object.fromEntries(previous?.texts ?? []);
  overrides[absolute] = text;
  const scannedAt = Date.now();
  const result = scanSync({ cwd: root, paths: [root], sourceOverrides: overrides });
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const file = resolve(root, finding.file);
    const list = byFile.get(file) ?? [];
    list.push(finding);
    byFile.set(file, list);
  }
  return { result, texts: new Map(Object.entries(overrides)), byFile, scannedAt };
}

/** Whether the scan, which read this file from disk, saw the text ESLint lints now (ESLint strips a BOM). */
function matchesDisk(cached: CachedScan, absolute: string, text: string): boolean {
  try {
    return cached.scannedAt <= statSync(absolute).mtimeMs ? false : readFileSync(absolute, "utf8").replace(/^\uFEFF/, "") === text;
  } catch {
    return false; // not on disk: only an override can hold it
  }
}

/** A repository or package, not a parent folder such as `/` or the home directory. */
function isProject(dir: string): boolean {
  return existsSync(join(dir, "package.json")) || existsSync(join(dir, ".git"));
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

/** The nearest folder with a package.json: the project the file belongs to. */
function packageRoot(file: string): string | undefined {
  for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  return undefined;
}

/** Forget every cached scan (tests, long-running editors after a branch switch). */
export function clearScanCache(): void {
  scans.clear();
}
