import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import module from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const cacheDir = join(root, "node_modules", ".cache", "perf-scan-code");
// Node 22+ has module.enableCompileCache, which bin/perf-scan.js turns on; lib/typescript.cjs keeps its own only on Node 20.
const ownCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache !== "function";

/** Loads the compiler the way the scan does, in a fresh process, and parses a line with it. */
function loadInChild(): string {
  const script = `
    const ts = require(${JSON.stringify(join(root, "lib", "typescript.cjs"))});
    const again = require("typescript");
    const file = ts.createSourceFile("a.ts", "const a = [1].map((n) => n);", ts.ScriptTarget.Latest, true);
    process.stdout.write(JSON.stringify({ version: ts.version, same: ts === again, statements: file.statements.length }));
  `;
  return execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
}

describe.runIf(ownCache)("the compiler's code cache on Node 20", () => {
  it("writes a cache, and a damaged one is rejected and replaced, never run", () => {
    expect(JSON.parse(loadInChild())).toEqual({ version: expect.stringMatching(/^6\.0\./), same: true, statements: 1 });
    const cache = readdirSync(cacheDir).find((name) => name.startsWith("typescript-") && name.endsWith(".bin"));
    expect(cache).toBeDefined();
    const path = join(cacheDir, cache!);
    writeFileSync(path, Buffer.alloc(4096, 7));
    writeFileSync(`${path}.json`, JSON.stringify({ seconds: 999 }));
    expect(JSON.parse(loadInChild())).toEqual({ version: expect.stringMatching(/^6\.0\./), same: true, statements: 1 });
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).equals(Buffer.alloc(4096, 7))).toBe(false);
  });
});

describe("the compiler without a code cache", () => {
  it("loads the same compiler when the cache is turned off", () => {
    const script = `const ts = require(${JSON.stringify(join(root, "lib", "typescript.cjs"))}); process.stdout.write(String(ts === require("typescript")) + " " + ts.version);`;
    const out = execFileSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8", env: { ...process.env, PERF_SCAN_CODE_CACHE: "off" } });
    expect(out).toMatch(/^true 6\.0\./);
  });
});
