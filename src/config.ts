import { schemaCheck } from "./json-schema.js";
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { lilconfig } from "lilconfig";
import { PACKAGE_ROOT } from "./package-root.js";
import type { ClientSpec, Confidence, FrameworkName, RuleId, Severity } from "./types.js";
import { oneLine } from "./one-line.js";

/** What a config file may say (schema/perf-scan-config.schema.json). */
export interface PerfScanConfig {
  rules?: Partial<Record<RuleId, "off" | Severity>>;
  include?: string[];
  exclude?: string[];
  maxFileBytes?: number;
  minConfidence?: Confidence;
  /** The project's own ORM clients (a wrapper module's export, or a global name); relative modules from the config's folder. */
  clients?: ClientSpec[];
  /** Only these frameworks register request handlers; default every supported one. */
  frameworks?: FrameworkName[];
  /** `maxPageSize`: the largest constant take/limit that still bounds a read (default: any). */
  pagination?: { maxPageSize?: number };
  /** `smallTables`: models or tables that stay small, whose missing indexes cost little. */
  schema?: { smallTables?: string[] };
}

export interface LoadedConfig {
  config: PerfScanConfig;
  /** Absolute path of the file it came from; globs are relative to its folder. */
  file: string;
}

/** A config that is not valid: the file, the key path and what was expected, in one line. */
export class ConfigError extends Error {}

/**
 * Found from `searchFrom` upwards (to the repository's top, or outside one to the nearest package.json's folder):
 * `perf-scan.config.json`, `.perfscanrc.json` or a `perfScan` key in package.json.
 * Only JSON is searched for, so scanning a checkout never runs its code; a JavaScript config (`.js`, `.mjs`, `.cjs`)
 * is loaded only when named with `--config`.
 */
export async function loadConfig(searchFrom: string, explicit?: string): Promise<LoadedConfig | null> {
  const explorer = lilconfig("perfScan", {
    searchPlaces: ["package.json", ".perfscanrc.json", "perf-scan.config.json"],
    // Up to the repository's top, never into unrelated parent folders; outside a repository, up to the nearest
    // folder with a package.json (the project's), else the folder itself.
    stopDir: repositoryTop(searchFrom) ?? nearestPackageDir(searchFrom) ?? searchFrom,
    loaders: { ".json": (filepath: string, content: string) => parseJson(filepath, content) },
  });
  let found: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  try {
    found = explicit ? await explorer.load(resolve(explicit)) : await explorer.search(searchFrom);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const where = explicit ? relativeTo(searchFrom, resolve(explicit)) : "config";
    throw new ConfigError(`${where}: could not be read (${oneLine((error as Error).message)})`);
  }
  if (!found || found.isEmpty) return explicit && found ? { config: {}, file: found.filepath } : null;
  const config = (found.config as { default?: unknown })?.default ?? found.config;
  const problem = validateConfig(config);
  if (problem) throw new ConfigError(`${relativeTo(searchFrom, found.filepath)}: ${problem}`);
  return { config: config as PerfScanConfig, file: found.filepath };
}

const configCheck = schemaCheck(schemaPath);

/**
 * The first schema violation as "`/rules/n-plus-one` must be one of off, note, warning, error", or null. The ESLint
 * plugin checks `settings.perfScan` with it too.
 */
export function validateConfig(config: unknown): string | null {
  const error = configCheck(config);
  if (!error) return null;
  const path = error?.instancePath ? `\`${error.instancePath}\`` : "the config";
  const allowed = error?.params?.allowedValues as unknown[] | undefined;
  const extra = error?.params?.additionalProperty ?? error?.params?.propertyName;
  // `{ "rules": { "nope": "error" } }`: the key itself is what is wrong.
  if (allowed && error?.propertyName !== undefined) return `${path} has an unknown key \`${error.propertyName}\` (expected one of ${allowed.join(", ")})`;
  if (allowed) return `${path} must be one of ${allowed.join(", ")}`;
  if (extra) return `${path} has an unknown key \`${String(extra)}\``;
  // `{ "name": "db", "module": "…" }`: the schema forbids the key outright (`false`), which ajv words as "boolean schema is false".
  if (error?.keyword === "false schema") return `${path} is not allowed here`;
  return `${path} ${error?.message ?? "is not valid"}`;
}

function schemaPath(): string {
  const path = join(PACKAGE_ROOT, "schema", "perf-scan-config.schema.json");
  if (!existsSync(path)) throw new ConfigError("perf-scan's config schema is missing from the installation");
  return path;
}

function parseJson(filepath: string, content: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch (error) {
    throw new ConfigError(`${filepath}: not valid JSON (${oneLine((error as Error).message)})`);
  }
}

function repositoryTop(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(join(current, ".git"))) return current;
    if (dirname(current) === current) return undefined;
  }
}

function nearestPackageDir(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(join(current, "package.json"))) return current;
    if (dirname(current) === current) return undefined;
  }
}

function relativeTo(from: string, file: string): string {
  const rel = relative(from, file);
  return rel && !rel.startsWith("..") ? rel : file;
}

