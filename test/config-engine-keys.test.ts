// The config keys that reach the engine — `clients`, `frameworks`, `pagination` — through the built CLI
// (bin/perf-scan.js → dist/src/cli.js; `npm test` builds first), on small projects written into temp dirs.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./fixtures-cli/validators.js";

const BIN = resolve(repoRoot, "bin/perf-scan.js");
const NOTE_LINE = /^perf-scan: note: .*\n/gm;

interface Finding {
  ruleId: string;
  file: string;
  line: number;
  orm: string;
  confidence: string;
  message: string;
  fix: string;
  impact: { hotPath: boolean; endpoint: string | null };
}
interface Report {
  findings: Finding[];
  summary: { frameworks: string[]; orms: string[] };
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "perf-scan-keys-"));
  tempDirs.push(root);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: "utf8", timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.replace(NOTE_LINE, "") };
}

/** A JSON scan of `paths` (default `.`) in `root`; the config is found in `root` unless `--config` is among `extra`. */
function report(root: string, extra: string[] = [], paths = ["."]): Report {
  const result = run(["--format", "json", "--fail-on", "none", ...extra, ...paths], root);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

function withConfig(files: Record<string, string>, config: unknown): Record<string, string> {
  return { ...files, "perf-scan.config.json": JSON.stringify(config) };
}

/** `file:line rule` of every finding (of one rule when given), sorted. */
function sites(result: Report, ruleId?: string): string[] {
  return result.findings
    .filter((finding) => ruleId === undefined || finding.ruleId === ruleId)
    .map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)
    .sort();
}

// ---------------------------------------------------------------------------------------------------------------

describe("config validation of clients, frameworks and pagination", () => {
  const cases: [string, unknown, string][] = [
    ["clients that is not a list", { clients: { module: "~/server/db", export: "db" } }, "`/clients` must be array"],
    ["a client module without its export", { clients: [{ module: "~/server/db" }] }, "`/clients/0` must have required property 'export'"],
    ["a client of an ORM perf-scan does not know", { clients: [{ module: "~/server/db", export: "db", orm: "drizzle" }] }, "`/clients/0/orm` must be one of prisma, typeorm, sequelize"],
    ["a client with a name and a module", { clients: [{ name: "db", module: "~/server/db" }] }, "`/clients/0/module` is not allowed here"],
    ["a client with an unknown key", { clients: [{ module: "~/server/db", export: "db", kind: "prisma" }] }, "`/clients/0` has an unknown key `kind`"],
    ["a client name that is not an identifier", { clients: [{ name: "ctx.db" }] }, '`/clients/0/name` must match pattern "^[A-Za-z_$][A-Za-z0-9_$]*$"'],
    ["frameworks that is not a list", { frameworks: "express" }, "`/frameworks` must be array"],
    ["an unknown framework", { frameworks: ["express", "rails"] }, "`/frameworks/1` must be one of express, fastify, koa, hono, hapi, nestjs, nextjs, remix, trpc, orpc, graphql"],
    ["a page size that is not a whole number", { pagination: { maxPageSize: "100" } }, "`/pagination/maxPageSize` must be integer"],
    ["a page size below one", { pagination: { maxPageSize: 0 } }, "`/pagination/maxPageSize` must be >= 1"],
    ["an unknown pagination key", { pagination: { maxTake: 100 } }, "`/pagination` has an unknown key `maxTake`"],
    ["a rule that does not exist", { rules: { "n-plus-two": "error" } }, "`/rules` has an unknown key `n-plus-two` (expected one of n-plus-one, unbounded-query, missing-pagination, select-star, count-via-length, in-memory-aggregation, in-memory-filter, client-per-request, unindexed-filter, unindexed-foreign-key)"],
  ];
  const source = { "src/a.ts": "export const a = 1;\n" };
  for (const [title, config, message] of cases) {
    it(`${title}: one line naming the file, the key path and the expectation, exit 2`, () => {
      const root = project(withConfig(source, config));
      const result = run(["."], root);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`perf-scan: perf-scan.config.json: ${message}\n`);
      expect(result.stdout).toBe("");
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------

describe("clients: a wrapped ORM client", () => {
  // The wrapper builds the client with a factory from a package that is not installed: nothing in the code says
  // it is a PrismaClient, and the project itself does not depend on an ORM.
  const wrapped = {
    "package.json": JSON.stringify({ name: "shop", private: true, dependencies: { "@acme/db-core": "^1.0.0" } }),
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, baseUrl: ".", paths: { "~/*": ["./src/*"] } } }),
    "src/server/db.ts": "import { createDb } from '@acme/db-core';\n\nexport const db = createDb(process.env.DATABASE_URL);\n// The read replica.\nexport default createDb(process.env.REPLICA_URL);\n",
    "src/routes/feed.ts": [
      "import { db } from '~/server/db';",
      "",
      "export async function feed(authorIds: string[]) {",
      "  const pages = [];",
      "  for (const authorId of authorIds) {",
      "    pages.push(await db.post.findMany({ where: { authorId }, take: 20 }));",
      "  }",
      "  return pages;",
      "}",
      "",
    ].join("\n"),
    // The same file, imported by a relative path: matched by the file the alias resolves to.
    "src/routes/authors.ts": [
      "import { db } from '../server/db';",
      "",
      "export async function authors(ids: string[]) {",
      "  return Promise.all(ids.map((id) => db.user.findMany({ where: { teamId: id }, take: 5 })));",
      "}",
      "",
    ].join("\n"),
    // The default export (another client) under another local name.
    "src/routes/stats.ts": [
      "import client from '~/server/db';",
      "",
      "export async function stats(ids: string[]) {",
      "  for (const id of ids) await client.order.count({ where: { customerId: id } });",
      "}",
      "",
    ].join("\n"),
  };
  const N_PLUS_ONES = ["src/routes/authors.ts:4 n-plus-one", "src/routes/feed.ts:6 n-plus-one"];

  it("without the key the wrapper is opaque and nothing is found; with it, db.post.findMany in a loop is an N+1", () => {
    expect(sites(report(project(wrapped)))).toEqual([]);
    const configured = report(project(withConfig(wrapped, { clients: [{ module: "~/server/db", export: "db" }] })));
    expect(sites(configured)).toEqual(N_PLUS_ONES);
    expect(configured.findings.every((finding) => finding.orm === "prisma")).toBe(true);
    expect(configured.summary.orms).toEqual(["prisma"]);
  });

  it("a relative module is relative to the config file's folder; `export` must name the export that holds the client", () => {
    expect(sites(report(project(withConfig(wrapped, { clients: [{ module: "./src/server/db", export: "db" }] }))))).toEqual(N_PLUS_ONES);
    expect(sites(report(project(withConfig(wrapped, { clients: [{ module: "./src/server/db", export: "database" }] }))))).toEqual([]);
    const both = report(project(withConfig(wrapped, { clients: [{ module: "~/server/db", export: "db" }, { module: "~/server/db", export: "default" }] })));
    expect(sites(both)).toEqual([...N_PLUS_ONES, "src/routes/stats.ts:4 n-plus-one"].sort());
  });

  it("the wrapper outside the scanned paths, and a generated wrapper that does not exist yet, match too", () => {
    const root = project({
      ...wrapped,
      "config/perf-scan.json": JSON.stringify({ clients: [{ module: "../src/server/db", export: "db" }, { module: "~/generated/client", export: "prisma" }] }),
      "src/routes/generated.ts": [
        "import { prisma } from '~/generated/client';",
        "",
        "export async function tags(postIds: string[]) {",
        "  for (const postId of postIds) await prisma.tag.findMany({ where: { postId }, take: 10 });",
        "}",
        "",
      ].join("\n"),
    });
    // Only src/routes is scanned: src/server/db.ts is read as an import, never scanned.
    const result = report(root, ["--config", "config/perf-scan.json"], ["src/routes"]);
    expect(sites(result)).toEqual(["src/routes/authors.ts:4 n-plus-one", "src/routes/feed.ts:6 n-plus-one", "src/routes/generated.ts:4 n-plus-one"]);
    expect(sites(report(root, [], ["src/routes"]))).toEqual([]);
  });

  it("a workspace package by name, imported from another package of the monorepo", () => {
    const root = project({
      "package.json": JSON.stringify({ name: "acme", private: true, workspaces: ["packages/*", "apps/*"] }),
      "packages/db/package.json": JSON.stringify({ name: "@acme/db", main: "src/index.ts" }),
      "packages/db/src/index.ts": "export const db: any = (globalThis as any).__acmeDb;\n",
      "apps/api/package.json": JSON.stringify({ name: "@acme/api", dependencies: { "@acme/db": "workspace:*" } }),
      "apps/api/src/sync.ts": [
        "import { db } from '@acme/db';",
        "",
        "export async function sync(ids: string[]) {",
        "  for (const id of ids) await db.invoice.update({ where: { id }, data: { synced: true } });",
        "}",
        "",
      ].join("\n"),
    });
    expect(sites(report(root))).toEqual([]);
    writeFileSync(join(root, "perf-scan.config.json"), JSON.stringify({ clients: [{ module: "@acme/db", export: "db" }] }));
    expect(sites(report(root))).toEqual(["apps/api/src/sync.ts:4 n-plus-one"]);
  });

  it("orm says what the client is: a TypeORM DataSource, a Sequelize instance", () => {
    const files = {
      ...wrapped,
      "src/entities.ts": "export class User {\n  id!: string;\n  teamId!: string;\n}\n",
      "src/routes/typeorm.ts": [
        "import { db } from '~/server/db';",
        "import { User } from '../entities';",
        "",
        "export async function members(teamIds: string[]) {",
        "  for (const teamId of teamIds) await db.getRepository(User).find({ where: { teamId }, take: 10 });",
        "}",
        "",
      ].join("\n"),
      "src/routes/sequelize.ts": [
        "import { db } from '~/server/db';",
        "",
        "export async function members(teamIds: string[]) {",
        "  for (const teamId of teamIds) await db.models.User.findAll({ where: { teamId }, limit: 10 });",
        "}",
        "",
      ].join("\n"),
    };
    const typeorm = report(project(withConfig(files, { clients: [{ module: "~/server/db", export: "db", orm: "typeorm" }] })));
    expect(sites(typeorm)).toEqual(["src/routes/typeorm.ts:5 n-plus-one"]);
    expect(typeorm.findings[0]!.orm).toBe("typeorm");
    const sequelize = report(project(withConfig(files, { clients: [{ module: "~/server/db", export: "db", orm: "sequelize" }] })));
    expect(sites(sequelize)).toEqual(["src/routes/sequelize.ts:4 n-plus-one"]);
    expect(sequelize.findings[0]!.orm).toBe("sequelize");
  });

  it("a name is a global or a context property, never a variable the code declares (a Map called db stays a Map)", () => {
    const files = {
      "package.json": JSON.stringify({ name: "worker", private: true }),
      "src/global.ts": "export async function a(ids: string[]) {\n  for (const id of ids) await db.post.findMany({ where: { authorId: id }, take: 5 });\n}\n",
      "src/context.ts": "export async function b(ctx: any, ids: string[]) {\n  for (const id of ids) await ctx.db.post.findMany({ where: { authorId: id }, take: 5 });\n}\n",
      "src/global-this.ts": "export async function c(ids: string[]) {\n  for (const id of ids) await (globalThis as any).db.post.findMany({ where: { authorId: id }, take: 5 });\n}\n",
      "src/local.ts": [
        "export async function d(keys: string[]) {",
        "  const db = new Map<string, number>();",
        "  for (const key of keys) db.delete(key);",
        "  for (const key of keys) db.delete('User');",
        "  return db;",
        "}",
        "",
      ].join("\n"),
      "src/parameter.ts": "export async function e(db: Map<string, string>, keys: string[]) {\n  for (const key of keys) await db.delete(key);\n}\n",
    };
    expect(sites(report(project(files)))).toEqual([]);
    expect(sites(report(project(withConfig(files, { clients: [{ name: "db" }] }))))).toEqual(["src/context.ts:2 n-plus-one", "src/global-this.ts:2 n-plus-one", "src/global.ts:2 n-plus-one"]);
    // TypeORM's manager has delete(Entity, …): a declared Map's delete('User') must still not count.
    expect(sites(report(project(withConfig(files, { clients: [{ name: "db", orm: "typeorm" }] }))))).toEqual([]);
  });

  it("--suppress-all baselines the findings the configured clients reveal", () => {
    const root = project(withConfig(wrapped, { clients: [{ module: "~/server/db", export: "db" }] }));
    expect(run(["--suppress-all", "."], root).status).toBe(0);
    const baseline = JSON.parse(readFileSync(join(root, "perf-scan-suppressions.json"), "utf8")) as Record<string, Record<string, { count: number }>>;
    expect(baseline["src/routes/feed.ts"]?.["n-plus-one"]?.count).toBe(1);
    expect(sites(report(root))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("frameworks: which handlers are requests", () => {
  const api = {
    "package.json": JSON.stringify({ name: "api", private: true, dependencies: { "@prisma/client": "^5.0.0", express: "^4.0.0", "@nestjs/common": "^10.0.0", "@nestjs/graphql": "^12.0.0" } }),
    "src/db.ts": "import { PrismaClient } from '@prisma/client';\n\nexport const prisma = new PrismaClient();\n",
    "src/server.ts": [
      "import express from 'express';",
      "import { PrismaClient } from '@prisma/client';",
      "import { prisma } from './db';",
      "",
      "export const app = express();",
      "app.get('/users', async (req, res) => {",
      "  res.json(await prisma.user.findMany({ where: { active: true } }));",
      "});",
      "app.get('/report', async (req, res) => {",
      "  const client = new PrismaClient();",
      "  res.json(await client.invoice.count());",
      "});",
      "app.get('/teams', async (req, res) => {",
      "  const teams = await prisma.team.findMany({ take: 20 });",
      "  for (const team of teams) await prisma.member.count({ where: { teamId: team.id } });",
      "  res.json(teams);",
      "});",
      "",
    ].join("\n"),
    "src/orders.controller.ts": [
      "import { Controller, Get } from '@nestjs/common';",
      "import { prisma } from './db';",
      "",
      "@Controller('orders')",
      "export class OrdersController {",
      "  @Get()",
      "  list() {",
      "    return prisma.order.findMany({ where: { open: true } });",
      "  }",
      "}",
      "",
    ].join("\n"),
    "src/posts.resolver.ts": [
      "import { Query, Resolver } from '@nestjs/graphql';",
      "import { prisma } from './db';",
      "",
      "@Resolver()",
      "export class PostsResolver {",
      "  @Query()",
      "  async posts() {",
      "    const posts = await prisma.post.findMany({ take: 20 });",
      "    for (const post of posts) await prisma.comment.count({ where: { postId: post.id } });",
      "    return posts;",
      "  }",
      "}",
      "",
    ].join("\n"),
  };
  const hot = (result: Report, file: string) => result.findings.find((finding) => finding.file === file && finding.ruleId === "n-plus-one")!.impact.hotPath;

  it("by default every framework registers handlers", () => {
    const result = report(project(api));
    expect(sites(result)).toEqual([
      "src/orders.controller.ts:8 missing-pagination",
      "src/posts.resolver.ts:9 n-plus-one",
      "src/server.ts:10 client-per-request",
      "src/server.ts:15 n-plus-one",
      "src/server.ts:7 missing-pagination",
    ]);
    expect(result.summary.frameworks).toEqual(["express", "nestjs"]);
    expect([hot(result, "src/server.ts"), hot(result, "src/posts.resolver.ts")]).toEqual([true, true]);
  });

  it("[\"nestjs\"]: Express routes are no longer requests (no missing-pagination, no client-per-request, not on the hot path)", () => {
    const result = report(project(withConfig(api, { frameworks: ["nestjs"] })));
    expect(sites(result)).toEqual([
      "src/orders.controller.ts:8 missing-pagination",
      "src/posts.resolver.ts:9 n-plus-one",
      "src/server.ts:15 n-plus-one",
      "src/server.ts:7 unbounded-query",
    ]);
    expect(result.summary.frameworks).toEqual(["nestjs"]);
    expect([hot(result, "src/server.ts"), hot(result, "src/posts.resolver.ts")]).toEqual([false, false]);
  });

  it("[\"express\", \"graphql\"]: Express routes and GraphQL operations, not the NestJS controller", () => {
    const result = report(project(withConfig(api, { frameworks: ["express", "graphql"] })));
    expect(sites(result)).toEqual([
      "src/orders.controller.ts:8 unbounded-query",
      "src/posts.resolver.ts:9 n-plus-one",
      "src/server.ts:10 client-per-request",
      "src/server.ts:15 n-plus-one",
      "src/server.ts:7 missing-pagination",
    ]);
    expect(result.summary.frameworks).toEqual(["express"]);
    expect([hot(result, "src/server.ts"), hot(result, "src/posts.resolver.ts")]).toEqual([true, true]);
  });

  it("[]: no request handlers at all (a worker)", () => {
    const result = report(project(withConfig(api, { frameworks: [] })));
    expect(sites(result).filter((site) => /missing-pagination|client-per-request/.test(site))).toEqual([]);
    expect(result.summary.frameworks).toEqual([]);
  });

  it("in a project with two routers, the listed one owns the route calls; a router it does not depend on owns nothing", () => {
    const twoRouters = { ...api, "package.json": JSON.stringify({ name: "api", private: true, dependencies: { "@prisma/client": "^5.0.0", express: "^4.0.0", fastify: "^4.0.0" } }) };
    // Without the key, fastify wins the detection: the routes are Fastify's.
    expect(report(project(twoRouters)).summary.frameworks).toEqual(["fastify", "nestjs"]);
    const express = report(project(withConfig(twoRouters, { frameworks: ["express"] })));
    expect(express.summary.frameworks).toEqual(["express"]);
    expect(sites(express, "missing-pagination")).toEqual(["src/server.ts:7 missing-pagination"]);
    const koa = report(project(withConfig(twoRouters, { frameworks: ["koa"] })));
    expect(koa.summary.frameworks).toEqual([]);
    expect(sites(koa, "missing-pagination")).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("pagination.maxPageSize: the largest take/limit that bounds a read", () => {
  const files = {
    "package.json": JSON.stringify({ name: "shop", private: true, dependencies: { "@prisma/client": "^5.0.0", express: "^4.0.0", typeorm: "^0.3.0", sequelize: "^6.0.0" } }),
    "src/db.ts": "import { PrismaClient } from '@prisma/client';\n\nexport const prisma = new PrismaClient();\n",
    "src/server.ts": [
      "import express from 'express';",
      "import { prisma } from './db';",
      "",
      "const PAGE = 500;",
      "export const app = express();",
      "app.get('/posts', async (req, res) => {",
      "  res.json(await prisma.post.findMany({ orderBy: { createdAt: 'desc' }, take: 500 }));",
      "});",
      "app.get('/recent', async (req, res) => {",
      "  res.json(await prisma.post.findMany({ orderBy: { createdAt: 'desc' }, take: 50 }));",
      "});",
      "app.get('/comments', async (req, res) => {",
      "  res.json(await prisma.comment.findMany({ take: PAGE }));",
      "});",
      "app.get('/search', async (req, res) => {",
      "  res.json(await prisma.post.findMany({ take: Number(req.query.take) }));",
      "});",
      "",
    ].join("\n"),
    "src/nightly.ts": [
      "import { prisma } from './db';",
      "import { mailInvoices } from './mail';",
      "",
      "export async function nightly() {",
      "  const invoices = await prisma.invoice.findMany({ where: { paid: false }, take: 500 });",
      "  await mailInvoices(invoices);",
      "}",
      "",
    ].join("\n"),
    "src/mail.ts": "export async function mailInvoices(rows: unknown[]): Promise<void> {\n  void rows;\n}\n",
    "src/typeorm.ts": [
      "import { DataSource } from 'typeorm';",
      "import { Invoice } from './invoice.entity';",
      "",
      "const dataSource = new DataSource({ type: 'postgres' });",
      "",
      "export async function overdue() {",
      "  return dataSource.getRepository(Invoice).createQueryBuilder('i').where('i.paid = false').take(500).getMany();",
      "}",
      "",
    ].join("\n"),
    "src/invoice.entity.ts": "import { Entity, PrimaryColumn } from 'typeorm';\n\n@Entity()\nexport class Invoice {\n  @PrimaryColumn() id!: string;\n}\n",
    "src/sequelize.ts": [
      "import { Model } from 'sequelize';",
      "",
      "export class Refund extends Model {}",
      "",
      "export async function pending() {",
      "  return Refund.findAll({ where: { state: 'pending' }, limit: 500 });",
      "}",
      "",
    ].join("\n"),
  };

  it("without the key any take/limit bounds the read (today's behaviour)", () => {
    expect(sites(report(project(files)))).toEqual([]);
  });

  it("maxPageSize 100: take/limit 500 is too large — missing-pagination in a handler, unbounded-query elsewhere; take: 50 and a take from the request are fine", () => {
    const result = report(project(withConfig(files, { pagination: { maxPageSize: 100 } })));
    expect(sites(result)).toEqual([
      "src/nightly.ts:5 unbounded-query",
      "src/sequelize.ts:6 unbounded-query",
      "src/server.ts:13 missing-pagination",
      "src/server.ts:7 missing-pagination",
      "src/typeorm.ts:7 unbounded-query",
    ]);
    const at = (file: string, line: number) => result.findings.find((finding) => finding.file === file && finding.line === line)!;
    expect(at("src/server.ts", 7).message).toBe("prisma.post.findMany sends up to 500 Post rows in one response of GET /posts: `take: 500` is over this project's largest page, `pagination.maxPageSize: 100`.");
    expect(at("src/nightly.ts", 5).message).toBe("prisma.invoice.findMany reads up to 500 Invoice rows at once: `take: 500` is over this project's largest page, `pagination.maxPageSize: 100`.");
    expect(at("src/nightly.ts", 5).fix).toContain("Lower `take` to at most 100");
    expect(at("src/sequelize.ts", 6).message).toContain("`limit: 500` is over this project's largest page");
    expect(at("src/sequelize.ts", 6).fix).toContain("Lower `limit` to at most 100");
  });

  it("maxPageSize 1000: take 500 is a page", () => {
    expect(sites(report(project(withConfig(files, { pagination: { maxPageSize: 1000 } }))))).toEqual([]);
  });

  it("the bound is inclusive: maxPageSize 500 accepts take 500", () => {
    expect(sites(report(project(withConfig(files, { pagination: { maxPageSize: 500 } }))))).toEqual([]);
    expect(sites(report(project(withConfig(files, { pagination: { maxPageSize: 499 } })))).length).toBe(5);
  });
});
