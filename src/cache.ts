import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { threadId } from "node:worker_threads";
import { getTsconfig } from "get-tsconfig";
import { isPackageRoot, PACKAGE_ROOT } from "./package-root.js";

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
  /** Large files compared by size, times and inode (installed typings); a missing path must stay missing. */
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

const FORMAT = 2;

/** A key for what the analysis depends on besides files: the options and perf-scan's own build. */
export function cacheKey(parts: unknown): string {
  return hash(JSON.stringify({ parts, build: buildStamp() }));
}

/**
 * The cached payload, or null when there is none or anything it depended on differs. Also makes the location, so
 * that creating it (inside the scanned tree, say) happens before the analysis, not while it reads. `isPayload`
 * checks the payload's shape: a cache file that parses but is not what this build wrote is ignored, never trusted.
 */
export function loadCached<T>(location: string, key: string, scanned: { absPath: string; text: string }[], isPayload: (payload: unknown) => payload is T = (payload): payload is T => payload !== undefined): T | null {
  try {
    // A folder just made changed its parent, which the analysis may read: the margin passes before it starts, or
    // the first analysis would look changed while it ran and never be written (see changedSince).
    if (mkdirSync(location, { recursive: true }) !== undefined) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RACY_MARGIN_MS + 5);
  } catch {
    // storeCached says what is wrong with the location
  }
  try {
    const entry = JSON.parse(readFileSync(cacheFile(location, key), "utf8")) as CacheFile<T>;
    if (entry?.format !== FORMAT || entry.key !== key || !isPayload(entry.payload)) return null;
    if (Object.keys(entry.files).length !== scanned.length) return null;
    for (const file of scanned) if (entry.files[file.absPath] !== hash(file.text)) return null;
    for (const [path, expected] of Object.entries(entry.contents)) if (contentHash(path) !== expected) return null;
    for (const [dir, expected] of Object.entries(entry.listings)) if (listingHash(dir) !== expected) return null;
    for (const [path, expected] of Object.entries(entry.stamps)) if (stamp(path) !== expected) return null;
    for (const [path, expected] of Object.entries(entry.tsconfigs)) if (tsconfigHash(path) !== expected) return null;
    return entry.payload;
  } catch {
    return null; // no cache yet, or a damaged one: analyse
  }
}

/**
 * Writes the analysis and what it depended on; returns a one-line problem instead of throwing. `since`: when the
 * analysis started (Date.now()); `root`: the scan root. What the analysis read is hashed now, after it ran, so a file
 * changed in between would be recorded with its new content beside an analysis of the old one: when anything it
 * depended on changed since it started, nothing is written (the next scan analyses again, and writes).
 */
export function storeCached<T>(location: string, key: string, scanned: { absPath: string; text: string }[], dependencies: CacheDependencies, payload: T, { since, root }: { since: number; root: string }): string | null {
  try {
    mkdirSync(location, { recursive: true });
  } catch (error) {
    return unwritable(location, error);
  }
  const paths = [...dependencies.contents, ...dependencies.listings, ...dependencies.stamps, ...dependencies.tsconfigs];
  if (changedSince(paths, since, root)) return null;
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
  // Hashing took a while too: anything changed meanwhile may have been hashed after the change.
  if (changedSince(paths, since, root)) return null;
  const target = cacheFile(location, key);
  // Written aside and renamed, so a scan that is killed never leaves half a cache for the next one; the name is
  // unique per scan (threads of one process share its pid), so concurrent scans never write into one file.
  const temporary = `${target}.${process.pid}-${threadId}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, target);
    return null;
  } catch (error) {
    rmSync(temporary, { force: true });
    return unwritable(location, error);
  }
}

function unwritable(location: string, error: unknown): string {
  return `could not write the cache in ${location} (${String((error as Error)?.message ?? error).split("\n")[0]})`;
}

/**
 * Whether a path changed since `since`, by change and modification time; for a missing path inside the scan root,
 * whether its folder did (it may have been read, then deleted). Folders above the root are not asked: a missing
 * `/tmp/tsconfig.json` says nothing about a busy `/tmp`. File times lag the clock by up to a timer tick, and on file
 * systems that keep whole seconds (FAT, HFS+, some network mounts) by up to two seconds, hence the margins.
 */
function changedSince(paths: string[], since: number, root: string): boolean {
  const seen = new Set<string>();
  const inRoot = (path: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
  const changed = (path: string): boolean => {
    if (seen.has(path)) return false;
    seen.add(path);
    const stats = statOrUndefined(path);
    if (!stats) {
      const folder = dirname(path);
      return folder !== path && inRoot(folder) && statOrUndefined(folder) !== undefined && changed(folder);
    }
    const latest = Math.max(stats.mtimeMs, stats.ctimeMs);
    const wholeSeconds = stats.mtimeMs % 1000 === 0 && stats.ctimeMs % 1000 === 0;
    return latest > since - (wholeSeconds ? 2000 : RACY_MARGIN_MS);
  };
  return paths.some(changed);
}

const RACY_MARGIN_MS = 20;

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
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

/** The cache's own files, which may live in a folder the analysis listed: they never count as a change. */
const OWN_FILE = /^scan-[\w-]{16}\.json(\.[\w-]+\.tmp)?$/;

function listingHash(dir: string): string | null {
  try {
    return hash(
      readdirSync(dir, { withFileTypes: true })
        .filter((entry) => !OWN_FILE.test(entry.name))
        // A symbolic link counts by what it points at: a dangling link that starts pointing at a file changes an import.
        .map((entry) => `${entry.name}${entry.isDirectory() ? "/" : entry.isSymbolicLink() ? `@${linkTarget(join(dir, entry.name))}` : ""}`)
        .sort()
        .join("\n"),
    );
  } catch {
    return null;
  }
}

function linkTarget(path: string): string {
  const stats = statOrUndefined(path);
  return !stats ? "missing" : stats.isDirectory() ? "directory" : stats.isFile() ? "file" : "other";
}

/**
 * Size, both times and inode: npm writes package files with the times packed in the tarball (1985), so size and
 * modification time alone miss an upgrade that keeps a file's length; the change time and inode cannot be set back.
 */
function stamp(path: string): string | null {
  const stats = statOrUndefined(path);
  return stats ? `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}` : null;
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

/** Packages whose version can change what the analysis finds (the compiler, the schema parser, tsconfig reading). */
const ANALYSIS_DEPENDENCIES = ["typescript", "@mrleebo/prisma-ast", "get-tsconfig", "ignore", "tinyglobby", "resolve.exports"];

/** perf-scan's own compiled files by size and time: a rebuilt perf-scan never reuses an older one's analysis. */
function buildStamp(): string {
  if (build) return build;
  const packageRoot = PACKAGE_ROOT;
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
  // The dependencies that decide what the analysis finds: `npm update` changes them without touching perf-scan.
  const require = createRequire(import.meta.url);
  for (const name of ANALYSIS_DEPENDENCIES) {
    let entry: string;
    try {
      entry = require.resolve(name);
    } catch {
      parts.push(`${name}:missing`);
      continue;
    }
    let dir = dirname(entry);
    while (dirname(dir) !== dir && !isPackageRoot(dir, name)) dir = dirname(dir);
    parts.push(`${name}:${contentHash(join(dir, "package.json"))}:${stamp(entry)}`);
  }
  build = hash(parts.join("\n"));
  return build;
}
