import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { scanWithFiles } from "../src/sync.js";
import { validateConfig } from "../src/config.js";
import type { Finding, ScanOptions } from "../src/types.js";

/** What `settings.perfScan` may hold: the config file's engine keys (rule levels are ESLint's own `rules`). */
export type PerfScanSettings = Pick<ScanOptions, "clients" | "frameworks" | "pagination" | "schema">;

const SETTINGS_KEYS = new Set(["clients", "frameworks", "pagination", "schema"]);
const checkedSettings = new WeakMap<object, PerfScanSettings>();

/**
 * `settings.perfScan` from ESLint's shared settings, checked against the config schema: a mistake throws one line
 * naming the key and what was expected, as the CLI prints it for a config file.
 */
export function perfScanSettings(settings: Readonly<Record<string, unknown>> | undefined): PerfScanSettings {
  const value = settings?.perfScan;
  if (value === undefined) return {};
  if (typeof value === "object" && value !== null && checkedSettings.has(value)) return checkedSettings.get(value)!;
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  const otherKey = isObject ? Object.keys(value).find((key) => !SETTINGS_KEYS.has(key)) : undefined;
  const problem = !isObject
    ? "must be an object"
    : otherKey !== undefined
      ? `has the key \`${otherKey}\`, which is not read here (settings take clients, frameworks, pagination and schema; rule levels are ESLint's \`rules\`)`
      : validateConfig(value);
  if (problem) throw new Error(`perf-scan: settings.perfScan${problem.startsWith("`") ? ": " : " "}${problem.replace(/^the config /, "")}`);
  checkedSettings.set(value as object, value as PerfScanSettings);
  return value as PerfScanSettings;
}

/**
 * The ESLint rules run the CLI's engine, not a second implementation. The engine parses with its own bundled
 * TypeScript, so nodes from the user's TypeScript (which typescript-eslint loaded, possibly another version) are
 * never handed to it: only file paths and text cross over, and findings come back as line/column data.
 *
 * One scan per project serves every file and every rule of a lint run. It is redone when a file it read changed on
 * disk, or when the text ESLint lints differs from the text the scan used (an edited, unsaved editor buffer).
 */
interface CachedScan {
  byFile: Map<string, Finding[]>;
  /** mtime and size of every file the scan read, to notice edits on disk (a helper in another file). */
  stamps: Map<string, string>;
  /** Editor texts that differ from the disk, kept for the next scans. */
  overrides: Map<string, string>;
  /** The text the scan read for each file (as ESLint sees it: no BOM). */
  texts: Map<string, string>;
  /** The text the scan used for each file ESLint has linted against it. */
  linted: Map<string, string>;
  checkedAt: number;
}

/** How often the files a scan read are checked for edits on disk. */
const RECHECK_MS = 1000;
const scans = new Map<string, CachedScan>();

/** The findings of the engine for one file, as of `text`. `settings`: `settings.perfScan`, relative modules from `cwd`. */
export function findingsForFile(filename: string, text: string, cwd: string, program?: unknown, settings: PerfScanSettings = {}): Finding[] {
  const absolute = resolve(cwd, filename);
  // Where ESLint runs (the repository, or the editor's workspace folder) is what the CLI would scan: helpers in
  // other packages of a monorepo are followed the same way. A file outside it is scanned with its own package.
  const root = scanRoot(cwd, absolute);
  // One scan per project and settings: two configs in one run (overrides per folder) never share findings.
  const engine = { ...settings, globRoot: cwd };
  const key = `${root}\0${JSON.stringify(engine)}`;
  let cached = scans.get(key);
  if (cached && Date.now() - cached.checkedAt > RECHECK_MS) {
    if (changedOnDisk(cached)) cached = undefined;
    else cached.checkedAt = Date.now();
  }
  if (!cached || textUsedFor(cached, absolute) !== text) {
    cached = runScan(root, cached, absolute, text, program, engine);
    scans.set(key, cached);
  }
  cached.linted.set(absolute, text);
  return cached.byFile.get(absolute) ?? [];
}

/**
 * The text the cached scan used for a file. A file on disk that the scan did not read (too large, ignored, not
 * source) is one the engine skips: its disk text counts as seen, so it never forces a new scan.
 */
function textUsedFor(cached: CachedScan, absolute: string): string | undefined {
  return cached.linted.get(absolute) ?? cached.texts.get(absolute) ?? (cached.overrides.has(absolute) ? undefined : readText(absolute));
}

const roots = new Map<string, string>();

/** Where ESLint runs, when the file is in it and it is a project; else the file's own package. Cached per folder. */
function scanRoot(cwd: string, absolute: string): string {
  const key = `${cwd}\0${dirname(absolute)}`;
  let root = roots.get(key);
  if (root === undefined) {
    root = isInside(cwd, absolute) && isProject(cwd) ? cwd : (packageRoot(absolute) ?? dirname(absolute));
    roots.set(key, root);
  }
  return root;
}

function runScan(root: string, previous: CachedScan | undefined, absolute: string, text: string, program: unknown, engine: PerfScanSettings & { globRoot: string }): CachedScan {
  // Unsaved buffers of other files stay in; a buffer that now matches the disk is dropped.
  const overrides = new Map([...(previous?.overrides ?? [])].filter(([file, override]) => readText(file) !== override));
  if (readText(absolute) === text) overrides.delete(absolute);
  else overrides.set(absolute, text);
  const { result, files } = scanWithFiles({ cwd: root, paths: [root], sourceOverrides: Object.fromEntries(overrides), applySuppressions: false, typeProgram: program, ...engine });
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const file = resolve(root, finding.file);
    const list = byFile.get(file) ?? [];
    list.push(finding);
    byFile.set(file, list);
  }
  const stamps = new Map([...files.keys()].map((file) => [file, stampOf(file)]));
  const texts = new Map([...files].map(([file, fileText]) => [file, fileText.replace(/^\uFEFF/, "")]));
  return { byFile, stamps, overrides, texts, linted: new Map(), checkedAt: Date.now() };
}

function changedOnDisk(cached: CachedScan): boolean {
  for (const [file, stamp] of cached.stamps) if (stampOf(file) !== stamp) return true;
  return false;
}

function stampOf(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.mtimeMs}:${stats.size}`;
  } catch {
    return "missing";
  }
}

/** The file as ESLint sees it (without a BOM), or undefined when it is not on disk. */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return undefined;
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
  roots.clear();
}
