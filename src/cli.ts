// Command-line entry: parse arguments, run scan(), print one report, set the exit code. No analysis or formatting here.
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { baselineOf, pruneBaseline, type Baseline } from "./baseline.js";
import { changedSince, GitError } from "./git.js";
import { ConfigError, loadConfig, type LoadedConfig } from "./config.js";
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { ruleIds } from "../rules/catalog.js";
import { scan } from "./main.js";
import { MergeError, mergeReports, type MergedReport } from "./merge.js";
import { reporterNames, reporters, type ReporterName } from "./reporters/index.js";
import { painter } from "./reporters/style.js";
import { progressBar, progressWanted } from "./progress.js";
import { parseShard } from "./shard.js";
import type { Confidence, RuleId, ScanProgress, ScanResult, Severity, Shard } from "./types.js";
import { TOOL_VERSION } from "./version.js";
import { oneLine } from "./one-line.js";

const FAIL_ON_LEVELS = ["error", "warning", "note", "none"] as const;
const CONFIDENCE_LEVELS: readonly Confidence[] = ["low", "medium", "high"];
type FailOn = (typeof FAIL_ON_LEVELS)[number];
const SEVERITY_RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };
/** ESLint's values for --report-unused-disable-directives-severity, and the severity each one reports with. */
const UNUSED_DIRECTIVE_LEVELS = ["off", "warn", "error", "0", "1", "2"] as const;
type UnusedDirectiveLevel = (typeof UNUSED_DIRECTIVE_LEVELS)[number];
const UNUSED_DIRECTIVE_SEVERITY: Record<UnusedDirectiveLevel, Severity | "off"> = { off: "off", "0": "off", warn: "warning", "1": "warning", error: "error", "2": "error" };

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE_OR_INTERNAL = 2;

interface CliOptions {
  command: "scan";
  paths: string[];
  format: ReporterName;
  output: string | undefined;
  rules: RuleId[];
  disable: RuleId[];
  failOn: FailOn;
  minConfidence: Confidence | undefined;
  config: string | undefined;
  top: number | undefined;
  category: string | undefined;
  suppressAll: boolean;
  changedSince: string | undefined;
  pruneSuppressions: boolean;
  suppressionsLocation: string | undefined;
  /** --shard i/n: report only this slice of the files. */
  shard: Shard | undefined;
  /** --report-unused-disable-directives(-severity): the severity unused inline directives are reported with. */
  reportUnusedDisableDirectives: Severity | "off";
  /** `undefined` when neither --color nor --no-color was given. */
  color: boolean | undefined;
  /** --cache: the folder of the scan cache; undefined without --cache. */
  cacheLocation: string | undefined;
  /** --no-progress turns the bar off; --quiet turns it and the notes off. */
  progress: boolean;
  quiet: boolean;
  /** --jobs: threads the scan may use; undefined: the machine's cores. */
  jobs: number | undefined;
}

/** `perf-scan merge <files..>`: shard reports in, one report out. */
interface MergeOptions {
  command: "merge";
  files: string[];
  /** `undefined`: the inputs' own format. */
  format: ReporterName | undefined;
  output: string | undefined;
  failOn: FailOn;
  top: number | undefined;
  category: string | undefined;
  color: boolean | undefined;
}

/** An error the user can fix (bad arguments, a missing path, an unwritable output): a one-line message, never a stack trace. */
class CliError extends Error {}

/** Runs perf-scan with the given arguments (without `node` and the script) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  // Read before parsing so a failure inside yargs itself still honours it.
  const debug = argv.includes("--debug");
  try {
    const options = await parseArguments(argv);
    if (!options) return EXIT_CLEAN; // --help or --version already printed
    if (options.command === "merge") return await runMerge(options);

    const reportOnly = options.changedSince !== undefined ? changedFiles(options.changedSince, options.paths) : undefined;
    const loaded = await loadConfiguration(options.config, options.paths);
    const config = loaded?.config ?? {};
    // A rule named with --rule runs even when the config switches it off: flags win over the file.
    const off = (Object.entries(config.rules ?? {}) as [RuleId, string][]).filter(([id, level]) => level === "off" && !options.rules.includes(id)).map(([id]) => id);
    const severities = Object.fromEntries((Object.entries(config.rules ?? {}) as [RuleId, string][]).filter(([, level]) => level !== "off")) as Partial<Record<RuleId, Severity>>;
    const scanOptions = {
      paths: options.paths,
      rules: options.rules,
      disable: [...options.disable, ...off],
      minConfidence: options.minConfidence ?? config.minConfidence,
      maxFileBytes: config.maxFileBytes,
      severities,
      include: config.include,
      exclude: config.exclude,
      globRoot: loaded ? dirname(loaded.file) : undefined,
      clients: config.clients,
      frameworks: config.frameworks,
      pagination: config.pagination,
      schema: config.schema,
      reportOnly,
      shard: options.shard,
      reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
      cacheLocation: options.cacheLocation,
      jobs: options.jobs,
    };
    const suppressionsFile = resolve(options.suppressionsLocation ?? DEFAULT_SUPPRESSIONS_FILE);
    let baseline = options.suppressAll ? undefined : await readBaseline(suppressionsFile);
    if (options.suppressAll || options.pruneSuppressions) {
      // Both need every finding of today, whatever this run shows (--rule, --changed-since, --min-confidence): the
      // file covers the whole project, so a narrowed run must not rewrite it with a part.
      const everything = await scan({ paths: options.paths, maxFileBytes: config.maxFileBytes, include: config.include, exclude: config.exclude, globRoot: scanOptions.globRoot, clients: config.clients, frameworks: config.frameworks, pagination: config.pagination, schema: config.schema });
      const missingPaths = everything.errors.filter((error) => error.kind === "missing-path");
      if (missingPaths.length > 0) throw new CliError(`path not found: ${missingPaths[0]!.file} (the suppressions file was not changed)`);
      baseline = options.suppressAll ? baselineOf(everything.findings) : pruneBaseline(baseline ?? {}, everything.findings);
      await writeReport(suppressionsFile, `${JSON.stringify(baseline, null, 2)}\n`);
      const count = Object.values(baseline).reduce((sum, byRule) => sum + Object.values(byRule).reduce((n, entry) => n + (entry?.count ?? 0), 0), 0);
      process.stderr.write(`perf-scan: ${options.suppressAll ? "baselined" : "kept"} ${count} finding${count === 1 ? "" : "s"} in ${displayPath(suppressionsFile)}\n`);
    }
    // The bar is for a person at a terminal: never in CI, in pipes, or with --quiet / --no-progress.
    const bar = progressWanted(process.stderr, process.env, !options.progress || options.quiet) ? progressBar(process.stderr) : null;
    let result: ScanResult;
    try {
      result = await scan({ ...scanOptions, baseline, ...(bar && { onProgress: (progress: ScanProgress) => bar.update(progress) }) });
    } finally {
      bar?.done();
    }
    if (result.baseline && result.baseline.stale.length > 0 && !options.quiet) {
      const stale = result.baseline.stale.reduce((sum, entry) => sum + entry.count, 0);
      process.stderr.write(`perf-scan: note: ${stale} baselined finding${stale === 1 ? "" : "s"} no longer occur; run with --prune-suppressions to drop ${stale === 1 ? "it" : "them"}\n`);
    }
    const missing = result.errors.filter((error) => error.kind === "missing-path");
    if (missing.length > 0) {
      for (const error of missing) printError(`path not found: ${error.file}`);
      return EXIT_USAGE_OR_INTERNAL;
    }
    printWarnings(result, options.quiet);

    const color = options.output === undefined && colorEnabled(options.color, process.stdout);
    const report = reporters[options.format](result, { color, top: options.top, category: options.category });
    if (options.output === undefined) process.stdout.write(report);
    else await writeReport(options.output, report);
    return hasFindingAtOrAbove(result, options.failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
  } catch (error) {
    if (error instanceof CliError) {
      printError(error.message);
    } else {
      printError(`internal error: ${oneLine(error instanceof Error ? error.message : String(error))}${debug ? "" : " (run with --debug for the stack trace)"}`);
      if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    }
    return EXIT_USAGE_OR_INTERNAL;
  }
}

/** `perf-scan merge`: the report one unsharded run would have printed, from the reports of every shard. */
async function runMerge(options: MergeOptions): Promise<number> {
  const files = await Promise.all(
    options.files.map(async (name) => {
      try {
        return { name, text: await readFile(resolve(name), "utf8") };
      } catch (error) {
        throw new CliError(`could not read ${name} (${oneLine(error instanceof Error ? error.message : String(error))})`);
      }
    }),
  );
  let merged: MergedReport;
  try {
    merged = mergeReports(files, { category: options.category });
  } catch (error) {
    if (error instanceof MergeError) throw new CliError(oneLine(error.message));
    throw error;
  }
  const format = options.format ?? merged.kind;
  let report: string;
  let severities: Severity[];
  if (merged.kind === "sarif") {
    // A SARIF log lacks what the other formats print (the fix apart from the message, bottlenecks): no guessing.
    if (format !== "sarif") throw new CliError(`SARIF logs merge into SARIF only: to print ${format}, merge the shards' --format json reports`);
    report = merged.text;
    severities = merged.severities;
  } else {
    const color = options.output === undefined && colorEnabled(options.color, process.stdout);
    report = reporters[format](merged.result, { color, top: options.top, category: options.category });
    severities = [...merged.result.findings, ...(merged.result.unusedDirectives ?? [])].map((problem) => problem.severity);
  }
  if (options.output === undefined) process.stdout.write(report);
  else await writeReport(options.output, report);
  return anyAtOrAbove(severities, options.failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
}

const DEFAULT_SUPPRESSIONS_FILE = "perf-scan-suppressions.json";
/** Where build tools keep caches (find-cache-dir's convention), relative to where perf-scan runs. */
const DEFAULT_CACHE_LOCATION = "node_modules/.cache/perf-scan";

/** The config of what is scanned: searched from the first path scanned (or its folder), not from where the command runs. */
async function loadConfiguration(explicit: string | undefined, paths: string[]): Promise<LoadedConfig | null> {
  const first = resolve(paths[0] ?? ".");
  const from = existsSync(first) && statSync(first).isFile() ? dirname(first) : existsSync(first) ? first : process.cwd();
  try {
    return await loadConfig(from, explicit);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}

/** Git is asked about the repository of what is scanned, not of where the command runs. */
function changedFiles(ref: string, paths: string[]): string[] {
  const first = resolve(paths[0] ?? ".");
  const dir = existsSync(first) && statSync(first).isFile() ? dirname(first) : first;
  try {
    return changedSince(ref, existsSync(dir) ? dir : process.cwd());
  } catch (error) {
    if (error instanceof GitError) throw new CliError(error.message.startsWith("--changed-since") ? error.message : `--changed-since needs a git repository: ${error.message}`);
    throw error;
  }
}

/** The baseline file, when there is one; a file that is not a baseline is a usage error, never silently ignored. */
async function readBaseline(file: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    const isCount = (entry: unknown) => Number.isInteger((entry as { count?: unknown })?.count) && ((entry as { count: number }).count >= 0);
    const valid =
      typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) &&
      Object.values(parsed).every(
        (byRule) => typeof byRule === "object" && byRule !== null && !Array.isArray(byRule) && Object.entries(byRule as object).every(([ruleId, entry]) => (ruleIds as readonly string[]).includes(ruleId) && isCount(entry)),
      );
    if (!valid) throw new Error('expected { "<file>": { "<rule id>": { "count": <whole number> } } }');
    return parsed as Baseline;
  } catch (error) {
    throw new CliError(`${displayPath(file)} is not a suppressions file: ${oneLine((error as Error).message)}`);
  }
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}

/** The default command's own options: a scan. */
function scanCommand<T>(command: Argv<T>) {
  return command
    .positional("paths", { describe: "Files or directories to scan", type: "string", array: true, default: ["."] })
    .option("format", { alias: "f", describe: "Report format", choices: reporterNames, default: "pretty" as ReporterName })
    .option("rule", { describe: "Run only this rule (repeatable)", type: "string", requiresArg: true })
    .option("disable", { describe: "Switch this rule off (repeatable)", type: "string", requiresArg: true })
    .option("min-confidence", { describe: "Report only findings at least this sure (low, the default: all; medium: hides loops over a few rows)", choices: CONFIDENCE_LEVELS })
    .option("config", { describe: "Use this config file (JSON, or JavaScript: .js/.mjs/.cjs) instead of searching for perf-scan.config.json, .perfscanrc.json or package.json#perfScan", type: "string", requiresArg: true })
    .option("changed-since", { describe: "Report findings only in files changed since this git ref (plus untracked files); everything is still analysed", type: "string", requiresArg: true })
    .option("shard", { describe: "Report only the findings in the i-th of n slices of the files (1-based, e.g. 2/4), for a CI matrix; every file is still analysed. Join the reports with perf-scan merge", type: "string", requiresArg: true })
    .option("suppress-all", { describe: `Baseline every current finding in the suppressions file (${"perf-scan-suppressions.json"}); later runs report only new ones`, type: "boolean", default: false })
    .option("prune-suppressions", { describe: "Drop baselined findings that no longer occur from the suppressions file", type: "boolean", default: false })
    .option("suppressions-location", { describe: "The suppressions (baseline) file", type: "string", requiresArg: true })
    .option("report-unused-disable-directives", {
      describe: "Report perf-scan-disable… and eslint-disable… perf-scan/<rule> comments that silence nothing in this run, as errors (as ESLint's flag does)",
      type: "boolean",
      default: false,
    })
    .option("report-unused-disable-directives-severity", {
      describe: "The same, with this severity: off, warn or error (0, 1, 2)",
      type: "string",
      choices: UNUSED_DIRECTIVE_LEVELS,
    })
    .option("cache", { describe: `Reuse the last analysis when nothing it read changed (files, imports, package.json, tsconfig, Prisma schema, installed typings, options, perf-scan itself); kept in ${DEFAULT_CACHE_LOCATION}`, type: "boolean" })
    .option("cache-location", { describe: "The folder of the cache; given alone it turns --cache on (--no-cache still turns it off)", type: "string", requiresArg: true })
    .option("progress", { describe: "Show a progress bar on stderr when it is a terminal (never in CI); --no-progress hides it", type: "boolean", default: true })
    .option("jobs", { alias: "j", describe: "Threads to use (default: the machine's cores; 1: one thread). The report is the same whatever the number", type: "number", requiresArg: true })
    .option("quiet", { alias: "q", describe: "No progress bar and no notes on stderr; warnings and errors are still printed", type: "boolean", default: false });
}

/** `perf-scan merge`'s own options; --output, --fail-on, --top, --category and --color are shared. */
function mergeCommand<T>(command: Argv<T>) {
  return command
    .positional("files", { describe: "The reports of shards 1/n to n/n (--format json or --format sarif, all of one kind)", type: "string", array: true, demandOption: true })
    .option("format", { alias: "f", describe: "Merged report format (default: the inputs' own; JSON results can also be printed as pretty, markdown or sarif)", choices: reporterNames });
}

type ScanArguments = Awaited<ReturnType<ReturnType<typeof scanCommand>["parseAsync"]>>;
type MergeArguments = Awaited<ReturnType<ReturnType<typeof mergeCommand>["parseAsync"]>>;

/** The parsed options, or `undefined` when yargs handled --help / --version itself. */
async function parseArguments(argv: string[]): Promise<CliOptions | MergeOptions | undefined> {
  const parser = yargs(argv)
    .scriptName("perf-scan")
    .locale("en")
    .command("$0 [paths..]", "Find N+1 queries and other database anti-patterns in Prisma, TypeORM and Sequelize code.", scanCommand)
    .command("merge <files..>", "Combine the --format json (or sarif) reports of every --shard i/n run into the report one unsharded run would print", mergeCommand)
    .option("output", { alias: "o", describe: "Write the report to this file instead of stdout", type: "string", requiresArg: true })
    .option("fail-on", { describe: "Exit with 1 when a finding has at least this severity", choices: FAIL_ON_LEVELS, default: "warning" as FailOn })
    .option("top", { describe: "Show only the N best-ranked findings (pretty, markdown)", type: "number", requiresArg: true })
    .option("category", { describe: "SARIF automationDetails.id, to tell apart several uploads for one repository", type: "string", requiresArg: true })
    .option("color", { describe: "Colour the pretty report (default: when stdout is a terminal; --no-color or NO_COLOR turn it off)", type: "boolean" })
    .option("debug", { describe: "Print stack traces for internal errors", type: "boolean", default: false })
    .version(TOOL_VERSION)
    .help()
    .alias("help", "h")
    .epilogue(`Rules: ${ruleIds.join(", ")}\n\nSharding, for a CI matrix: run perf-scan --shard i/n --format json (or sarif) --output shard-i.json on n machines, then perf-scan merge shard-*.json for the report one run would print.\n\nExit codes: 0 no finding (nor unused directive, with --report-unused-disable-directives) at or above --fail-on, 1 findings, 2 usage error, missing path or internal error.`)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      // yargs reports its own validation problems as plain messages; anything else is a real failure.
      if (error) throw error;
      throw new CliError(`${oneLine(message)} (see perf-scan --help)`);
    });

  const parsed = await parser.parseAsync();
  if (parsed.help || parsed.version) return undefined;
  if (parsed.top !== undefined && (!Number.isInteger(parsed.top) || parsed.top < 1)) throw new CliError(`--top needs a whole number of at least 1 (got ${parsed.top})`);
  if (parsed._[0] === "merge") {
    const merge = parsed as typeof parsed & MergeArguments;
    return { command: "merge", files: merge.files, format: merge.format, output: merge.output, failOn: merge["fail-on"], top: merge.top, category: merge.category, color: merge.color };
  }
  // The scan options are declared in the default command's builder, which the parser's own type cannot see.
  const args = parsed as typeof parsed & ScanArguments;
  const shard = args.shard === undefined ? undefined : parseShard(String(args.shard));
  if (args.shard !== undefined && !shard) throw new CliError(`--shard needs i/n, whole numbers with 1 <= i <= n, e.g. --shard 2/4 (got ${JSON.stringify(args.shard)})`);
  const unusedLevel = args["report-unused-disable-directives-severity"] as UnusedDirectiveLevel | undefined;
  if (args["report-unused-disable-directives"] && unusedLevel !== undefined) {
    // ESLint's own rule: one flag or the other, never both.
    throw new CliError("--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together");
  }
  return {
    command: "scan",
    paths: args.paths ?? ["."],
    format: args.format,
    output: args.output,
    rules: ruleList(args.rule, "--rule"),
    disable: ruleList(args.disable, "--disable"),
    failOn: args["fail-on"],
    minConfidence: args["min-confidence"] as Confidence | undefined,
    config: args.config,
    top: args.top,
    category: args.category,
    suppressAll: args["suppress-all"],
    changedSince: args["changed-since"],
    pruneSuppressions: args["prune-suppressions"],
    suppressionsLocation: args["suppressions-location"],
    shard,
    reportUnusedDisableDirectives: args["report-unused-disable-directives"] ? "error" : UNUSED_DIRECTIVE_SEVERITY[unusedLevel ?? "off"],
    color: args.color,
    // A cache folder asked for is a cache asked for (ESLint ignores --cache-location without --cache, silently).
    cacheLocation: (args.cache ?? args["cache-location"] !== undefined) ? resolve(args["cache-location"] ?? DEFAULT_CACHE_LOCATION) : undefined,
    progress: args.progress,
    quiet: args.quiet,
    jobs: jobsOf(args.jobs),
  };
}

function jobsOf(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw new CliError(`--jobs needs a whole number of at least 1 (got ${value})`);
  return value;
}

/** Accepts repeated flags and comma-separated lists; rejects ids that are not rules. */
function ruleList(value: string | string[] | undefined, flag: string): RuleId[] {
  const ids = [value ?? []].flat().flatMap((item) => item.split(",")).map((id) => id.trim()).filter((id) => id !== "");
  for (const id of ids) {
    if (!(ruleIds as readonly string[]).includes(id)) {
      throw new CliError(`unknown rule "${id}" for ${flag} (known rules: ${ruleIds.join(", ")})`);
    }
  }
  return ids as RuleId[];
}

function hasFindingAtOrAbove(result: ScanResult, failOn: FailOn): boolean {
  // Unused directives count like findings of their severity (error with --report-unused-disable-directives).
  return anyAtOrAbove([...result.findings, ...(result.unusedDirectives ?? [])].map((problem) => problem.severity), failOn);
}

function anyAtOrAbove(severities: Severity[], failOn: FailOn): boolean {
  return failOn !== "none" && severities.some((severity) => SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn]);
}

/** Colour only on a terminal, unless forced; explicit --color / --no-color win over NO_COLOR and FORCE_COLOR. */
function colorEnabled(flag: boolean | undefined, stream: NodeJS.WriteStream): boolean {
  if (flag !== undefined) return flag;
  const { NO_COLOR, FORCE_COLOR, TERM } = process.env;
  if (NO_COLOR) return false;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR !== "0" && FORCE_COLOR !== "false";
  return stream.isTTY === true && TERM !== "dumb";
}

/** Files that could not be analysed do not stop the scan: one warning line each. */
function printWarnings(result: ScanResult, quiet = false): void {
  const paint = painter(colorEnabled(undefined, process.stderr));
  for (const error of result.errors) {
    if (error.kind === "environment" && quiet) continue;
    if (error.kind === "environment") process.stderr.write(`perf-scan: ${paint("cyan", "note:")} ${oneLine(error.message)}\n`);
    else if (error.kind === "cache") process.stderr.write(`perf-scan: ${paint("yellow", "warning:")} ${oneLine(error.message)}\n`);
    else process.stderr.write(`perf-scan: ${paint("yellow", "warning:")} ${error.file}: ${oneLine(error.message)}\n`);
  }
}

function printError(message: string): void {
  process.stderr.write(`perf-scan: ${message}\n`);
}

async function writeReport(output: string, report: string): Promise<void> {
  const path = resolve(output);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, report);
  } catch (error) {
    throw new CliError(`could not write ${output} (${oneLine(error instanceof Error ? error.message : String(error))})`);
  }
}


// `perf-scan … | head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? EXIT_CLEAN);
});

process.exitCode = await runCli(hideBin(process.argv));
