import { EntryPoints } from "./entry-points.js";
import { CollectionOrigins } from "./collection-origin.js";
import type { CollectionOrigin } from "./collection-origin.js";
import { existsSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import ts from "#typescript";
import type { Orm, ScanError, ScanProgress } from "../types.js";
import type { CacheDependencies } from "../cache.js";
import type { Discovery } from "./discover.js";
import { Project, sitesInside, type ModuleInfo } from "./project.js";
import { CONSTANT_NAME, Resolver, enclosingClass, isFunctionLike, returnExpressions, unwrapExpression } from "./resolve.js";
import { OrmRecognizer, isLookupModel, isUnboundedRead, mightBeOrmCall, type DbCall } from "./orm.js";
import { loadPrismaSchema, prismaSchemaFiles, prismaSchemaPlaces, readSchemaTexts, type PrismaSchemaInfo } from "./prisma-schema.js";
import { parseSchemasAside } from "./schema-parse-aside.js";
import { tsconfigProblems } from "./tsconfig-check.js";
import { TypeOracle, hasInstalledOrm, installedOrmProbes } from "./type-oracle.js";
import { GraphqlListedTypes } from "./graphql-types.js";
import { BATCH_WRITES, consumesQueue, fieldResolverDecorator, resolverMapField, filtersByWholeList, inSwitchOnLoopVariable,
  inEqualityOnConstant,
  iteratedCollection, hasUseCacheDirective, isCachedCallback, isGuardedFallback, isInnerOfChain, isMemoisedQuery, isIterationCall, isOrmPackage, isRetryLoop, isSameTickCallback, isSameTickResolver, usesLoopVariableAsList } from "./loop-shapes.js";
import { ROW_OPERATION_METHODS, accumulates, callbackReadsColumns, filtersComputedValues, isNotAColumn, isNumericReducer, isPluckOnlyUse, mathSpread, pluckedFields } from "./row-shapes.js";
import { classifyClientCreations, clientKind, requestReachableFunctions } from "./clients.js";
import { boundNames, enclosingFunctions, isAwaited, isAwaitedInit, isDeclarationName, isInvokedCallback, isLoopStatement, isPropertyNameNode, loopBody, scopeOf, walk } from "./syntax.js";
import { findHandlers, isAllowedHandler, routeFramework, withMountPrefixes, responseValues, type Framework, type Handler } from "./http.js";
import { oneLine } from "../one-line.js";
import { readDatabaseSchemas } from "./schema/database.js";
import { IndexAdvisor } from "./schema/index-needs.js";
import { ConfiguredClients } from "./configured-clients.js";
import type { ClientSpec, ScanOptions } from "../types.js";
import type { ClassRef, FunctionRef } from "./values.js";

/** Rows that are already GROUP BY results (raw SQL, Sequelize `group`, TypeORM `groupBy`): adding them up in JS is cheap. */
function isAlreadyAggregated(call: DbCall): boolean {
  if (call.rawSql && /\bgroup\s+by\b/i.test(call.rawSql)) return true;
  if (call.options && /\bgroup\s*:|\bfn\(\s*["'](sum|count|avg|max|min)/i.test(call.options.getText())) return true;
  return /\.(groupBy|addGroupBy)\s*\(/.test(call.node.getText());
}

/** The query a function reaches, the helpers in between, and the parameter whose absence it needs (if any). */
interface ReachedQuery {
  call: DbCall;
  chain: FunctionRef[];
  /**
   * The query runs only when this parameter is missing (`if (!p)`), or only when it is given (`if (p && …)`).
   * With `property`, the guard tests one property of an options parameter (`{ claim }`, `options.signedUrls`).
   */
  guard?: { parameter: number; property?: string; runsWhen: "missing" | "given" };
}

/** Whether a call supplies `guard`'s value; null when it cannot be told (a spread, a variable holding the options). */
function suppliesGuardedValue(guard: NonNullable<ReachedQuery["guard"]>, call: ts.CallExpression): boolean | null {
  const argument = call.arguments[guard.parameter];
  const isAbsent = (expr: ts.Expression | undefined): boolean => expr === undefined || expr.getText() === "undefined" || expr.kind === ts.SyntaxKind.NullKeyword;
  if (!guard.property) return !isAbsent(argument);
  if (argument === undefined) return false;
  const options = unwrapExpression(argument);
  if (!ts.isObjectLiteralExpression(options)) return null;
  if (options.properties.some(ts.isSpreadAssignment)) return null;
  const property = options.properties.find((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === guard.property);
  if (!property) return false;
  if (ts.isPropertyAssignment(property)) {
    const value = unwrapExpression(property.initializer);
    if (isAbsent(value) || value.kind === ts.SyntaxKind.FalseKeyword) return false;
  }
  return true;
}

/** The call passes the argument whose absence the reached query needs (or omits the one it needs): on this path the query never runs. */
function guardSkipsQuery(reached: ReachedQuery, call: ts.CallExpression): boolean {
  if (!reached.guard) return false;
  const given = suppliesGuardedValue(reached.guard, call);
  if (given === null) return false;
  return reached.guard.runsWhen === "missing" ? given : !given;
}

/** What a guard condition can test: a parameter (`p`), a destructured option (`{ claim }`) or an option's property (`options.x`). */
function guardableNames(fn: ts.FunctionLikeDeclaration): { name: string; parameter: number; property?: string }[] {
  const names: { name: string; parameter: number; property?: string }[] = [];
  const addOptions = (pattern: ts.ObjectBindingPattern, parameter: number): void => {
    for (const element of pattern.elements) {
      if (element.dotDotDotToken || !ts.isIdentifier(element.name)) continue;
      const property = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
      names.push({ name: element.name.text, parameter, property });
    }
  };
  fn.parameters.forEach((p, parameter) => {
    if (ts.isIdentifier(p.name)) names.push({ name: p.name.text, parameter });
    else if (ts.isObjectBindingPattern(p.name)) addOptions(p.name, parameter);
  });
  // `const { claim } = opts;` at the top of the body reads the same option.
  if (fn.body && ts.isBlock(fn.body)) {
    for (const statement of fn.body.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const source = declaration.initializer && unwrapExpression(declaration.initializer);
        if (!source || !ts.isIdentifier(source) || !ts.isObjectBindingPattern(declaration.name)) continue;
        const parameter = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === source.text);
        if (parameter >= 0) addOptions(declaration.name, parameter);
      }
    }
  }
  return names;
}

/** `if (!p) …`, `p ?? await q()` (runs when missing); `if (p) …`, `if (x && p) …` (runs when given). */
function parameterGuard(site: ts.Node, fn: ts.FunctionLikeDeclaration): ReachedQuery["guard"] | null {
  const names = guardableNames(fn);
  const guardFor = (text: string): { parameter: number; property?: string } | null => {
    // `options.signedUrls`, `options?.signedUrls` on an options parameter
    const member = /^([A-Za-z_$][\w$]*)\??\.([A-Za-z_$][\w$]*)$/.exec(text);
    for (const entry of names) {
      if (text === entry.name) return { parameter: entry.parameter, ...(entry.property ? { property: entry.property } : {}) };
      if (!entry.property && member && member[1] === entry.name) return { parameter: entry.parameter, property: member[2]! };
    }
    return null;
  };
  for (let node: ts.Node | undefined = site.parent; node && node !== fn; node = node.parent) {
    let condition: ts.Expression | undefined;
    if (ts.isIfStatement(node) && (node.thenStatement === site || node.thenStatement.getStart() <= site.getStart() && site.getEnd() <= node.thenStatement.getEnd())) condition = node.expression;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken && node.right.getStart() <= site.getStart()) {
      const guard = guardFor(node.left.getText().replace(/\s+/g, ""));
      if (guard) return { ...guard, runsWhen: "missing" };
    }
    if (!condition) continue;
    const text = condition.getText().replace(/\s+/g, "");
    const missing = /^!(.+)$|^(.+)(?:===undefined|==null|===null)$|^typeof(.+)===["']undefined["']$/.exec(text);
    if (missing) {
      const guard = guardFor(missing[1] ?? missing[2] ?? missing[3]!);
      if (guard) return { ...guard, runsWhen: "missing" };
    }
    // `if (teamId)`, `if (!cached && teamId)`: a conjunct that requires the parameter
    for (const conjunct of text.split("&&")) {
      const guard = guardFor(conjunct.replace(/(?:!==undefined|!=null|!==null)$/, ""));
      if (guard) return { ...guard, runsWhen: "given" };
    }
  }
  return null;
}


function loopBodyOf(loop: LoopFrame): ts.Node | undefined {
  return loop.kind === "callback" ? loop.callback?.body : loop.kind === "statement" ? loopBody(loop.node) : undefined;
}

/** `for (let i = 0; i < ids.length; i += 500) update({ id: In(ids.slice(i, i + 500)) })`: one query per chunk of 500. */
function isSliceStepLoop(loop: ts.Node, site: ts.Node): boolean {
  if (!ts.isForStatement(loop) || !loop.incrementor || !ts.isBinaryExpression(loop.incrementor)) return false;
  const step = loop.incrementor;
  if (step.operatorToken.kind !== ts.SyntaxKind.PlusEqualsToken || !ts.isIdentifier(step.left)) return false;
  const size = unwrapExpression(step.right);
  const isChunkSize = (ts.isNumericLiteral(size) && Number(size.text) > 1) || (ts.isIdentifier(size) && /^[A-Z][A-Z0-9_]*$|size$|Size$/.test(size.text));
  if (!isChunkSize) return false;
  const escape = (text: string): string => text.replace(/[$]/g, "\\$&");
  const slice = new RegExp(`\\.slice\\(\\s*${escape(step.left.text)}\\s*,\\s*${escape(step.left.text)}\\s*\\+\\s*${escape(size.getText())}\\s*\\)`);
  if (slice.test(site.getText())) return true;
  // `const batch = keys.slice(i, i + BATCH_SIZE);` in the body, then the query uses `batch`.
  const sliceNames = new Set<string>();
  walk(loop.statement, (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && slice.test(node.initializer.getText())) sliceNames.add(node.name.text);
  });
  let usesSlice = false;
  if (sliceNames.size > 0) walk(site, (node) => (usesSlice ||= ts.isIdentifier(node) && sliceNames.has(node.text)));
  return usesSlice;
}

/** Node modules that wait or compute but talk to no other service (`await setTimeout(…)`, `promisify(…)`). */
const IN_PROCESS_MODULES = /^(node:)?(timers\/promises|timers|util|crypto|events|zlib|path|url|assert|buffer|stream)$/;
/** Packages whose async calls never leave the process: validation, hashing, templating, parsing, concurrency limits. */
const IN_PROCESS_PACKAGES = /^(zod|yup|joi|superstruct|valibot|class-validator|class-transformer|ajv|bcrypt|bcryptjs|argon2|lodash|lodash-es|date-fns|dayjs|moment|handlebars|mustache|ejs|marked|sharp|jimp|p-map|p-limit|p-queue|p-throttle|async-sema|async-mutex|bottleneck|bluebird|async)(\/.*)?$/;

/** A package whose awaited calls reach another service: not an ORM, not an in-process Node module. */
function isIoPackage(module: string): boolean {
  return !isOrmPackage(module) && !IN_PROCESS_MODULES.test(module) && !IN_PROCESS_PACKAGES.test(module);
}

/** Helpers followed between a loop and the query it reaches before the link is too weak to report. */
const MAX_HELPER_DEPTH = 2;

/** The iteration builds the operation list of a batch transaction: `$transaction([...xs.map(…)])`. */
function isTransactionBatch(iteration: ts.Node, references: (declaration: ts.Node, name: string) => ts.Expression[]): boolean {
  if (isTransactionArgument(iteration)) return true;
  // `const updates = rows.map(…); await prisma.$transaction(updates)`: Prisma's queries wait to be run, so the list
  // is the same batch when the transaction is all it is used for.
  let holder: ts.Node = iteration.parent;
  while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder)) holder = holder.parent;
  if (!ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name) || !(ts.getCombinedNodeFlags(holder) & ts.NodeFlags.Const)) return false;
  const uses = references(holder, holder.name.text);
  return uses.length > 0 && uses.every(isTransactionArgument);
}

/** `prisma.$transaction(node)`, `$transaction([...node])`. */
function isTransactionArgument(expression: ts.Node): boolean {
  let node: ts.Node = expression;
  while (node.parent && (ts.isSpreadElement(node.parent) || ts.isArrayLiteralExpression(node.parent) || ts.isParenthesizedExpression(node.parent))) node = node.parent;
  const call = node.parent;
  return !!call && ts.isCallExpression(call) && call.arguments.includes(node as ts.Expression) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === "$transaction";
}

/** The list an iteration walks: `batches` for `batches.entries()` or `batches.values()`. */
function listOf(iterated: ts.Expression): ts.Expression {
  const collection = unwrapExpression(iterated);
  const isEntries = ts.isCallExpression(collection) && ts.isPropertyAccessExpression(collection.expression) && /^(entries|values)$/.test(collection.expression.name.text) && collection.arguments.length === 0;
  return isEntries ? unwrapExpression((collection.expression as ts.PropertyAccessExpression).expression) : collection;
}

/**
 * `for (const chunk of chunks)`, `for (const batch of …)`, `for (const [i, batch] of batches.entries())`,
 * `for (const part of chunk(ids, 100))`: each element is itself a batch.
 */
function iteratesBatches(loop: ts.Node): boolean {
  if (!ts.isForOfStatement(loop)) return false;
  const declaration = ts.isVariableDeclarationList(loop.initializer) ? loop.initializer.declarations[0] : undefined;
  // `[index, batch]` of `.entries()`: the element is the last name.
  const elementName = declaration && (ts.isIdentifier(declaration.name) ? declaration.name : ts.isArrayBindingPattern(declaration.name) ? declaration.name.elements.at(-1) : undefined);
  const element = elementName && ts.isBindingElement(elementName) ? elementName.name : elementName;
  if (element && ts.isIdentifier(element) && /^(chunk|batch|page|slice)\w*$/i.test(element.text)) return true;
  const collection = listOf(loop.expression);
  if (/^(chunks|batches|pages|slices)$/i.test(collection.getText())) return true;
  // `chunk(ids, 100)`, `_.chunk(ids, 100)`, `chunkArray(ids, 100)`: a list cut into batches.
  const callee = ts.isCallExpression(collection) ? collection.expression : undefined;
  const calleeName = callee && (ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "");
  return !!calleeName && /^(chunk|chunks|chunkArray|chunked|inChunks|batch|batches|toBatches|splitIntoChunks)$/i.test(calleeName);
}

/**
 * `for (const shippingMethodId of input.shippingMethodIds)`, `channelIds.map(…)`: ids of a small reference table,
 * so N is bounded by that table as when its rows are iterated.
 */
function iteratesLookupIds(loop: ts.Node): boolean {
  const iterated = iteratedCollection(loop);
  if (!iterated) return false;
  const collection = listOf(iterated);
  const name = ts.isIdentifier(collection) ? collection.text : ts.isPropertyAccessExpression(collection) ? collection.name.text : "";
  const model = /^(\w+?)(Ids|IDs|_ids)$/.exec(name)?.[1];
  return model !== undefined && isLookupModel(model);
}

/** A query that runs once per element of a collection. */
export interface LoopQuery {
  /** The call inside the loop body: the query itself or the helper that reaches it. */
  site: ts.CallExpression | ts.TaggedTemplateExpression | ts.PropertyAccessExpression;
  module: ModuleInfo;
  /** The loop statement or the iteration call (`xs.map(...)`). */
  loop: ts.Node;
  /** The query reached. */
  target: DbCall;
  /** The model it reads here: a generic base class's `T`, bound by the receiver's class (`extends CrudService<Role>`). */
  model: string | null;
  /** Functions between the site and the query (empty when the site is the query). */
  chain: FunctionRef[];
  /** Number of enclosing per-element loops (nested loops multiply). */
  depth: number;
  /** Where the iterated collection comes from: how large N can get. */
  origin: CollectionOrigin;
  /** The read whose rows the loop iterates, when it is one. */
  sourceRows: DbCall | null;
}

export interface ClientCreation {
  node: ts.NewExpression;
  module: ModuleInfo;
  orm: Orm;
  /** Why it runs per request or per item: the loop or the handler. */
  reason: { kind: "loop"; node: ts.Node } | { kind: "handler"; handler: Handler };
  /** Closed before the function returns (`finally { await client.$disconnect() }`). */
  released: boolean;
}

export interface PaginationSite {
  call: DbCall;
  handler: Handler;
  /** The expression that sends the rows. */
  sink: ts.Expression;
}

export interface RowOperationSite {
  node: ts.Node;
  module: ModuleInfo;
  /** Runs once per element of another collection: a look-up or join (`CONFIG.map((c) => rows.find(…))`), not a thinning. */
  perElement: boolean;
}

/** How the rows of a list query are used after it returns. */
export interface RowUsage {
  /** Rows used for nothing but `.length`. */
  onlyLength: boolean;
  /** The rows are written back whole (`repo.save(rows)`): a load-modify-save of the set. */
  savedBack: boolean;
  /** The rows are also needed whole: passed to a function or returned, so they must be fetched anyway. */
  neededWhole: boolean;
  /** `rows.reduce(...)` with numeric accumulation, accumulation loops, `Math.max(...rows.map(...))`. */
  aggregations: RowOperationSite[];
  /** `rows.filter(r => r.col …)`, `rows.find(...)`. */
  filters: RowOperationSite[];
  /**
   * The filters that keep a few rows and drop the rest: none when two or more split the rows into groups (each is
   * kept), and not those run per element of another list (a join).
   */
  thinningFilters: RowOperationSite[];
  /** When every use reads the same one or two fields through `.map(r => r.field)`. */
  pluckedFields: string[] | null;
}

/** What the config tells the analysis (ScanOptions `clients`, `frameworks`, `pagination`). */
export interface EngineOptions {
  /** Wrapper exports and runtime names that are ORM clients. */
  clients?: readonly ClientSpec[];
  /** Folder relative `clients` modules are resolved from (the config file's). Default: the scan root. */
  configRoot?: string;
  /** Only these frameworks register request handlers. Default: all. */
  frameworks?: readonly Framework[];
  /** The largest constant take/limit that still bounds a read. Default: none (any bound counts). */
  maxPageSize?: number;
  /** Threads the engine may use (`--jobs`); 1 keeps everything on the scan's own thread. Never changes the result. */
  jobs?: number;
  /** Models or tables small enough that a scan of them costs little (`schema.smallTables`). */
  smallTables?: readonly string[];
}

/** The engine's part of the scan options; relative client modules are resolved from `globRoot` (the config's folder), else `cwd`. */
export function engineOptionsOf(options: Pick<ScanOptions, "clients" | "frameworks" | "pagination" | "schema" | "globRoot" | "jobs">, cwd: string): EngineOptions {
  return { clients: options.clients, configRoot: options.globRoot ?? cwd, frameworks: options.frameworks, maxPageSize: options.pagination?.maxPageSize, smallTables: options.schema?.smallTables, jobs: options.jobs };
}

export interface ProjectFacts {
  root: string;
  /** `pagination.maxPageSize`, or null: every take/limit bounds a read. */
  maxPageSize: number | null;
  /** What the analysis read besides the scanned files, for the scan cache. Call after the rules ran (reads are lazy). */
  cacheDependencies(): CacheDependencies;
  project: Project;
  resolver: Resolver;
  orm: OrmRecognizer;
  prismaSchema: PrismaSchemaInfo | null;
  /** The indexes the queries need and the schemas lack (every ORM's, with their migrations); null without a schema. */
  indexAdvisor: IndexAdvisor | null;
  ormsDetected: Orm[];
  frameworksDetected: string[];
  errors: ScanError[];
  /** Every database operation in the scanned files (test files excluded). */
  dbCalls: DbCall[];
  loopQueries: LoopQuery[];
  /** Queries whose rows drive a loop that runs an N+1 (the "1" in 1 + N). */
  loopSourceCalls: Set<DbCall>;
  clientCreations: ClientCreation[];
  handlers: Handler[];
  paginationSites: PaginationSite[];
  /** Which code runs on a request (and for which endpoint), which in a job. */
  entryPoints: EntryPoints;
  rowUsage(call: DbCall): RowUsage;
}

const TEST_FILE = /(^|\/)(__tests__|__mocks__|test|tests|e2e|spec|playwright|cypress)\/|\.(test|spec|e2e|e2e-spec)\.[cm]?[jt]sx?$/;
/** Code that never runs in a request (scripts, seeds, migrations, examples, dev servers, templates, stories), or that must return every row by design (sitemap, robots). */
const NON_RUNTIME_FILE = /(^|\/)(\w+[-_])?(scripts?|seeds?|seeders?|migrations?)\/|(^|\/)(examples?|disabled|example-plugins|test-plugins|dev-server|templates?|__fixtures__|stories|storybook|\.storybook)\/|(^|\/)(seed[^/]*|sitemap|robots)\.[cm]?[jt]sx?$|\.(seed|stories|story)\.[cm]?[jt]sx?$/;

/** Findings are reported only in runtime code: tests and non-runtime files are analysed (helpers may live there) but not reported. */
export function isUnreportedFile(relPath: string): boolean {
  return TEST_FILE.test(relPath) || NON_RUNTIME_FILE.test(relPath);
}

/** `typeProgram`: a program built elsewhere (the ESLint plugin's), used for types instead of building one. */
export function buildProjectFacts(discovery: Discovery, typeProgram?: ts.Program, onProgress?: (progress: ScanProgress) => void, options: EngineOptions = {}): ProjectFacts {
  const project = new Project(discovery);
  const configuredClients = new ConfiguredClients(project, options.clients ?? [], options.configRoot ?? discovery.root);
  // A configured client says which ORM the project uses, even when only its wrapper package depends on it.
  const prismaInUse = project.hasDependency("@prisma/client") || project.hasDependency("prisma") || configuredClients.orms.includes("prisma");
  const schemaDirs = [...project.packageJsons.map((p) => p.dir), ...project.nxProjectDirs];
  const schemaTexts = prismaInUse || project.packageJsons.length === 0 ? readSchemaTexts(prismaSchemaFiles(discovery.root, schemaDirs)) : [];
  // The schema is parsed on another thread while this one parses the code.
  const schemasAside = (options.jobs ?? 2) > 1 ? parseSchemasAside(schemaTexts.map((entry) => ("text" in entry ? entry.text : "")), discovery.files.length) : null;
  project.parseScanned(onProgress);
  const errors: ScanError[] = [...project.errors];
  const prismaSchema = loadPrismaSchema(discovery.root, schemaTexts, errors, schemasAside?.take());
  const sequelizeInUse = project.hasDependency("sequelize") || project.hasDependency("sequelize-typescript") || configuredClients.orms.includes("sequelize");
  const resolver = new Resolver(project, prismaSchema, prismaInUse || prismaSchema !== null, sequelizeInUse);
  if (!configuredClients.isEmpty) resolver.configuredClients = configuredClients;
  // Package directories of the scanned code: node_modules and tsconfig are looked up from there.
  const projectDirs = [...new Set([...project.packageJsons.map((p) => p.dir).sort((a, b) => b.length - a.length), discovery.root])];
  resolver.typeOracle = typeProgram ? TypeOracle.fromProgram(typeProgram) : TypeOracle.forProject(projectDirs, discovery.files);
  // Said here, not in discovery: reading tsconfig as TypeScript does needs the compiler, which a cached scan never loads.
  const extendsProbes: string[] = [];
  errors.push(...tsconfigProblems(discovery.root, project.directories, extendsProbes));
  errors.push(...environmentNotes(discovery, projectDirs, project.directories));
  const orm = new OrmRecognizer(resolver);
  resolver.queryValue = (call) => orm.valueOfQueryCall(call);

  const reportable = project.scannedModules.filter((m) => !isUnreportedFile(m.relPath));

  // Pass 1: Sequelize associations (so that accessor calls can be recognised anywhere) and write hooks.
  for (const module of project.scannedModules) {
    for (const node of module.factSites) {
      if (ts.isCallExpression(node)) resolver.noteCall(node);
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(hasMany|belongsTo|hasOne|belongsToMany)$/.test(node.expression.name.text)) {
        orm.recordAssociation(node);
      }
      if (ts.isDecorator(node) || (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(addHook|init|(after|before)(Create|Update|Save|Destroy))$/.test(node.expression.name.text))) {
        orm.recordHook(node);
      }
    }
  }

  resolver.callsNoted();

  const maxPageSize = options.maxPageSize ?? null;
  const analysis = new Analysis(resolver, orm, maxPageSize);
  const dbCalls: DbCall[] = [];
  const rowOperations = new Map<DbCall, { aggregations: RowOperationSite[]; filters: RowOperationSite[] }>();
  const loopQueries: LoopQuery[] = [];
  const creations: { node: ts.NewExpression; module: ModuleInfo; orm: Orm }[] = [];

  let analysed = 0;
  for (const module of reportable) {
    // One file the analysis cannot handle costs that file's findings, never the scan.
    try {
      collectFacts(module);
    } catch (error) {
      errors.push({ file: module.relPath, kind: "internal", message: `analysis failed (${(error as Error)?.message ?? error}); file skipped` });
    }
    onProgress?.({ phase: "analyse", done: ++analysed, total: reportable.length });
  }

  function collectFacts(module: ModuleInfo): void {
    // Every node a check below can match is a fact site, met in the order a walk meets it.
    for (const node of module.factSites) {
      const db = analysis.dbCallAt(node);
      if (db) dbCalls.push(db);
      if (ts.isNewExpression(node)) {
        const created = clientKind(resolver.evaluate(node), node, resolver);
        if (created) creations.push({ node, module, orm: created });
      }
      if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node) || (ts.isPropertyAccessExpression(node) && db)) {
        const loopQuery = analysis.loopQueryAt(node, module, db);
        if (loopQuery) loopQueries.push(loopQuery);
      }
      const rowOperation = analysis.rowOperationAt(node);
      if (rowOperation) {
        const entry = rowOperations.get(rowOperation.call) ?? { aggregations: [], filters: [] };
        entry[rowOperation.kind === "aggregation" ? "aggregations" : "filters"].push({ node: rowOperation.node, module, perElement: analysis.loopFrames(rowOperation.node).length > 0 });
        rowOperations.set(rowOperation.call, entry);
      }
    }
  }

  const frameworkOf = frameworkChooser(project, options.frameworks);
  const registered: Handler[] = [];
  const graphqlOperations: Handler[] = [];
  const mountCalls: ts.CallExpression[] = [];
  for (const module of reportable) {
    const routes = findHandlers(module, resolver, frameworkOf);
    // The config's `frameworks`: handlers of other frameworks are not requests (no pagination, no hot path).
    registered.push(...routes.handlers.filter((handler) => isAllowedHandler(handler, options.frameworks)));
    graphqlOperations.push(...routes.graphql.filter((handler) => isAllowedHandler(handler, options.frameworks)));
    mountCalls.push(...routes.mounts);
  }
  const handlers = withMountPrefixes(registered, mountCalls, resolver);

  const origins = new CollectionOrigins(resolver, new Set([...handlers, ...graphqlOperations].map((h) => h.fn.node)));
  for (const loopQuery of loopQueries) {
    loopQuery.origin = origins.ofLoop(loopQuery.loop);
    loopQuery.sourceRows = analysis.iteratedRows(loopQuery.loop);
  }

  const paginationSites = analysis.paginationSites(handlers);
  // Functions a request runs, each with the first handler that reaches it (routes, procedures, GraphQL operations).
  const reachable = requestReachableFunctions([...handlers, ...graphqlOperations], resolver);
  const clientCreations = classifyClientCreations(creations, reachable, (node) => analysis.loopFrames(node));

  const ormsDetected = new Set<Orm>(dbCalls.map((c) => c.orm));
  if (prismaInUse) ormsDetected.add("prisma");
  if (project.hasDependency("typeorm")) ormsDetected.add("typeorm");
  if (project.hasDependency("sequelize") || project.hasDependency("sequelize-typescript")) ormsDetected.add("sequelize");
  const frameworks = new Set<string>(handlers.map((h) => h.framework));

  const databaseRead = readDatabaseSchemas(prismaSchema, project.scannedModules, projectDirs, project.nxProjectDirs);
  for (const problem of databaseRead.problems) errors.push({ file: ".", kind: "internal", message: `${oneLine(problem)}; that schema is left out of the index rules` });
  const indexAdvisor = databaseRead.schemas.length > 0 ? new IndexAdvisor(databaseRead.schemas, resolver, dbCalls, new Set(options.smallTables ?? []), workspaceReach(project, projectDirs), (call, error) =>
          errors.push({ file: call.module.relPath, kind: "internal", message: `index check of a query failed (${oneLine(String((error as Error)?.message ?? error))}); that query is skipped by the index rules` }),
        ) : null;

  const usageCache = new Map<DbCall, RowUsage>();
  const typeOracle = resolver.typeOracle;
  return {
    cacheDependencies() {
      const fromProject = project.cacheDependencies();
      const schemaPlaces = prismaSchemaPlaces(discovery.root, schemaDirs);
      const schemaFiles = schemaTexts.map((entry) => entry.file);
      return {
        contents: [...fromProject.contents, ...schemaPlaces.contents, ...schemaFiles, ...databaseRead.filesRead],
        listings: [...fromProject.listings, ...schemaPlaces.listings, ...schemaFiles.map((file) => dirname(file)), ...databaseRead.foldersListed],
        // Typings are large and change with installs and `prisma generate`: stamped (size, times, inode), not hashed;
        // the type checker's program adds what its module resolution looked for and did not find.
        stamps: [...projectDirs.flatMap(installedOrmProbes), ...extendsProbes, ...(typeOracle?.filesRead() ?? []).filter((file) => !project.modules.get(file)?.scanned)],
        tsconfigs: fromProject.tsconfigs,
      };
    },
    root: discovery.root,
    maxPageSize,
    project,
    resolver,
    orm,
    prismaSchema,
    indexAdvisor,
    ormsDetected: [...ormsDetected].sort(),
    frameworksDetected: [...frameworks].sort(),
    errors,
    dbCalls,
    loopQueries,
    loopSourceCalls: new Set(loopQueries.flatMap((loopQuery) => (loopQuery.sourceRows ? [loopQuery.sourceRows] : []))),
    clientCreations,
    handlers,
    paginationSites,
    entryPoints: new EntryPoints(reachable),
    rowUsage(call) {
      let usage = usageCache.get(call);
      if (!usage) {
        const operations = rowOperations.get(call);
        const filters = operations?.filters ?? [];
        // One filter, and the rows read nowhere else: with the condition in `where`, the others would not be sent. Reads
        // that are findings of their own (an aggregation in JS, a loop running a query per row) go with the fix.
        const fixedWithIt = [...filters, ...(operations?.aggregations ?? [])].map((site) => site.node).concat(loopQueries.filter((loopQuery) => loopQuery.sourceRows === call).map((loopQuery) => loopQuery.loop));
        const thinningFilters = filters.length >= 2 || analysis.readElsewhere(call, fixedWithIt) ? [] : filters.filter((site) => !site.perElement);
        usage = { ...analysis.rowUsage(call), aggregations: operations?.aggregations ?? [], filters, thinningFilters };
        usageCache.set(call, usage);
      }
      return usage;
    },
  };
}

/** `rows.map(…).sort(…).filter(…)` → `rows`: the expression a chain of array calls starts from. */
function receiverChainRoot(site: ts.Node): ts.Node {
  let current: ts.Node = ts.isCallExpression(site) && ts.isPropertyAccessExpression(site.expression) ? site.expression.expression : site;
  for (;;) {
    const inner = innermost(current);
    if (ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && ARRAY_CHAIN_METHODS.has(inner.expression.name.text)) current = inner.expression.expression;
    else return inner;
  }
}

const ARRAY_CHAIN_METHODS = new Set(["map", "sort", "toSorted", "reverse", "toReversed", "slice", "flat", "flatMap", "concat"]);

/** Through parentheses, `await`, `!`, type assertions and an empty default (`rows ?? []`). */
function innermost(node: ts.Node): ts.Node {
  let current = ts.isExpression(node) ? unwrapExpression(node) : node;
  while (ts.isBinaryExpression(current) && (current.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || current.operatorToken.kind === ts.SyntaxKind.BarBarToken) && ts.isArrayLiteralExpression(current.right) && current.right.elements.length === 0) {
    current = unwrapExpression(current.left);
  }
  return current;
}

/** `rows.length`, `rows.reduce(…)`: a count or a fold over every row, which a grouped or counting query gives too. */
function isCountOrFold(use: ts.Expression): boolean {
  let node: ts.Node = use;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent))) node = node.parent;
  const access = node.parent;
  if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== node) return false;
  if (access.name.text === "length") return true;
  if (!/^reduce(Right)?$/.test(access.name.text) || !ts.isCallExpression(access.parent) || access.parent.expression !== access) return false;
  // A fold over columns (sums, counts per status); one that keeps rows (`map.set(r.id, r)`) needs them whole.
  const reducer = access.parent.arguments[0];
  if (!reducer || !(ts.isArrowFunction(reducer) || ts.isFunctionExpression(reducer))) return false;
  const row = reducer.parameters[1]?.name;
  if (!row || !ts.isIdentifier(row)) return false;
  let keepsRows = false;
  walk(reducer.body, (node) => {
    if (ts.isIdentifier(node) && node.text === row.text && !(ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node)) keepsRows = true;
  });
  return !keepsRows;
}

/** `if (!rows)`, `rows === null`: asks whether there are rows, not what they hold. */
function isPresenceCheck(use: ts.Expression): boolean {
  let node: ts.Node = use;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent)) && parent.expression === node) return true;
  if (ts.isConditionalExpression(parent) && parent.condition === node) return true;
  if (ts.isBinaryExpression(parent)) {
    const other = parent.left === node ? parent.right : parent.left;
    const equality = [ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(parent.operatorToken.kind);
    if (equality && (other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === "undefined"))) return true;
  }
  return false;
}

/** The outermost of the `await`, parentheses and type assertions around an expression. */
function wrappingTop(node: ts.Node): ts.Node {
  let top = node;
  while (top.parent && (ts.isAwaitExpression(top.parent) || ts.isParenthesizedExpression(top.parent) || ts.isAsExpression(top.parent) || ts.isNonNullExpression(top.parent) || ts.isSatisfiesExpression(top.parent))) top = top.parent;
  return top;
}

/** The function an expression is the returned value of: `return rows`, `return await q`, `() => q`. */
function returningFunction(expression: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  const top = wrappingTop(expression);
  const parent = top.parent;
  if (parent && ts.isReturnStatement(parent)) {
    const fn = enclosingFunctions(parent)[0];
    return fn && !isInvokedCallback(fn) ? fn : undefined;
  }
  if (parent && ts.isArrowFunction(parent) && parent.body === top && !isInvokedCallback(parent)) return parent;
  return undefined;
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.getSourceFile() === outer.getSourceFile() && inner.pos >= outer.pos && inner.end <= outer.end;
}

/** For a file: its package folder and every workspace package it depends on, transitively. */
function workspaceReach(project: Project, packageDirs: readonly string[]): (file: string) => ReadonlySet<string> {
  const dependencies = new Map(project.packageJsons.map((pkg) => [pkg.dir, [...pkg.deps].flatMap((name) => project.workspacePackages.get(name) ?? [])]));
  const reach = new Map<string, Set<string>>();
  const reachOf = (dir: string): Set<string> => {
    let found = reach.get(dir);
    if (found) return found;
    found = new Set([dir]);
    reach.set(dir, found);
    for (let i = 0, queue = [dir]; i < queue.length; i++) {
      for (const next of dependencies.get(queue[i]!) ?? []) if (!found.has(next)) (found.add(next), queue.push(next));
    }
    return found;
  };
  return (file) => reachOf(packageDirs.find((dir) => file.startsWith(dir + sep)) ?? packageDirs[packageDirs.length - 1]!);
}

/** What this scan could not use: said once, so a user knows why a finding may be missing. */
function environmentNotes(discovery: Discovery, projectDirs: string[], scannedDirectories: string[]): ScanError[] {
  const notes: ScanError[] = [];
  if (discovery.files.length === 0) return notes;
  if (!projectDirs.some(hasInstalledOrm)) {
    notes.push({ file: ".", kind: "environment", message: "no ORM package in node_modules: call sites are recognised from imports, constructors and classes, without the type checker" });
  }
  const hasTypeScript = discovery.files.some((f) => /\.[cm]?tsx?$/.test(f.relPath));
  if (hasTypeScript && !scannedDirectories.some((dir) => existsSync(join(dir, "tsconfig.json")) || existsSync(join(dir, "jsconfig.json")))) {
    notes.push({ file: ".", kind: "environment", message: "no tsconfig.json found: tsconfig path aliases are not applied" });
  }
  return notes;
}

/** Project wrappers followed to an external call: `client.getRating()` → `this.get()` → `this.request()` → `fetch`. */
const MAX_IO_WRAPPER_DEPTH = 3;

/** Calls that send every row they are given on, serialised: `res.json(superjson.serialize({ rows }))`. */
const SERIALIZERS = new Set(["JSON.stringify", "superjson.serialize", "superjson.stringify"]);
/** `json(rows)`, `typedjson(rows)`, `data(rows)`: Remix and React Router response helpers, in their loaders and actions only. */
const REMIX_SERIALIZERS = new Set([...SERIALIZERS, "json", "typedjson", "data", "defer"]);

/** NestJS parameter decorators that hand a handler a plain value (an id, the body), not the request or response. */
const NEST_VALUE_DECORATORS = new Set(["Param", "Query", "Body", "Headers", "Ip", "HostParam", "Session", "UploadedFile", "UploadedFiles"]);

function isNestValueParameter(parameter: ts.ParameterDeclaration): boolean {
  const decorators = ts.canHaveDecorators(parameter) ? ts.getDecorators(parameter) : undefined;
  return (decorators ?? []).some((decorator) => {
    const callee = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
    return ts.isIdentifier(callee) && NEST_VALUE_DECORATORS.has(callee.text);
  });
}

function frameworkChooser(project: Project, allowed: readonly Framework[] | undefined): (call: ts.CallExpression) => Framework {
  const framework = routeFramework((name) => project.hasDependency(name), allowed);
  return () => framework;
}

// ---------------------------------------------------------------------------

export interface LoopFrame {
  node: ts.Node;
  /** statement: for/while/do; callback: xs.map(...) and friends; resolver: a GraphQL field resolver, run per parent row. */
  kind: "statement" | "callback" | "resolver";
  /** The function run per element: the iteration callback, or the field resolver. */
  callback?: ts.FunctionLikeDeclaration;
}

/** Per-scan analysis shared by all facts: iteration contexts, reachable queries, row flows. */
class Analysis {
  private readonly functionQueryCache = new Map<ts.Node, ReachedQuery | null>();
  private readonly batchLoopCache = new Map<ts.Node, boolean>();
  private readonly graphqlTypes: GraphqlListedTypes;

  constructor(
    private readonly resolver: Resolver,
    private readonly orm: OrmRecognizer,
    /** `pagination.maxPageSize`: a larger constant take does not make a response a page. */
    private readonly maxPageSize: number | null = null,
  ) {
    let scanned: ModuleInfo[] | null = null;
    this.graphqlTypes = new GraphqlListedTypes(() => (scanned ??= resolver.project.scannedModules));
  }

  dbCallAt(node: ts.Node): DbCall | null {
    if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) {
      const callee = ts.isCallExpression(node) ? node.expression : node.tag;
      if (!ts.isPropertyAccessExpression(callee)) return null;
      if (!mightBeOrmCall(callee.name.text) && !ts.isCallExpression(callee.expression)) return null;
      return this.orm.classify(node);
    }
    if (ts.isPropertyAccessExpression(node) && isAwaited(node)) return this.orm.classify(node);
    return null;
  }

  /** The query (direct or through project functions) that a call runs. */
  queryReachedBy(node: ts.Node, db: DbCall | null): { call: DbCall; chain: FunctionRef[] } | null {
    if (db) return { call: db, chain: [] };
    if (!ts.isCallExpression(node)) return null;
    const fn = this.resolver.calleeFunction(node);
    if (!fn) return null;
    const reached = this.functionQuery(fn, 0);
    if (!reached || guardSkipsQuery(reached, node)) return null;
    return { call: reached.call, chain: [fn, ...reached.chain] };
  }

  /**
   * The first query a function runs, directly or through the project functions it calls. A query that only runs
   * when a parameter is missing (`if (!claim) claim = await findClaim()`) is kept as a fallback, with that
   * parameter's index, so call sites that pass the argument do not count it.
   */
  functionQuery(fn: FunctionRef, depth: number): ReachedQuery | null {
    if (this.functionQueryCache.has(fn.node)) return this.functionQueryCache.get(fn.node)!;
    if (depth > 10 || !fn.node.body) return null;
    // Next.js `"use cache"`: the result is kept per argument list, so the function runs once per key, not per call.
    if (hasUseCacheDirective(fn.node)) return null;
    this.functionQueryCache.set(fn.node, null); // recursion guard
    let result: ReachedQuery | null = null;
    let fallback: ReachedQuery | null = null;
    const consider = (found: ReachedQuery, site: ts.Node): void => {
      if (isMemoisedQuery(site, fn.node)) return; // once per key of a Map memo
      const guard = parameterGuard(site, fn.node);
      if (guard === null) result = found;
      else fallback ??= { ...found, guard };
    };
    const visit = (node: ts.Node): void => {
      if (result) return;
      if (isCachedCallback(node)) return; // runs once per cache key, not once per call
      if (ts.isCatchClause(node)) return; // error paths are not the per-call cost
      if (isFunctionLike(node) && !isInvokedCallback(node)) return; // a closure the function builds or returns runs where it is called
      const db = this.dbCallAt(node);
      if (db) {
        consider({ call: db, chain: [] }, node);
        return;
      }
      if (ts.isCallExpression(node)) {
        const callee = this.resolver.calleeFunction(node);
        if (callee && callee.node !== fn.node) {
          const inner = this.functionQuery(callee, depth + 1);
          if (inner && !guardSkipsQuery(inner, node)) {
            consider({ call: inner.call, chain: [callee, ...inner.chain] }, node);
            return;
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    if (ts.isBlock(fn.node.body)) ts.forEachChild(fn.node.body, visit);
    else visit(fn.node.body); // arrow function with an expression body
    const found: ReachedQuery | null = result ?? fallback;
    this.functionQueryCache.set(fn.node, found);
    return found;
  }

  /** Enclosing per-element iterations of a node, innermost first, up to the enclosing non-callback function. */
  loopFrames(node: ts.Node): LoopFrame[] {
    const frames: LoopFrame[] = [];
    let current: ts.Node = node;
    while (current.parent) {
      const parent: ts.Node = current.parent;
      if (isLoopStatement(parent) && loopBody(parent) === current) {
        frames.push({ node: parent, kind: "statement" });
      } else if (ts.isWhileStatement(parent) || ts.isDoStatement(parent)) {
        // the condition of a while loop runs per iteration too, but only the body is reported
      }
      if (isFunctionLike(parent)) {
        const call = parent.parent;
        if (call && ts.isCallExpression(call) && call.arguments.includes(parent as ts.Expression) && isIterationCall(call, parent)) {
          frames.push({ node: call, kind: "callback", callback: parent });
          current = call;
          continue;
        }
        const resolver = fieldResolverDecorator(parent);
        // A field of a type only root operations return, one at a time, resolves once per request.
        if (resolver && !this.graphqlTypes.runsOncePerRequest(parent as ts.MethodDeclaration)) frames.push({ node: resolver, kind: "resolver", callback: parent });
        const mapField = resolver ? undefined : resolverMapField(parent);
        if (mapField) frames.push({ node: mapField, kind: "resolver", callback: parent });
        break;
      }
      current = parent;
    }
    return frames;
  }

  loopQueryAt(node: ts.Node, module: ModuleInfo, db: DbCall | null): LoopQuery | null {
    // Cheap exit first: most calls are not inside a loop.
    const frames = this.loopFrames(node);
    if (frames.length === 0) return null;
    const perElement = frames.filter((frame) => !this.isConstantIteration(frame) && !this.isBatchLoop(frame));
    if (perElement.length === 0) return null;
    if (!ts.isCallExpression(node) && !ts.isTaggedTemplateExpression(node) && !ts.isPropertyAccessExpression(node)) return null;
    // A fluent chain reports once, at its outermost call.
    if (db && isInnerOfChain(node)) return null;
    const reached = this.queryReachedBy(node, db);
    if (!reached) return null;
    // Three or more helpers deep, the query is usually one conditional step of a larger per-item workflow.
    if (reached.chain.length > MAX_HELPER_DEPTH) return null;
    const target = reached.call;
    let frames2 = perElement;
    // Prisma batches findUnique calls issued in the same tick (dataloader): Promise.all(ids.map(id => findUnique)),
    // and a field resolver's, which GraphQL calls for every item of a list in one tick.
    const innermost = frames2[0]!;
    if (
      this.isBatchedFindUnique(target) &&
      (reached.chain.length === 0 || this.reachesInSameTick(reached.chain, target)) &&
      (innermost.kind === "callback" ? isSameTickCallback(innermost, node) : innermost.kind === "resolver" && isSameTickResolver(innermost, node))
    ) {
      frames2 = frames2.slice(1);
      if (frames2.length === 0) return null;
    }
    // Chunked batches: `for (const chunk of chunks) findMany({ where: { id: { in: chunk } } })`, `ids.slice(i, i + n)`.
    const loop = frames2[0]!;
    // Rows of a small reference table (roles, payment methods, channels…): N is bounded by that table.
    if (this.iteratesLookupRows(loop.node)) return null;
    if (iteratesBatches(loop.node)) return null;
    if (db && loop.kind === "statement" && ts.isForOfStatement(loop.node) && usesLoopVariableAsList(loop.node, db)) return null;
    if (db && filtersByWholeList(db)) return null;
    if (isSliceStepLoop(loop.node, node)) return null;
    const loopBodyNode = loopBodyOf(loop);
    if (loopBodyNode && isMemoisedQuery(node, loopBodyNode)) return null;
    // Writes that already carry a batch (createMany per chunk or group) are the batched form; writes whose model
    // fires a side-effect hook (notifications, file cleanup) are one by one on purpose.
    if (BATCH_WRITES.has(target.operation) || this.orm.firesWriteHook(target)) return null;
    // Per-item workflows: each element also goes to an external service (upload, payment API, email, LLM) and the
    // write records that step (an audit row, the uploaded file's row). Reads could still be preloaded: kept.
    const isWrite = target.kind === "write" || target.kind === "write-many";
    if (isWrite && ((loopBodyNode && this.awaitsExternalIo(loopBodyNode)) || (reached.chain[0]?.node.body && this.awaitsExternalIo(reached.chain[0].node.body)))) return null;
    // Each element first goes through an external service (a payment API, a storage upload) and the read follows
    // it: the query is one step of that per-item workflow, not a lookup that could be hoisted.
    if (!isWrite && loopBodyNode && this.externalIoBefore(loopBodyNode, node)) return null;
    // `prisma.$transaction([...lines.map((l) => prisma.x.update(…))])`: one batched transaction, the documented fix.
    if (loop.kind === "callback" && isTransactionBatch(loop.node, (declaration, name) => this.references(declaration, name))) return null;
    // A field resolver that returns what the parent already holds and queries only as a fallback.
    if (loop.kind === "resolver" && isGuardedFallback(node)) return null;
    // `for (const key of Object.keys(args)) switch (key) { case "x": query }`: once per distinct key at most.
    if (loop.kind === "statement" && inSwitchOnLoopVariable(node, loop.node)) return null;
    if (loop.kind !== "resolver" && inEqualityOnConstant(node, loop.node)) return null;
    // The helper already runs the query in a loop of its own: that site is the N+1 to fix, reported there.
    if (reached.chain.length > 0 && this.loopFrames(target.node).some((frame) => !this.isConstantIteration(frame) && !this.isBatchLoop(frame))) return null;
    // A tree walk recursing per child, beside the child query in the same loop body: that query is the N+1 reported.
    if (loopBodyNode && this.recursesBesideQuery(node, reached, loopBodyNode, module)) return null;
    return {
      site: node as LoopQuery["site"],
      module,
      loop: loop.node,
      target,
      model: this.modelInContext(node, reached) ?? target.model,
      chain: reached.chain,
      depth: frames2.length,
      origin: "unknown", // set once the request handlers are known
      sourceRows: null,
    };
  }

  /**
   * `this.findOneByOptions()` in `class RoleService extends CrudService<Role>`, reaching `this.repository.findOne`
   * of `CrudService<T>`: the query reads `Role`. Only when every step stays on the same object (`this.…` or
   * `super.…` calls of methods of the receiver's class or its bases), so that the subclass's type arguments apply.
   */
  private modelInContext(site: ts.Node, reached: { call: DbCall; chain: FunctionRef[] }): string | null {
    const { call, chain } = reached;
    if (!call.model || chain.length === 0 || !ts.isCallExpression(site) || !ts.isPropertyAccessExpression(site.expression)) return null;
    const queryClass = enclosingClass(call.node);
    if (!queryClass || !(queryClass.typeParameters ?? []).some((declared) => declared.name.text === call.model)) return null;
    const receiver = this.resolver.evaluate(site.expression.expression);
    if (receiver.kind !== "instance") return null;
    const lineage = new Set<ts.Node>();
    for (let cls: ClassRef | undefined = receiver.cls, depth = 0; cls && depth < 10; cls = this.resolver.baseClass(cls), depth++) lineage.add(cls.node);
    if (!lineage.has(queryClass)) return null;
    for (const [index, fn] of chain.entries()) {
      if (!ts.isMethodDeclaration(fn.node) || !lineage.has(fn.node.parent) || !ts.isIdentifier(fn.node.name)) return null;
      const text = index > 0 ? chain[index - 1]!.node.getText() : "";
      if (index > 0 && !text.includes(`this.${fn.node.name.text}(`) && !text.includes(`super.${fn.node.name.text}(`)) return null;
    }
    const last = chain[chain.length - 1]!;
    if (!contains(last.node, call.node) || !call.node.getText().startsWith("this.")) return null;
    return this.resolver.typeArgumentThrough(receiver.cls, queryClass, call.model);
  }

  /**
   * `for (const child of nodes) { child.children = await repo.childrenOf(child.id); await this.attach(child.children); }`
   * inside `attach`: the recursive call reaches the query the loop's other call runs, reported there. A walk whose
   * query comes before its loop (`for (const c of children) await walk(c.id)`) makes one more per child: reported.
   */
  private recursesBesideQuery(site: ts.Node, reached: { call: DbCall; chain: FunctionRef[] }, loopBody: ts.Node, module: ModuleInfo): boolean {
    const callee = reached.chain[0]?.node;
    if (!callee || !contains(callee, site)) return false;
    return sitesInside(module.factSites, loopBody).some((other) => {
      if (other === site || contains(site, other) || contains(other, site)) return false;
      // Another recursive call is no other query site (`walk(a); walk(b)` per child: the recursion is the N+1).
      if (ts.isCallExpression(other) && this.resolver.calleeFunction(other)?.node === callee) return false;
      // The same query: a walk that queries children before its loop makes one more query per child, kept.
      return this.queryOfCall(other)?.call === reached.call;
    });
  }

  /**
   * Through helpers, the query is issued in the tick of the call when no helper awaits anything before the call
   * that leads on and runs no other query (`Promise.all(urls.map((url) => parse(url)))`, `parse` reading one row).
   */
  private reachesInSameTick(chain: FunctionRef[], target: DbCall): boolean {
    for (const [index, fn] of chain.entries()) {
      const body = fn.node.body;
      if (!body) return false;
      const next = chain[index + 1];
      const onward = next
        ? sitesInside(fn.module.factSites, body).find((site) => ts.isCallExpression(site) && this.resolver.calleeFunction(site)?.node === next.node)
        : target.module === fn.module && contains(body, target.node) ? target.node : undefined;
      if (!onward || enclosingFunctions(onward)[0] !== fn.node) return false; // inside a `.then(…)` or another closure
      let awaitsFirst = false;
      walk(body, (child) => {
        // An await before the call, or inside its arguments, delays it past the tick.
        if ((ts.isAwaitExpression(child) || (ts.isForOfStatement(child) && child.awaitModifier)) && child.getStart() < onward.getEnd() && child !== onward && !contains(child, onward) && enclosingFunctions(child)[0] === fn.node) awaitsFirst = true;
      });
      if (awaitsFirst) return false;
      // Only when that is all the helper queries: later reads or writes per element would be N+1s of their own.
      const querying = sitesInside(fn.module.factSites, body).some((site) => site !== onward && !contains(site, onward) && this.queryOfCall(site) !== null);
      if (querying) return false;
    }
    return true;
  }

  /** A Prisma findUnique, or a fluent relation read on one (`findUnique(…).author()`, one batched query too). */
  private isBatchedFindUnique(call: DbCall): boolean {
    if (call.orm !== "prisma") return false;
    if (call.operation === "findUnique") return true;
    const callee = ts.isCallExpression(call.node) ? call.node.expression : undefined;
    return callee !== undefined && ts.isPropertyAccessExpression(callee) && ts.isCallExpression(callee.expression) && this.dbCallAt(callee.expression)?.operation === "findUnique";
  }

  /** The query a call or tagged template runs, itself or through the functions it calls; null for other sites. */
  private queryOfCall(site: ts.Node): ReturnType<Analysis["queryReachedBy"]> {
    if (!ts.isCallExpression(site) && !ts.isTaggedTemplateExpression(site)) return null;
    return this.queryReachedBy(site, this.dbCallAt(site));
  }

  private readonly externalIoCache = new Map<ts.Node, boolean>();

  /**
   * Awaits a call into an installed, non-ORM package (or `fetch`): storage, payment, mail, AI, HTTP clients —
   * directly or through project wrappers up to three calls deep (`await paypalRequest(…)`, `this.request(…)`).
   */
  private awaitsExternalIo(body: ts.Node, depth = 0): boolean {
    const cached = this.externalIoCache.get(body);
    if (cached !== undefined) return cached;
    this.externalIoCache.set(body, false); // recursion guard
    let found = false;
    // An async wrapper's `return this.request(…)` hands its caller the promise the caller awaits: followed into the
    // project function it calls, but a package call only counts awaited (a returned `format(…)` is not I/O).
    const returnsPromises = depth > 0 && body.parent !== undefined && isFunctionLike(body.parent) && (ts.getCombinedModifierFlags(body.parent as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
    walk(body, (node) => {
      const returned = returnsPromises && ts.isReturnStatement(node) && node.expression !== undefined;
      const awaited = ts.isAwaitExpression(node) ? node.expression : returned ? (node as ts.ReturnStatement).expression : undefined;
      if (found || !awaited) return;
      const call = unwrapExpression(awaited);
      if (!ts.isCallExpression(call) || this.dbCallAt(call)) return;
      if (returned) {
        found = this.wrapperAwaitsExternalIo(call, depth);
        return;
      }
      let root: ts.Expression = call.expression;
      let member: string | null = null;
      // `resend!.domains.get(…)`, `(client as Api).get(…)`: through non-null assertions and casts.
      while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root) || ts.isElementAccessExpression(root) || ts.isNonNullExpression(root) || ts.isParenthesizedExpression(root) || ts.isAsExpression(root)) {
        if (ts.isPropertyAccessExpression(root)) member = root.name.text;
        root = root.expression;
      }
      // `this.stripe.paymentIntents.create(…)`: a class member made by, or typed as, an installed package.
      if (root.kind === ts.SyntaxKind.ThisKeyword && member && this.isPackageMember(root, member)) {
        found = true;
        return;
      }
      // `await this.request(…)` in an HTTP client class whose base class calls `fetch`: a wrapper, like a function.
      if (root.kind === ts.SyntaxKind.ThisKeyword) {
        found = this.wrapperAwaitsExternalIo(call, depth);
        return;
      }
      if (!ts.isIdentifier(root)) return;
      if (root.text === "fetch") {
        found = true;
        return;
      }
      const binding = this.resolver.lookup(root);
      if (binding?.kind === "external" && isIoPackage(binding.module)) {
        found = true;
        return;
      }
      // `const mailer = createTransport(…)`, `const stripe = new Stripe(…)`: an object made by an installed package
      if (binding?.kind === "node" && ts.isVariableDeclaration(binding.node) && binding.node.initializer && this.isMadeByPackage(binding.node.initializer)) {
        found = true;
        return;
      }
      found = this.wrapperAwaitsExternalIo(call, depth);
    });
    this.externalIoCache.set(body, found);
    return found;
  }

  /** The project function `call` runs (no query of its own) awaits an external call, within the wrapper depth. */
  private wrapperAwaitsExternalIo(call: ts.CallExpression, depth: number): boolean {
    if (depth >= MAX_IO_WRAPPER_DEPTH) return false;
    const wrapper = this.resolver.calleeFunction(call);
    return !!wrapper?.node.body && !this.functionQuery(wrapper, 0) && this.awaitsExternalIo(wrapper.node.body, depth + 1);
  }

  /** An awaited external call in a statement of the loop body that runs before the one holding `site`. */
  private externalIoBefore(body: ts.Node, site: ts.Node): boolean {
    // The statements before the site in every block from the body down to it (`try { await stripe…; query }`).
    for (let node: ts.Node = site; node !== body && node.parent; node = node.parent) {
      const block = node.parent;
      if (!ts.isBlock(block)) continue;
      for (const statement of block.statements) {
        if (statement === node) break;
        if (this.awaitsExternalIo(statement)) return true;
      }
      if (block === body) break;
    }
    return false;
  }

  private isPackageMember(thisNode: ts.Node, name: string): boolean {
    const cls = enclosingClass(thisNode);
    const module = cls && this.resolver.moduleOf(cls);
    if (!cls || !module) return false;
    const declaration = this.resolver.classMember({ node: cls, module }, name, false)?.node;
    if (!declaration || !(ts.isPropertyDeclaration(declaration) || ts.isParameter(declaration))) return false;
    if (declaration.initializer && this.isMadeByPackage(declaration.initializer)) return true;
    const type = declaration.type;
    if (!type || !ts.isTypeReferenceNode(type)) return false;
    let typeName: ts.EntityName = type.typeName;
    while (ts.isQualifiedName(typeName)) typeName = typeName.left;
    const binding = this.resolver.lookup(typeName);
    return binding?.kind === "external" && isIoPackage(binding.module);
  }

  /**
   * `new Stripe(…)`, `createTransport(…)`; `key ? new Resend(key) : null`; `stripeAppClient({ mode })`, a project
   * factory that returns one (`depth`: factories followed).
   */
  private isMadeByPackage(initializer: ts.Expression, depth = 0): boolean {
    let expr = unwrapExpression(initializer);
    if (ts.isConditionalExpression(expr)) return this.isMadeByPackage(expr.whenTrue, depth) || this.isMadeByPackage(expr.whenFalse, depth);
    if (!ts.isCallExpression(expr) && !ts.isNewExpression(expr)) return false;
    const made = expr;
    expr = expr.expression;
    while (ts.isPropertyAccessExpression(expr) || ts.isCallExpression(expr)) expr = expr.expression;
    if (!ts.isIdentifier(expr)) return false;
    const binding = this.resolver.lookup(expr);
    if (binding?.kind === "external") return isIoPackage(binding.module);
    if (depth > 0 || !ts.isCallExpression(made)) return false;
    const factory = this.resolver.calleeFunction(made);
    const body = factory?.node.body;
    if (!body || this.functionQuery(factory, 0)) return false;
    return ts.isBlock(body) ? returnExpressions(body).some((returned) => this.isMadeByPackage(returned, depth + 1)) : this.isMadeByPackage(body, depth + 1);
  }

  private isConstantIteration(frame: LoopFrame): boolean {
    const node = frame.node;
    const collection = frame.kind === "resolver" ? undefined : iteratedCollection(node);
    if (collection) return this.isConstantCollection(collection);
    if (ts.isForStatement(node) && isRetryLoop(node)) return true;
    if (ts.isForStatement(node)) {
      // for (let i = 0; i < 3; i++): a literal bound.
      const condition = node.condition;
      if (condition && ts.isBinaryExpression(condition) && [ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken].includes(condition.operatorToken.kind)) {
        const bound = unwrapExpression(condition.right);
        if (ts.isNumericLiteral(bound)) return true;
        if (ts.isIdentifier(bound) && this.resolver.evaluate(bound).kind === "constant") return true;
        if (ts.isIdentifier(bound) && CONSTANT_NAME.test(bound.text)) return true;
      }
    }
    return false;
  }

  private isConstantCollection(expression: ts.Expression): boolean {
    const expr = unwrapExpression(expression);
    if (ts.isIdentifier(expr) && CONSTANT_NAME.test(expr.text)) return true; // imported or module CONSTANT_LIST
    if (ts.isConditionalExpression(expr)) return this.isConstantCollection(expr.whenTrue) && this.isConstantCollection(expr.whenFalse);
    // `[a, b]`, `[args.fromAccount, args.host]`: as many elements as written, whatever they hold.
    if (ts.isArrayLiteralExpression(expr)) return !expr.elements.some(ts.isSpreadElement);
    if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && expr.expression.expression.getText() === "Object" && expr.arguments[0]) {
      // Object.keys/values/entries of a constant object or an enum
      return this.isConstantCollection(expr.arguments[0]);
    }
    if (ts.isObjectLiteralExpression(expr)) return true;
    const value = this.resolver.evaluate(expr);
    return value.kind === "constant";
  }

  /** `while (true) { findMany({ take: 500, cursor }) … }`: walks a table in pages, which is the recommended pattern. */
  private isBatchLoop(frame: LoopFrame): boolean {
    if (frame.kind !== "statement") return false;
    const node = frame.node;
    if (ts.isForOfStatement(node) || ts.isForInStatement(node)) return false;
    const cached = this.batchLoopCache.get(node);
    if (cached !== undefined) return cached;
    // while/do loops that do not consume a queue are retry, polling, paging or chain-walking loops
    // (`while (id) { row = findUnique(id); id = row.parentId }`: each step needs the previous row).
    // `for (;;)`, `for (let n = 1; ; n++)`: `while (true)`, a probe for a free slug or a retry, unless it takes jobs off a queue.
    const forever = ts.isForStatement(node) && !node.condition && !/\.(shift|pop|dequeue)\s*\(/.test(node.statement.getText());
    let found = ((ts.isWhileStatement(node) || ts.isDoStatement(node)) && !consumesQueue(node)) || forever;
    const body = loopBody(node);
    const visit = (child: ts.Node): void => {
      if (found || isFunctionLike(child) || isLoopStatement(child)) return;
      // The page read may sit in a helper the loop calls with its offset: `loadPage(skip, take)`.
      const db = this.dbCallAt(child) ?? (ts.isCallExpression(child) ? this.queryReachedBy(child, null)?.call ?? null : null);
      const pagedRaw = db?.kind === "raw" && db.rawSql !== null && /\blimit\b/i.test(db.rawSql);
      if (db && ((db.kind === "read-many" || db.kind === "write-many") && db.bounded || pagedRaw)) {
        found = true;
        return;
      }
      ts.forEachChild(child, visit);
    };
    if (body && !found) visit(body);
    this.batchLoopCache.set(node, found);
    return found;
  }

  /** The query whose rows a loop iterates, when it is one. */
  iteratedRows(loop: ts.Node): DbCall | null {
    const collection = iteratedCollection(loop);
    if (!collection || ts.isForInStatement(loop)) return null;
    const rows = this.resolver.evaluate(collection);
    return rows.kind === "rows" ? rows.call : null;
  }

  private iteratesLookupRows(loop: ts.Node): boolean {
    const rows = this.iteratedRows(loop);
    return (rows !== null && isLookupModel(rows.model)) || iteratesLookupIds(loop);
  }

  // ---------- responses ----------

  paginationSites(handlers: Handler[]): PaginationSite[] {
    const sites: PaginationSite[] = [];
    const seen = new Set<DbCall>();
    for (const { handler, delegated } of this.withDelegates(handlers)) {
      // A delegate's return value is sent only when the handler returns it, which the handler's own returns follow.
      for (const sink of responseValues(handler.fn, { returns: !delegated })) {
        for (const call of this.rowsIn(sink, 0, handler.framework === "remix" ? REMIX_SERIALIZERS : SERIALIZERS)) {
          // The same reads unbounded-query reports: a page, a unique key or an input list bounds what is sent.
          if (seen.has(call) || !isUnboundedRead(call, this.maxPageSize)) continue;
          seen.add(call);
          sites.push({ call, handler, sink });
        }
      }
    }
    return sites;
  }

  /**
   * `router.get("/users", (req, res) => usersController.list(req, res))`: a function that receives the handler's own
   * request/response objects answers the request too (two levels deep). A NestJS `@Param()`/`@Query()`/`@Body()`
   * value is not one: a service handed an id answers nothing.
   */
  private withDelegates(handlers: Handler[]): { handler: Handler; delegated: boolean }[] {
    const all = handlers.map((handler) => ({ handler, delegated: false }));
    const known = new Set<ts.Node>(handlers.map((h) => h.fn.node));
    for (let index = 0; index < all.length && index < handlers.length * 3; index++) {
      const { handler } = all[index]!;
      const body = handler.fn.node.body;
      const parameters = new Set(handler.fn.node.parameters.filter((p) => !isNestValueParameter(p)).flatMap((p) => boundNames(p.name)));
      if (!body || parameters.size === 0) continue;
      walk(body, (node) => {
        if (!ts.isCallExpression(node) || !node.arguments.some((a) => ts.isIdentifier(a) && parameters.has(a.text))) return;
        const delegate = this.resolver.calleeFunction(node);
        if (!delegate || known.has(delegate.node)) return;
        known.add(delegate.node);
        all.push({ handler: { ...handler, fn: delegate }, delegated: true });
      });
    }
    return all;
  }

  /** Queries whose every row reaches a response value: directly, mapped, wrapped in an object, or pushed into an array. */
  private rowsIn(expression: ts.Expression, depth: number, serializers: ReadonlySet<string>): DbCall[] {
    if (depth > 4) return [];
    const expr = unwrapExpression(expression);
    if (ts.isCallExpression(expr)) {
      if (serializers.has(expr.expression.getText()) && expr.arguments[0]) return this.rowsIn(expr.arguments[0], depth + 1, serializers);
      if (ts.isPropertyAccessExpression(expr.expression)) {
        const method = expr.expression.name.text;
        // Cut to a page in JS (slice), or filtered in JS (reported as in-memory-filter): not every row is sent.
        if (method === "slice" || method === "splice" || method === "filter") return [];
        if (["map", "sort", "toSorted", "reverse", "flatMap", "concat"].includes(method)) return this.rowsIn(expr.expression.expression, depth + 1, serializers);
      }
    }
    if (ts.isObjectLiteralExpression(expr)) {
      return expr.properties.flatMap((property) =>
        ts.isPropertyAssignment(property) ? this.rowsIn(property.initializer, depth + 1, serializers) : ts.isShorthandPropertyAssignment(property) ? this.rowsIn(property.name, depth + 1, serializers) : ts.isSpreadAssignment(property) ? this.rowsIn(property.expression, depth + 1, serializers) : [],
      );
    }
    if (ts.isIdentifier(expr)) {
      const pushed = this.rowsPushedInto(expr, depth, serializers);
      if (pushed) return pushed;
    }
    const value = this.resolver.evaluate(expr);
    if (value.kind === "rows") return value.capped || value.filtered ? [] : [value.call];
    if (value.kind === "object") return this.rowsIn(value.node, depth + 1, serializers);
    return [];
  }

  /** `const out = []; for (const row of rows) out.push(...)`: the array carries one entry per row. */
  private rowsPushedInto(identifier: ts.Identifier, depth: number, serializers: ReadonlySet<string>): DbCall[] | undefined {
    const binding = this.resolver.lookup(identifier);
    if (binding?.kind !== "node" || !ts.isVariableDeclaration(binding.node) || !ts.isIdentifier(binding.node.name)) return undefined;
    const init = binding.node.initializer && unwrapExpression(binding.node.initializer);
    if (!init || !ts.isArrayLiteralExpression(init) || init.elements.length > 0) return undefined;
    const found: DbCall[] = [];
    for (const reference of this.references(binding.node, binding.node.name.text)) {
      const access = reference.parent;
      if (!ts.isPropertyAccessExpression(access) || access.name.text !== "push" || !ts.isCallExpression(access.parent)) continue;
      const frame = this.loopFrames(access.parent).find((f) => f.kind === "statement" ? ts.isForOfStatement(f.node) : true);
      if (!frame) continue;
      const collection = iteratedCollection(frame.node);
      if (collection) found.push(...this.rowsIn(collection, depth + 1, serializers));
    }
    return found;
  }

  // ---------- row flows ----------

  /**
   * An aggregation or filter over query rows, found from the use site so that rows returned by helpers and
   * derived arrays (`orders.filter(...)` then `.reduce(...)`) are covered.
   */
  rowOperationAt(node: ts.Node): { call: DbCall; kind: "aggregation" | "filter"; node: ts.Node } | null {
    if (ts.isForStatement(node) && node.condition && ts.isBinaryExpression(node.condition)) {
      // for (let i = 0; i < orders.length; i++) total += orders[i].amount
      const bound = unwrapExpression(node.condition.right);
      if (!ts.isPropertyAccessExpression(bound) || bound.name.text !== "length") return null;
      const collection = bound.expression.getText();
      let accumulates = false;
      walk(node.statement, (child) => {
        if (ts.isBinaryExpression(child) && [ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.MinusEqualsToken].includes(child.operatorToken.kind) && new RegExp(`\\b${collection.replace(/[.$]/g, "\\$&")}\\[\\w+\\]!?\\??\\.\\w+`).test(child.right.getText())) accumulates = true;
      });
      if (!accumulates) return null;
      const rows = this.resolver.evaluate(bound.expression);
      return rows.kind === "rows" ? { call: rows.call, kind: "aggregation", node } : null;
    }
    if (ts.isForOfStatement(node)) {
      const declaration = ts.isVariableDeclarationList(node.initializer) ? node.initializer.declarations[0] : undefined;
      if (!declaration || !accumulates(node.statement, declaration)) return null;
      const rows = this.resolver.evaluate(node.expression);
      return rows.kind === "rows" ? { call: rows.call, kind: "aggregation", node } : null;
    }
    if (!ts.isCallExpression(node)) return null;
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && /^Math$/.test(callee.expression.getText()) && /^(max|min)$/.test(callee.name.text)) {
      for (const argument of node.arguments) {
        if (!ts.isSpreadElement(argument)) continue;
        const spread = unwrapExpression(argument.expression);
        const source = ts.isCallExpression(spread) && ts.isPropertyAccessExpression(spread.expression) && spread.expression.name.text === "map" ? spread.expression.expression : spread;
        const rows = this.resolver.evaluate(source);
        if (rows.kind === "rows") return { call: rows.call, kind: "aggregation", node };
      }
      return null;
    }
    if (!ts.isPropertyAccessExpression(callee)) return null;
    const name = callee.name.text;
    if (!ROW_OPERATION_METHODS.has(name)) return null;
    const callback = node.arguments[0];
    const fn = callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) ? callback : undefined;
    if (!fn) return null;
    const isAggregation = ((name === "reduce" || name === "reduceRight") && isNumericReducer(node, fn)) || (name === "forEach" && accumulates(fn.body, fn.parameters[0]));
    const isFilter = (name === "filter" || name === "find" || name === "findLast") && callbackReadsColumns(fn) && !filtersComputedValues(callee.expression, fn, (name) => this.constInitializer(name));
    if (!isAggregation && !isFilter) return null;
    const rows = this.resolver.evaluate(callee.expression);
    if (rows.kind !== "rows" || isAlreadyAggregated(rows.call)) return null;
    return { call: rows.call, kind: isAggregation ? "aggregation" : "filter", node };
  }

  /** What a `const` a name refers to was declared with. */
  private constInitializer(name: ts.Identifier): ts.Expression | undefined {
    const binding = this.resolver.lookup(name);
    if (binding?.kind !== "node" || !ts.isVariableDeclaration(binding.node)) return undefined;
    return ts.isVariableDeclarationList(binding.node.parent) && binding.node.parent.flags & ts.NodeFlags.Const ? binding.node.initializer : undefined;
  }

  rowUsage(call: DbCall): Pick<RowUsage, "onlyLength" | "pluckedFields" | "savedBack" | "neededWhole"> {
    const usage: Pick<RowUsage, "onlyLength" | "pluckedFields" | "savedBack" | "neededWhole"> = { onlyLength: false, pluckedFields: null, savedBack: false, neededWhole: false };
    const uses = this.throughReturns(this.rowUseSites(call.node, true), 0);
    let lengthUses = 0;
    let otherUses = 0;
    const plucked = new Set<string>();
    let pluckUses = 0;
    for (const use of uses) {
      const holder = use.parent;
      if (holder && ts.isCallExpression(holder) && holder.arguments.includes(use)) {
        const write = this.dbCallAt(holder);
        if (write && (write.kind === "write" || write.kind === "write-many")) usage.savedBack = true;
        else if (!write) usage.neededWhole = true;
      }
      // Sent along in an object (`return { orders, total }`); a bare `return rows` hands them to the caller instead.
      if (holder && (ts.isShorthandPropertyAssignment(holder) || (ts.isPropertyAssignment(holder) && holder.initializer === use))) usage.neededWhole = true;
      const kind = this.classifyRowUse(use, plucked);
      if (kind === "length") lengthUses++;
      else if (kind === "pluck") pluckUses++;
      else otherUses++;
    }
    usage.onlyLength = lengthUses > 0 && otherUses === 0 && pluckUses === 0;
    if (pluckUses > 0 && otherUses === 0 && lengthUses === 0 && plucked.size > 0 && plucked.size <= 2 && ![...plucked].some((field) => isNotAColumn(call, field))) usage.pluckedFields = [...plucked].sort();
    return usage;
  }

  /**
   * The rows are read besides these sites — iterated, mapped, indexed, passed on (`new Map(rows.map(…))`): the
   * database has to send them all anyway. Presence checks, counts and folds (`.length`, `.reduce`, which a counting
   * or grouped query replaces with the filter) do not count, nor a return to callers this cannot follow.
   */
  readElsewhere(call: DbCall, sites: readonly ts.Node[]): boolean {
    // A call (`rows.filter(…)`, `rows.reduce(…)`) or a `for…of` reads the rows it starts from; other sites (a `for`
    // over `rows.length`, `Math.max(...rows.map(…))`) every use inside them.
    const roots = new Set<ts.Node>();
    const spans: ts.Node[] = [];
    for (const site of sites) {
      if (ts.isCallExpression(site) && ts.isPropertyAccessExpression(site.expression)) roots.add(innermost(receiverChainRoot(site)));
      else if (ts.isForOfStatement(site)) roots.add(innermost(receiverChainRoot(site.expression)));
      else spans.push(site);
    }
    return this.throughReturns(this.rowUseSites(call.node, true), 0).some(
      (use) => !roots.has(innermost(use)) && !spans.some((span) => contains(span, use)) && !isPresenceCheck(use) && !isCountOrFold(use) && !returningFunction(use),
    );
  }

  /**
   * Rows a helper returns are used where it is called: `return prisma.x.findMany(…)` (or `return rows`) in a function
   * of the file that is not exported, or a private method, whose every reference is a call, stands for the uses of
   * its results at those calls. Any other reference, or an exported helper, keeps the return as a use of its own.
   */
  private throughReturns(uses: ts.Expression[], depth: number): ts.Expression[] {
    return uses.flatMap((use) => {
      const fn = depth < 2 ? returningFunction(use) : undefined;
      const calls = fn ? this.localCallsOf(fn) : null;
      // A call whose result this cannot follow (kept as a promise, passed to `.then`) is a use of its own.
      return calls ? this.throughReturns(calls.flatMap((call) => { const sites = this.rowUseSites(call, true); return sites.length > 0 ? sites : [call]; }), depth + 1) : [use];
    });
  }

  /** Every call of a function only this file (a non-exported function) or its class (a private method) can call; null when it has other references. */
  private localCallsOf(fn: ts.FunctionLikeDeclaration): ts.CallExpression[] | null {
    let name: ts.Identifier | ts.PrivateIdentifier | undefined;
    let scope: ts.Node | undefined;
    let matches: (reference: ts.Identifier | ts.PrivateIdentifier) => ts.Node | undefined;
    if (ts.isFunctionDeclaration(fn) && fn.name && ts.isSourceFile(fn.parent) && !(ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Export)) {
      name = fn.name;
      scope = fn.parent;
      matches = (reference) => (ts.isIdentifier(reference) && this.bindsTo(reference, fn) ? reference : undefined);
    } else if (ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent) && (ts.isPrivateIdentifier(fn.name) || (ts.isIdentifier(fn.name) && ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Private))) {
      name = fn.name;
      scope = fn.parent;
      matches = (reference) => (ts.isPropertyAccessExpression(reference.parent) && reference.parent.name === reference && reference.parent.expression.kind === ts.SyntaxKind.ThisKeyword ? reference.parent : undefined);
    } else return null;
    const calls: ts.CallExpression[] = [];
    let other = false;
    const text = name.text;
    walk(scope, (node) => {
      if ((!ts.isIdentifier(node) && !ts.isPrivateIdentifier(node)) || node.text !== text || node === name) return;
      const callee = matches(node);
      if (!callee) {
        // Another binding of the same name (a local variable, a property of some object) is not a reference; for a
        // method, any `x.name` is one (`self.load()`: this cannot tell whose it is).
        if (ts.isIdentifier(node) && !isPropertyNameNode(node) && !isDeclarationName(node) && this.bindsTo(node, fn)) other = true;
        if (ts.isMethodDeclaration(fn) && (ts.isPrivateIdentifier(node) || (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node))) other = true;
        return;
      }
      if (ts.isCallExpression(callee.parent) && callee.parent.expression === callee) calls.push(callee.parent);
      else other = true;
    });
    return other || calls.length === 0 ? null : calls;
  }

  private bindsTo(reference: ts.Identifier, declaration: ts.Node): boolean {
    const binding = this.resolver.lookup(reference);
    return binding?.kind === "node" && binding.node === declaration;
  }

  /** The expressions that hold the rows: the awaited call itself, or every reference to the variable it is stored in. */
  private rowUseSites(callNode: ts.Node, followReturn = false): ts.Expression[] {
    const top = wrappingTop(callNode);
    const parent = top.parent;
    if (parent && ts.isVariableDeclaration(parent) && parent.initializer === top && ts.isIdentifier(parent.name)) {
      if (!isAwaitedInit(parent.initializer) && !ts.isPropertyAccessExpression(callNode)) return []; // a promise, not rows
      return this.references(parent, parent.name.text);
    }
    // const [a, b] = await Promise.all([q1, q2])
    if (parent && ts.isArrayLiteralExpression(parent)) {
      const index = parent.elements.indexOf(top as ts.Expression);
      const all = parent.parent;
      if (all && ts.isCallExpression(all) && all.expression.getText() === "Promise.all") {
        let holder: ts.Node = all;
        while (holder.parent && (ts.isAwaitExpression(holder.parent) || ts.isParenthesizedExpression(holder.parent))) holder = holder.parent;
        const declaration = holder.parent;
        if (declaration && ts.isVariableDeclaration(declaration) && ts.isArrayBindingPattern(declaration.name)) {
          const element = declaration.name.elements[index];
          if (element && ts.isBindingElement(element) && ts.isIdentifier(element.name)) return this.references(element, element.name.text);
        }
      }
      return [];
    }
    // query.then((rows) => …)
    if (parent && ts.isPropertyAccessExpression(parent) && parent.name.text === "then" && parent.parent && ts.isCallExpression(parent.parent)) {
      const callback = parent.parent.arguments[0];
      if (callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) {
        const param = callback.parameters[0];
        if (param && ts.isIdentifier(param.name)) return this.references(param, param.name.text);
      }
      return [];
    }
    // `return prisma.x.findMany(…)`: the caller gets the rows (throughReturns follows them when it can).
    if (followReturn && returningFunction(top as ts.Expression)) return [top as ts.Expression];
    if (top === callNode && !isAwaited(callNode) && !ts.isPropertyAccessExpression(callNode)) return [];
    return [top as ts.Expression];
  }

  /** References to a declared name inside its scope, resolved to that declaration. */
  references(declaration: ts.Node, name: string): ts.Expression[] {
    const scope = scopeOf(declaration);
    if (!scope) return [];
    const refs: ts.Expression[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node.text === name && !isDeclarationName(node) && !isPropertyNameNode(node)) {
        const binding = this.resolver.lookup(node);
        if (binding?.kind === "node" && binding.node === declaration) refs.push(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(scope);
    return refs;
  }

  private classifyRowUse(use: ts.Expression, plucked: Set<string>): "length" | "pluck" | "other" {
    let expr: ts.Node = use;
    while (expr.parent && (ts.isParenthesizedExpression(expr.parent) || ts.isNonNullExpression(expr.parent) || ts.isAsExpression(expr.parent))) expr = expr.parent;
    const parent = expr.parent;
    if (!parent) return "other";
    if (ts.isPropertyAccessExpression(parent) && parent.expression === expr) {
      const name = parent.name.text;
      if (name === "length") return "length";
      const call = parent.parent;
      if (!call || !ts.isCallExpression(call) || call.expression !== parent) return "other";
      const callback = call.arguments[0];
      const fn = callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) ? callback : undefined;
      if (name === "map" && fn && !mathSpread(call)) {
        const fields = pluckedFields(fn);
        if (fields && isPluckOnlyUse(call)) {
          for (const field of fields) plucked.add(field);
          return "pluck";
        }
      }
      return "other";
    }
    return "other";
  }
}

