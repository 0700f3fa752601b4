// Adversarial tests of the scan cache: after any change to what the analysis read, a cached scan must give exactly
// what an uncached scan of the same files and options gives; and options applied after the analysis must give the
// same result from a cached analysis as from a fresh one.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { reporters, scan } from "../src/index.js";
import type { ScanOptions, ScanResult } from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, "..", "bin", "perf-scan.js");
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Project {
  /** The scan root (cwd of every scan). */
  dir: string;
  /** A folder above the root, inside the temporary folder (for files above the root). */
  outer: string;
  cache: string;
  write(path: string, text: string): void;
}

/** An empty project `outer/app`; files are written relative to `app`. */
/** The database client, the helper that queries per user, and the route that loops over users calling it. */
function writeShopCode(p: { write(path: string, text: string): void }, ordersImport: string): void {
  p.write("src/db.ts", DB);
  p.write("src/lib/orders.ts", ORDERS_OF);
  p.write("src/routes/report.ts", REPORT(ordersImport));
}

function emptyProject(): Project {
  const outer = mkdtempSync(join(tmpdir(), "perf-scan-stale-"));
  made.push(outer);
  const dir = join(outer, "app");
  mkdirSync(dir);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  return { dir, outer, cache: join(outer, "cache"), write };
}

const PRISMA_PACKAGE = JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^6.0.0" } });
const DB = 'import { PrismaClient } from "@prisma/client";\nexport const prisma = new PrismaClient();\n';
const ORDERS_OF = 'import { prisma } from "../db";\nexport function ordersOf(userId: number) {\n  return prisma.order.findMany({ where: { userId } });\n}\n';
const REPORT = (from: string) =>
  `import { prisma } from "../db";\nimport { ordersOf } from "${from}";\n\nexport async function report() {\n  const users = await prisma.user.findMany({ take: 50 });\n  for (const user of users) {\n    await ordersOf(user.id);\n  }\n}\n`;
const USER_ONLY = "model User {\n  id Int @id\n}\n";
const USER_AND_ORDER = "model User {\n  id Int @id\n  orders Order[]\n}\n\nmodel Order {\n  id Int @id\n  userId Int\n  user User @relation(fields: [userId], references: [id])\n}\n";

function strip(result: ScanResult): unknown {
  return JSON.parse(JSON.stringify({ ...result, summary: { ...result.summary, durationMs: 0 } }));
}

const nPlusOne = (result: ScanResult) => result.findings.filter((finding) => finding.ruleId === "n-plus-one").length;

/** Files written now get a modification time a while ago, so the cache does not take them for files still changing. */
function settle(dir: string): void {
  const past = new Date(Date.now() - 60_000);
  const visit = (path: string): void => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) return;
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    utimesSync(path, past, past);
  };
  visit(dir);
}

/**
 * A cached scan, then `edit`, then a cached and an uncached scan: the cached one must equal the uncached one. Returns
 * both sides so a test can also check the edit mattered (otherwise it proves nothing).
 */
async function cachedAfterEdit(p: Project, options: ScanOptions, edit: () => void): Promise<{ before: ScanResult; cached: ScanResult; fresh: ScanResult }> {
  settle(p.outer);
  await new Promise((done) => setTimeout(done, 60));
  const before = await scan({ cwd: p.dir, cacheLocation: p.cache, ...options });
  expect(readdirSync(p.cache).filter((name) => name.endsWith(".json"))).toHaveLength(1);
  // Proves the next scan would hit without the edit.
  const again = await scan({ cwd: p.dir, cacheLocation: p.cache, ...options });
  expect(strip(again)).toEqual(strip(before));
  edit();
  const cached = await scan({ cwd: p.dir, cacheLocation: p.cache, ...options });
  const fresh = await scan({ cwd: p.dir, ...options });
  expect(strip(cached)).toEqual(strip(fresh));
  return { before, cached, fresh };
}

describe("scan cache: what the analysis read, wherever it is", () => {
  it("a relative `extends` of a tsconfig.json in a scanned folder that imports nothing is created", async () => {
    const p = emptyProject();
    p.write("package.json", PRISMA_PACKAGE);
    p.write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true } }));
    p.write("src/legacy/tsconfig.json", JSON.stringify({ extends: "../../tsconfig.base.json" }));
    p.write("src/legacy/constants.ts", "export const LIMIT = 10;\n");
    const { before, fresh } = await cachedAfterEdit(p, {}, () => p.write("tsconfig.base.json", JSON.stringify({ compilerOptions: {} })));
    expect(before.errors.some((error) => error.message.includes("does not exist"))).toBe(true);
    expect(fresh.errors.some((error) => error.message.includes("does not exist"))).toBe(false);
  });

  it("a tsconfig.json appears above the root, hiding the root's jsconfig.json paths", async () => {
    const p = emptyProject();
    p.write("package.json", PRISMA_PACKAGE);
    p.write("prisma/schema.prisma", USER_AND_ORDER);
    p.write("jsconfig.json", JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["src/*"] } } }));
    writeShopCode(p, "~/lib/orders");
    const { before, fresh } = await cachedAfterEdit(p, {}, () => writeFileSync(join(p.outer, "tsconfig.json"), JSON.stringify({ compilerOptions: {} })));
    expect(nPlusOne(before)).toBe(1);
    expect(nPlusOne(fresh)).toBe(0);
  });

  it("the schema package.json#prisma.schema names is created", async () => {
    const p = emptyProject();
    p.write("package.json", JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^6.0.0" }, prisma: { schema: "db/main.prisma" } }));
    writeShopCode(p, "../lib/orders");
    const { before, fresh } = await cachedAfterEdit(p, {}, () => p.write("db/main.prisma", USER_ONLY));
    expect(nPlusOne(before)).toBe(1);
    expect(nPlusOne(fresh)).toBe(0);
  });

  it("an Nx project holding only a Prisma schema is added to packages/", async () => {
    const p = emptyProject();
    p.write("package.json", PRISMA_PACKAGE);
    p.write("nx.json", "{}\n");
    writeShopCode(p, "../lib/orders");
    const { before, fresh } = await cachedAfterEdit(p, {}, () => {
      p.write("packages/db/project.json", '{ "name": "db" }\n');
      p.write("packages/db/prisma/schema.prisma", USER_ONLY);
    });
    expect(nPlusOne(before)).toBe(1);
    expect(nPlusOne(fresh)).toBe(0);
  });

  it("prisma.config.ts starts naming another schema", async () => {
    const p = emptyProject();
    p.write("package.json", PRISMA_PACKAGE);
    p.write("prisma.config.ts", 'export default { schema: "db/a.prisma" };\n');
    p.write("db/a.prisma", USER_ONLY);
    p.write("db/b.prisma", USER_AND_ORDER);
    writeShopCode(p, "../lib/orders");
    const { before, fresh } = await cachedAfterEdit(p, {}, () => p.write("prisma.config.ts", 'export default { schema: "db/b.prisma" };\n'));
    expect(nPlusOne(before)).toBe(0);
    expect(nPlusOne(fresh)).toBe(1);
  });

  it("a .prisma file is added to a subfolder of a multi-file schema that held none", async () => {
    const p = emptyProject();
    p.write("package.json", PRISMA_PACKAGE);
    p.write("prisma/schema/user.prisma", USER_ONLY);
    p.write("prisma/schema/billing/README.md", "models to come\n");
    writeShopCode(p, "../lib/orders");
    const order = "model Order {\n  id Int @id\n  userId Int\n}\n";
    const { before, fresh } = await cachedAfterEdit(p, {}, () => p.write("prisma/schema/billing/order.prisma", order));
    expect(nPlusOne(before)).toBe(0);
    expect(nPlusOne(fresh)).toBe(1);
  });

  it("a multi-file schema folder named by package.json#prisma.schema gets a new subfolder", async () => {
    const p = emptyProject();
    p.write("package.json", JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^6.0.0" }, prisma: { schema: "db" } }));
    p.write("db/users/user.prisma", USER_ONLY);
    writeShopCode(p, "../lib/orders");
    const { before, fresh } = await cachedAfterEdit(p, {}, () => p.write("db/orders/order.prisma", "model Order {\n  id Int @id\n  userId Int\n}\n"));
    expect(nPlusOne(before)).toBe(0);
    expect(nPlusOne(fresh)).toBe(1);
  });

  it("a dangling symbolic link an import names starts pointing at a file", async () => {
    const p = emptyProject();
    p.write("package.json", PRISMA_PACKAGE);
    p.write("prisma/schema.prisma", USER_AND_ORDER);
    p.write("src/db.ts", DB);
    p.write("src/routes/report.ts", REPORT("../lib/orders"));
    mkdirSync(join(p.dir, "src/lib"), { recursive: true });
    symlinkSync(join(p.dir, "shared/orders.ts"), join(p.dir, "src/lib/orders.ts"));
    const { before, fresh } = await cachedAfterEdit(p, { paths: ["src/routes"] }, () => p.write("shared/orders.ts", ORDERS_OF));
    expect(nPlusOne(before)).toBe(0);
    expect(nPlusOne(fresh)).toBe(1);
  });

  it("a package the type checker follows is installed (not an ORM package)", async () => {
    const p = emptyProject();
    cpSync(join(here, "fixtures-typed", "prisma-installed"), p.dir, { recursive: true });
    const acme = join(p.outer, "acme-db");
    cpSync(join(p.dir, "node_modules", "@acme", "db"), acme, { recursive: true });
    rmSync(join(p.dir, "node_modules", "@acme"), { recursive: true });
    const { before, fresh } = await cachedAfterEdit(p, {}, () => cpSync(acme, join(p.dir, "node_modules", "@acme", "db"), { recursive: true }));
    expect(nPlusOne(before)).toBe(0);
    expect(nPlusOne(fresh)).toBe(1);
  });

  it("installed typings change without changing size or modification time (npm keeps the packed times)", async () => {
    const p = emptyProject();
    cpSync(join(here, "fixtures-typed", "prisma-installed"), p.dir, { recursive: true });
    const typings = join(p.dir, "node_modules", "@acme", "db", "index.d.ts");
    const { before, fresh } = await cachedAfterEdit(p, {}, () => {
      const { mtime, atime } = statSync(typings);
      // Same length: the client is no longer typed as Prisma's.
      writeFileSync(typings, readFileSync(typings, "utf8").replace("export declare const client: PrismaClient;", "export declare const client: PrismaClienX;"));
      utimesSync(typings, atime, mtime);
    });
    expect(nPlusOne(before)).toBe(1);
    expect(nPlusOne(fresh)).toBe(0);
  });

  it("a file is changed while the analysis runs, after the analysis read it", async () => {
    const p = emptyProject();
    p.write("package.json", PRISMA_PACKAGE);
    p.write("prisma/schema.prisma", USER_AND_ORDER);
    writeShopCode(p, "../lib/orders");
    settle(p.outer);
    let edited = false;
    const first = await scan({
      cwd: p.dir,
      paths: ["src/routes"],
      cacheLocation: p.cache,
      onProgress: (progress) => {
        // The last file analysed: the helper it calls has been read; the cache is written after this.
        if (progress.phase === "analyse" && progress.done === progress.total && !edited) {
          edited = true;
          p.write("src/lib/orders.ts", "export function ordersOf(userId: number) {\n  return [userId];\n}\n");
        }
      },
    });
    expect(edited).toBe(true);
    expect(nPlusOne(first)).toBe(1);
    const cached = await scan({ cwd: p.dir, paths: ["src/routes"], cacheLocation: p.cache });
    const fresh = await scan({ cwd: p.dir, paths: ["src/routes"] });
    expect(nPlusOne(fresh)).toBe(0);
    expect(strip(cached)).toEqual(strip(fresh));
  });
});

describe("scan cache: options", () => {
  it("a relative globRoot (relative clients modules) means another folder from another working folder", async () => {
    const p = emptyProject();
    p.write("package.json", JSON.stringify({ name: "shop", private: true, dependencies: { "@acme/db-core": "^1.0.0" } }));
    p.write("src/server/db.ts", "import { createDb } from '@acme/db-core';\n\nexport const db = createDb(process.env.DATABASE_URL);\n");
    p.write("src/routes/feed.ts", "import { db } from '../server/db';\n\nexport async function feed(ids: string[]) {\n  for (const authorId of ids) await db.post.findMany({ where: { authorId }, take: 20 });\n}\n");
    settle(p.outer);
    await new Promise((done) => setTimeout(done, 60));
    // The library resolves a relative globRoot against the process's working folder, not `cwd`.
    const options: ScanOptions = { cwd: p.dir, globRoot: ".", clients: [{ module: "./src/server/db", export: "db" }] };
    const before = process.cwd();
    try {
      process.chdir(p.dir);
      const inProject = await scan({ ...options, cacheLocation: p.cache });
      expect(nPlusOne(inProject)).toBe(1);
      process.chdir(p.outer);
      const cached = await scan({ ...options, cacheLocation: p.cache });
      const fresh = await scan(options);
      expect(nPlusOne(fresh)).toBe(0);
      expect(strip(cached)).toEqual(strip(fresh));
    } finally {
      process.chdir(before);
    }
  });
});

describe("scan cache: options applied after the analysis", () => {
  function shop(): Project {
    const p = emptyProject();
    p.write("package.json", PRISMA_PACKAGE);
    p.write("prisma/schema.prisma", USER_AND_ORDER);
    writeShopCode(p, "../lib/orders");
    // An unbounded read, a suppressed N+1 and an unused directive, in a second file.
    p.write(
      "src/routes/all.ts",
      'import { prisma } from "../db";\n\nexport async function all(ids: number[]) {\n  const users = await prisma.user.findMany();\n  for (const id of ids) {\n    // perf-scan-disable-next-line n-plus-one -- warmed by the caller\n    await prisma.order.findMany({ where: { userId: id } });\n  }\n  // perf-scan-disable-next-line select-star\n  return users.length;\n}\n',
    );
    settle(p.outer);
    return p;
  }

  const variants: [string, ScanOptions][] = [
    ["severities", { severities: { "n-plus-one": "error", "unbounded-query": "note" } }],
    ["minConfidence", { minConfidence: "high" }],
    ["reportOnly", { reportOnly: ["src/routes/all.ts"] }],
    ["baseline", { baseline: { "src/routes/report.ts": { "n-plus-one": { count: 1 } }, "src/gone.ts": { "n-plus-one": { count: 2 } } } }],
    ["shard 1/2", { shard: { index: 1, count: 2 } }],
    ["shard 2/2", { shard: { index: 2, count: 2 } }],
    ["reportUnusedDisableDirectives warn", { reportUnusedDisableDirectives: "warn" }],
    ["reportUnusedDisableDirectives error, with reportOnly", { reportUnusedDisableDirectives: "error", reportOnly: ["src/routes/all.ts"] }],
  ];
  for (const [what, options] of variants) {
    it(`${what}: the same from a cached analysis as from a fresh one`, async () => {
      const p = shop();
      await new Promise((done) => setTimeout(done, 60));
      // The cache is written by a scan with other post-analysis options (or none).
      await scan({ cwd: p.dir, cacheLocation: p.cache, ...(options.reportUnusedDisableDirectives && { reportUnusedDisableDirectives: "error" as const }) });
      const files = readdirSync(p.cache).filter((name) => name.endsWith(".json"));
      expect(files).toHaveLength(1);
      const cachedEntry = readFileSync(join(p.cache, files[0]!), "utf8");
      const cached = await scan({ cwd: p.dir, cacheLocation: p.cache, ...options });
      // Served from the cache (nothing rewrote it), and equal to an uncached scan.
      expect(readFileSync(join(p.cache, files[0]!), "utf8")).toBe(cachedEntry);
      const fresh = await scan({ cwd: p.dir, ...options });
      expect(strip(cached)).toEqual(strip(fresh));
      for (const name of ["json", "sarif", "markdown", "pretty"] as const) {
        const untimed = (text: string) => text.replace(/"durationMs": ?\d+/g, "").replace(/\d+ ?ms\b/g, "");
        expect(untimed(reporters[name](cached, { color: false }))).toBe(untimed(reporters[name](fresh, { color: false })));
      }
    });
  }
});

describe("scan cache: robustness", () => {
  function small(): Project {
    const p = emptyProject();
    p.write("package.json", PRISMA_PACKAGE);
    p.write("prisma/schema.prisma", USER_AND_ORDER);
    writeShopCode(p, "../lib/orders");
    settle(p.outer);
    return p;
  }

  it("a cache file that is valid JSON but not a cache entry is ignored, never a crash", async () => {
    const p = small();
    await new Promise((done) => setTimeout(done, 60));
    const fresh = await scan({ cwd: p.dir });
    await scan({ cwd: p.dir, cacheLocation: p.cache });
    const [name] = readdirSync(p.cache).filter((file) => file.endsWith(".json"));
    const path = join(p.cache, name!);
    const entry = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    const damaged = ["null", "[]", "42", JSON.stringify({ ...entry, contents: undefined }), JSON.stringify({ ...entry, payload: null }), JSON.stringify({ ...entry, payload: { findings: "x" } })];
    for (const text of damaged) {
      writeFileSync(path, text);
      expect(strip(await scan({ cwd: p.dir, cacheLocation: p.cache }))).toEqual(strip(fresh));
    }
  });

  it("an unwritable location is one warning, not a file that could not be analysed", async () => {
    const p = small();
    writeFileSync(join(p.outer, "not-a-folder"), "");
    const result = await scan({ cwd: p.dir, cacheLocation: join(p.outer, "not-a-folder", "cache") });
    expect(result.errors.filter((error) => error.kind === "cache")).toHaveLength(1);
    expect(nPlusOne(result)).toBe(1);
    expect(reporters.pretty(result, { color: false })).not.toContain("could not be analysed");
    expect(reporters.markdown(result, { color: false })).not.toContain("could not be analysed");
  });

  it("a cache location inside the scanned tree is not scanned and changes nothing, and the next scan hits", async () => {
    const p = small();
    await new Promise((done) => setTimeout(done, 60));
    const location = join(p.dir, "src", ".perf-scan-cache");
    const fresh = await scan({ cwd: p.dir });
    const cold = await scan({ cwd: p.dir, cacheLocation: location });
    expect(strip(cold)).toEqual(strip(fresh));
    const [name] = readdirSync(location);
    const written = readFileSync(join(location, name!), "utf8");
    const warm = await scan({ cwd: p.dir, cacheLocation: location });
    expect(strip(warm)).toEqual(strip(fresh));
    // A hit: the entry was not written again.
    expect(readFileSync(join(location, name!), "utf8")).toBe(written);
  });
});

describe("scan cache: the CLI", () => {
  function cliProject(): Project {
    const p = emptyProject();
    p.write("package.json", PRISMA_PACKAGE);
    p.write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true } }));
    p.write("prisma/schema.prisma", USER_AND_ORDER);
    writeShopCode(p, "../lib/orders");
    settle(p.outer);
    return p;
  }

  it("--cache-location without --cache turns the cache on (--no-cache turns it off)", () => {
    const p = cliProject();
    const run = (...extra: string[]) => spawnSync(process.execPath, [bin, ".", "--format", "json", "--fail-on", "none", ...extra], { cwd: p.dir, encoding: "utf8" });
    expect(run("--cache-location", "../cache").status).toBe(0);
    expect(readdirSync(p.cache).some((name) => name.endsWith(".json"))).toBe(true);
    expect(run("--no-cache", "--cache-location", "../other").status).toBe(0);
    expect(() => readdirSync(join(p.outer, "other"))).toThrow();
  });

  it("a cache hit never loads the TypeScript compiler, whatever the format", () => {
    const p = cliProject();
    const log = join(p.outer, "typescript-loads.log");
    const preload = join(p.outer, "watch-typescript.cjs");
    writeFileSync(
      preload,
      `const Module = require("node:module");\nconst fs = require("node:fs");\nconst load = Module._load;\nModule._load = function (request, parent, isMain) {\n  const loaded = load.apply(this, arguments);\n  if (request === "typescript" || /[\\\\/]lib[\\\\/]typescript\\.cjs$/.test(request)) fs.appendFileSync(${JSON.stringify(log)}, request + "\\n");\n  return loaded;\n};\nprocess.on("exit", () => {\n  for (const file of Object.keys(require.cache)) if (/[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(file)) fs.appendFileSync(${JSON.stringify(log)}, file + "\\n");\n});\n`,
    );
    const run = (format: string) => {
      rmSync(log, { force: true });
      const child = spawnSync(process.execPath, ["-r", preload, bin, ".", "--format", format, "--fail-on", "none", "--cache-location", "../cache", "--cache"], { cwd: p.dir, encoding: "utf8" });
      expect(child.status).toBe(0);
      let loads = "";
      try {
        loads = readFileSync(log, "utf8");
      } catch {
        // nothing loaded it
      }
      return { loads, stdout: child.stdout };
    };
    // The preload sees the compiler when it is loaded (the cold run must), so a silent hit is a real hit.
    expect(run("json").loads).not.toBe("");
    for (const format of ["json", "sarif", "markdown", "pretty"]) expect({ format, loads: run(format).loads }).toEqual({ format, loads: "" });
  });
});
