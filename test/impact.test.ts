import { describe, expect, it } from "vitest";
import { lineOf, prismaProject, scanProject } from "./support/project.js";

const files = {
  ...prismaProject("express"),
  "src/routes/feed.ts": `import express from 'express';
import { prisma } from '../db';
import { commentCount } from '../services/comments';

export const router = express.Router();

router.get('/api/feed', async (req, res) => {
  const posts = await prisma.post.findMany({ where: { published: true }, take: 50 });
  const out = [];
  for (const post of posts) {
    out.push({ ...post, comments: await commentCount(post.id) });
  }
  res.json(out);
});

router.get('/api/users/:id', async (req, res) => {
  const user = await prisma.user.findUnique({ where: { id: Number(req.params.id) } });
  res.json(user);
});
`,
  "src/services/comments.ts": `import { prisma } from '../db';

export async function commentCount(postId: number) {
  return prisma.comment.count({ where: { postId } });
}
`,
  "src/jobs/export.ts": `import { prisma } from '../db';

export async function exportUsers() {
  return prisma.$queryRaw\`SELECT * FROM "User"\`;
}
`,
};

describe("impact model and ranking", () => {
  it("ranks an N+1 on a list endpoint above a SELECT * in a job, and fills impact from static facts", async () => {
    const result = await scanProject(files);
    const [first, ...others] = result.findings;
    expect(first).toMatchObject({ rank: 1, ruleId: "n-plus-one", file: "src/routes/feed.ts", line: lineOf(files, "src/routes/feed.ts", "commentCount(post.id)") });
    expect(first!.impact).toMatchObject({ hotPath: true, endpoint: "GET /api/feed", effort: "medium", estimatedQueries: "1 + N (N = up to 50)" });
    const selectStar = others.find((f) => f.ruleId === "select-star")!;
    expect(selectStar.file).toBe("src/jobs/export.ts");
    expect(selectStar.impact).toMatchObject({ hotPath: false, endpoint: null, effort: "low" });
    expect(selectStar.impact.score).toBeLessThan(first!.impact.score);
    // ranks are 1..n in order of score
    expect(result.findings.map((f) => f.rank)).toEqual(result.findings.map((_, index) => index + 1));
    for (let i = 1; i < result.findings.length; i++) expect(result.findings[i - 1]!.impact.score).toBeGreaterThanOrEqual(result.findings[i]!.impact.score);
  });

  it("weighs an N+1 by what each iteration reads, as the schema tells: a primary-key lookup less than a set of child rows", async () => {
    const loops = {
      ...prismaProject("express"),
      "src/routes/posts.ts": `import express from 'express';
import { prisma } from '../db';

export const router = express.Router();

router.get('/api/posts', async (_req, res) => {
  const posts = await prisma.post.findMany({ take: 50 });
  const out = [];
  for (const post of posts) {
    const author = await prisma.user.findFirst({ where: { id: post.authorId } });
    const comments = await prisma.comment.findMany({ where: { postId: post.id } });
    out.push({ ...post, author, comments });
  }
  res.json(out);
});
`,
    };
    const result = await scanProject(loops);
    const at = (needle: string) => result.findings.find((f) => f.ruleId === "n-plus-one" && f.line === lineOf(loops, "src/routes/posts.ts", needle))!;
    const lookup = at("prisma.user.findFirst");
    const children = at("prisma.comment.findMany");
    expect(lookup.impact.estimatedQueries).toBe("1 + N (N = up to 50; each a primary-key lookup)");
    expect(children.impact.estimatedQueries).toBe("1 + N (N = up to 50; each reading a set of child rows)");
    expect(children.impact.score).toBeGreaterThan(lookup.impact.score);
    expect(children.impact.score / lookup.impact.score).toBeCloseTo(1.25 / 0.8, 5);
  });

  it("names the endpoint that dominates as the bottleneck, at its handler", async () => {
    const result = await scanProject(files);
    expect(result.bottlenecks[0]).toMatchObject({ name: "GET /api/feed", file: "src/routes/feed.ts", line: lineOf(files, "src/routes/feed.ts", "router.get('/api/feed'") });
    expect(result.bottlenecks[0]!.findings).toContain(1);
  });

  it("is deterministic: the same scan twice gives the same ranks and scores", async () => {
    const a = await scanProject(files);
    const b = await scanProject(files);
    expect(b.findings.map((f) => [f.rank, f.file, f.line, f.ruleId, f.impact.score])).toEqual(a.findings.map((f) => [f.rank, f.file, f.line, f.ruleId, f.impact.score]));
  });

  it("an unbounded read says which rows it grows with", async () => {
    const result = await scanProject({
      ...prismaProject("express"),
      "src/routes/orders.ts": `import express from 'express';
import { prisma } from '../db';

export const router = express.Router();

router.get('/api/users/:id/total', async (req, res) => {
  const posts = await prisma.post.findMany({ where: { authorId: Number(req.params.id) } });
  res.json({ total: posts.length });
});
`,
    });
    const counted = result.findings.find((f) => f.ruleId === "count-via-length")!;
    expect(counted.impact).toMatchObject({ estimatedRows: "∝ rows of Post where authorId = …", endpoint: "GET /api/users/:id/total", effort: "low" });
  });
});

describe("impact of a client per request", () => {
  it("an unclosed client per request outranks an N+1 (it exhausts connections); one closed in finally ranks low", async () => {
    const result = await scanProject({
      ...prismaProject("express"),
      "src/routes.ts": `import express from 'express';
import { PrismaClient } from '@prisma/client';
import { prisma } from './db';

export const router = express.Router();

router.get('/search', async (req, res) => {
  const replica = new PrismaClient();
  res.json(await replica.user.findMany({ where: { name: String(req.query.q) }, take: 10 }));
});

router.get('/healthz', async (_req, res) => {
  const probe = new PrismaClient();
  try {
    await probe.$queryRaw\`SELECT 1\`;
    res.json({ ok: true });
  } finally {
    await probe.$disconnect();
  }
});

router.get('/feed', async (_req, res) => {
  const posts = await prisma.post.findMany();
  for (const post of posts) await prisma.comment.count({ where: { postId: post.id } });
  res.json(posts);
});
`,
    });
    const ranked = result.findings.map((f) => `${f.ruleId}@${f.impact.endpoint}`);
    expect(ranked[0]).toBe("client-per-request@GET /search");
    expect(ranked[1]).toBe("n-plus-one@GET /feed");
    const closed = result.findings.find((f) => f.ruleId === "client-per-request" && f.impact.endpoint === "GET /healthz")!;
    expect(closed.rank).toBeGreaterThan(2);
  });
});

describe("endpoint names include the prefix a router or plugin is mounted at", () => {
  it("Express app.use('/api/admin', router) in another file, and Fastify register(plugin, { prefix })", async () => {
    const result = await scanProject({
      ...prismaProject("express"),
      "src/app.ts": `import express from 'express';
import { adminRouter } from './routes/admin';
import { plugin } from './routes/plugin';

const app = express();
app.use('/api/admin', adminRouter);
export const fastifyApp = { register(_p: unknown, _o: unknown) {} };
fastifyApp.register(plugin, { prefix: '/v2' });
`,
      "src/routes/admin.ts": `import express from 'express';
import { prisma } from '../db';

export const adminRouter = express.Router();

adminRouter.get('/users', async (_req, res) => {
  const users = await prisma.user.findMany();
  for (const user of users) await prisma.post.count({ where: { authorId: user.id } });
  res.json(users);
});
`,
      "src/routes/plugin.ts": `import { prisma } from '../db';

export const plugin = async (app: any) => {
  app.get('/posts', async () => {
    const posts = await prisma.post.findMany();
    for (const post of posts) await prisma.comment.count({ where: { postId: post.id } });
    return posts;
  });
};
`,
    });
    const endpoints = new Set(result.findings.map((f) => f.impact.endpoint));
    expect(endpoints).toContain("GET /api/admin/users");
    expect(endpoints).toContain("GET /v2/posts");
    expect(endpoints).not.toContain("GET /users");
  });
});
