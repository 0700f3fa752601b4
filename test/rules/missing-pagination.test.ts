import { describe, expect, it } from "vitest";
import { PRISMA_SCHEMA, expectMarked, expectNone, findingAt, findingObjects, findingsOf, lineOf, packageJson, prismaProject, sequelizeProject, typeormProject } from "../support/project.js";

const RULE = "missing-pagination" as const;

const PRISMA_SERVICE = `import { Injectable, OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit {
  async onModuleInit() {
    await this.$connect();
  }
}
`;

describe(RULE, () => {
  describe("positive: unbounded rows reach an HTTP list response", () => {

    it("Express route whose handler is a bound controller method", async () => {
      await expectMarked(
        {
          ...prismaProject("express"),
          "src/controllers/posts.ts": `import type { Request, Response } from 'express';
import { prisma } from '../db';

export class PostsController {
  async list(_req: Request, res: Response) {
    const posts = await prisma.post.findMany({ orderBy: { id: 'desc' } }); // expect: missing-pagination
    res.json(posts);
  }
}
`,
          "src/routes.ts": `import { Router } from 'express';
import { PostsController } from './controllers/posts';

const controller = new PostsController();
export const router = Router();
router.get('/posts', controller.list.bind(controller));
`,
        },
        RULE,
      );
    });

    it("Express route delegating to a controller function that sends the rows", async () => {
      await expectMarked(
        {
          ...prismaProject("express"),
          "src/controllers/users.ts": `import type { Request, Response } from 'express';
import { prisma } from '../db';

export async function listUsers(_req: Request, res: Response) {
  const users = await prisma.user.findMany({ orderBy: { name: 'asc' } }); // expect: missing-pagination
  res.json(users);
}
`,
          "src/routes.ts": `import { Router } from 'express';
import { listUsers } from './controllers/users';

export const router = Router();
router.get('/users', (req, res) => listUsers(req, res));
`,
        },
        RULE,
      );
    });
    it("Express res.json(rows): reported at the query, replaces unbounded-query, related points at the response", async () => {
      const files = {
        ...prismaProject("express"),
        "src/app.ts": `import express from 'express';
import { prisma } from './db';

const app = express();

app.get('/users', async (_req, res) => {
  const users = await prisma.user.findMany({ orderBy: { name: 'asc' } }); // expect: missing-pagination
  res.json(users);
});

app.listen(3000);
`,
      };
      const result = await expectMarked(files, RULE);
      const line = lineOf(files, "src/app.ts", "prisma.user.findMany");
      const finding = findingAt(result, RULE, "src/app.ts", line);
      expect(finding).toMatchObject({ severity: "warning", orm: "prisma", model: "User", operation: "findMany" });
      expect(finding.message).toContain("GET /users");
      expect(finding.related).toEqual([expect.objectContaining({ file: "src/app.ts", line: lineOf(files, "src/app.ts", "res.json(users)") })]);
      expect(findingsOf(result, "unbounded-query")).toEqual([]);
    });

    it("Express: rows returned through a service in another file, mapped and wrapped before res.json / res.send", async () => {
      await expectMarked(
        {
          ...prismaProject("express"),
          "src/services/posts.ts": `import { prisma } from '../db';

export function listPublished() {
  return prisma.post.findMany({ where: { published: true }, orderBy: { createdAt: 'desc' } }); // expect: missing-pagination
}

export async function listOrders(status: string) {
  const orders = await prisma.order.findMany({ where: { status } }); // expect: missing-pagination
  return orders;
}
`,
          "src/routes.ts": `import { Router } from 'express';
import { listOrders, listPublished } from './services/posts';

export const router = Router();

router.get('/posts', async (_req, res) => {
  const posts = await listPublished();
  res.json({ data: posts.map((p) => ({ id: p.id, title: p.title, body: p.body })) });
});

router.get('/orders/:status', async (req, res) => {
  res.send(await listOrders(req.params.status));
});
`,
        },
        RULE,
      );
    });

    it("NestJS @Get() returning a service's unbounded findMany (PrismaService extends PrismaClient)", async () => {
      await expectMarked(
        {
          ...prismaProject("nestjs"),
          "src/prisma.service.ts": PRISMA_SERVICE,
          "src/users.service.ts": `import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

@Injectable()
export class UsersService {
  constructor(private readonly prisma: PrismaService) {}

  findAll() {
    return this.prisma.user.findMany({ orderBy: { id: 'asc' } }); // expect: missing-pagination
  }
}
`,
          "src/users.controller.ts": `import { Controller, Get } from '@nestjs/common';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly usersService: UsersService) {}

  @Get()
  findAll() {
    return this.usersService.findAll();
  }
}
`,
        },
        RULE,
      );
    });

    it("NestJS @Get() returning a service's unbounded TypeORM find (@InjectRepository)", async () => {
      await expectMarked(
        {
          ...typeormProject("nestjs"),
          "src/posts.service.ts": `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Post } from './entities';

@Injectable()
export class PostsService {
  constructor(@InjectRepository(Post) private readonly posts: Repository<Post>) {}

  async published() {
    return this.posts.find({ where: { published: true }, order: { id: 'DESC' } }); // expect: missing-pagination
  }
}
`,
          "src/posts.controller.ts": `import { Controller, Get } from '@nestjs/common';
import { PostsService } from './posts.service';

@Controller('posts')
export class PostsController {
  constructor(private readonly postsService: PostsService) {}

  @Get('published')
  async published() {
    const rows = await this.postsService.published();
    return rows;
  }
}
`,
        },
        RULE,
      );
    });

    it("Next.js app/api/x/route.ts GET returning NextResponse.json(rows)", async () => {
      const files = {
        ...prismaProject("next"),
        "lib/prisma.ts": `import { PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient();
`,
        "app/api/posts/route.ts": `import { NextResponse } from 'next/server';
import { prisma } from '../../../lib/prisma';

export async function GET() {
  const posts = await prisma.post.findMany({ where: { published: true } }); // expect: missing-pagination
  return NextResponse.json(posts);
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "app/api/posts/route.ts", lineOf(files, "app/api/posts/route.ts", "findMany")).message).toContain("/api/posts");
    });

    it("Koa ctx.body = rows (Sequelize)", async () => {
      await expectMarked(
        {
          ...sequelizeProject("koa"),
          "src/app.ts": `import Koa from 'koa';
import Router from '@koa/router';
import { Order } from './models';

const app = new Koa();
const router = new Router();

router.get('/orders', async (ctx) => {
  ctx.body = await Order.findAll({ where: { status: 'paid' } }); // expect: missing-pagination
});

app.use(router.routes());
app.listen(3000);
`,
        },
        RULE,
      );
    });

    it("tRPC procedure returning rows", async () => {
      await expectMarked(
        {
          ...prismaProject("trpc"),
          "src/trpc.ts": `import { initTRPC } from '@trpc/server';

const t = initTRPC.create();

export const router = t.router;
export const publicProcedure = t.procedure;
`,
          "src/routers/posts.ts": `import { z } from 'zod';
import { prisma } from '../db';
import { publicProcedure, router } from '../trpc';

export const postsRouter = router({
  list: publicProcedure.query(() => prisma.post.findMany({ where: { published: true } })), // expect: missing-pagination
  byAuthor: publicProcedure.input(z.object({ authorId: z.number() })).query(async ({ input }) => {
    const posts = await prisma.post.findMany({ where: { authorId: input.authorId } }); // expect: missing-pagination
    return posts;
  }),
});
`,
        },
        RULE,
      );
    });

    it("oRPC procedure handlers returning rows, with the route's method and path as the endpoint", async () => {
      const files = {
        ...prismaProject("none"),
        "package.json": packageJson({ "@prisma/client": "^5.22.0", "@orpc/server": "^1.8.0", zod: "^3.23.8" }),
        "src/orpc.ts": `import { os } from '@orpc/server';

export const publicProcedure = os.$context<{ userId?: number }>();
`,
        "src/router.ts": `import { os } from '@orpc/server';
import { z } from 'zod';
import { prisma } from './db';
import { publicProcedure } from './orpc';

async function listPublished() {
  const posts = await prisma.post.findMany({ where: { published: true } }); // expect: missing-pagination
  return { posts: posts.map((post) => ({ id: post.id, title: post.title })) };
}

export const router = {
  posts: publicProcedure.route({ method: 'GET', path: '/posts' }).handler(listPublished),
  recent: os.input(z.object({ take: z.number().max(50) })).handler(({ input }) => prisma.post.findMany({ take: input.take })),
  comments: publicProcedure.handler(() => prisma.comment.findMany()), // expect: missing-pagination
};
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/router.ts", lineOf(files, "src/router.ts", "prisma.post.findMany({ where")).message).toContain("GET /posts");
    });

    it("Remix / React Router route modules: loader (GET) and action (POST) returning rows, with the file's route as the endpoint; not outside app/routes or without the framework", async () => {
      const routes = (): Record<string, string> => ({
        "app/db.server.ts": "import { PrismaClient } from '@prisma/client';\n\nexport const prisma = new PrismaClient();\n",
        "app/routes/api.v1.authors.$authorId.posts.ts": `import { json } from '@remix-run/node';
import { prisma } from '~/db.server';

export async function loader({ params }: { params: { authorId: string } }) {
  const posts = await prisma.post.findMany({ where: { published: true } }); // expect: missing-pagination
  return json({ posts });
}

export const action = async () => {
  return { comments: await prisma.comment.findMany() }; // expect: missing-pagination
};
`,
        "app/routes/_index.tsx": `import { prisma } from '~/db.server';

export async function loader() {
  return { latest: await prisma.post.findMany({ take: 10 }) };
}
`,
        "app/lib/feed.server.ts": `import { prisma } from '~/db.server';

export async function loader() {
  return prisma.post.findMany();
}
`,
      });
      const tsconfig = JSON.stringify({ compilerOptions: { strict: true, baseUrl: ".", paths: { "~/*": ["./app/*"] } } });
      const files = { "package.json": packageJson({ "@prisma/client": "^5.22.0", "@remix-run/node": "^2.15.0" }), "tsconfig.json": tsconfig, "prisma/schema.prisma": PRISMA_SCHEMA, ...routes() };
      const result = await expectMarked(files, RULE);
      const file = "app/routes/api.v1.authors.$authorId.posts.ts";
      expect(findingAt(result, RULE, file, lineOf(files, file, "prisma.post.findMany")).message).toContain("GET /api/v1/authors/:authorId/posts");
      expect(findingAt(result, RULE, file, lineOf(files, file, "prisma.comment.findMany")).message).toContain("POST /api/v1/authors/:authorId/posts");
      // The same files in a project that is not a Remix or React Router app: no route modules.
      await expectNone({ "package.json": packageJson({ "@prisma/client": "^5.22.0", express: "^4.21.0" }), "tsconfig.json": tsconfig, "prisma/schema.prisma": PRISMA_SCHEMA, ...routes() }, RULE);
    });

    it("Remix's response helpers are only Remix's: a project function named data() in an Express handler is not taken to send the rows", async () => {
      await expectMarked(
        {
          ...prismaProject("express"),
          "src/app.ts": `import express from 'express';
import { prisma } from './db';

const app = express();

function data(posts: { published: boolean }[]) {
  return { total: posts.length, published: posts.filter((post) => post.published).length };
}

app.get('/stats', async (req, res) => {
  res.json(data(await prisma.post.findMany()));
});

app.get('/posts', async (req, res) => {
  res.json(JSON.stringify(await prisma.post.findMany())); // expect: missing-pagination
});

app.listen(3000);
`,
        },
        RULE,
      );
    });

    it("Express with TypeORM res.json(await repo.find()) and Sequelize res.send(rows)", async () => {
      await expectMarked(
        {
          ...typeormProject("express"),
          "src/app.ts": `import express from 'express';
import { AppDataSource } from './data-source';
import { User } from './entities';

const app = express();
const users = AppDataSource.getRepository(User);

app.get('/users', async (_req, res) => {
  res.json(await users.find({ where: { active: true } })); // expect: missing-pagination
});

app.listen(3000);
`,
        },
        RULE,
      );
      await expectMarked(
        {
          ...sequelizeProject("express"),
          "src/app.ts": `import express from 'express';
import { User } from './models';

const app = express();

app.get('/users', async (_req, res) => {
  const users = await User.findAll({ order: [['name', 'ASC']] }); // expect: missing-pagination
  res.send(users);
});

app.listen(3000);
`,
        },
        RULE,
      );
    });
  });

  describe("positive: more handler shapes", () => {
    it("Express: a named handler function registered after middleware", async () => {
      await expectMarked(
        {
          ...prismaProject("express"),
          "src/handlers.ts": `import type { Request, Response } from 'express';
import { prisma } from './db';

export async function listProducts(_req: Request, res: Response) {
  const products = await prisma.product.findMany({ where: { stock: { gt: 0 } } }); // expect: missing-pagination
  res.status(200).json(products);
}
`,
          "src/app.ts": `import express, { type NextFunction, type Request, type Response } from 'express';
import { listProducts } from './handlers';

const app = express();

function auth(_req: Request, _res: Response, next: NextFunction) {
  next();
}

app.get('/products', auth, listProducts);

app.listen(3000);
`,
        },
        RULE,
      );
    });

    it("Next.js pages/api default export with res.status(200).json(rows)", async () => {
      await expectMarked(
        {
          ...prismaProject("next"),
          "lib/prisma.ts": `import { PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient();
`,
          "pages/api/users.ts": `import type { NextApiRequest, NextApiResponse } from 'next';
import { prisma } from '../../lib/prisma';

export default async function handler(_req: NextApiRequest, res: NextApiResponse) {
  const users = await prisma.user.findMany(); // expect: missing-pagination
  res.status(200).json(users);
}
`,
        },
        RULE,
      );
    });

    it("tRPC procedure returning rows of ctx.prisma from a typed context", async () => {
      await expectMarked(
        {
          ...prismaProject("trpc"),
          "src/context.ts": `import { initTRPC } from '@trpc/server';
import { prisma } from './db';

export async function createContext() {
  return { prisma };
}

export type Context = Awaited<ReturnType<typeof createContext>>;

const t = initTRPC.context<Context>().create();

export const router = t.router;
export const publicProcedure = t.procedure;
`,
          "src/routers/orders.ts": `import { publicProcedure, router } from '../context';

export const ordersRouter = router({
  all: publicProcedure.query(({ ctx }) => {
    return ctx.prisma.order.findMany({ orderBy: { createdAt: 'desc' } }); // expect: missing-pagination
  }),
});
`,
        },
        RULE,
      );
    });

    it("NestJS controller with an injected TypeORM repository and rows pushed into the response array", async () => {
      await expectMarked(
        {
          ...typeormProject("nestjs"),
          "src/users.controller.ts": `import { Controller, Get } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './entities';

@Controller('users')
export class UsersController {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  @Get()
  async list() {
    const rows = await this.users.find({ where: { active: true } }); // expect: missing-pagination
    const out: { id: number; email: string }[] = [];
    for (const row of rows) out.push({ id: row.id, email: row.email });
    return out;
  }
}
`,
        },
        RULE,
      );
    });
  });

  describe("negative: paginated or not a list response", () => {
    it("take/skip read from req.query (Prisma) and limit/offset (Sequelize)", async () => {
      await expectNone(
        {
          ...prismaProject("express"),
          "src/app.ts": `import express from 'express';
import { prisma } from './db';

const app = express();

app.get('/users', async (req, res) => {
  const take = Math.min(Number(req.query.take) || 20, 100);
  const skip = Number(req.query.skip) || 0;
  const users = await prisma.user.findMany({ take, skip, orderBy: { id: 'asc' } });
  res.json(users);
});

app.listen(3000);
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...sequelizeProject("express"),
          "src/app.ts": `import express from 'express';
import { User } from './models';

const app = express();

app.get('/users', async (req, res) => {
  const limit = Math.min(Number(req.query.limit) || 20, 100);
  res.json(await User.findAll({ limit, offset: Number(req.query.offset) || 0 }));
});

app.listen(3000);
`,
        },
        RULE,
      );
    });

    it(".slice(0, 20) before responding", async () => {
      await expectNone(
        {
          ...prismaProject("express"),
          "src/app.ts": `import express from 'express';
import { prisma } from './db';

const app = express();

app.get('/top', async (_req, res) => {
  const posts = await prisma.post.findMany({ where: { published: true } });
  res.json(posts.slice(0, 20));
});

app.listen(3000);
`,
        },
        RULE,
      );
    });

    it("counts, IN-list reads, and unbounded reads whose rows are not sent (with a positive control)", async () => {
      await expectMarked(
        {
          ...prismaProject("express"),
          "src/app.ts": `import express from 'express';
import { prisma } from './db';

const app = express();

app.get('/stats', async (_req, res) => {
  res.json({ users: await prisma.user.count(), posts: await prisma.post.count({ where: { published: true } }) });
});

app.post('/users/batch', async (req, res) => {
  const ids: number[] = req.body.ids;
  res.json(await prisma.user.findMany({ where: { id: { in: ids } } }));
});

app.post('/reindex', async (_req, res) => {
  const posts = await prisma.post.findMany();
  console.log('reindexing', posts.length);
  res.json({ ok: true });
});

app.get('/all', async (_req, res) => {
  res.json(await prisma.post.findMany()); // expect: missing-pagination
});

app.listen(3000);
`,
        },
        RULE,
      );
    });

    it("NestJS: a service handed an @Param() value answers nothing; its rows, thinned by .filter(), are not all sent", async () => {
      const files = {
        ...prismaProject("nestjs"),
        "src/prisma.service.ts": PRISMA_SERVICE,
        "src/tickets.repository.ts": `import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

@Injectable()
export class TicketsRepository {
  constructor(private readonly prisma: PrismaService) {}

  open(organizationId: number) {
    return this.prisma.order.findMany({ where: { userId: organizationId, status: 'OPEN' } });
  }
}
`,
        "src/tickets.service.ts": `import { Injectable } from '@nestjs/common';
import { TicketsRepository } from './tickets.repository';

@Injectable()
export class TicketsService {
  constructor(private readonly tickets: TicketsRepository) {}

  async overdue(organizationId: number, now = new Date()) {
    const open = await this.tickets.open(organizationId);
    return open.filter((order) => order.createdAt < now);
  }
}
`,
        "src/tickets.controller.ts": `import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { TicketsService } from './tickets.service';

@Controller('organizations/:organizationId/tickets')
export class TicketsController {
  constructor(private readonly ticketsService: TicketsService) {}

  @Get('overdue')
  overdue(@Param('organizationId', ParseIntPipe) organizationId: number) {
    return this.ticketsService.overdue(organizationId);
  }
}
`,
      };
      const result = await expectNone(files, RULE);
      // Still an unbounded read whose rows are filtered in JS: reported, by the other rules.
      expect(findingObjects(result, "unbounded-query").map((f) => f.file)).toEqual(["src/tickets.repository.ts"]);
      expect(findingObjects(result, "in-memory-filter").map((f) => f.file)).toEqual(["src/tickets.service.ts"]);
    });

    it("rows serialised before they are sent are all sent: JSON.stringify, superjson.serialize (Hono c.json)", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "package.json": packageJson({ "@prisma/client": "^5.22.0", hono: "^4.6.14", superjson: "^2.2.2" }),
          "src/accounts.ts": `import type { Context } from 'hono';
import { prisma } from './db';

export const getAccounts = async (c: Context) => {
  const userId = Number(c.req.header('x-user-id'));
  return await prisma.order.findMany({ where: { userId } }); // expect: missing-pagination
};
`,
          "src/routes.ts": `import { Hono } from 'hono';
import superjson from 'superjson';
import { getAccounts } from './accounts';

export const routes = new Hono()
  .get('/accounts', async (c) => {
    const accounts = await getAccounts(c);
    return c.json(superjson.serialize({ accounts }));
  })
  .get('/accounts.json', async (c) => c.text(JSON.stringify(await getAccounts(c))));
`,
        },
        RULE,
      );
    });

    it("Next.js GET with take, and NestJS @Get() whose service reads with take", async () => {
      await expectNone(
        {
          ...prismaProject("next"),
          "lib/prisma.ts": `import { PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient();
`,
          "app/api/posts/route.ts": `import { NextResponse, type NextRequest } from 'next/server';
import { prisma } from '../../../lib/prisma';

export async function GET(request: NextRequest) {
  const take = Math.min(Number(request.nextUrl.searchParams.get('take')) || 20, 100);
  return NextResponse.json(await prisma.post.findMany({ take, orderBy: { id: 'desc' } }));
}
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...prismaProject("nestjs"),
          "src/prisma.service.ts": PRISMA_SERVICE,
          "src/users.controller.ts": `import { Controller, Get, Query } from '@nestjs/common';
import { PrismaService } from './prisma.service';

@Controller('users')
export class UsersController {
  constructor(private readonly prisma: PrismaService) {}

  @Get()
  list(@Query('take') take = '20') {
    return this.prisma.user.findMany({ take: Math.min(Number(take), 100) });
  }
}
`,
        },
        RULE,
      );
    });
  });
});
