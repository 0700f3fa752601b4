import { describe, expect, it } from "vitest";
import { expectMarked, expectNone, findingAt, lineOf, prismaProject, sequelizeProject, typeormProject } from "../support/project.js";

const RULE = "in-memory-filter" as const;

describe(RULE, () => {
  describe("positive: rows of an unbounded fetch filtered on their columns", () => {
    it("Prisma (await findMany()).filter(p => p.stock < p.reorderAt): reported at the filter, related points at the query", async () => {
      const files = {
        ...prismaProject("none"),
        "src/stock.ts": `import { prisma } from './db';

export async function lowStock() {
  return (await prisma.product.findMany()).filter((p) => p.stock < p.reorderAt); // expect: in-memory-filter
}

export async function admins() {
  const users = await prisma.user.findMany({ orderBy: { name: 'asc' } });
  const admins = users.filter((u) => u.role === 'admin'); // expect: in-memory-filter
  return admins.map((a) => a.email);
}
`,
      };
      const result = await expectMarked(files, RULE);
      const line = lineOf(files, "src/stock.ts", "users.filter");
      const finding = findingAt(result, RULE, "src/stock.ts", line);
      expect(finding).toMatchObject({ orm: "prisma", model: "User", severity: "warning" });
      expect(finding.related).toEqual([expect.objectContaining({ file: "src/stock.ts", line: lineOf(files, "src/stock.ts", "prisma.user.findMany") })]);
      expect(finding.fix).toContain("where");
    });

    it("a fixed set of statuses bounds nothing; rows split into groups by several filters are all kept", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/orders.ts": `import { prisma } from './db';

const OPEN = ['PENDING', 'PAID'] as const;

export async function bigOpenOrders() {
  const open = await prisma.order.findMany({ where: { status: { in: [...OPEN] } } });
  return open.filter((order) => order.amount > 10_000); // expect: in-memory-filter
}

export async function byStatus(userId: number) {
  const orders = await prisma.order.findMany({ where: { userId, status: { in: ['PENDING', 'PAID'] } } });
  return { pending: orders.filter((o) => o.status === 'PENDING'), paid: orders.filter((o) => o.status === 'PAID') };
}

export async function picked(ids: number[]) {
  const orders = await prisma.order.findMany({ where: { id: { in: [1, 2, 3] } } });
  const chosen = await prisma.order.findMany({ where: { id: { in: ids } } });
  return [...orders.filter((o) => o.amount > 5), ...chosen.filter((o) => o.amount > 5)];
}
`,
        },
        RULE,
      );
    });

    it("a find or filter run per element of another list joins the rows to it (a look-up), it does not thin them", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/settings.ts": `import { prisma } from './db';

const KINDS = ['PENDING', 'PAID', 'SHIPPED'] as const;

export async function perKind(userId: number) {
  const orders = await prisma.order.findMany({ where: { userId } });
  return KINDS.map((kind) => ({ kind, first: orders.find((order) => order.status === kind) ?? null }));
}

export async function withOrders(users: { id: number }[], userId: number) {
  const orders = await prisma.order.findMany({ where: { userId } });
  return users.map((user) => ({ ...user, orders: orders.filter((order) => order.userId === user.id) }));
}

export async function busyUsers() {
  const users = await prisma.user.findMany({ include: { _count: { select: { posts: true } } } });
  return users.filter((user) => user._count.posts > 10).map((user) => user.id);
}

export async function soleAuthors() {
  const posts = await prisma.post.findMany({ include: { comments: true } });
  return posts.filter((post) => post.comments.length === 1);
}

export async function pendingPlans(userId: number) {
  const orders = await prisma.order.findMany({ where: { userId } });
  const planned = orders.map((order) => ({ order, plan: planFor(order.status, order.amount) }));
  const direct = orders.map((order) => ({ order, due: dueDate(order.createdAt) })).filter(({ due }) => due < new Date());
  return { pending: planned.filter((entry) => entry.plan.steps > 0), direct };
}

export async function mappedColumns(userId: number) {
  const orders = await prisma.order.findMany({ where: { userId } });
  return orders.map((order) => ({ id: order.id, amount: order.amount, label: String(order.id) })).filter((row) => row.amount > 1000); // expect: in-memory-filter
}

export async function large(userId: number) {
  const orders = await prisma.order.findMany({ where: { userId } });
  return orders.filter((order) => order.amount > 1000); // expect: in-memory-filter
}

function planFor(status: string, amount: number) {
  return { steps: status === 'PENDING' ? amount : 0 };
}

function dueDate(createdAt: Date) {
  return new Date(createdAt.getTime() + 86_400_000);
}
`,
        },
        RULE,
      );
    });

    it("Prisma rows.find() by a column against a parameter (fetch all, keep one)", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/find.ts": `import { prisma } from './db';

export async function byEmail(email: string) {
  const users = await prisma.user.findMany();
  return users.find((u) => u.email === email); // expect: in-memory-filter
}
`,
        },
        RULE,
      );
    });

    it("Prisma rows.filter() with a destructuring callback", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/paid.ts": `import { prisma } from './db';

export async function paid() {
  const orders = await prisma.order.findMany();
  return orders.filter(({ status }) => status === 'PAID'); // expect: in-memory-filter
}
`,
        },
        RULE,
      );
    });

    it("Prisma through a PrismaClient parameter and a class extends PrismaClient", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/typed.ts": `import { PrismaClient } from '@prisma/client';

class Db extends PrismaClient {}
const db = new Db();

export async function drafts(client: PrismaClient) {
  return (await client.post.findMany()).filter((p) => !p.published); // expect: in-memory-filter
}

export async function managers() {
  return (await db.user.findMany()).filter((u) => u.managerId === null); // expect: in-memory-filter
}
`,
        },
        RULE,
      );
    });

    it("TypeORM find() and Sequelize findAll() filtered in JavaScript", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/stock.ts": `import { AppDataSource } from './data-source';
import { Product } from './entities';

export async function lowStock() {
  const products = await AppDataSource.getRepository(Product).find();
  return products.filter((p) => p.stock < p.reorderAt); // expect: in-memory-filter
}
`,
        },
        RULE,
      );
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/stock.ts": `import { Product } from './models';

export async function lowStock() {
  const products = await Product.findAll();
  return products.filter((p) => p.stock < p.reorderAt); // expect: in-memory-filter
}
`,
        },
        RULE,
      );
    });
  });

  describe("positive: more shapes", () => {
    it("TypeORM query builder getMany() without take, then filter", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/qb.ts": `import { AppDataSource } from './data-source';
import { Order } from './entities';

export async function bigOrders() {
  const orders = await AppDataSource.getRepository(Order).createQueryBuilder('o').orderBy('o.id').getMany();
  return orders.filter((o) => o.amount > 10_000); // expect: in-memory-filter
}
`,
        },
        RULE,
      );
    });

    it("Sequelize findAll() rows .find() by a column against a parameter", async () => {
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/find.ts": `import { User } from './models';

export async function byEmail(email: string) {
  const users = await User.findAll();
  return users.find((u) => u.email === email); // expect: in-memory-filter
}
`,
        },
        RULE,
      );
    });

    it("rows returned by a helper in another file, sorted, then filtered", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/products.ts": `import { prisma } from './db';

export function allProducts() {
  return prisma.product.findMany();
}
`,
          "src/low.ts": `import { allProducts } from './products';

export async function lowStock() {
  const products = await allProducts();
  return products.sort((a, b) => a.stock - b.stock).filter((p) => p.stock < p.reorderAt); // expect: in-memory-filter
}
`,
        },
        RULE,
      );
    });
  });

  describe("negative", () => {
    it("filter over a bounded fetch with take, and over an IN-list fetch (with a positive control)", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/filters.ts": `import { prisma } from './db';

export async function recentDrafts() {
  const posts = await prisma.post.findMany({ take: 50, orderBy: { id: 'desc' } });
  return posts.filter((p) => !p.published);
}

export async function adminsAmong(ids: number[]) {
  const users = await prisma.user.findMany({ where: { id: { in: ids } } });
  return users.filter((u) => u.role === 'admin');
}

export async function control() {
  return (await prisma.post.findMany()).filter((p) => p.published); // expect: in-memory-filter
}
`,
        },
        RULE,
      );
    });

    it("TypeORM with take and In(ids); Sequelize with limit", async () => {
      await expectNone(
        {
          ...typeormProject("none"),
          "src/filters.ts": `import { In } from 'typeorm';
import { AppDataSource } from './data-source';
import { Product } from './entities';

const products = AppDataSource.getRepository(Product);

export async function low(ids: number[]) {
  const some = await products.findBy({ id: In(ids) });
  const page = await products.find({ take: 20 });
  return [...some.filter((p) => p.stock < p.reorderAt), ...page.filter((p) => p.stock === 0)];
}
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...sequelizeProject("none"),
          "src/filters.ts": `import { Product } from './models';

export async function low() {
  const page = await Product.findAll({ limit: 20 });
  return page.filter((p) => p.stock < p.reorderAt);
}
`,
        },
        RULE,
      );
    });

    it("`x !== null` / Boolean filters that read no column of an unbounded fetch", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/managers.ts": `import { prisma } from './db';

export async function managerIds() {
  const users = await prisma.user.findMany();
  const ids = users.map((u) => u.managerId).filter((id) => id !== null);
  const present = users.filter((u) => u !== null);
  const truthy = users.map((u) => u.managerId).filter(Boolean);
  return { ids, present, truthy };
}
`,
        },
        RULE,
      );
    });

    it("rows also read besides the filter (mapped, iterated) are fetched whole anyway; a presence check, an empty default, a count or a fold does not count", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/orders.ts": `import { prisma } from './db';

export async function labelsAndBig() {
  const orders = await prisma.order.findMany();
  const labels = new Map(orders.map((order) => [order.id, order.status]));
  return { labels, big: orders.filter((order) => order.amount > 10_000) };
}

export async function statusesAndFree() {
  const orders = await prisma.order.findMany();
  const statuses: string[] = [];
  for (const order of orders) statuses.push(order.status);
  return { statuses, free: orders.find((order) => order.amount === 0) };
}

export async function byIdAndBig() {
  const orders = await prisma.order.findMany();
  const byId = orders.reduce((map, order) => map.set(order.id, order), new Map());
  return { byId, big: orders.filter((order) => order.amount > 10_000) };
}

export async function totalAndBig() {
  const orders = await prisma.order.findMany();
  const big = orders.filter((order) => order.amount > 10_000); // expect: in-memory-filter
  return { total: orders.length, sum: orders.reduce((sum, order) => sum + order.amount, 0), big };
}

export async function bigOnes() {
  const orders = await prisma.order.findMany();
  if (!orders) return [];
  return orders.filter((order) => order.amount > 10_000); // expect: in-memory-filter
}

export async function bigOrNone() {
  const orders = await prisma.order.findMany();
  return (orders ?? []).filter((order) => order.amount > 10_000); // expect: in-memory-filter
}

export async function sortedBig() {
  const orders = await prisma.order.findMany();
  return orders.slice().sort((a, b) => a.amount - b.amount).filter((order) => order.amount > 10_000); // expect: in-memory-filter
}
`,
        },
        RULE,
      );
    });

    it("filters over request data", async () => {
      await expectNone(
        {
          ...prismaProject("express"),
          "src/app.ts": `import express from 'express';
import { prisma } from './db';

const app = express();

app.post('/items', async (req, res) => {
  const items: { sku: string; qty: number }[] = req.body.items;
  const wanted = items.filter((i) => i.qty > 0);
  const products = await prisma.product.findMany({ where: { sku: { in: wanted.map((i) => i.sku) } } });
  res.json({ wanted, products });
});

app.listen(3000);
`,
        },
        RULE,
      );
    });
  });
});
