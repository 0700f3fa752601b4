import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "#typescript";
import type { Value } from "./values.js";

const ORM_PACKAGES = ["@prisma/client", ".prisma/client", "typeorm", "sequelize", "sequelize-typescript"];
/** Files worth putting in the program: they call something named like an ORM operation. */
const ORM_CALL_TEXT = /\.(findMany|findUnique|findFirst|findAll|findOne|findBy|findByPk|findAndCount|findAndCountAll|getMany|getOne|getRawMany|\$queryRaw|\$executeRaw|upsert|createMany|updateMany|deleteMany|bulkCreate|aggregate|groupBy)\s*[<(`]/;

/**
 * The type-checker path of provenance. Used when the scanned project has its ORM installed: it builds one
 * `ts.Program` over the files that call ORM-like methods (never the whole type-check), or takes the ESLint plugin's,
 * and answers "what is this receiver?" for the calls the syntactic pass could not place, e.g. a client exported
 * from an installed package.
 */
export class TypeOracle {
  private program: ts.Program | null = null;
  private checker: ts.TypeChecker | null = null;
  private readonly cache = new Map<string, Value | undefined>();
  /** Besides the program's source files, what building it looked at: files read, paths found missing, folders listed. */
  private readonly looked = new Set<string>();

  private constructor(
    private readonly rootFiles: string[],
    private readonly options: ts.CompilerOptions,
    /** What finding and reading the tsconfig looked at. */
    private readonly configLooked: string[] = [],
  ) {}

  /** Returns an oracle when types are available (ORM package in node_modules), else null. */
  static forProject(projectDirs: string[], files: { absPath: string; text: string }[]): TypeOracle | null {
    const installedIn = projectDirs.find(hasInstalledOrm);
    if (!installedIn) return null;
    const rootFiles = files.filter((f) => ORM_CALL_TEXT.test(f.text)).map((f) => f.absPath);
    if (rootFiles.length === 0) return null;
    const configLooked: string[] = [];
    return new TypeOracle(rootFiles, compilerOptionsFor(installedIn, configLooked), configLooked);
  }

  /**
   * An oracle on a program someone else built: typescript-eslint's `parserServices.program`, from the user's own
   * TypeScript, whatever its version. Nothing of ours is handed to it: nodes are found again in its own source files
   * by file name and position, and only version-stable checker calls are made.
   */
  static fromProgram(program: ts.Program): TypeOracle {
    const oracle = new TypeOracle([], {});
    oracle.program = program;
    oracle.checker = program.getTypeChecker();
    return oracle;
  }

  /**
   * Everything the checker's program depended on, once it was built, for the scan cache to stamp (`npm install`,
   * `prisma generate` change typings): its source files, and what module resolution looked at — package.json files
   * read, paths it found missing (a package installed later must count), folders listed (`@types`).
   */
  filesRead(): string[] {
    return this.program ? [...this.program.getSourceFiles().map((file) => file.fileName), ...this.configLooked, ...this.looked] : [];
  }

  /** The ORM value of an expression, from its type; undefined when the type says nothing ORM-specific. */
  valueOf(expression: ts.Expression): Value | undefined {
    const sourceFile = expression.getSourceFile();
    const key = `${sourceFile.fileName}:${expression.getStart(sourceFile)}:${expression.getEnd()}`;
    if (this.cache.has(key)) return this.cache.get(key);
    let value: Value | undefined;
    try {
      value = this.computeValue(sourceFile.fileName, expression.getStart(sourceFile), expression.getEnd());
    } catch {
      value = undefined; // a checker failure must never stop the scan
    }
    this.cache.set(key, value);
    return value;
  }

  private ensureProgram(): ts.TypeChecker {
    if (!this.checker) {
      this.program = ts.createProgram({ rootNames: this.rootFiles, options: this.options, host: this.recordingHost() });
      this.checker = this.program.getTypeChecker();
    }
    return this.checker;
  }

  /** The compiler's own host, noting what it looks at (src/cache.ts compares each path's stamp; a missing path must stay missing). */
  private recordingHost(): ts.CompilerHost {
    const host = ts.createCompilerHost(this.options);
    const { fileExists, directoryExists, readFile, getDirectories } = host;
    const note = (path: string) => this.looked.add(path);
    host.fileExists = (path) => {
      const found = fileExists.call(host, path);
      if (!found) note(path);
      return found;
    };
    if (directoryExists) {
      host.directoryExists = (path) => {
        const found = directoryExists.call(host, path);
        if (!found) note(path);
        return found;
      };
    }
    host.readFile = (path) => {
      note(path);
      return readFile.call(host, path);
    };
    if (getDirectories) {
      host.getDirectories = (path) => {
        note(path);
        return getDirectories.call(host, path);
      };
    }
    return host;
  }

  private computeValue(fileName: string, start: number, end: number): Value | undefined {
    const checker = this.ensureProgram();
    const sourceFile = this.program!.getSourceFile(fileName);
    if (!sourceFile) return undefined;
    const node = findNode(sourceFile, start, end);
    if (!node) return undefined;
    const type = checker.getTypeAtLocation(node);
    return valueOfType(type, checker);
  }
}

/** Where `hasInstalledOrm` looks, from a directory up to the file system's root. */
export function installedOrmProbes(from: string): string[] {
  const probes: string[] = [];
  for (let dir = from; ; dir = dirname(dir)) {
    for (const name of ORM_PACKAGES) probes.push(join(dir, "node_modules", name, "package.json"), join(dir, "node_modules", name, "index.d.ts"));
    if (dirname(dir) === dir) return probes;
  }
}

/** An ORM package in node_modules of this directory or one above it (where Node would find it). */
export function hasInstalledOrm(from: string): boolean {
  return installedOrmProbes(from).some((probe) => existsSync(probe));
}

/** `looked`: every path looked at while finding and reading the tsconfig (it may be above the scan root). */
function compilerOptionsFor(root: string, looked: string[]): ts.CompilerOptions {
  const defaults: ts.CompilerOptions = { allowJs: true, checkJs: false, skipLibCheck: true, noEmit: true, experimentalDecorators: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, jsx: ts.JsxEmit.Preserve };
  const exists = (p: string) => {
    looked.push(p);
    return existsSync(p);
  };
  const configPath = ts.findConfigFile(root, exists);
  if (!configPath) return defaults;
  try {
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
      fileExists: exists,
      readFile: (p) => (exists(p) ? readFileSync(p, "utf8") : undefined),
    });
    return { ...defaults, ...(parsed?.options ?? {}), noEmit: true, skipLibCheck: true };
  } catch {
    return defaults;
  }
}

/** Node methods, not `ts.forEachChild`: the source file may come from another TypeScript than ours. */
function findNode(sourceFile: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(sourceFile) === start && node.getEnd() === end) found = node;
    if (node.pos <= start && node.end >= end) node.forEachChild(visit);
  };
  visit(sourceFile);
  return found;
}

function declarationFile(symbol: ts.Symbol | undefined): string {
  return symbol?.declarations?.[0]?.getSourceFile().fileName.replace(/\\/g, "/") ?? "";
}

/** Maps a checker type to an ORM value by where its declarations live and what members it has. */
export function valueOfType(type: ts.Type, checker: ts.TypeChecker): Value | undefined {
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  const name = symbol?.getName() ?? "";
  const file = declarationFile(symbol);
  const member = (memberName: string) => type.getProperty(memberName);
  const memberFile = (memberName: string) => declarationFile(member(memberName));

  const isPrismaFile = (path: string) => /(@prisma\/client|\.prisma\/client|\/generated\/prisma|prisma\/client)/.test(path);
  if (member("$transaction") && member("$queryRaw") && isPrismaFile(memberFile("$transaction") || file)) return { kind: "prisma-client", confidence: "high" };
  if (member("findMany") && member("findUnique") && isPrismaFile(memberFile("findMany") || file)) {
    const model = /^(\w+?)Delegate$/.exec(name)?.[1] ?? (/^Prisma__(\w+)Client$/.exec(name)?.[1] ?? null);
    return { kind: "prisma-delegate", model: model ?? "unknown", confidence: "high" };
  }
  const isTypeorm = (path: string) => /\/typeorm\//.test(path);
  if (isTypeorm(file) || isTypeorm(memberFile("find"))) {
    if (/Repository$/.test(name) || (member("findOneBy") && member("metadata"))) {
      const entityType = (type as ts.TypeReference).typeArguments?.[0] ?? checker.getTypeArguments?.(type as ts.TypeReference)?.[0];
      return { kind: "typeorm-repository", entity: entityType?.getSymbol()?.getName() ?? null, confidence: "high" };
    }
    if (name === "EntityManager" || name === "DataSource" || name === "Connection") return { kind: "typeorm-manager", confidence: "high" };
    if (/QueryBuilder$/.test(name)) return { kind: "typeorm-query-builder", entity: null, bounded: false, confidence: "high" };
  }
  const isSequelize = (path: string) => /\/(sequelize|sequelize-typescript|@sequelize\/core)\//.test(path);
  if (member("findAll") && member("findByPk") && isSequelize(memberFile("findAll"))) {
    return { kind: "orm-model", orm: "sequelize", model: name.replace(/^typeof /, "") || "unknown", cls: null, activeRecord: true, confidence: "high" };
  }
  if (member("sync") && member("query") && member("define") && isSequelize(memberFile("query"))) return { kind: "sequelize-client", confidence: "high" };
  return undefined;
}
