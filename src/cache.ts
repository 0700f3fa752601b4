import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { getTsconfig } from "get-tsconfig";

/**
 * The scan cache (`--cache`): the last analysis is reused only when nothing it read has changed. perf-scan follows
 * calls across files, so one file's findings depend on other files, on package.json and tsconfig files, on the
 * Prisma schema and on the installed ORM typings. The cache records all of them and checks all of them; one
 * difference and the whole analysis is redone. This module never loads the TypeScript compiler, so a hit is cheap.
 */

/** What an analysis read besides the scanned files, as the engine reports it. */
export interface CacheDependencies {
  /** Files whose content matters (a missing one too: creating it must count as a change). */
  contents: string[];
  /** Directories whose listing import resolution used (a new `utils.ts` next to `utils/index.ts` changes it). */
  listings: string[];
  /** Large files compared by size and modification time (installed typings). */
  stamps: string[];
  /** tsconfig files, compared after `extends` is followed. */
  tsconfigs: string[];
}

interface CacheFile<T> {
  format: typeof FORMAT;
  key: string;
  files: Record<string, string>;
  contents: Record<string, string | null>;
  listings: Record<string, string | null>;
  stamps: Record<string, string | null>;
  tsconfigs: Record<string, string | null>;
  payload: T;
}

const FORMAT = 1;

/** A key for what the analysis depends on besides files: the options and perf-scan's own build. */
export function cacheKey(parts: unknown): string {
  return hash(JSON.stringify({ parts, build: buildStamp() }));
}

/** The cached payload, or null when there is none or anything it depended on differs. */
export function loadCached<T>(location: string, key: string, scanned: { absPath: string; text: string }[]): T | null {
  let entry: CacheFile<T>;
  try {
    entry = JSON.parse(readFileSync(cacheFile(location, key), "utf8")) as CacheFile<T>;
  } catch {
    return null; // no cache yet, or a damaged one: analyse
  }
  if (entry.format !== FORMAT || entry.key !== key) return null;
  if (Object.keys(entry.files).length !== scanned.length) return null;
  for (const file of scanned) if (entry.files[file.absPath] !== hash(file.text)) return null;
  for (const [path, expected] of Object.entries(entry.contents)) if (contentHash(path) !== expected) return null;
  for (const [dir, expected] of Object.entries(entry.listings)) if (listingHash(dir) !== expected) return null;
  for (const [path, expected] of Object.entries(entry.stamps)) if (stamp(path) !== expected) return null;
  for (const [path, expected] of Object.entries(entry.tsconfigs)) if (tsconfigHash(path) !== expected) return null;
  return entry.payload;
}

/** Writes the analysis and what it depended on; returns a one-line problem instead of throwing. */
export function storeCached<T>(location: string, key: string, scanned: { absPath: string; text: string }[], dependencies: CacheDependencies, payload: T): string | null {
  const entry: CacheFile<T> = {
    format: FORMAT,
    key,
    files: Object.fromEntries(scanned.map((file) => [file.absPath, hash(file.text)])),
    contents: Object.fromEntries(unique(dependencies.contents).map((path) => [path, contentHash(path)])),
    listings: Object.fromEntries(unique(dependencies.listings).map((dir) => [dir, listingHash(dir)])),
    stamps: Object.fromEntries(unique(dependencies.stamps).map((path) => [path, stamp(path)])),
    tsconfigs: Object.fromEntries(unique(dependencies.tsconfigs).map((path) => [path, tsconfigHash(path)])),
    payload,
  };
  const target = cacheFile(location, key);
  try {
    mkdirSync(location, { recursive: true });
    // Written aside and renamed, so a scan that is killed never leaves half a cache for the next one.
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, target);
    return null;
  } catch (error) {
    return `could not write the cache in ${location} (${(error as Error).message.split("\n")[0]})`;
  }
}

function cacheFile(location: string, key: string): string {
  return join(location, `scan-${key.slice(0, 16)}.json`);
}

function hash(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)].sort();
}

function contentHash(path: string): string | null {
  try {
    return hash(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

function listingHash(dir: string): string | null {
  try {
    return hash(
      readdirSync(dir, { withFileTypes: true })
        .map((entry) => `${entry.name}${entry.isDirectory() ? "/" : ""}`)
        .sort()
        .join("\n"),
    );
  } catch {
    return null;
  }
}

function stamp(path: string): string | null {
  try {
    const stats = statSync(path);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return null;
  }
}

function tsconfigHash(path: string): string | null {
  try {
    const found = getTsconfig(dirname(path), path.split(/[\\/]/).pop());
    return found && found.path === path ? hash(JSON.stringify(found.config)) : null;
  } catch (error) {
    // A broken tsconfig is a state too: the same error means the same analysis.
    return hash(`error:${(error as Error).message}`);
  }
}

let build: string | null = null;

function isPerfScanRoot(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string }).name === "perf-scan";
  } catch {
    return false;
  }
}

/** perf-scan's own compiled files by size and time: a rebuilt perf-scan never reuses an older one's analysis. */
function buildStamp(): string {
  if (build) return build;
  // Run from dist/src/ or, in tests, from src/: the package root is the first folder up with perf-scan's package.json.
  let packageRoot = dirname(fileURLToPath(import.meta.url));
  while (!isPerfScanRoot(packageRoot) && dirname(packageRoot) !== packageRoot) packageRoot = dirname(packageRoot);
  const parts: string[] = [];
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(js|cjs|ts|json)$/.test(entry.name)) parts.push(`${path}:${stamp(path)}`);
    }
  };
  for (const dir of ["dist", "lib", "src", "rules"]) visit(join(packageRoot, dir));
  parts.push(`package.json:${contentHash(join(packageRoot, "package.json"))}`);
  build = hash(parts.join("\n"));
  return build;
}
