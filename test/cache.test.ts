import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { scan } from "../src/index.js";
import type { ScanOptions, ScanResult } from "../src/index.js";

const bin = resolve(dirname(fileURLToPath(import.meta.url)), "..", "bin", "perf-scan.js");
const TAMPERED = "served from the cache";
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A small Prisma project whose N+1 goes through a helper in another file, reached by a tsconfig alias. */
function project(): { dir: string; cache: string; write(path: string, text: string): void } {
  const dir = mkdtempSync(join(tmpdir(), "perf-scan-cache-"));
  made.push(dir);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write("package.json", JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^6.0.0" } }));
  write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, baseUrl: ".", paths: { "~/*": ["src/*"] } } }));
  write("prisma/schema.prisma", "model User {\n  id Int @id\n  orders Order[]\n}\n\nmodel Order {\n  id Int @id\n  userId Int\n  user User @relation(fields: [userId], references: [id])\n}\n");
  write("src/db.ts", 'import { PrismaClient } from "@prisma/client";\nexport const prisma = new PrismaClient();\n');
  write("src/lib/orders.ts", 'import { prisma } from "~/db";\nexport function ordersOf(userId: number) {\n  return prisma.order.findMany({ where: { userId } });\n}\n');
  write(
    "src/routes/report.ts",
    'import { prisma } from "~/db";\nimport { ordersOf } from "~/lib/orders";\n\nexport async function report() {\n  const users = await prisma.user.findMany({ take: 50 });\n  for (const user of users) {\n    await ordersOf(user.id);\n  }\n}\n',
  );
  // Files changed just before (or while) an analysis runs are not cached (src/cache.ts): let the clock move on.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 40);
  return { dir, cache: join(dir, ".cache"), write };
}

function stripTiming(result: ScanResult): unknown {
  return { ...result, summary: { ...result.summary, durationMs: 0 } };
}

/** Edits every cached finding's message, so a result that comes back with it was served from the cache. */
function tamperWithCache(cache: string): void {
  const files = readdirSync(cache).filter((name) => name.endsWith(".json"));
  expect(files).toHaveLength(1);
  const path = join(cache, files[0]!);
  const entry = JSON.parse(readFileSync(path, "utf8")) as { payload: { findings: { message: string }[] } };
  expect(entry.payload.findings.length).toBeGreaterThan(0);
  for (const finding of entry.payload.findings) finding.message = TAMPERED;
  writeFileSync(path, JSON.stringify(entry));
}

const fromCache = (result: ScanResult) => result.findings.length > 0 && result.findings.every((finding) => finding.message === TAMPERED);

async function scanTwice(p: ReturnType<typeof project>, options: ScanOptions = {}, edit?: () => void): Promise<{ first: ScanResult; second: ScanResult }> {
  const first = await scan({ cwd: p.dir, cacheLocation: p.cache, ...options });
  tamperWithCache(p.cache);
  edit?.();
  const second = await scan({ cwd: p.dir, cacheLocation: p.cache, ...options });
  return { first, second };
}

describe("scan cache", () => {
  it("gives the same result as an uncached scan, and serves it from the cache when nothing changed", async () => {
    const p = project();
    const uncached = await scan({ cwd: p.dir });
    expect(uncached.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toContain("src/routes/report.ts:7 n-plus-one");
    const cold = await scan({ cwd: p.dir, cacheLocation: p.cache });
    expect(stripTiming(cold)).toEqual(stripTiming(uncached));
    const warm = await scan({ cwd: p.dir, cacheLocation: p.cache });
    expect(stripTiming(warm)).toEqual(stripTiming(uncached));
    tamperWithCache(p.cache);
    expect(fromCache(await scan({ cwd: p.dir, cacheLocation: p.cache }))).toBe(true);
  });

  it("applies filters, severities and the baseline after the cache, so changing them needs no new analysis", async () => {
    const p = project();
    await scan({ cwd: p.dir, cacheLocation: p.cache });
    tamperWithCache(p.cache);
    const high = await scan({ cwd: p.dir, cacheLocation: p.cache, minConfidence: "low", severities: { "n-plus-one": "error" } });
    expect(fromCache(high)).toBe(true);
    expect(high.findings.find((f) => f.ruleId === "n-plus-one")?.severity).toBe("error");
  });

  const changes: [string, (p: ReturnType<typeof project>) => void][] = [
    ["a scanned file changes", (p) => p.write("src/routes/report.ts", readFileSync(join(p.dir, "src/routes/report.ts"), "utf8") + "\n// edited\n")],
    ["a file is added", (p) => p.write("src/routes/other.ts", "export const x = 1;\n")],
    ["a file is deleted", (p) => rmSync(join(p.dir, "src/db.ts"))],
    ["package.json changes", (p) => p.write("package.json", JSON.stringify({ name: "shop", dependencies: {} }))],
    ["tsconfig.json changes", (p) => p.write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true } }))],
    ["a tsconfig.json appears in a subfolder", (p) => p.write("src/routes/tsconfig.json", JSON.stringify({ compilerOptions: {} }))],
    ["the Prisma schema changes", (p) => p.write("prisma/schema.prisma", "model User {\n  id Int @id\n}\n")],
  ];
  for (const [what, edit] of changes) {
    it(`analyses again when ${what}`, async () => {
      const p = project();
      const { second } = await scanTwice(p, {}, () => edit(p));
      expect(fromCache(second)).toBe(false);
    });
  }

  it("analyses again when a file outside the scanned paths, which an import reached, changes", async () => {
    const p = project();
    const { second } = await scanTwice(p, { paths: ["src/routes"] }, () => p.write("src/lib/orders.ts", 'export function ordersOf(userId: number) {\n  return [userId];\n}\n'));
    expect(fromCache(second)).toBe(false);
    expect(second.findings.filter((f) => f.ruleId === "n-plus-one")).toHaveLength(0);
  });

  it("analyses again when a new file outside the scanned paths changes where an import resolves", async () => {
    const p = project();
    // `~/lib/orders` resolves to orders/index.ts until an orders.ts appears beside the folder.
    p.write("src/lib/orders/index.ts", readFileSync(join(p.dir, "src/lib/orders.ts"), "utf8"));
    rmSync(join(p.dir, "src/lib/orders.ts"));
    const { first, second } = await scanTwice(p, { paths: ["src/routes"] }, () => p.write("src/lib/orders.ts", "export function ordersOf(userId: number) {\n  return [userId];\n}\n"));
    expect(first.findings.filter((f) => f.ruleId === "n-plus-one")).toHaveLength(1);
    expect(fromCache(second)).toBe(false);
    expect(second.findings.filter((f) => f.ruleId === "n-plus-one")).toHaveLength(0);
  });

  it("analyses again when the rules run change", async () => {
    const p = project();
    await scan({ cwd: p.dir, cacheLocation: p.cache });
    tamperWithCache(p.cache);
    const other = await scan({ cwd: p.dir, cacheLocation: p.cache, rules: ["n-plus-one"] });
    expect(other.findings.some((f) => f.message === TAMPERED)).toBe(false);
  });

  it("survives a damaged cache file, and says once when the cache cannot be written", async () => {
    const p = project();
    await scan({ cwd: p.dir, cacheLocation: p.cache });
    for (const name of readdirSync(p.cache)) writeFileSync(join(p.cache, name), "{ not json");
    const again = await scan({ cwd: p.dir, cacheLocation: p.cache });
    expect(again.findings.map((f) => f.ruleId)).toContain("n-plus-one");

    writeFileSync(join(p.dir, "not-a-folder"), "");
    const unwritable = await scan({ cwd: p.dir, cacheLocation: join(p.dir, "not-a-folder", "cache") });
    expect(unwritable.findings.map((f) => f.ruleId)).toContain("n-plus-one");
    const notes = unwritable.errors.filter((error) => error.kind === "cache");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toMatch(/^could not write the cache in .*not-a-folder/);
  });

  it("--cache writes under node_modules/.cache/perf-scan by default, --cache-location elsewhere; output is identical", () => {
    const p = project();
    const run = (...extra: string[]) => spawnSync(process.execPath, [bin, ".", "--format", "json", "--fail-on", "none", ...extra], { cwd: p.dir, encoding: "utf8" });
    const plain = run();
    const cold = run("--cache");
    const warm = run("--cache");
    expect(readdirSync(join(p.dir, "node_modules", ".cache", "perf-scan")).some((name) => name.endsWith(".json"))).toBe(true);
    const normalise = (text: string) => text.replace(/"durationMs": ?\d+/, '"durationMs": 0');
    expect(normalise(cold.stdout)).toBe(normalise(plain.stdout));
    expect(normalise(warm.stdout)).toBe(normalise(plain.stdout));
    expect(warm.stderr).toBe(plain.stderr);
    run("--cache", "--cache-location", "elsewhere");
    expect(readdirSync(join(p.dir, "elsewhere")).some((name) => name.endsWith(".json"))).toBe(true);
  });
});
