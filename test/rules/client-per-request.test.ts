import { describe, expect, it } from "vitest";
import { expectMarked, expectNone, findingAt, lineOf, prismaPackage, prismaProject, sequelizeProject, typeormProject, PRISMA_SCHEMA } from "../support/project.js";

const RULE = "client-per-request" as const;

describe(RULE, () => {
  describe("positive: a client created per request or per item", () => {
    it("new PrismaClient() in an Express handler: error severity, related points at the handler", async () => {
      const files = {
        ...prismaProject("express"),
        "src/app.ts": `import express from 'express';
import { PrismaClient } from '@prisma/client';

const app = express();

app.get('/users/:id', async (req, res) => {
  const prisma = new PrismaClient(); // expect: client-per-request
  const user = await prisma.user.findUnique({ where: { id: Number(req.params.id) } });
  await prisma.$disconnect();
  res.json(user);
});

app.listen(3000);
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/app.ts", lineOf(files, "src/app.ts", "new PrismaClient()"));
      expect(finding).toMatchObject({ severity: "error", orm: "prisma", operation: "new PrismaClient" });
      expect(finding.message).toContain("GET /users/:id");
      expect(finding.related).toEqual([expect.objectContaining({ file: "src/app.ts", line: lineOf(files, "src/app.ts", "app.get('/users/:id'") })]);
    });

    it("new PrismaClient() in a helper in another file called from a handler: reported in the helper", async () => {
      await expectMarked(
        {
          ...prismaProject("express"),
          "src/lib/db.ts": `import { PrismaClient } from '@prisma/client';

export function getDb() {
  return new PrismaClient({ log: ['error'] }); // expect: client-per-request
}
`,
          "src/app.ts": `import express from 'express';
import { getDb } from './lib/db';

const app = express();

app.get('/posts/:id', async (req, res) => {
  const db = getDb();
  res.json(await db.post.findUnique({ where: { id: Number(req.params.id) } }));
});

app.listen(3000);
`,
        },
        RULE,
      );
    });

    it("new PrismaClient() in a loop: related points at the loop", async () => {
      const files = {
        ...prismaProject("none"),
        "src/migrate-tenants.ts": `import { PrismaClient } from '@prisma/client';

export async function migrateTenants(urls: string[]) {
  for (const url of urls) {
    const client = new PrismaClient({ datasources: { db: { url } } }); // expect: client-per-request
    await client.user.updateMany({ data: { role: 'member' } });
    await client.$disconnect();
  }
}
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/migrate-tenants.ts", lineOf(files, "src/migrate-tenants.ts", "new PrismaClient("));
      expect(finding.related).toEqual([expect.objectContaining({ line: lineOf(files, "src/migrate-tenants.ts", "for (const url of urls)") })]);
      expect(finding.message).toContain("loop");
    });

    it("new PrismaClient() in a Next.js route handler", async () => {
      await expectMarked(
        {
          ...prismaProject("next"),
          "app/api/users/route.ts": `import { NextResponse } from 'next/server';
import { PrismaClient } from '@prisma/client';

export async function GET() {
  const prisma = new PrismaClient(); // expect: client-per-request
  return NextResponse.json(await prisma.user.findMany({ take: 20 }));
}
`,
        },
        RULE,
      );
    });

    it("new PrismaClient() in an Express handler of an untyped JS file using require", async () => {
      await expectMarked(
        {
          "package.json": prismaPackage("express"),
          "prisma/schema.prisma": PRISMA_SCHEMA,
          "src/server.js": `const express = require('express');
const { PrismaClient } = require('@prisma/client');

const app = express();

app.get('/users', async (req, res) => {
  const prisma = new PrismaClient(); // expect: client-per-request
  res.json(await prisma.user.findMany({ take: 20 }));
});

app.listen(3000);
`,
        },
        RULE,
      );
    });

    it("new Sequelize(...) in an Express handler", async () => {
      await expectMarked(
        {
          ...sequelizeProject("express"),
          "src/app.ts": `import express from 'express';
import { QueryTypes, Sequelize } from 'sequelize';

const app = express();

app.get('/report', async (_req, res) => {
  const sequelize = new Sequelize(process.env.REPORTING_URL as string, { dialect: 'postgres' }); // expect: client-per-request
  const rows = await sequelize.query('SELECT id, amount FROM orders LIMIT 10', { type: QueryTypes.SELECT });
  await sequelize.close();
  res.json(rows);
});

app.listen(3000);
`,
        },
        RULE,
      );
    });

    it("new DataSource(...) + initialize() in an Express handler", async () => {
      await expectMarked(
        {
          ...typeormProject("express"),
          "src/app.ts": `import express from 'express';
import { DataSource } from 'typeorm';
import { User } from './entities';

const app = express();

app.get('/users/:id', async (req, res) => {
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [User] }); // expect: client-per-request
  await dataSource.initialize();
  const user = await dataSource.getRepository(User).findOneBy({ id: Number(req.params.id) });
  await dataSource.destroy();
  res.json(user);
});

app.listen(3000);
`,
        },
        RULE,
      );
    });
  });

  describe("positive: more per-request and per-item shapes", () => {
    it("new PrismaClient() in a NestJS controller handler method", async () => {
      await expectMarked(
        {
          ...prismaProject("nestjs"),
          "src/users.controller.ts": `import { Controller, Get } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Controller('users')
export class UsersController {
  @Get('count')
  async count() {
    const prisma = new PrismaClient(); // expect: client-per-request
    return { users: await prisma.user.count() };
  }
}
`,
        },
        RULE,
      );
    });

    it("new PrismaClient() in a tRPC procedure", async () => {
      await expectMarked(
        {
          ...prismaProject("trpc"),
          "src/router.ts": `import { initTRPC } from '@trpc/server';
import { PrismaClient } from '@prisma/client';

const t = initTRPC.create();

export const appRouter = t.router({
  userCount: t.procedure.query(async () => {
    const prisma = new PrismaClient(); // expect: client-per-request
    return prisma.user.count();
  }),
});
`,
        },
        RULE,
      );
    });

    it("new Sequelize(...) in a forEach callback and new DataSource(...) + initialize() in a for-of loop", async () => {
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/ping.ts": `import { Sequelize } from 'sequelize';

export function pingAll(urls: string[]) {
  urls.forEach(async (url) => {
    const sequelize = new Sequelize(url, { dialect: 'postgres' }); // expect: client-per-request
    await sequelize.authenticate();
    await sequelize.close();
  });
}
`,
        },
        RULE,
      );
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/migrate.ts": `import { DataSource } from 'typeorm';

export async function migrateAll(urls: string[]) {
  for (const url of urls) {
    const dataSource = new DataSource({ type: 'postgres', url }); // expect: client-per-request
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.destroy();
  }
}
`,
        },
        RULE,
      );
    });
  });

  describe("negative: one client per process (or per key)", () => {
    it("module scope and the globalThis singleton", async () => {
      await expectNone(
        {
          ...prismaProject("express"),
          "src/prisma.ts": `import { PrismaClient } from '@prisma/client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma = globalForPrisma.prisma ?? new PrismaClient();

if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;
`,
          "src/app.ts": `import express from 'express';
import { prisma } from './prisma';
import { prisma as moduleClient } from './db';

const app = express();

app.get('/users', async (_req, res) => {
  res.json(await prisma.user.findMany({ take: 20 }));
});

app.get('/posts', async (_req, res) => {
  res.json(await moduleClient.post.findMany({ take: 20 }));
});

app.listen(3000);
`,
        },
        RULE,
      );
    });

    it("a lazily created singleton and a per-tenant cache Map, called from a handler (with a positive control)", async () => {
      await expectMarked(
        {
          ...prismaProject("express"),
          "src/clients.ts": `import { PrismaClient } from '@prisma/client';

let shared: PrismaClient | undefined;

export function sharedClient() {
  if (!shared) shared = new PrismaClient();
  return shared;
}

const tenants = new Map<string, PrismaClient>();

export function clientFor(tenant: string) {
  let client = tenants.get(tenant);
  if (!client) {
    client = new PrismaClient({ datasources: { db: { url: \`postgres://db/\${tenant}\` } } });
    tenants.set(tenant, client);
  }
  return client;
}

export function freshClient() {
  return new PrismaClient(); // expect: client-per-request
}
`,
          "src/app.ts": `import express from 'express';
import { clientFor, freshClient, sharedClient } from './clients';

const app = express();

app.get('/t/:tenant/users', async (req, res) => {
  const users = await clientFor(req.params.tenant).user.findMany({ take: 20 });
  const me = await sharedClient().user.findFirst();
  const other = await freshClient().user.findFirst();
  res.json({ users, me, other });
});

app.listen(3000);
`,
        },
        RULE,
      );
    });

    it("a NestJS service constructor and a service extending PrismaClient", async () => {
      await expectNone(
        {
          ...prismaProject("nestjs"),
          "src/prisma.service.ts": `import { Injectable, OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit {
  async onModuleInit() {
    await this.$connect();
  }
}
`,
          "src/reports.service.ts": `import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class ReportsService {
  private readonly reporting: PrismaClient;

  constructor() {
    this.reporting = new PrismaClient({ datasources: { db: { url: process.env.REPORTING_URL } } });
  }

  revenue() {
    return this.reporting.order.aggregate({ _sum: { amount: true } });
  }
}
`,
          "src/reports.controller.ts": `import { Controller, Get } from '@nestjs/common';
import { ReportsService } from './reports.service';

@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('revenue')
  revenue() {
    return this.reports.revenue();
  }
}
`,
        },
        RULE,
      );
    });

    it("module-level Sequelize and DataSource (the base projects) used from handlers", async () => {
      await expectNone(
        {
          ...sequelizeProject("express"),
          "src/app.ts": `import express from 'express';
import { sequelize } from './db';

const app = express();

app.get('/ping', async (_req, res) => {
  await sequelize.authenticate();
  res.json({ ok: true });
});

app.listen(3000);
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...typeormProject("express"),
          "src/app.ts": `import express from 'express';
import { AppDataSource } from './data-source';
import { User } from './entities';

const app = express();

app.get('/users', async (_req, res) => {
  res.json(await AppDataSource.getRepository(User).find({ take: 20 }));
});

AppDataSource.initialize().then(() => app.listen(3000));
`,
        },
        RULE,
      );
    });

    it("a memo helper at module scope, a NestJS useFactory provider, and a DataSource created once in bootstrap()", async () => {
      await expectNone(
        {
          ...prismaProject("nestjs"),
          "src/memo.ts": `import { PrismaClient } from '@prisma/client';

const store = new Map<string, unknown>();

export function remember<T>(key: string, create: () => T): T {
  if (!store.has(key)) store.set(key, create());
  return store.get(key) as T;
}

export const prisma = remember('prisma', () => new PrismaClient());
`,
          "src/db.module.ts": `import { Module } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Module({
  providers: [{ provide: 'DB', useFactory: () => new PrismaClient() }],
  exports: ['DB'],
})
export class DbModule {}
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...typeormProject("express"),
          "src/main.ts": `import express from 'express';
import { DataSource } from 'typeorm';
import { User } from './entities';

async function bootstrap() {
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [User] });
  await dataSource.initialize();
  const app = express();
  app.get('/users', async (_req, res) => {
    res.json(await dataSource.getRepository(User).find({ take: 20 }));
  });
  app.listen(3000);
}

void bootstrap();
`,
        },
        RULE,
      );
    });
  });
});
