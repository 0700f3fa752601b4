import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import ts from "#typescript";
import { createPathsMatcher, getTsconfig } from "get-tsconfig";
import { exports as resolveExports } from "resolve.exports";
import type { ScanError, ScanProgress } from "../types.js";
import type { CacheDependencies } from "../cache.js";
import type { Discovery } from "./discover.js";
import { errorLine } from "../one-line.js";

/** One parsed module and its import/export table, computed once. */
export interface ModuleInfo {
  absPath: string;
  /** Relative to the scan root, `/`-separated. */
  relPath: string;
  /** True when findings may be reported in this file (it was discovered, not only imported). */
  scanned: boolean;
  sourceFile: ts.SourceFile;
  imports: Map<string, ImportBinding>;
  /** Exported name → local name, or a re-export. */
  exports: Map<string, ExportTarget>;
  starExports: string[];
  /** `export * from` specifiers that resolve to no project file (a package, or a client not generated yet). */
  externalStarExports: string[];
  /** Top-level declarations by name (functions, classes, variables, enums). */
  topLevel: Map<string, ts.Node>;
  /** `module.exports = X`: what `require()` of this module returns. */
  commonJsExport: ts.Expression | null;
  /**
   * The nodes the facts passes look at (calls, tagged templates, property accesses, `new`, `for`, `for…of`,
   * decorators), in source order: collected by the parse's depth check, so those passes need no walk of their own.
   */
  factSites: ts.Node[];
  /** Every function, method, accessor and constructor, in the same order. */
  functionSites: ts.Node[];
}

export interface ImportBinding {
  /** Absolute path of a project file, or the bare specifier of a package. */
  module: string;
  external: boolean;
  /** Imported name, `default`, or `*` for a namespace import or whole `require`. */
  name: string;
}

export type ExportTarget = { kind: "local"; name: string } | { kind: "reexport"; module: string; external: boolean; name: string } | { kind: "node"; node: ts.Node };

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const MAX_IMPORTED_FILE_BYTES = 1024 * 1024;

export function scriptKindFor(path: string): ts.ScriptKind {
  switch (extname(path)) {
    case ".tsx":
      return ts.ScriptKind.TSX;
    case ".js":
    case ".jsx":
    case ".mjs":
    case ".cjs":
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.TS;
  }
}

export class Project {
  readonly root: string;
  readonly modules = new Map<string, ModuleInfo>();
  readonly errors: ScanError[] = [];
  /** Workspace packages found in the scanned tree: name → directory. */
  readonly workspacePackages = new Map<string, string>();
  /** Each workspace package's package.json by folder, parsed once (import resolution reads its exports and entry fields). */
  private readonly workspaceManifests = new Map<string, Record<string, unknown>>();
  /** Nx projects: folders with a `project.json` and no package.json (their dependencies are the root's). */
  readonly nxProjectDirs: string[] = [];
  /** Where Nx projects were looked for besides the scanned files' folders: the folders listed, the files probed. */
  private readonly nxProbes = { listings: [] as string[], contents: [] as string[] };
  private readonly pathsMatchers = new Map<string, ((specifier: string) => string[]) | null>();
  private readonly resolutionCache = new Map<string, { module: string; external: boolean }>();
  /** package.json files seen, for dependency detection. */
  readonly packageJsons: { dir: string; deps: Set<string> }[] = [];

  /** Reads the package.json files only; `parseScanned` parses (so the caller can start other work in between). */
  constructor(private readonly discovery: Discovery) {
    this.root = discovery.root;
    forgetFileSystem();
    // Workspace packages first: imports are resolved while modules are summarised.
    this.findPackageJsons(discovery);
  }

  parseScanned(onProgress?: (progress: ScanProgress) => void): void {
    let parsed = 0;
    for (const file of this.discovery.files) {
      this.addModule(file.absPath, file.text, true);
      onProgress?.({ phase: "parse", done: ++parsed, total: this.discovery.files.length });
    }
  }

  get scannedModules(): ModuleInfo[] {
    return [...this.modules.values()].filter((m) => m.scanned);
  }

  /** Dependencies declared in any package.json of the scanned tree or its ancestors up to the root. */
  hasDependency(name: string): boolean {
    return this.packageJsons.some((p) => p.deps.has(name));
  }

  /** Every directory holding a scanned file, and its ancestors up to the root, once each. */
  readonly directories: string[] = [];
  private readonly tsconfigsRead = new Set<string>();
  /** Files outside the scanned set that imports led to (parsed or not). */
  private readonly importedFiles = new Set<string>();

  /** tsconfig.json and jsconfig.json paths a tsconfig lookup walked past or found, from a folder up to the disk's root. */
  private readonly configProbes = new Set<string>();

  /** What the project read besides the scanned files, for the scan cache to check. */
  cacheDependencies(): CacheDependencies {
    const probed = this.directories.flatMap((dir) => ["package.json", "project.json", "tsconfig.json", "jsconfig.json"].map((name) => join(dir, name)));
    const configs = [...new Set([...probed, ...this.configProbes])].filter((path) => /[\\/][jt]sconfig\.json$/.test(path));
    return {
      contents: [...probed, ...this.configProbes, ...this.importedFiles, ...this.nxProbes.contents],
      listings: [...directoryEntries.keys(), ...this.nxProbes.listings],
      stamps: [],
      // Every tsconfig there is, after `extends`: the check of the scanned folders' ones (src/engine/tsconfig-check.ts)
      // says when an `extends` is missing, and creating it must count even where no import asked for paths.
      tsconfigs: [...this.tsconfigsRead, ...configs.filter((path) => existsSync(path))],
    };
  }

  private findPackageJsons(discovery: Discovery): void {
    const dirs = new Set<string>();
    for (const file of discovery.files) {
      let dir = dirname(file.absPath);
      while (!dirs.has(dir)) {
        dirs.add(dir);
        if (dir === this.root || !dir.startsWith(this.root)) break;
        const parent = dirname(dir);
        if (parent === dir) break;
        dir = parent;
      }
    }
    dirs.add(this.root);
    this.directories.push(...dirs);
    // A project of an Nx workspace may hold no code the scan reads (a Prisma schema's own project): its usual places.
    const nxProjects = new Set<string>();
    this.nxProbes.contents.push(join(this.root, "nx.json"));
    if (existsSync(join(this.root, "nx.json"))) {
      for (const folder of NX_PROJECT_FOLDERS) {
        const parent = join(this.root, folder);
        this.nxProbes.listings.push(parent);
        let children: string[] = [];
        try {
          children = readdirSync(parent, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(parent, entry.name)).sort();
        } catch {
          // no such folder
        }
        for (const child of children) {
          if (dirs.has(child)) continue;
          this.nxProbes.contents.push(join(child, "package.json"), join(child, "project.json"));
          nxProjects.add(child);
        }
      }
    }
    for (const dir of dirs) {
      const path = join(dir, "package.json");
      if (!existsSync(path)) {
        if (existsSync(join(dir, "project.json"))) this.nxProjectDirs.push(dir);
        continue;
      }
      try {
        const pkg = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
        const deps = new Set<string>();
        for (const key of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
          const value = pkg[key];
          if (value && typeof value === "object") for (const dep of Object.keys(value)) deps.add(dep);
        }
        this.packageJsons.push({ dir, deps });
        if (typeof pkg.name === "string") {
          this.workspacePackages.set(pkg.name, dir);
          this.workspaceManifests.set(dir, pkg);
        }
      } catch {
        // A broken package.json only costs dependency detection.
      }
    }
    for (const dir of nxProjects) if (!existsSync(join(dir, "package.json")) && existsSync(join(dir, "project.json"))) this.nxProjectDirs.push(dir);
  }

  private addModule(absPath: string, text: string, scanned: boolean): ModuleInfo | undefined {
    const relPath = relative(this.root, absPath).split(sep).join("/");
    // The parser and every tree walk recurse per level: a generated 5,000-level expression overflows the stack in
    // the parser (caught here), a long operator chain only later in the walks (so the tree's depth is checked).
    let sourceFile: ts.SourceFile;
    try {
      // JSDoc is never read by the analysis; skipping it saves about a tenth of the parse.
      sourceFile = ts.createSourceFile(absPath, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKindFor(absPath));
    } catch (error) {
      if (scanned) this.errors.push({ file: relPath, kind: "parse", message: `could not parse (${error instanceof RangeError ? "too deeply nested" : errorLine(error)}); file skipped` });
      return undefined;
    }
    const sites = sitesWithin(sourceFile, MAX_TREE_DEPTH);
    if (!sites) {
      if (scanned) this.errors.push({ file: relPath, kind: "parse", message: `nested more than ${MAX_TREE_DEPTH} levels deep (generated code?); file skipped` });
      return undefined;
    }
    const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
    if (diagnostics.length > 0 && scanned) {
      const first = diagnostics[0]!;
      const pos = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
      this.errors.push({
        file: relPath,
        kind: "parse",
        message: `syntax error at line ${pos.line + 1}, column ${pos.character + 1}: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}; file skipped`,
      });
      return undefined;
    }
    const info: ModuleInfo = {
      absPath,
      relPath,
      scanned,
      sourceFile,
      imports: new Map(),
      exports: new Map(),
      starExports: [],
      externalStarExports: [],
      topLevel: new Map(),
      commonJsExport: null,
      factSites: sites.facts,
      functionSites: sites.functions,
    };
    this.modules.set(absPath, info);
    this.summarize(info);
    return info;
  }

  /** Returns the module for a project file, parsing files outside the scanned set on demand. */
  getModule(absPath: string): ModuleInfo | undefined {
    const known = this.modules.get(absPath);
    if (known) return known;
    if (this.modules.has(absPath)) return undefined;
    this.importedFiles.add(absPath);
    try {
      const stat = statSync(absPath);
      if (!stat.isFile() || stat.size > MAX_IMPORTED_FILE_BYTES) return undefined;
      return this.addModule(absPath, readFileSync(absPath, "utf8"), false);
    } catch {
      return undefined;
    }
  }

  /** Resolves an import specifier from a file to a project file, or reports it as external. */
  resolveImport(fromFile: string, specifier: string): { module: string; external: boolean } {
    const key = `${dirname(fromFile)}\0${specifier}`;
    const cached = this.resolutionCache.get(key);
    if (cached) return cached;
    const result = this.resolveUncached(fromFile, specifier);
    this.resolutionCache.set(key, result);
    return result;
  }

  private resolveUncached(fromFile: string, specifier: string): { module: string; external: boolean } {
    if (specifier.startsWith(".") || specifier.startsWith("/")) {
      const found = resolveFile(resolve(dirname(fromFile), specifier));
      return found ? { module: found, external: false } : { module: specifier, external: true };
    }
    const matcher = this.pathsMatcherFor(dirname(fromFile));
    if (matcher) {
      for (const candidate of matcher(specifier)) {
        const found = resolveFile(candidate);
        if (found) return { module: found, external: false };
      }
    }
    const workspace = this.resolveWorkspacePackage(specifier);
    if (workspace) return { module: workspace, external: false };
    return { module: specifier, external: true };
  }

  private resolveWorkspacePackage(specifier: string): string | undefined {
    const parts = specifier.split("/");
    const nameLength = specifier.startsWith("@") ? 2 : 1;
    const name = parts.slice(0, nameLength).join("/");
    const dir = this.workspacePackages.get(name);
    if (!dir) return undefined;
    const subpath = parts.slice(nameLength).join("/");
    const pkg = this.workspaceManifests.get(dir);
    const exported = pkg ? this.exportedFile(pkg, dir, subpath) : undefined;
    if (exported) return exported;
    if (subpath) return resolveFile(join(dir, subpath)) ?? resolveFile(join(dir, "src", subpath));
    if (pkg) {
      for (const field of ["types", "main", "module"]) {
        const value = pkg[field];
        if (typeof value === "string") {
          const found = resolveFile(join(dir, value));
          if (found && !found.endsWith(".d.ts")) return found;
        }
      }
    }
    return resolveFile(join(dir, "index")) ?? resolveFile(join(dir, "src", "index"));
  }

  /**
   * A workspace package's `exports` map (`".": "./src/client.ts"`, `"./*": { "types": …, "import": … }`): the first
   * source file a condition leads to, type conditions first (they name the sources in a workspace; builds are absent).
   */
  private exportedFile(pkg: Record<string, unknown>, dir: string, subpath: string): string | undefined {
    if (pkg.exports === undefined || pkg.exports === null) return undefined;
    const entry = subpath ? `./${subpath}` : ".";
    for (const conditions of [["types"], ["import", "node", "default"], ["require", "node", "default"]]) {
      let targets: string[] | void;
      try {
        targets = resolveExports(pkg, entry, { unsafe: true, conditions });
      } catch {
        continue; // not exported under these conditions (or not at all)
      }
      for (const target of targets ?? []) {
        const found = resolveFile(join(dir, target));
        if (found && !/\.d\.[cm]?ts$/.test(found)) return found;
      }
    }
    return undefined;
  }

  private pathsMatcherFor(dir: string): ((specifier: string) => string[]) | null {
    if (this.pathsMatchers.has(dir)) return this.pathsMatchers.get(dir)!;
    let matcher: ((specifier: string) => string[]) | null = null;
    // get-tsconfig looks from here up to the disk's root, above the scan root too: a config appearing anywhere on
    // the way (a tsconfig.json above the root hides the root's jsconfig.json) changes what this finds.
    for (let current = dir; ; current = dirname(current)) {
      this.configProbes.add(join(current, "tsconfig.json")).add(join(current, "jsconfig.json"));
      if (dirname(current) === current) break;
    }
    try {
      const tsconfig = getTsconfig(dir) ?? getTsconfig(dir, "jsconfig.json");
      if (tsconfig) this.tsconfigsRead.add(tsconfig.path);
      if (tsconfig && tsconfig.path.startsWith(this.root + sep)) matcher = createPathsMatcher(tsconfig);
    } catch {
      // Usually an `extends` into an uninstalled package: fall back to the file's own `paths`.
      matcher = this.ownPathsMatcher(dir);
    }
    this.pathsMatchers.set(dir, matcher);
    return matcher;
  }

  /** Paths matcher from the nearest tsconfig.json alone, ignoring `extends` (no node_modules to follow it into). */
  private ownPathsMatcher(dir: string): ((specifier: string) => string[]) | null {
    for (let current = dir; current.startsWith(this.root); current = dirname(current)) {
      const path = join(current, "tsconfig.json");
      if (existsSync(path)) {
        const parsed = ts.readConfigFile(path, (p) => readFileSync(p, "utf8"));
        const compilerOptions = (parsed.config?.compilerOptions ?? {}) as { baseUrl?: string; paths?: Record<string, string[]> };
        if (!compilerOptions.paths && !compilerOptions.baseUrl) return null;
        try {
          return createPathsMatcher({ path, config: { compilerOptions: { baseUrl: compilerOptions.baseUrl, paths: compilerOptions.paths } } });
        } catch {
          return null;
        }
      }
      if (dirname(current) === current) break;
    }
    return null;
  }

  private summarize(info: ModuleInfo): void {
    const { sourceFile } = info;
    const addImport = (local: string, specifier: string, name: string) => {
      // Resolved when first asked: most imports (UI components, utilities) are never looked up by the analysis.
      let resolved: { module: string; external: boolean } | undefined;
      const resolution = () => (resolved ??= this.resolveImport(info.absPath, specifier));
      info.imports.set(local, {
        get module() {
          return resolution().module;
        },
        get external() {
          return resolution().external;
        },
        name,
      });
    };
    for (const statement of sourceFile.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const specifier = statement.moduleSpecifier.text;
        const clause = statement.importClause;
        if (!clause) continue;
        if (clause.name) addImport(clause.name.text, specifier, "default");
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) addImport(bindings.name.text, specifier, "*");
        if (bindings && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) addImport(element.name.text, specifier, (element.propertyName ?? element.name).text);
        }
      } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
        const expr = statement.moduleReference.expression;
        if (ts.isStringLiteral(expr)) addImport(statement.name.text, expr.text, "*");
      } else if (ts.isExportDeclaration(statement)) {
        const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
        if (!statement.exportClause) {
          if (specifier) {
            const resolved = this.resolveImport(info.absPath, specifier);
            if (!resolved.external) info.starExports.push(resolved.module);
            else info.externalStarExports.push(resolved.module);
          }
        } else if (ts.isNamedExports(statement.exportClause)) {
          for (const element of statement.exportClause.elements) {
            const exported = element.name.text;
            const local = (element.propertyName ?? element.name).text;
            if (specifier) {
              const resolved = this.resolveImport(info.absPath, specifier);
              info.exports.set(exported, { kind: "reexport", module: resolved.module, external: resolved.external, name: local });
            } else {
              info.exports.set(exported, { kind: "local", name: local });
            }
          }
        } else if (ts.isNamespaceExport(statement.exportClause) && specifier) {
          const resolved = this.resolveImport(info.absPath, specifier);
          info.exports.set(statement.exportClause.name.text, { kind: "reexport", module: resolved.module, external: resolved.external, name: "*" });
        }
      } else if (ts.isExportAssignment(statement)) {
        info.exports.set("default", { kind: "node", node: statement.expression });
      } else {
        this.summarizeDeclaration(info, statement);
      }
    }
  }

  private summarizeDeclaration(info: ModuleInfo, statement: ts.Statement): void {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    const register = (name: string | undefined, node: ts.Node) => {
      if (name) info.topLevel.set(name, node);
      if (isDefault) info.exports.set("default", { kind: "node", node });
      else if (exported && name) info.exports.set(name, { kind: "local", name });
    };
    if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      register(statement.name?.text, statement);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) {
          register(declaration.name.text, declaration);
          this.summarizeRequire(info, declaration.name.text, declaration.initializer);
        } else if (ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            if (!ts.isIdentifier(element.name)) continue;
            register(element.name.text, element);
            const specifier = requireSpecifier(declaration.initializer);
            if (specifier) {
              const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
              const resolved = this.resolveImport(info.absPath, specifier);
              info.imports.set(element.name.text, { module: resolved.module, external: resolved.external, name: imported });
            }
          }
        }
      }
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      // CommonJS exports: module.exports = …, module.exports.x = …, exports.x = …
      const left = statement.expression.left;
      const right = statement.expression.right;
      const text = left.getText(info.sourceFile);
      if (text === "module.exports") {
        info.commonJsExport = right;
        info.exports.set("default", { kind: "node", node: right });
        if (ts.isObjectLiteralExpression(right)) {
          for (const property of right.properties) {
            if (ts.isShorthandPropertyAssignment(property)) info.exports.set(property.name.text, { kind: "local", name: property.name.text });
            else if ((ts.isPropertyAssignment(property) || ts.isMethodDeclaration(property)) && ts.isIdentifier(property.name)) {
              info.exports.set(property.name.text, { kind: "node", node: ts.isPropertyAssignment(property) ? property.initializer : property });
            }
          }
        }
      } else if (ts.isPropertyAccessExpression(left) && (left.expression.getText(info.sourceFile) === "exports" || left.expression.getText(info.sourceFile) === "module.exports")) {
        info.exports.set(left.name.text, { kind: "node", node: right });
      }
    }
  }

  private summarizeRequire(info: ModuleInfo, local: string, initializer: ts.Expression | undefined): void {
    const specifier = requireSpecifier(initializer);
    if (specifier) {
      const resolved = this.resolveImport(info.absPath, specifier);
      info.imports.set(local, { module: resolved.module, external: resolved.external, name: "*" });
      return;
    }
    // const x = require("m").x
    if (initializer && ts.isPropertyAccessExpression(initializer)) {
      const inner = requireSpecifier(initializer.expression);
      if (inner) {
        const resolved = this.resolveImport(info.absPath, inner);
        info.imports.set(local, { module: resolved.module, external: resolved.external, name: initializer.name.text });
      }
    }
  }
}

export function requireSpecifier(expression: ts.Expression | undefined): string | undefined {
  if (!expression) return undefined;
  let expr = expression;
  while (ts.isAwaitExpression(expr) || ts.isParenthesizedExpression(expr)) expr = expr.expression;
  if (
    ts.isCallExpression(expr) &&
    ((ts.isIdentifier(expr.expression) && expr.expression.text === "require") || expr.expression.kind === ts.SyntaxKind.ImportKeyword) &&
    expr.arguments.length === 1 &&
    ts.isStringLiteralLike(expr.arguments[0]!)
  ) {
    return (expr.arguments[0] as ts.StringLiteralLike).text;
  }
  return undefined;
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers?.some((m) => m.kind === kind) ?? false;
}

const fileCache = new Map<string, string | null>();

/** Each scan sees the disk as it is now (the ESLint plugin scans again in the same process after files change). */
function forgetFileSystem(): void {
  fileCache.clear();
  directoryEntries.clear();
}

/** Resolves a path the way TypeScript and bundlers do: exact file, added extension, `.js` → `.ts`, or an index file. */
export function resolveFile(base: string): string | undefined {
  const cached = fileCache.get(base);
  if (cached !== undefined) return cached ?? undefined;
  const found = resolveFileUncached(base);
  fileCache.set(base, found ?? null);
  return found;
}

/**
 * Each directory is listed once instead of one `stat` per candidate path: resolving an import tries up to a dozen
 * extensions and index files, and almost all of them do not exist.
 */
const directoryEntries = new Map<string, Map<string, boolean> | null>();

/** Where Nx workspaces keep their projects (`workspaceLayout` defaults, and the common `packages/`). */
const NX_PROJECT_FOLDERS = ["apps", "libs", "packages"];

function isFile(path: string): boolean {
  const dir = dirname(path);
  let entries = directoryEntries.get(dir);
  if (entries === undefined) {
    try {
      entries = new Map(readdirSync(dir, { withFileTypes: true }).map((entry) => [entry.name, entry.isFile()]));
    } catch {
      entries = null;
    }
    directoryEntries.set(dir, entries);
  }
  const isPlainFile = entries?.get(basename(path));
  if (isPlainFile === undefined) return false;
  if (isPlainFile) return true;
  // A symbolic link (or an odd entry) is followed the way the stat-based check always did.
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function resolveFileUncached(base: string): string | undefined {
  const ext = extname(base);
  if (SOURCE_EXTENSIONS.includes(ext)) {
    const stem = base.slice(0, -ext.length);
    const swaps: Record<string, string[]> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };
    for (const swap of swaps[ext] ?? []) if (isFile(stem + swap)) return stem + swap;
    if (isFile(base) && !base.endsWith(".d.ts")) return base;
  }
  for (const candidate of SOURCE_EXTENSIONS) if (isFile(base + candidate)) return base + candidate;
  for (const candidate of SOURCE_EXTENSIONS) if (isFile(join(base, "index" + candidate))) return join(base, "index" + candidate);
  return undefined;
}

/** Deeper than this, the analysis' recursive walks would risk the stack; hand-written code stays far below. */
const MAX_TREE_DEPTH = 1000;

/** Whether the syntax tree is deeper than `limit`, found with an explicit stack (this walk must not recurse). */
/** The kinds of node the facts passes consider (see `ModuleInfo.factSites`). */
const FACT_SITE_KINDS = new Set([
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.TaggedTemplateExpression,
  ts.SyntaxKind.PropertyAccessExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.Decorator,
]);

const FUNCTION_KINDS = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);

/**
 * The fact and function sites of a tree in pre-order (as a recursive walk meets them), with every node's `parent`
 * set on the way (the parser is asked not to, which would be a second walk); null when it is nested deeper than `limit`.
 */
function sitesWithin(sourceFile: ts.SourceFile, limit: number): { facts: ts.Node[]; functions: ts.Node[] } | null {
  // Two parallel stacks and one callback: no tuple or closure per node (this walk visits every node of every file).
  const nodes: ts.Node[] = [sourceFile];
  const depths: number[] = [0];
  const sites: ts.Node[] = [];
  const functions: ts.Node[] = [];
  let depth = 0;
  let parent: ts.Node = sourceFile;
  const push = (child: ts.Node): undefined => {
    (child as { parent: ts.Node }).parent = parent;
    nodes.push(child);
    depths.push(depth + 1);
    return undefined;
  };
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    depth = depths.pop()!;
    if (depth > limit) return null;
    if (FACT_SITE_KINDS.has(node.kind)) sites.push(node);
    else if (FUNCTION_KINDS.has(node.kind)) functions.push(node);
    const first = nodes.length;
    parent = node;
    ts.forEachChild(node, push);
    // Children were pushed in order; reversed, the first child is popped first (the depths pushed are all equal).
    for (let low = first, high = nodes.length - 1; low < high; low++, high--) {
      const swap = nodes[low]!;
      nodes[low] = nodes[high]!;
      nodes[high] = swap;
    }
  }
  return { facts: sites, functions };
}

/**
 * The sites of `sites` (one of a module's lists) inside `node`, `node` included: a walk of `node` without walking.
 * Pre-order lists are sorted by start, and a node's descendants start and end within it.
 */
export function sitesInside(sites: readonly ts.Node[], node: ts.Node): ts.Node[] {
  if (sites.length > 0 && sites[0]!.getSourceFile() !== node.getSourceFile()) throw new Error("sitesInside: the node is not in the module of these sites");
  let low = 0;
  let high = sites.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sites[middle]!.pos < node.pos) low = middle + 1;
    else high = middle;
  }
  const inside: ts.Node[] = [];
  for (let index = low; index < sites.length && sites[index]!.pos < node.end; index++) {
    const site = sites[index]!;
    // An ancestor starting where `node` starts (a call whose callee is `node`) is not inside it.
    if (site.end <= node.end && (site.pos > node.pos || isWithin(site, node))) inside.push(site);
  }
  return inside;
}

function isWithin(site: ts.Node, node: ts.Node): boolean {
  for (let current: ts.Node | undefined = site; current; current = current.parent) if (current === node) return true;
  return false;
}

