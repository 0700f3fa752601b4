import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { discoverFilesSync } from "../../src/engine/discover.js";
import type { ModuleInfo } from "../../src/engine/project.js";
import { Project } from "../../src/engine/project.js";
import type { SchemaTable } from "../../src/engine/schema/model.js";
import { TSCONFIG } from "./project.js";

export type SchemaProjectRead<T extends { tables: SchemaTable[] }> = T & {
  /** Absolute path of a project file, as sites report it. */
  path(relative: string): string;
  /** The table of `model`; throws with the tables found when there is none. */
  table(model: string): SchemaTable;
};

/** Writes a tiny project (with `packageJson` and a tsconfig) into a temp dir and runs a schema reader on the modules the engine builds. */
export function readSchemaProject<T extends { tables: SchemaTable[] }>(files: Record<string, string>, packageJson: string, reader: (modules: readonly ModuleInfo[]) => T): SchemaProjectRead<T> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "perf-scan-schema-")));
  try {
    for (const [path, contents] of Object.entries({ "package.json": packageJson, "tsconfig.json": TSCONFIG, ...files })) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), contents);
    }
    const project = new Project(discoverFilesSync({ paths: [dir], cwd: dir, maxFileBytes: 1024 * 1024 }));
    project.parseScanned();
    const read = reader([...project.modules.values()]);
    return {
      ...read,
      path: (relative: string) => join(dir, relative),
      table(model: string) {
        const found = read.tables.find((t) => t.model === model);
        if (!found) throw new Error(`no table ${model}; got ${read.tables.map((t) => t.model).join(", ")}`);
        return found;
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
