import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { globSync } from "tinyglobby";
import type { ScanError } from "../types.js";
import { oneLine } from "../one-line.js";

export interface DiscoveredFile {
  absPath: string;
  /** Relative to the scan root, `/`-separated. */
  relPath: string;
  text: string;
}

export interface Discovery {
  /** Absolute scan root: finding paths are relative to it. */
  root: string;
  files: DiscoveredFile[];
  errors: ScanError[];
}

export interface DiscoverOptions {
  /** Absolute paths (files or directories). */
  paths: string[];
  cwd: string;
  maxFileBytes: number;
}

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"] as const;

const SOURCE_GLOB = `**/*.{${SOURCE_EXTENSIONS.map((ext) => ext.slice(1)).join(",")}}`;

/** Never analysed inside a scanned directory: dependencies, build output, generated ORM clients, declarations, bundles. */
const ALWAYS_SKIPPED = [
  "**/node_modules/**",
  "**/dist/**",
  "**/build/**",
  "**/out/**",
  "**/.next/**",
  "**/coverage/**",
  "**/.git/**",
  "**/generated/prisma/**",
  "**/.prisma/**",
  "**/prisma/client/**",
  "**/*.d.ts",
  "**/*.d.mts",
  "**/*.d.cts",
  "**/*.min.js",
  "**/*.min.mjs",
  "**/*.min.cjs",
];

const BINARY_SNIFF_BYTES = 8 * 1024;

/** Finds the source files under `paths`. Never throws for bad input: problems become `errors`. */
export async function discoverFiles(options: DiscoverOptions): Promise<Discovery> {
  return discoverFilesSync(options);
}

/**
 * The same, synchronously: ESLint rules cannot wait for a promise. Reads are sequential; parsing, not reading,
 * dominates a scan.
 */
export function discoverFilesSync(options: DiscoverOptions): Discovery {
  const cwd = resolve(options.cwd);
  const targets = options.paths.map((given) => {
    const path = resolve(cwd, given);
    return { path, stats: statOrError(path) };
  });
  const root = chooseRoot(cwd, targets);
  const errors: ScanError[] = [];
  const candidates = new Set<string>();
  const gitignores = new GitignoreCache();

  for (const { path, stats } of targets) {
    if (!stats.ok) {
      const file = displayPath(root, path);
      errors.push(stats.missing ? { file, kind: "missing-path", message: "path not found" } : { file, kind: "read", message: `could not read (${oneLine(stats.reason)})` });
    } else if (stats.value.isDirectory()) {
      for (const file of listDirectory(path, root, gitignores, errors)) candidates.add(file);
    } else if (hasSourceExtension(path)) {
      // Explicitly named files are scanned even when gitignored or in a skipped folder.
      candidates.add(path);
    }
  }

  const files: DiscoveredFile[] = [];
  for (const absPath of candidates) {
    const outcome = loadFile(absPath, root, options.maxFileBytes);
    if (outcome.file) files.push(outcome.file);
    if (outcome.error) errors.push(outcome.error);
  }
  files.sort((a, b) => compareStrings(a.relPath, b.relPath));
  errors.sort((a, b) => compareStrings(a.file, b.file));
  return { root, files, errors };
}

type StatOutcome = { ok: true; value: Stats } | { ok: false; missing: boolean; reason: string };

function statOrError(path: string): StatOutcome {
  try {
    return { ok: true, value: statSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === "ENOENT" || code === "ENOTDIR", reason: errorMessage(error) };
  }
}

/** `cwd`, unless every path lies outside it: then the first existing directory given (a file's folder). */
function chooseRoot(cwd: string, targets: { path: string; stats: StatOutcome }[]): string {
  if (targets.length === 0 || targets.some((target) => isInside(cwd, target.path))) return cwd;
  const first = targets.find((target) => target.stats.ok);
  if (!first || !first.stats.ok) return cwd;
  return first.stats.value.isDirectory() ? first.path : dirname(first.path);
}

function listDirectory(directory: string, root: string, gitignores: GitignoreCache, errors: ScanError[]): string[] {
  // The crawler silently skips a folder it cannot list (permissions): its files would be lost without a word, so
  // every failed listing is noted and reported below (unless .gitignore'd).
  const unreadable: { dir: string; reason: string }[] = [];
  const readdirNoting = ((path: string, options: never) => {
    try {
      return readdirSync(path, options);
    } catch (error) {
      unreadable.push({ dir: resolve(directory, String(path)), reason: errorMessage(error) });
      throw error;
    }
  }) as typeof readdirSync;
  const entries = globSync([SOURCE_GLOB, "**/.gitignore"], { cwd: directory, ignore: ALWAYS_SKIPPED, followSymbolicLinks: false, fs: { readdirSync: readdirNoting } }).map((entry) => join(directory, entry));
  const nested = gitignores.scopesFor(entries.filter((entry) => basename(entry) === ".gitignore").map(dirname));
  const above = ancestorScopes(directory, root, gitignores);
  // A directory named explicitly is scanned even when a .gitignore above it ignores it (like an explicit file).
  const scopes = matchScopes(above, directory, true) ? nested : [...above, ...nested];
  const filter = new GitignoreFilter(scopes, directory);
  for (const { dir, reason } of unreadable) {
    if (!filter.ignoresDir(dir)) errors.push({ file: displayPath(root, dir), kind: "read", message: `could not read directory (${oneLine(reason)}); its files were not scanned` });
  }
  return entries.filter((entry) => hasSourceExtension(entry) && !filter.ignores(entry));
}

/** The .gitignore files above a scanned directory, up to the repository top (or the scan root outside a repository). */
function ancestorScopes(directory: string, root: string, gitignores: GitignoreCache): IgnoreScope[] {
  if (existsSync(join(directory, ".git"))) return [];
  const ancestors: string[] = [];
  let repoTop: number | undefined;
  for (let current = directory; dirname(current) !== current; ) {
    current = dirname(current);
    ancestors.push(current);
    if (existsSync(join(current, ".git"))) {
      repoTop = ancestors.length;
      break;
    }
  }
  const limit = repoTop ?? ancestors.filter((dir) => isInside(root, dir)).length;
  return gitignores.scopesFor(ancestors.slice(0, limit));
}

interface IgnoreScope {
  /** Folder holding the .gitignore: its patterns are relative to it. */
  dir: string;
  rules: Ignore;
}

class GitignoreCache {
  private readonly byDir = new Map<string, IgnoreScope | undefined>();

  /** Scopes for the .gitignore files in `dirs` that exist, shallowest first. */
  scopesFor(dirs: string[]): IgnoreScope[] {
    const scopes = dirs.map((dir) => this.load(dir));
    return scopes.filter((scope): scope is IgnoreScope => scope !== undefined).sort((a, b) => a.dir.length - b.dir.length);
  }

  private load(dir: string): IgnoreScope | undefined {
    if (!this.byDir.has(dir)) {
      let scope: IgnoreScope | undefined;
      try {
        scope = { dir, rules: ignore().add(readFileSync(join(dir, ".gitignore"), "utf8")) };
      } catch {
        scope = undefined;
      }
      this.byDir.set(dir, scope);
    }
    return this.byDir.get(dir);
  }
}

/** Applies nested .gitignore files the way git does: deeper files win, and nothing inside an ignored folder comes back. */
class GitignoreFilter {
  private readonly ignoredDirs = new Map<string, boolean>();

  constructor(
    private readonly scopes: IgnoreScope[],
    private readonly top: string,
  ) {}

  ignores(file: string): boolean {
    return this.scopes.length > 0 && (this.dirIgnored(dirname(file)) || matchScopes(this.scopes, file, false));
  }

  ignoresDir(dir: string): boolean {
    return this.scopes.length > 0 && this.dirIgnored(dir);
  }

  private dirIgnored(dir: string): boolean {
    if (!isStrictlyUnder(this.top, dir) || dirname(dir) === dir) return false;
    let ignored = this.ignoredDirs.get(dir);
    if (ignored === undefined) {
      ignored = this.dirIgnored(dirname(dir)) || matchScopes(this.scopes, dir, true);
      this.ignoredDirs.set(dir, ignored);
    }
    return ignored;
  }
}

/** Whether the last .gitignore rule that applies to `path` ignores it; `scopes` go shallowest first. */
function matchScopes(scopes: IgnoreScope[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const scope of scopes) {
    if (!isStrictlyUnder(scope.dir, path)) continue;
    const result = scope.rules.test(toPosix(relative(scope.dir, path)) + (isDir ? "/" : ""));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const lenientUtf8 = new TextDecoder("utf-8");

/** A file, a reason it was skipped, or both (a file read with a warning). */
function loadFile(absPath: string, root: string, maxFileBytes: number): { file?: DiscoveredFile; error?: ScanError } {
  const relPath = displayPath(root, absPath);
  let descriptor: number | undefined;
  try {
    // Non-blocking: opening a FIFO named `x.ts` for reading would otherwise wait for a writer forever.
    descriptor = openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { error: { file: relPath, kind: "read", message: "skipped: not a regular file (a FIFO, socket or device)" } };
    const { size } = stats;
    if (size > maxFileBytes) {
      return { error: { file: relPath, kind: "too-large", message: `skipped: ${formatBytes(size)} is over the ${formatBytes(maxFileBytes)} limit` } };
    }
    const bytes = readFileSync(descriptor);
    // UTF-16 with a byte order mark is text that TypeScript reads (its NUL bytes are not a sign of a binary file).
    const utf16 = utf16Text(bytes);
    if (utf16 !== undefined) return { file: { absPath, relPath, text: utf16.text }, ...(utf16.lossy && { error: { file: relPath, kind: "encoding", message: "not valid UTF-16: odd last byte dropped" } }) };
    if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
      return { error: { file: relPath, kind: "binary", message: "skipped: binary file (NUL byte)" } };
    }
    try {
      return { file: { absPath, relPath, text: strictUtf8.decode(bytes) } };
    } catch {
      // A stray byte (a Latin-1 "é" in a comment): one U+FFFD for it, so the rest of the file keeps its columns.
      return { file: { absPath, relPath, text: lenientUtf8.decode(bytes) }, error: { file: relPath, kind: "encoding", message: "not valid UTF-8: invalid bytes replaced" } };
    }
  } catch (error) {
    return { error: { file: relPath, kind: "read", message: `could not read (${oneLine(errorMessage(error))})` } };
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** The text of a file that starts with a UTF-16 byte order mark (little or big endian), without the mark. */
function utf16Text(bytes: Buffer): { text: string; lossy: boolean } | undefined {
  const littleEndian = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!littleEndian && !(bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  const units = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
  if (!littleEndian) units.swap16();
  try {
    // An odd last byte is dropped (and said); unpaired surrogates mean it was not UTF-16 text after all.
    return { text: new TextDecoder("utf-16le", { fatal: true }).decode(units), lossy: bytes.length % 2 === 1 };
  } catch {
    return undefined;
  }
}

function hasSourceExtension(path: string): boolean {
  return SOURCE_EXTENSIONS.some((ext) => path.endsWith(ext));
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Cheap prefix test for absolute, normalized paths (called per file and per folder). */
function isStrictlyUnder(dir: string, path: string): boolean {
  return path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/** Relative to the root when inside it, otherwise the absolute path (as given). */
function displayPath(root: string, path: string): string {
  return isInside(root, path) ? toPosix(relative(root, path)) || "." : toPosix(path);
}

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

