import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { discoverFiles, type Discovery } from "../src/engine/discover.js";

const MAX = 1024 * 1024;
const tempDirs: string[] = [];

/** Creates a temp project from `{ relativePath: contents }`. */
function project(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), "perf-scan-discover-"));
  tempDirs.push(root);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

async function discover(root: string, paths: string[] = ["."], maxFileBytes = MAX): Promise<Discovery> {
  return discoverFiles({ paths: paths.map((path) => join(root, path)), cwd: root, maxFileBytes });
}

const relPaths = (discovery: Discovery) => discovery.files.map((file) => file.relPath);

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("discoverFiles", () => {
  it("picks every source extension and nothing else", async () => {
    const exts = ["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"];
    const root = project({
      ...Object.fromEntries(exts.map((ext) => [`src/a.${ext}`, "export {};\n"])),
      "src/schema.prisma": "model User { id Int @id }\n",
      "src/readme.md": "# hi\n",
      "src/data.json": "{}\n",
      "src/types.d.ts": "declare const x: number;\n",
      "src/types.d.mts": "export {};\n",
      "public/app.min.js": "var a=1;\n",
    });
    const result = await discover(root);
    expect(relPaths(result)).toEqual(exts.map((ext) => `src/a.${ext}`).sort());
    expect(result.errors).toEqual([]);
    expect(result.root).toBe(root);
    expect(result.files[0]!.text).toBe("export {};\n");
    expect(result.files[0]!.absPath).toBe(join(root, result.files[0]!.relPath));
  });

  it("skips dependency, build and generated-client folders", async () => {
    const root = project({
      "src/app.ts": "",
      "node_modules/pkg/index.js": "",
      "packages/api/node_modules/x/index.ts": "",
      "dist/app.js": "",
      "build/app.js": "",
      "out/app.js": "",
      ".next/server/page.js": "",
      "coverage/lcov-report/sorter.js": "",
      "src/generated/prisma/index.ts": "",
      "node_modules/.prisma/client/index.js": "",
      "prisma/client/index.js": "",
      ".git/hooks/pre-commit.js": "",
    });
    expect(relPaths(await discover(root))).toEqual(["src/app.ts"]);
  });

  it("honours the root .gitignore, including negations", async () => {
    const root = project({
      ".gitignore": "tmp/\n*.gen.ts\n!keep.gen.ts\n",
      "src/app.ts": "",
      "src/model.gen.ts": "",
      "src/keep.gen.ts": "",
      "tmp/scratch.ts": "",
    });
    expect(relPaths(await discover(root))).toEqual(["src/app.ts", "src/keep.gen.ts"]);
  });

  it("scopes a nested .gitignore to its own folder", async () => {
    const root = project({
      "packages/api/.gitignore": "/legacy\nsecret.ts\n",
      "packages/api/legacy/old.ts": "",
      "packages/api/src/secret.ts": "",
      "packages/api/src/app.ts": "",
      // Same names outside packages/api are not affected.
      "legacy/old.ts": "",
      "src/secret.ts": "",
    });
    expect(relPaths(await discover(root))).toEqual(["legacy/old.ts", "packages/api/src/app.ts", "src/secret.ts"]);
  });

  it("lets a deeper .gitignore re-include, but never inside an ignored folder", async () => {
    const root = project({
      ".gitignore": "*.local.ts\nignored-dir/\n",
      "src/.gitignore": "!config.local.ts\n",
      "src/config.local.ts": "",
      "src/other.local.ts": "",
      "ignored-dir/.gitignore": "!*.ts\n",
      "ignored-dir/back.ts": "",
    });
    expect(relPaths(await discover(root))).toEqual(["src/config.local.ts"]);
  });

  it("applies the .gitignore above a scanned subdirectory", async () => {
    const root = project({ ".gitignore": "src/generated-code/\n", "src/app.ts": "", "src/generated-code/client.ts": "" });
    expect(relPaths(await discover(root, ["src"]))).toEqual(["src/app.ts"]);
  });

  it("scans an explicitly given file even when it is gitignored or in a skipped folder", async () => {
    const root = project({ ".gitignore": "scripts/\n", "scripts/seed.ts": "", "dist/bundle.js": "", "src/app.ts": "" });
    const result = await discover(root, [".", "scripts/seed.ts", "dist/bundle.js"]);
    expect(relPaths(result)).toEqual(["dist/bundle.js", "scripts/seed.ts", "src/app.ts"]);
  });

  it("scans an explicitly given directory that a .gitignore above it ignores, minus its own ignored files", async () => {
    const root = project({ ".gitignore": "scripts/\n", "scripts/.gitignore": "*.local.ts\n", "scripts/seed.ts": "", "scripts/seed.local.ts": "" });
    expect(relPaths(await discover(root))).toEqual([]);
    expect(relPaths(await discover(root, ["scripts"]))).toEqual(["scripts/seed.ts"]);
  });

  it("lists a file named twice only once", async () => {
    const root = project({ "src/app.ts": "" });
    expect(relPaths(await discover(root, [".", "src", "src/app.ts"]))).toEqual(["src/app.ts"]);
  });

  it("reports a missing path instead of throwing, and still scans the rest", async () => {
    const root = project({ "src/app.ts": "" });
    const result = await discover(root, ["src", "nope", "src/missing.ts"]);
    expect(relPaths(result)).toEqual(["src/app.ts"]);
    expect(result.errors).toEqual([
      { file: "nope", kind: "missing-path", message: "path not found" },
      { file: "src/missing.ts", kind: "missing-path", message: "path not found" },
    ]);
  });

  it("skips binary files (NUL byte in the first 8 KiB) with an error", async () => {
    const root = project({
      "src/app.ts": "export {};\n",
      "src/blob.js": Buffer.from([0x63, 0x6f, 0x00, 0x01, 0x02]),
      // A NUL byte after the first 8 KiB does not make a file binary.
      "src/late-nul.ts": Buffer.concat([Buffer.from(`// ${"x".repeat(9000)}\n`), Buffer.from([0])]),
    });
    const result = await discover(root);
    expect(relPaths(result)).toEqual(["src/app.ts", "src/late-nul.ts"]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: "src/blob.js", kind: "binary" });
    expect(result.errors[0]!.message).not.toContain("\n");
  });

  it("skips files over maxFileBytes with an error", async () => {
    const root = project({ "src/small.ts": "x", "src/big.ts": "x".repeat(2048) });
    const result = await discover(root, ["."], 1024);
    expect(relPaths(result)).toEqual(["src/small.ts"]);
    expect(result.errors).toEqual([{ file: "src/big.ts", kind: "too-large", message: expect.stringMatching(/^skipped: 2\.0 KiB is over the 1\.0 KiB limit$/) }]);
  });

  it.skipIf(process.platform === "win32" || process.getuid?.() === 0)("reports an unreadable file as a read error", async () => {
    const root = project({ "src/app.ts": "", "src/locked.ts": "secret" });
    chmodSync(join(root, "src/locked.ts"), 0o000);
    const result = await discover(root);
    expect(relPaths(result)).toEqual(["src/app.ts"]);
    expect(result.errors).toEqual([{ file: "src/locked.ts", kind: "read", message: expect.stringContaining("EACCES") }]);
  });

  it("roots paths at cwd, or at the first given directory when every path lies outside cwd", async () => {
    const outside = project({ "lib/db.ts": "", "lib/util.ts": "" });
    const cwd = project({ "src/app.ts": "" });
    const elsewhere = await discoverFiles({ paths: [join(outside, "lib")], cwd, maxFileBytes: MAX });
    expect(elsewhere.root).toBe(join(outside, "lib"));
    expect(relPaths(elsewhere)).toEqual(["db.ts", "util.ts"]);

    const singleFile = await discoverFiles({ paths: [join(outside, "lib/db.ts")], cwd, maxFileBytes: MAX });
    expect(singleFile.root).toBe(join(outside, "lib"));
    expect(relPaths(singleFile)).toEqual(["db.ts"]);

    const mixed = await discoverFiles({ paths: [join(cwd, "src"), join(outside, "lib/db.ts")], cwd, maxFileBytes: MAX });
    expect(mixed.root).toBe(cwd);
    expect(relPaths(mixed)).toContain("src/app.ts");
  });

  it("is deterministic and sorted by relPath, and fast on a few thousand files", async () => {
    const files: Record<string, string> = {};
    for (let dir = 0; dir < 50; dir++) {
      for (let file = 0; file < 50; file++) files[`src/m${(dir * 7919) % 50}/f${(file * 31) % 50}.ts`] = `export const v = ${file};\n`;
    }
    const root = project({ ...files, ".gitignore": "src/m1/\n" });
    const started = performance.now();
    const first = relPaths(await discover(root));
    const elapsed = performance.now() - started;
    const second = relPaths(await discover(root));
    expect(first).toHaveLength(2450);
    expect(first).toEqual([...first].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(second).toEqual(first);
    expect(elapsed).toBeLessThan(5000);
  });
});
