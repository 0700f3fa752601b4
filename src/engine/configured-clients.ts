import { dirname, extname, join, resolve } from "node:path";
import type ts from "#typescript";
import type { ClientSpec, Confidence, Orm } from "../types.js";
import { resolveFile, type Project } from "./project.js";
import type { Value } from "./values.js";

// The config's `clients`: values the project's own code exports (or the runtime provides) that are ORM clients,
// for wrappers the resolver cannot see into (a generated or bundled file, a package outside the scan).

/** What an ORM's client evaluates to: a PrismaClient; a TypeORM DataSource or EntityManager; a Sequelize instance. */
export function clientValue(orm: Orm, confidence: Confidence): Value {
  switch (orm) {
    case "prisma":
      return { kind: "prisma-client", confidence };
    case "typeorm":
      return { kind: "typeorm-manager", confidence };
    case "sequelize":
      return { kind: "sequelize-client", confidence };
  }
}

interface ModuleClient {
  module: string;
  export: string;
  orm: Orm;
  /** `./src/db`, `../db`, `/abs/db`: resolved from the config's folder, not from the importing file. */
  relative: boolean;
  /** The file a relative module names (extension and `/index` left out), whether or not it exists. */
  relativeBase: string | null;
}

const SOURCE_EXTENSION = /\.(d\.)?[cm]?[jt]sx?$/;

function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith(".") || specifier.startsWith("/");
}

/** `/a/db.ts`, `/a/db/index.ts`, `/a/db` → `/a/db`. */
function moduleBase(path: string): string {
  const stem = SOURCE_EXTENSION.test(path) ? path.slice(0, -extname(path).length).replace(/\.d$/, "") : path;
  return stem.endsWith("/index") ? stem.slice(0, -"/index".length) : stem;
}

export class ConfiguredClients {
  private readonly modules: ModuleClient[];
  private readonly names = new Map<string, Orm>();
  /** A file in the config's folder, for resolving the configured modules the way an import there would be. */
  private readonly configAnchor: string;
  private declarations: Map<ts.Node, Orm> | null = null;

  constructor(
    private readonly project: Project,
    specs: readonly ClientSpec[],
    configRoot: string,
  ) {
    this.configAnchor = join(resolve(configRoot), "perf-scan.config.json");
    this.modules = specs.flatMap((spec): ModuleClient[] => {
      if (!("module" in spec)) return [];
      const relative = isPathSpecifier(spec.module);
      return [{ module: spec.module, export: spec.export, orm: spec.orm ?? "prisma", relative, relativeBase: relative ? moduleBase(resolve(configRoot, spec.module)) : null }];
    });
    for (const spec of specs) if ("name" in spec && !this.names.has(spec.name)) this.names.set(spec.name, spec.orm ?? "prisma");
  }

  get isEmpty(): boolean {
    return this.modules.length === 0 && this.names.size === 0;
  }

  get orms(): Orm[] {
    return [...new Set([...this.modules.map((m) => m.orm), ...this.names.values()])];
  }

  /**
   * The ORM of the client that `name` imported from `target` is, as seen from `fromFile`: `target` is what the
   * engine resolved the import to (a project file, or the specifier as written when it is a package or a path that
   * does not resolve).
   */
  forImport(fromFile: string, target: { module: string; external: boolean }, name: string): Orm | undefined {
    for (const client of this.modules) {
      if (client.export !== name) continue;
      if (target.external) {
        // Not a file of the project: a package or an alias with nothing behind it, compared as written; a relative
        // path whose file is missing (generated later), compared as the path it names.
        if (!client.relative && target.module === client.module) return client.orm;
        if (client.relativeBase && isPathSpecifier(target.module) && moduleBase(resolve(dirname(fromFile), target.module)) === client.relativeBase) return client.orm;
        continue;
      }
      if (this.fileOf(client, fromFile) === target.module) return client.orm;
      // An alias the importing file's tsconfig does not know, but the config's folder does (or the other way round).
      if (!client.relative && this.fileOf(client, this.configAnchor) === target.module) return client.orm;
    }
    return undefined;
  }

  /** The declaration a configured export resolves to (the wrapper's own `export const db = …`), by node. */
  forDeclaration(node: ts.Node, exportOf: (file: string, name: string) => ts.Node | undefined): Orm | undefined {
    if (this.modules.length === 0) return undefined;
    if (!this.declarations) {
      this.declarations = new Map();
      for (const client of this.modules) {
        const file = this.fileOf(client, this.configAnchor);
        const declaration = file ? exportOf(file, client.export) : undefined;
        if (declaration && !this.declarations.has(declaration)) this.declarations.set(declaration, client.orm);
      }
    }
    return this.declarations.get(node);
  }

  /** A name the runtime provides (a global, a context property), when the config lists it. */
  forName(name: string): Orm | undefined {
    return this.names.get(name);
  }

  /** The project file a configured module is, resolved as an import written in `fromFile` would be. */
  private fileOf(client: ModuleClient, fromFile: string): string | undefined {
    if (client.relative) return resolveFile(resolve(dirname(this.configAnchor), client.module));
    const resolved = this.project.resolveImport(fromFile, client.module);
    return resolved.external ? undefined : resolved.module;
  }
}
