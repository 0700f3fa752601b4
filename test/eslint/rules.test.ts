// @typescript-eslint/rule-tester on vitest: valid and invalid cases for every rule, in Prisma, TypeORM and
// Sequelize code. Each case is linted as a file inside a small project on disk, as in a real repository.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { RuleTester } from "@typescript-eslint/rule-tester";
import { afterAll, describe, it } from "vitest";
import plugin from "../../eslint-plugin/index.js";
import type { RuleId } from "../../src/types.js";
import { prismaProject, sequelizeProject, typeormProject } from "../support/project.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = mkdtempSync(join(tmpdir(), "perf-scan-eslint-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
function materialise(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const projects = {
  prisma: materialise("prisma", prismaProject("express")),
  typeorm: materialise("typeorm", typeormProject("express")),
  sequelize: materialise("sequelize", sequelizeProject("express")),
};
let counter = 0;
/** A new file name per case: the engine's cache is per file text, and cases must not see each other. */
const file = (orm: keyof typeof projects) => join(projects[orm], "src", `case${++counter}.ts`);

const ruleTester = new RuleTester();

interface Case {
  orm: keyof typeof projects;
  code: string;
  /** 1-based lines the rule must report (invalid cases). */
  lines?: number[];
  /** The suggestion on the first report and the code after it (without the import header). */
  suggestion?: { messageId: "countInstead" | "addTake"; output: string };
}

const IMPORTS = {
  prisma: "import express from 'express';\nimport { PrismaClient } from '@prisma/client';\nimport { prisma } from './db';\nexport const router = express.Router();\n",
  typeorm: "import express from 'express';\nimport { DataSource } from 'typeorm';\nimport { AppDataSource } from './data-source';\nimport { Post, User, Comment, Order, Product } from './entities';\nexport const router = express.Router();\n",
  sequelize: "import express from 'express';\nimport { Sequelize } from 'sequelize';\nimport { Post, User, Comment, Order, Product } from './models';\nexport const router = express.Router();\n",
};
const HEADER_LINES = { prisma: 4, typeorm: 5, sequelize: 4 };

function run(id: RuleId, valid: Case[], invalid: Case[]): void {
  ruleTester.run(id, plugin.rules[id], {
    valid: valid.map((c) => ({ code: IMPORTS[c.orm] + c.code, filename: file(c.orm) })),
    invalid: invalid.map((c) => ({
      code: IMPORTS[c.orm] + c.code,
      filename: file(c.orm),
      errors: c.lines!.map((line, index) => ({
        messageId: "finding" as const,
        line: HEADER_LINES[c.orm] + line,
        ...(index === 0 && c.suggestion && { suggestions: [{ messageId: c.suggestion.messageId, output: IMPORTS[c.orm] + c.suggestion.output }] }),
      })),
    })),
  });
}

run(
  "n-plus-one",
  [
    { orm: "prisma", code: "export async function f() {\n  return prisma.user.findMany({ include: { posts: true }, take: 20 });\n}\n" },
    { orm: "prisma", code: "export async function f(users: { id: number }[]) {\n  const found = users.find((u) => u.id === 1);\n  return new Map(users.map((u) => [u.id, u])).get(found?.id ?? 0);\n}\n" },
    { orm: "typeorm", code: "export async function f() {\n  return AppDataSource.getRepository(User).find({ relations: { posts: true }, take: 20 });\n}\n" },
    { orm: "sequelize", code: "export async function f() {\n  return User.findAll({ include: [{ model: Post, as: 'posts' }], limit: 20 });\n}\n" },
  ],
  [
    { orm: "prisma", code: "export async function f() {\n  const users = await prisma.user.findMany({ take: 20 });\n  for (const u of users) await prisma.post.findMany({ where: { authorId: u.id } });\n}\n", lines: [3] },
    { orm: "typeorm", code: "export async function f() {\n  const users = await AppDataSource.getRepository(User).find({ take: 20 });\n  for (const u of users) await AppDataSource.getRepository(Post).find({ where: { authorId: u.id } });\n}\n", lines: [3] },
    { orm: "sequelize", code: "export async function f() {\n  const users = await User.findAll({ limit: 20 });\n  for (const u of users) await Post.findAll({ where: { authorId: u.id } });\n}\n", lines: [3] },
  ],
);

run(
  "unbounded-query",
  [
    { orm: "prisma", code: "export async function f() {\n  return prisma.post.findMany({ where: { published: true }, take: 50 });\n}\n" },
    { orm: "typeorm", code: "export async function f() {\n  return AppDataSource.getRepository(Post).find({ where: { published: true }, take: 50 });\n}\n" },
    { orm: "sequelize", code: "export async function f() {\n  return Post.findAll({ where: { published: true }, limit: 50 });\n}\n" },
  ],
  [
    {
      orm: "prisma",
      code: "export async function f() {\n  return prisma.post.findMany({ where: { published: true } });\n}\n",
      lines: [2],
      suggestion: { messageId: "addTake", output: "export async function f() {\n  return prisma.post.findMany({ take: 100 /* confirm this limit */, where: { published: true } });\n}\n" },
    },
    {
      orm: "prisma",
      code: "export async function f() {\n  return prisma.post.findMany();\n}\n",
      lines: [2],
      suggestion: { messageId: "addTake", output: "export async function f() {\n  return prisma.post.findMany({ take: 100 /* confirm this limit */ });\n}\n" },
    },
    { orm: "typeorm", code: "export async function f() {\n  return AppDataSource.getRepository(Post).find({ where: { published: true } });\n}\n", lines: [2] },
    { orm: "sequelize", code: "export async function f() {\n  return Post.findAll({ where: { published: true } });\n}\n", lines: [2] },
  ],
);

run(
  "missing-pagination",
  [
    { orm: "prisma", code: "router.get('/posts', async (req, res) => {\n  res.json(await prisma.post.findMany({ take: Math.min(Number(req.query.take ?? 20), 100), skip: Number(req.query.skip ?? 0) }));\n});\n" },
    { orm: "sequelize", code: "router.get('/posts', async (req, res) => {\n  res.json(await Post.findAll({ limit: 20, offset: Number(req.query.offset ?? 0) }));\n});\n" },
  ],
  [
    { orm: "prisma", code: "router.get('/posts', async (_req, res) => {\n  res.json(await prisma.post.findMany());\n});\n", lines: [2] },
    { orm: "typeorm", code: "router.get('/posts', async (_req, res) => {\n  res.json(await AppDataSource.getRepository(Post).find());\n});\n", lines: [2] },
    { orm: "sequelize", code: "router.get('/posts', async (_req, res) => {\n  res.json(await Post.findAll());\n});\n", lines: [2] },
  ],
);

run(
  "select-star",
  [
    { orm: "prisma", code: "export async function f() {\n  return prisma.$queryRaw`SELECT id, title FROM \"Post\" LIMIT 10`;\n}\n" },
    { orm: "typeorm", code: "export async function f() {\n  return AppDataSource.query('SELECT id, title FROM posts LIMIT 10');\n}\n" },
  ],
  [
    { orm: "prisma", code: "export async function f() {\n  return prisma.$queryRaw`SELECT * FROM \"Post\"`;\n}\n", lines: [2] },
    { orm: "typeorm", code: "export async function f() {\n  return AppDataSource.query('SELECT * FROM posts');\n}\n", lines: [2] },
  ],
);

run(
  "count-via-length",
  [
    { orm: "prisma", code: "export async function f(authorId: number) {\n  return prisma.post.count({ where: { authorId } });\n}\n" },
    { orm: "sequelize", code: "export async function f(authorId: number) {\n  return Post.count({ where: { authorId } });\n}\n" },
  ],
  [
    {
      orm: "prisma",
      code: "export async function f(authorId: number) {\n  return (await prisma.post.findMany({ where: { authorId } })).length;\n}\n",
      lines: [2],
      suggestion: { messageId: "countInstead", output: "export async function f(authorId: number) {\n  return (await prisma.post.count({ where: { authorId } }));\n}\n" },
    },
    // `include` has no meaning for count: no suggestion, only the report.
    { orm: "prisma", code: "export async function f(authorId: number) {\n  return (await prisma.post.findMany({ where: { authorId }, include: { comments: true } })).length;\n}\n", lines: [2] },
    { orm: "typeorm", code: "export async function f(authorId: number) {\n  return (await AppDataSource.getRepository(Post).find({ where: { authorId } })).length;\n}\n", lines: [2] },
    { orm: "sequelize", code: "export async function f(authorId: number) {\n  return (await Post.findAll({ where: { authorId } })).length;\n}\n", lines: [2] },
  ],
);

run(
  "in-memory-aggregation",
  [{ orm: "prisma", code: "export async function f(userId: number) {\n  return prisma.order.aggregate({ where: { userId }, _sum: { amount: true } });\n}\n" }],
  [
    { orm: "prisma", code: "export async function f(userId: number) {\n  const orders = await prisma.order.findMany({ where: { userId } });\n  return orders.reduce((sum, o) => sum + o.amount, 0);\n}\n", lines: [3] },
    { orm: "sequelize", code: "export async function f(userId: number) {\n  const orders = await Order.findAll({ where: { userId } });\n  return orders.reduce((sum, o) => sum + o.amount, 0);\n}\n", lines: [3] },
  ],
);

run(
  "in-memory-filter",
  [{ orm: "prisma", code: "export async function f() {\n  return prisma.product.findMany({ where: { stock: { lt: 5 } }, take: 100 });\n}\n" }],
  [
    { orm: "prisma", code: "export async function f() {\n  const products = await prisma.product.findMany();\n  return products.filter((p) => p.stock < p.reorderAt);\n}\n", lines: [3] },
    { orm: "typeorm", code: "export async function f() {\n  const products = await AppDataSource.getRepository(Product).find();\n  return products.filter((p) => p.stock < p.reorderAt);\n}\n", lines: [3] },
  ],
);

run(
  "client-per-request",
  [{ orm: "prisma", code: "router.get('/users/:id', async (req, res) => {\n  res.json(await prisma.user.findUnique({ where: { id: Number(req.params.id) } }));\n});\n" }],
  [
    { orm: "prisma", code: "router.get('/users/:id', async (req, res) => {\n  const db = new PrismaClient();\n  res.json(await db.user.findUnique({ where: { id: Number(req.params.id) } }));\n});\n", lines: [2] },
    { orm: "sequelize", code: "router.get('/ping', async (_req, res) => {\n  const db = new Sequelize(process.env.DATABASE_URL as string);\n  res.json(await db.query('SELECT 1'));\n});\n", lines: [2] },
  ],
);

// The same engine with type information: typescript-eslint's project service supplies the program.
describe("typed (recommendedTypeChecked-style parser options)", () => {
  for (const orm of ["prisma", "typeorm", "sequelize"] as const) {
    const typedTester = new RuleTester({
      languageOptions: { parserOptions: { projectService: { allowDefaultProject: ["src/*.ts"] }, tsconfigRootDir: projects[orm] } },
    });
    const loop = {
      prisma: "export async function f() {\n  const users = await prisma.user.findMany({ take: 20 });\n  for (const u of users) await prisma.post.count({ where: { authorId: u.id } });\n}\n",
      typeorm: "export async function f() {\n  const users = await AppDataSource.getRepository(User).find({ take: 20 });\n  for (const u of users) await AppDataSource.getRepository(Post).count({ where: { authorId: u.id } });\n}\n",
      sequelize: "export async function f() {\n  const users = await User.findAll({ limit: 20 });\n  for (const u of users) await Post.count({ where: { authorId: u.id } });\n}\n",
    }[orm];
    const batched = {
      prisma: "export async function f() {\n  return prisma.user.findMany({ take: 20, include: { _count: { select: { posts: true } } } });\n}\n",
      typeorm: "export async function f() {\n  return AppDataSource.getRepository(User).find({ take: 20, relations: { posts: true } });\n}\n",
      sequelize: "export async function f() {\n  return User.findAll({ limit: 20, include: [{ model: Post, as: 'posts' }] });\n}\n",
    }[orm];
    typedTester.run(`n-plus-one (${orm}, typed)`, plugin.rules["n-plus-one"], {
      valid: [{ code: IMPORTS[orm] + batched, filename: file(orm) }],
      invalid: [{ code: IMPORTS[orm] + loop, filename: file(orm), errors: [{ messageId: "finding", line: HEADER_LINES[orm] + 3 }] }],
    });
  }
});
