// Plain-data contract shared by the engine, the rules, the reporters and library users.

export type Severity = "error" | "warning" | "note";
export type Confidence = "high" | "medium" | "low";
export type Orm = "prisma" | "typeorm" | "sequelize";

export type RuleId =
  | "n-plus-one"
  | "unbounded-query"
  | "missing-pagination"
  | "select-star"
  | "count-via-length"
  | "in-memory-aggregation"
  | "in-memory-filter"
  | "client-per-request"
  | "unindexed-filter"
  | "unindexed-foreign-key";

export interface RelatedLocation {
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  confidence: Confidence;
  orm: Orm;
  /** Model or entity the query touches, when known. */
  model: string | null;
  /** ORM operation, e.g. `findMany`, `getComments`, `$queryRaw`. */
  operation: string | null;
  message: string;
  /** A concrete, ORM-specific fix. */
  fix: string;
  /** Path relative to the scan root, `/`-separated. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine: number;
  endColumn: number;
  /** Queries this site causes per invocation, when it can be stated ("1 + N"). */
  queryCount: string | null;
  related: RelatedLocation[];
  /** 1 = fix first. Findings are ordered by rank. */
  rank: number;
  impact: Impact;
  /**
   * Where the finding counts towards a bottleneck (its endpoint, else the function around it). Set on every finding
   * a scan reports; carried in JSON so `perf-scan merge` recomputes bottlenecks from shard reports.
   */
  group?: FindingGroup;
}

/** What `bottlenecks` adds findings up by: findings of the same endpoint, or of the same function, form one group. */
export interface FindingGroup {
  kind: "endpoint" | "function";
  /** The endpoint (`GET /users`), or the function (`UserService.list()`, or the file when no function is named). */
  name: string;
  /** Where the group is shown: the handler of an endpoint, else the function. */
  file: string;
  line: number;
}

export interface ScanError {
  /** Path relative to the scan root (or as given, for paths outside it). */
  file: string;
  /** `environment`: not a file problem but a limit of this scan (no tsconfig, ORM not installed); reported as a note. */
  kind: "parse" | "read" | "binary" | "too-large" | "encoding" | "missing-path" | "internal" | "environment" | "cache";
  message: string;
}

export interface ScanSummary {
  files: number;
  findings: number;
  byRule: Partial<Record<RuleId, number>>;
  durationMs: number;
  orms: Orm[];
  frameworks: string[];
}

export type Effort = "low" | "medium" | "high";

/** What a finding costs and what fixing it takes, estimated from static facts only (see README, "Impact model"). */
export interface Impact {
  /** Higher is more worth fixing; only the order between findings means something. */
  score: number;
  /** Queries per invocation, e.g. `1 + N (N = rows of Order where merchantId = …)`; null when one query. */
  estimatedQueries: string | null;
  /** Rows read, e.g. `∝ rows of Order`; null when not a whole-set read. */
  estimatedRows: string | null;
  /** Reachable from an HTTP handler, tRPC procedure or GraphQL resolver (not a script or job). */
  hotPath: boolean;
  /** `GET /api/dashboard/:merchantId`, `trpc post.list`, when it can be stated. */
  endpoint: string | null;
  effort: Effort;
  confidence: Confidence;
}

/** An endpoint (or function) whose findings add up to the largest impact. */
export interface Bottleneck {
  /** The endpoint, or the function name when it is not an endpoint. */
  name: string;
  file: string;
  line: number;
  score: number;
  /** Ranks of the findings it holds, best first. */
  findings: number[];
}

export type SuppressedFinding = Omit<Finding, "rank"> & {
  /** The text after ` -- ` in the directive, when it gives one. */
  justification: string | null;
};

/** An inline disable (or enable) directive that silenced nothing in this scan (`--report-unused-disable-directives`). */
export interface UnusedDirective {
  /** Path relative to the scan root, `/`-separated. */
  file: string;
  /** 1-based: where the comment starts (ESLint reports there); the end is the comment's end. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The directive as written: `perf-scan-disable-next-line`, `perf-scan-disable`, `eslint-enable`, … */
  directive: string;
  /** The rule names that silenced nothing, as written (`n-plus-one`, `perf-scan/n-plus-one`); empty for a directive without a rule list. */
  rules: string[];
  /** ESLint's wording: "Unused perf-scan-disable directive (no problems were reported from 'n-plus-one')." */
  message: string;
  severity: Severity;
}

export interface ScanResult {
  tool: { name: "perf-scan"; version: string };
  /** Absolute scan root; finding paths are relative to it. */
  root: string;
  summary: ScanSummary;
  findings: Finding[];
  /** The endpoints or functions with the highest summed impact, at most three. */
  bottlenecks: Bottleneck[];
  /** Findings silenced by an inline directive, with its reason: not reported, but not lost (SARIF shows them dismissed). */
  suppressed: SuppressedFinding[];
  /** Present when `reportUnusedDisableDirectives` asked for it: directives that silenced nothing, by file and line. */
  unusedDirectives?: UnusedDirective[];
  /** Present when a baseline was applied: how many findings it covered, and entries that no longer occur. */
  baseline?: { suppressed: number; stale: { file: string; ruleId: RuleId; count: number }[] };
  errors: ScanError[];
  /** Present when the scan was one slice of a sharded run (`--shard i/n`); `perf-scan merge` joins the slices. */
  shard?: Shard;
}

/** The `index`-th (1-based) of `count` slices of the scanned files. */
export interface Shard {
  index: number;
  count: number;
}

/** A framework whose request handlers perf-scan recognises (config `frameworks`). */
export type FrameworkName = "express" | "fastify" | "koa" | "hono" | "hapi" | "nestjs" | "nextjs" | "remix" | "trpc" | "orpc" | "graphql";

/**
 * A project's own ORM client, for code that wraps its ORM in a way the engine cannot follow (config `clients`).
 * `orm` says what the value is: `prisma` (default) a PrismaClient, `typeorm` a DataSource or EntityManager,
 * `sequelize` a Sequelize instance.
 */
export type ClientSpec =
  /**
   * The export `export` (`"default"` for the default export or a whole-module `require`) of `module`: a path
   * starting with `./`, `../` or `/` (relative to the config file's folder), a tsconfig path alias (`~/server/db`,
   * matched as written and as resolved to a file) or a package name (`@acme/db`, also a workspace package).
   */
  | { module: string; export: string; orm?: Orm }
  /**
   * A name the runtime provides: a global (`db` declared nowhere in the scanned code, `globalThis.db`) or a property
   * of a context the engine cannot place (`ctx.db`, `req.db`, `event.context.db`). Never a variable the code declares.
   */
  | { name: string; orm?: Orm };

export interface ScanOptions {
  /** Files or directories to scan. Default: [cwd]. */
  paths?: string[];
  /** Directory paths are resolved against and reported relative to. Default: process.cwd(). */
  cwd?: string;
  /** Only run these rules (default: all). */
  rules?: RuleId[];
  /** Rules to switch off. */
  disable?: RuleId[];
  /** Severity per rule, instead of the rule's default (a config file's `rules`). */
  severities?: Partial<Record<RuleId, Severity>>;
  /** Only files matching these globs (gitignore syntax), relative to `globRoot`. */
  include?: string[];
  /** Not files matching these globs (gitignore syntax), relative to `globRoot`. */
  exclude?: string[];
  /** Folder the include/exclude globs and relative `clients` modules are relative to (the config file's). Default: cwd. */
  globRoot?: string;
  /** Values the scanned code imports (or reads as globals) that are ORM clients, beside the ones the engine finds itself. */
  clients?: ClientSpec[];
  /**
   * Only these frameworks register request handlers (missing-pagination, client-per-request, the hot path).
   * Default: every supported framework, recognised from the code and the dependencies. `[]`: no request handlers.
   */
  frameworks?: FrameworkName[];
  /**
   * `maxPageSize`: the largest constant `take`/`limit` that still bounds a read. A larger one is reported as too
   * large by the rules that report unbounded reads. Default: none (every take/limit bounds the read).
   */
  pagination?: { maxPageSize?: number };
  /** `smallTables`: models or tables that stay small (lookup tables); their unindexed-filter findings are notes. */
  schema?: { smallTables?: string[] };
  /** Report only findings at least this sure (default: low, every finding). */
  minConfidence?: Confidence;
  /**
   * Honour `eslint-disable-next-line perf-scan/<id>` comments (default true). The ESLint plugin turns it off: ESLint
   * applies its own directives, and would otherwise call them unused and remove them with --fix.
   */
  applySuppressions?: boolean;
  /**
   * Report inline directives that silence nothing in this scan, with this severity (ESLint's
   * `reportUnusedDisableDirectives`); default "off". Needs `applySuppressions`. Directives naming a rule this scan did
   * not run, and those in files nothing is reported in (tests, scripts), are not judged.
   */
  reportUnusedDisableDirectives?: Severity | "off";
  /**
   * A TypeScript program to answer type questions with (typescript-eslint's `parserServices.program`), instead of
   * the one the engine builds when the ORM is installed. Any TypeScript version: only positions cross over.
   */
  typeProgram?: unknown;
  /**
   * Report findings only in these files (absolute paths), e.g. those a pull request changed. Every file is still
   * analysed, so an N+1 through an unchanged helper is found where the changed loop calls it.
   */
  reportOnly?: string[];
  /**
   * Report only the findings of one slice of the files (`--shard 2/4`): a file belongs to slice
   * `sha256(relative path) mod count`, so the slices partition the files whatever machine runs them. Every file is
   * still analysed, as with `reportOnly`; summary counts, suppressed findings and the baseline cover the slice.
   */
  shard?: Shard;
  /** Findings already accepted (`perf-scan --suppress-all`): counts per file and rule are subtracted. */
  baseline?: import("./baseline.js").Baseline;
  /** File texts to use instead of what is on disk, by absolute path (an editor's unsaved buffer). */
  sourceOverrides?: Record<string, string>;
  /** Files larger than this are skipped with a message. Default 1 MiB. */
  maxFileBytes?: number;
  /**
   * Reuse the last scan's analysis when nothing it read has changed (`--cache`): the folder holding the cache
   * files. The analysis is redone whenever a scanned file, a file it imported, a package.json, a tsconfig, a Prisma
   * schema, the installed ORM typings, the options or perf-scan itself changed.
   */
  cacheLocation?: string;
  /**
   * Threads the scan may use besides its own (default: the machine's cores). Today a second thread parses the Prisma
   * schema while the code is parsed, for scans of 200 files or more; 1 keeps everything on one thread. The result is
   * the same whatever the number.
   */
  jobs?: number;
  /** Called as files are parsed and analysed (the CLI's progress bar). */
  onProgress?: (progress: ScanProgress) => void;
}

/** How far a scan is: files parsed, then files analysed, out of the files scanned. */
export interface ScanProgress {
  phase: "parse" | "analyse";
  done: number;
  total: number;
}
