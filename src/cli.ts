// Command-line entry: parse arguments, run scan(), print one report, set the exit code. No analysis or formatting here.
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { baselineOf, pruneBaseline, type Baseline } from "./baseline.js";
import { changedSince, GitError } from "./git.js";
import { ConfigError, loadConfig, type LoadedConfig } from "./config.js";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { ruleIds } from "../rules/index.js";
import { scan } from "./main.js";
import { reporterNames, reporters, type ReporterName } from "./reporters/index.js";
import { painter } from "./reporters/style.js";
import type { Confidence, RuleId, ScanResult, Severity } from "./types.js";
import { TOOL_VERSION } from "./version.js";

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
  /** --report-unused-disable-directives(-severity): the severity unused inline directives are reported with. */
  reportUnusedDisableDirectives: Severity | "off";
  /** `undefined` when neither --color nor --no-color was given. */
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
      reportOnly,
      reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    };
    const suppressionsFile = resolve(options.suppressionsLocation ?? DEFAULT_SUPPRESSIONS_FILE);
    let baseline = options.suppressAll ? undefined : await readBaseline(suppressionsFile);
    if (options.suppressAll || options.pruneSuppressions) {
      // Both need every finding of today, whatever this run shows (--rule, --changed-since, --min-confidence): the
      // file covers the whole project, so a narrowed run must not rewrite it with a part.
      const everything = await scan({ paths: options.paths, maxFileBytes: config.maxFileBytes, include: config.include, exclude: config.exclude, globRoot: scanOptions.globRoot });
      const missingPaths = everything.errors.filter((error) => error.kind === "missing-path");
      if (missingPaths.length > 0) throw new CliError(`path not found: ${missingPaths[0]!.file} (the suppressions file was not changed)`);
      baseline = options.suppressAll ? baselineOf(everything.findings) : pruneBaseline(baseline ?? {}, everything.findings);
      await writeReport(suppressionsFile, `${JSON.stringify(baseline, null, 2)}\n`);
      const count = Object.values(baseline).reduce((sum, byRule) => sum + Object.values(byRule).reduce((n, entry) => n + (entry?.count ?? 0), 0), 0);
      process.stderr.write(`perf-scan: ${options.suppressAll ? "baselined" : "kept"} ${count} finding${count === 1 ? "" : "s"} in ${displayPath(suppressionsFile)}\n`);
    }
    const result = await scan({ ...scanOptions, baseline });
    if (result.baseline && result.baseline.stale.length > 0) {
      const stale = result.baseline.stale.reduce((sum, entry) => sum + entry.count, 0);
      process.stderr.write(`perf-scan: note: ${stale} baselined finding${stale === 1 ? "" : "s"} no longer occur; run with --prune-suppressions to drop ${stale === 1 ? "it" : "them"}\n`);
    }
    const missing = result.errors.filter((error) => error.kind === "missing-path");
    if (missing.length > 0) {
      for (const error of missing) printError(`path not found: ${error.file}`);
      return EXIT_USAGE_OR_INTERNAL;
    }
    printWarnings(result);

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

const DEFAULT_SUPPRESSIONS_FILE = "perf-scan-suppressions.json";

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

/** The parsed options, or `undefined` when yargs handled --help / --version itself. */
async function parseArguments(argv: string[]): Promise<CliOptions | undefined> {
  const parser = yargs(argv)
    .scriptName("perf-scan")
    .locale("en")
    .command("$0 [paths..]", "Find N+1 queries and other database anti-patterns in Prisma, TypeORM and Sequelize code.", (command) =>
      command.positional("paths", { describe: "Files or directories to scan", type: "string", array: true, default: ["."] }),
    )
    .option("format", { alias: "f", describe: "Report format", choices: reporterNames, default: "pretty" as ReporterName })
    .option("output", { alias: "o", describe: "Write the report to this file instead of stdout", type: "string", requiresArg: true })
    .option("rule", { describe: "Run only this rule (repeatable)", type: "string", requiresArg: true })
    .option("disable", { describe: "Switch this rule off (repeatable)", type: "string", requiresArg: true })
    .option("fail-on", { describe: "Exit with 1 when a finding has at least this severity", choices: FAIL_ON_LEVELS, default: "warning" as FailOn })
    .option("min-confidence", { describe: "Report only findings at least this sure (low, the default: all; medium: hides loops over a few rows)", choices: CONFIDENCE_LEVELS })
    .option("config", { describe: "Use this config file (JSON, or JavaScript: .js/.mjs/.cjs) instead of searching for perf-scan.config.json, .perfscanrc.json or package.json#perfScan", type: "string", requiresArg: true })
    .option("top", { describe: "Show only the N best-ranked findings (pretty, markdown)", type: "number", requiresArg: true })
    .option("category", { describe: "SARIF automationDetails.id, to tell apart several uploads for one repository", type: "string", requiresArg: true })
    .option("changed-since", { describe: "Report findings only in files changed since this git ref (plus untracked files); everything is still analysed", type: "string", requiresArg: true })
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
    .option("color", { describe: "Colour the pretty report (default: when stdout is a terminal; --no-color or NO_COLOR turn it off)", type: "boolean" })
    .option("debug", { describe: "Print stack traces for internal errors", type: "boolean", default: false })
    .version(TOOL_VERSION)
    .help()
    .alias("help", "h")
    .epilogue(`Rules: ${ruleIds.join(", ")}\n\nExit codes: 0 no finding (nor unused directive, with --report-unused-disable-directives) at or above --fail-on, 1 findings, 2 usage error, missing path or internal error.`)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      // yargs reports its own validation problems as plain messages; anything else is a real failure.
      if (error) throw error;
      throw new CliError(`${oneLine(message)} (see perf-scan --help)`);
    });

  const args = await parser.parseAsync();
  if (args.help || args.version) return undefined;
  if (args.top !== undefined && (!Number.isInteger(args.top) || args.top < 1)) throw new CliError(`--top needs a whole number of at least 1 (got ${args.top})`);
  const unusedLevel = args["report-unused-disable-directives-severity"] as UnusedDirectiveLevel | undefined;
  if (args["report-unused-disable-directives"] && unusedLevel !== undefined) {
    // ESLint's own rule: one flag or the other, never both.
    throw new CliError("--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together");
  }
  return {
    // The positional is declared inside the default command, which yargs' types cannot see.
    paths: (args.paths as string[] | undefined) ?? ["."],
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
    reportUnusedDisableDirectives: args["report-unused-disable-directives"] ? "error" : UNUSED_DIRECTIVE_SEVERITY[unusedLevel ?? "off"],
    color: args.color,
  };
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
  if (failOn === "none") return false;
  // Unused directives count like findings of their severity (error with --report-unused-disable-directives).
  return [...result.findings, ...(result.unusedDirectives ?? [])].some((problem) => SEVERITY_RANK[problem.severity] >= SEVERITY_RANK[failOn]);
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
function printWarnings(result: ScanResult): void {
  const paint = painter(colorEnabled(undefined, process.stderr));
  for (const error of result.errors) {
    if (error.kind === "environment") process.stderr.write(`perf-scan: ${paint("cyan", "note:")} ${oneLine(error.message)}\n`);
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

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

// `perf-scan … | head` closes stdout early; that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? EXIT_CLEAN);
});

process.exitCode = await runCli(hideBin(process.argv));
