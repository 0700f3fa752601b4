import { describe, expect, it } from "vitest";
import { expectMarked, expectNone, findingAt, lineOf, prismaProject, sequelizeProject, typeormProject } from "../support/project.js";

const RULE = "in-memory-aggregation" as const;

describe(RULE, () => {
  describe("positive: fetched rows aggregated in JavaScript", () => {
    it("Prisma rows.reduce with a numeric initial value: reported at the reduce, related points at the query", async () => {
      const files = {
        ...prismaProject("none"),
        "src/revenue.ts": `import { prisma } from './db';

export async function revenue() {
  const orders = await prisma.order.findMany({ where: { status: 'PAID' } });
  return orders.reduce((sum, o) => sum + o.amount, 0); // expect: in-memory-aggregation
}
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/revenue.ts", lineOf(files, "src/revenue.ts", "orders.reduce"));
      expect(finding).toMatchObject({ orm: "prisma", model: "Order", severity: "warning" });
      expect(finding.related).toEqual([expect.objectContaining({ file: "src/revenue.ts", line: lineOf(files, "src/revenue.ts", "prisma.order.findMany") })]);
      expect(finding.fix).toContain("aggregate");
    });

    it("accumulation loop `total += o.amount`: reported at the for statement", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/revenue.ts": `import { prisma } from './db';

export async function revenueOf(userId: number) {
  const orders = await prisma.order.findMany({ where: { userId } });
  let total = 0;
  for (const o of orders) { // expect: in-memory-aggregation
    total += o.amount;
  }
  return total;
}
`,
        },
        RULE,
      );
    });

    it("Math.max(...rows.map(...)) and Math.min", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/prices.ts": `import { prisma } from './db';

export async function priceRange(category: string) {
  const products = await prisma.product.findMany({ where: { category } });
  const max = Math.max(...products.map((p) => p.price)); // expect: in-memory-aggregation
  const min = Math.min(...products.map((p) => p.price)); // expect: in-memory-aggregation
  return { min, max };
}
`,
        },
        RULE,
      );
    });

    it("rows returned by a helper in another file, and rows of a $transaction tx", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/orders.ts": `import { prisma } from './db';

export function paidOrders() {
  return prisma.order.findMany({ where: { status: 'PAID' } });
}
`,
          "src/report.ts": `import { prisma } from './db';
import { paidOrders } from './orders';

export async function report() {
  const orders = await paidOrders();
  const revenue = orders.reduce((sum, o) => sum + o.amount, 0); // expect: in-memory-aggregation
  const stock = await prisma.$transaction(async (tx) => {
    const products = await tx.product.findMany();
    return products.reduce((n, p) => n + p.stock, 0); // expect: in-memory-aggregation
  });
  return { revenue, stock };
}
`,
        },
        RULE,
      );
    });

    it("TypeORM find() rows reduced and summed in forEach", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/revenue.ts": `import { AppDataSource } from './data-source';
import { Order } from './entities';

export async function revenue() {
  const orders = await AppDataSource.getRepository(Order).find({ where: { status: 'paid' } });
  return orders.reduce((sum, o) => sum + o.amount, 0); // expect: in-memory-aggregation
}

export async function pendingTotal() {
  const orders = await AppDataSource.getRepository(Order).findBy({ status: 'pending' });
  let total = 0;
  orders.forEach((o) => { // expect: in-memory-aggregation
    total += o.amount;
  });
  return total;
}
`,
        },
        RULE,
      );
    });

    it("Sequelize findAll rows accumulated in a for-of loop", async () => {
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/revenue.ts": `import { Order } from './models';

export async function revenue() {
  const orders = await Order.findAll({ where: { status: 'paid' } });
  let total = 0;
  for (const order of orders) { // expect: in-memory-aggregation
    total += order.amount;
  }
  return total;
}
`,
        },
        RULE,
      );
    });
  });

  describe("positive: more accumulation shapes", () => {
    it("`total = total + o.amount` in a for-of loop", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/revenue.ts": `import { prisma } from './db';

export async function revenue() {
  const orders = await prisma.order.findMany({ where: { status: 'PAID' } });
  let total = 0;
  for (const o of orders) { // expect: in-memory-aggregation
    total = total + o.amount;
  }
  return total;
}
`,
        },
        RULE,
      );
    });

    it("indexed for loop `total += orders[i].amount`", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/revenue.ts": `import { prisma } from './db';

export async function revenue() {
  const orders = await prisma.order.findMany({ where: { status: 'PAID' } });
  let total = 0;
  for (let i = 0; i < orders.length; i++) { // expect: in-memory-aggregation
    total += orders[i]!.amount;
  }
  return total;
}
`,
        },
        RULE,
      );
    });

    it("mapped to a column then reduced without an initial value, and reduce with Math.max", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/stats.ts": `import { prisma } from './db';

export async function stats() {
  const products = await prisma.product.findMany();
  const stock = products.map((p) => p.stock).reduce((a, b) => a + b); // expect: in-memory-aggregation
  const top = products.reduce((max, p) => Math.max(max, p.price), 0); // expect: in-memory-aggregation
  return { stock, top };
}
`,
        },
        RULE,
      );
    });

    it("average over TypeORM query builder rows", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/avg.ts": `import { AppDataSource } from './data-source';
import { Order } from './entities';

export async function averageOrder() {
  const orders = await AppDataSource.getRepository(Order).createQueryBuilder('o').where('o.status = :s', { s: 'paid' }).getMany();
  return orders.reduce((sum, o) => sum + o.amount, 0) / orders.length; // expect: in-memory-aggregation
}
`,
        },
        RULE,
      );
    });
  });

  describe("negative", () => {
    it("reduce building a Map or an object keyed by column (with a positive control)", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/group.ts": `import { prisma } from './db';

export async function grouped() {
  const orders = await prisma.order.findMany({ where: { status: 'PAID' } });
  const byUser = orders.reduce((map, o) => map.set(o.userId, [...(map.get(o.userId) ?? []), o]), new Map<number, typeof orders>());
  const byStatus = orders.reduce<Record<string, typeof orders>>((acc, o) => {
    (acc[o.status] ??= []).push(o);
    return acc;
  }, {});
  const total = orders.reduce((sum, o) => sum + o.amount, 0); // expect: in-memory-aggregation
  return { byUser, byStatus, total };
}
`,
        },
        RULE,
      );
    });

    it("reduce and Math.max over a request array, loops that do not accumulate, and database aggregates", async () => {
      await expectNone(
        {
          ...prismaProject("express"),
          "src/app.ts": `import express from 'express';
import { prisma } from './db';

const app = express();

app.post('/quote', async (req, res) => {
  const items: { qty: number; price: number }[] = req.body.items;
  const subtotal = items.reduce((sum, i) => sum + i.qty * i.price, 0);
  const biggest = Math.max(...items.map((i) => i.qty));
  const sums = await prisma.order.aggregate({ _sum: { amount: true }, where: { status: 'PAID' } });
  const byStatus = await prisma.order.groupBy({ by: ['status'], _sum: { amount: true } });
  const recent = await prisma.order.findMany({ take: 10, orderBy: { id: 'desc' } });
  for (const o of recent) {
    console.log(o.id, o.amount);
  }
  res.json({ subtotal, biggest, paid: sums._sum.amount, byStatus });
});

app.listen(3000);
`,
        },
        RULE,
      );
    });
  });
});
