// `settings.perfScan` in the ESLint plugin: the config file's clients, frameworks and pagination keys, checked by
// the same schema, for the one scan all rules share.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../eslint-plugin/index.js";
import { clearScanCache } from "../../eslint-plugin/engine-bridge.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "perf-scan-eslint-settings-"));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function lint(cwd: string, settings: Record<string, unknown> | undefined): Promise<string[]> {
  clearScanCache();
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } },
      { ...plugin.configs.recommended, files: ["**/*.ts"], ...(settings && { settings }) },
    ],
  });
  const results = await eslint.lintFiles(["src/**/*.ts"]);
  return results
    .flatMap((result) => result.messages.map((message) => `${result.filePath.slice(cwd.length + 1)}:${message.line} ${message.ruleId ?? message.message}`))
    .sort();
}

const files = {
  "package.json": JSON.stringify({ name: "shop", private: true, dependencies: { "@acme/db-core": "^1.0.0", express: "^4.0.0" } }),
  "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./src/*"] } } }),
  "src/server/db.ts": "import { createDb } from '@acme/db-core';\n\nexport const db = createDb();\n",
  "src/feed.ts": "import { db } from '~/server/db';\n\nexport async function feed(ids: string[]) {\n  for (const id of ids) await db.post.findMany({ where: { authorId: id }, take: 20 });\n}\n",
  "src/server.ts": "import express from 'express';\nimport { db } from './server/db';\n\nexport const app = express();\napp.get('/posts', async (req, res) => {\n  res.json(await db.post.findMany({ take: 500 }));\n});\n",
};

describe("settings.perfScan", () => {
  it("clients, frameworks and pagination reach the engine as in a config file", async () => {
    const root = project(files);
    expect(await lint(root, undefined)).toEqual([]);
    const clients = { perfScan: { clients: [{ module: "~/server/db", export: "db" }] } };
    expect(await lint(root, clients)).toEqual(["src/feed.ts:4 perf-scan/n-plus-one"]);
    const paged = { perfScan: { ...clients.perfScan, pagination: { maxPageSize: 100 } } };
    expect(await lint(root, paged)).toEqual(["src/feed.ts:4 perf-scan/n-plus-one", "src/server.ts:6 perf-scan/missing-pagination"]);
    const noExpress = { perfScan: { ...paged.perfScan, frameworks: ["nestjs"] } };
    expect(await lint(root, noExpress)).toEqual(["src/feed.ts:4 perf-scan/n-plus-one", "src/server.ts:6 perf-scan/unbounded-query"]);
  });

  it("the take suggestion stays within maxPageSize, and is not offered for a read that already has a take", async () => {
    const root = project({
      ...files,
      "src/report.ts": "import { db } from '~/server/db';\n\nexport async function all() {\n  return db.post.findMany({ where: { published: true } });\n}\nexport async function big() {\n  return db.post.findMany({ where: { published: true }, take: 500 });\n}\n",
    });
    clearScanCache();
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } },
        { ...plugin.configs.recommended, files: ["**/*.ts"], settings: { perfScan: { clients: [{ module: "~/server/db", export: "db" }], pagination: { maxPageSize: 50 } } } },
      ],
    });
    const [result] = await eslint.lintFiles(["src/report.ts"]);
    const unbounded = result!.messages.filter((message) => message.ruleId === "perf-scan/unbounded-query");
    expect(unbounded.map((message) => message.line)).toEqual([4, 7]);
    expect(unbounded[0]!.suggestions?.map((suggestion) => suggestion.desc)).toEqual(["Add `take: 50` (confirm the limit fits this read)."]);
    expect(unbounded[0]!.suggestions?.[0]?.fix.text).toBe("take: 50 /* confirm this limit */, ");
    expect(unbounded[1]!.suggestions ?? []).toEqual([]);
  });

  it("a mistake is one line with the key path; keys the config file has but settings do not read are refused", async () => {
    const root = project(files);
    await expect(lint(root, { perfScan: { frameworks: ["rails"] } })).rejects.toThrow(
      "perf-scan: settings.perfScan: `/frameworks/0` must be one of express, fastify, koa, hono, hapi, nestjs, nextjs, remix, trpc, orpc, graphql",
    );
    await expect(lint(root, { perfScan: { pagination: { maxPageSize: 0 } } })).rejects.toThrow("perf-scan: settings.perfScan: `/pagination/maxPageSize` must be >= 1");
    await expect(lint(root, { perfScan: { rules: { "n-plus-one": "off" } } })).rejects.toThrow("perf-scan: settings.perfScan has the key `rules`, which is not read here");
    await expect(lint(root, { perfScan: ["~/server/db"] })).rejects.toThrow("perf-scan: settings.perfScan must be an object");
  });
});
