import { describe, expect, it } from "vitest";
import { PRISMA_SCHEMA, expectMarked, expectNone, findingAt, findingObjects, lineOf, prismaProject, sequelizeProject, typeormProject } from "../support/project.js";

const RULE = "n-plus-one" as const;

describe(RULE, () => {
  describe("positive: Prisma loops of every shape report the call inside the body", () => {
    it("for-of over fetched rows", async () => {
      const files = {
        ...prismaProject("none"),
        "src/feed.ts": `import { prisma } from './db';

export async function feed() {
  const users = await prisma.user.findMany({ take: 50 });
  const out = [];
  for (const user of users) {
    const posts = await prisma.post.findMany({ where: { authorId: user.id } }); // expect: n-plus-one
    out.push({ user, posts });
  }
  return out;
}
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/feed.ts", lineOf(files, "src/feed.ts", "prisma.post.findMany"));
      expect(finding).toMatchObject({ orm: "prisma", model: "Post", operation: "findMany", queryCount: "1 + N" });
      expect(finding.related.some((r) => r.file === "src/feed.ts" && r.line === lineOf(files, "src/feed.ts", "for (const user of users)"))).toBe(true);
    });

    it("indexed for loop", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/stats.ts": `import { prisma } from './db';

export async function postCounts(userIds: number[]) {
  const counts: number[] = [];
  for (let i = 0; i < userIds.length; i++) {
    counts.push(await prisma.post.count({ where: { authorId: userIds[i] } })); // expect: n-plus-one
  }
  return counts;
}
`,
        },
        RULE,
      );
    });

    it("while loop walking a queue", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/tree.ts": `import { prisma } from './db';

export async function reports(rootId: number) {
  const queue = [rootId];
  const seen: number[] = [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    seen.push(id);
    const children = await prisma.user.findMany({ where: { managerId: id } }); // expect: n-plus-one
    queue.push(...children.map((c) => c.id));
  }
  return seen;
}
`,
        },
        RULE,
      );
    });

    it("a do-while walk whose body sets the next step its condition tests is a chain walk, even beside a list length; a drained queue is not", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/flow.ts": `import { prisma } from './db';

interface Step { next?: number; id: number }

export async function walkFlow(start: Step, queued: number[]) {
  let nextStep: number | undefined = start.next;
  let current = start;
  do {
    await prisma.post.upsert({ where: { id: current.id }, create: { id: current.id, title: 'step', authorId: 1 }, update: {} });
    current = { id: nextStep ?? 0 };
    nextStep = undefined;
  } while (nextStep || queued.length > 1);
}

export async function walkTree(root: { id: number }) {
  const found = [root];
  let i = 0;
  let node: { id: number } | undefined = root;
  while (node && i < found.length) {
    const children = await prisma.user.findMany({ where: { managerId: node.id } }); // expect: n-plus-one
    found.push(...children);
    node = found[++i];
  }
  return found;
}

export async function drainQueued(queued: number[], nextStep?: number) {
  do {
    const id = queued.pop() ?? 0;
    await prisma.post.update({ where: { id }, data: { published: true } }); // expect: n-plus-one
    nextStep = id;
  } while (nextStep || queued.length > 0);
}
`,
        },
        RULE,
      );
    });

    it("do-while loop draining a queue", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/drain.ts": `import { prisma } from './db';

export async function drain(pending: number[]) {
  if (pending.length === 0) return;
  do {
    const id = pending.pop()!;
    await prisma.order.update({ where: { id }, data: { status: 'PAID' } }); // expect: n-plus-one
  } while (pending.length > 0);
}
`,
        },
        RULE,
      );
    });

    it("forEach callback", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/notify.ts": `import { prisma } from './db';

export async function markSeen(userIds: number[]) {
  userIds.forEach(async (userId) => {
    await prisma.user.update({ where: { id: userId }, data: { role: 'seen' } }); // expect: n-plus-one
  });
}
`,
        },
        RULE,
      );
    });

    it("Promise.all(rows.map(async ...)) with findMany", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/with-posts.ts": `import { prisma } from './db';

export async function withPosts() {
  const users = await prisma.user.findMany({ take: 20 });
  return Promise.all(
    users.map(async (user) => ({
      ...user,
      posts: await prisma.post.findMany({ where: { authorId: user.id } }), // expect: n-plus-one
    })),
  );
}
`,
        },
        RULE,
      );
    });

    it("Promise.all(ids.map(...)) with findFirst and findUniqueOrThrow (not batched by Prisma)", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/lookup.ts": `import { prisma } from './db';

export async function byEmails(emails: string[]) {
  return Promise.all(emails.map((email) => prisma.user.findFirst({ where: { email } }))); // expect: n-plus-one
}

export async function byIdsOrThrow(ids: number[]) {
  return Promise.all(ids.map((id) => prisma.user.findUniqueOrThrow({ where: { id } }))); // expect: n-plus-one
}
`,
        },
        RULE,
      );
    });

    it("flatMap callback", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/flat.ts": `import { prisma } from './db';

export async function counts(userIds: number[]) {
  const pending = userIds.flatMap((userId) => [prisma.order.count({ where: { userId } })]); // expect: n-plus-one
  return Promise.all(pending);
}
`,
        },
        RULE,
      );
    });

    it("async reduce callback", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/reduce.ts": `import { prisma } from './db';

export async function orderCounts(userIds: number[]) {
  return userIds.reduce(async (previous, userId) => {
    const acc = await previous;
    acc[userId] = await prisma.order.count({ where: { userId } }); // expect: n-plus-one
    return acc;
  }, Promise.resolve({} as Record<number, number>));
}
`,
        },
        RULE,
      );
    });

    it("Promise.all(ids.map(...)) with findUnique issued after an await in the callback", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/late.ts": `import { prisma } from './db';

async function audit(id: number) {
  console.log('loading', id);
}

export async function load(ids: number[]) {
  return Promise.all(
    ids.map(async (id) => {
      await audit(id);
      return prisma.user.findUnique({ where: { id } }); // expect: n-plus-one
    }),
  );
}
`,
        },
        RULE,
      );
    });

    it("nested loops multiply: queryCount is 1 + N^2", async () => {
      const files = {
        ...prismaProject("none"),
        "src/nested.ts": `import { prisma } from './db';

export async function grid(userIds: number[], statuses: string[]) {
  for (const userId of userIds) {
    for (const status of statuses) {
      await prisma.order.count({ where: { userId, status } }); // expect: n-plus-one
    }
  }
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/nested.ts", lineOf(files, "src/nested.ts", "prisma.order.count")).queryCount).toBe("1 + N^2");
    });

    it("Prisma fluent relation call reports once, at the chain", async () => {
      const files = {
        ...prismaProject("none"),
        "src/fluent.ts": `import { prisma } from './db';

export async function authorsPosts(postIds: number[]) {
  const out = [];
  for (const postId of postIds) {
    const posts = await prisma.post.findUnique({ where: { id: postId } }).author().posts(); // expect: n-plus-one
    out.push(posts);
  }
  return out;
}

export async function comments(postIds: number[]) {
  const out = [];
  for (const id of postIds) {
    out.push(await prisma.post.findUnique({ where: { id } }).comments()); // expect: n-plus-one
  }
  return out;
}
`,
      };
      await expectMarked(files, RULE);
    });
  });

  describe("positive: the query is reached through helpers and services", () => {
    it("a helper in another file, two levels deep: reported at the call in the loop, message names the chain, related has loop and query", async () => {
      const files = {
        ...prismaProject("none"),
        "src/lib/comments.ts": `import { prisma } from '../db';

async function commentsFor(postId: number) {
  return prisma.comment.findMany({ where: { postId } });
}

export async function loadComments(postId: number) {
  const comments = await commentsFor(postId);
  return comments.map((c) => c.body);
}
`,
        "src/digest.ts": `import { prisma } from './db';
import { loadComments } from './lib/comments';

export async function digest() {
  const posts = await prisma.post.findMany({ where: { published: true }, take: 10 });
  const out = [];
  for (const post of posts) {
    out.push({ title: post.title, comments: await loadComments(post.id) }); // expect: n-plus-one
  }
  return out;
}
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/digest.ts", lineOf(files, "src/digest.ts", "await loadComments(post.id)"));
      expect(finding.message).toContain("loadComments() → commentsFor()");
      expect(finding.message).toContain("prisma.comment.findMany");
      expect(finding.related).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ file: "src/digest.ts", line: lineOf(files, "src/digest.ts", "for (const post of posts)") }),
          expect.objectContaining({ file: "src/lib/comments.ts", line: lineOf(files, "src/lib/comments.ts", "prisma.comment.findMany") }),
        ]),
      );
      // Never inside the helper.
      expect(findingObjects(result, RULE).every((f) => f.file === "src/digest.ts")).toBe(true);
    });

    it("NestJS: this.service.method() of an injected service that queries through a PrismaService extends PrismaClient", async () => {
      const files = {
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
        "src/posts.service.ts": `import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

@Injectable()
export class PostsService {
  constructor(private readonly prisma: PrismaService) {}

  byAuthor(authorId: number) {
    return this.prisma.post.findMany({ where: { authorId }, take: 20 });
  }
}
`,
        "src/users.service.ts": `import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { PostsService } from './posts.service';

@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly postsService: PostsService,
  ) {}

  async feed() {
    const users = await this.prisma.user.findMany({ take: 50 });
    const out = [];
    for (const user of users) {
      out.push({ user, posts: await this.postsService.byAuthor(user.id) }); // expect: n-plus-one
    }
    return out;
  }
}
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/users.service.ts", lineOf(files, "src/users.service.ts", "this.postsService.byAuthor"));
      expect(finding.message).toContain("byAuthor()");
    });

    it("NestJS + TypeORM: injected service whose repository comes from @InjectRepository", async () => {
      await expectMarked(
        {
          ...typeormProject("nestjs"),
          "src/orders.service.ts": `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Order } from './entities';

@Injectable()
export class OrdersService {
  constructor(@InjectRepository(Order) private readonly orders: Repository<Order>) {}

  countFor(userId: number) {
    return this.orders.countBy({ userId });
  }
}
`,
          "src/users.service.ts": `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './entities';
import { OrdersService } from './orders.service';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly ordersService: OrdersService,
  ) {}

  async withOrderCounts() {
    const users = await this.users.find({ take: 100 });
    return Promise.all(users.map(async (user) => ({ ...user, orders: await this.ordersService.countFor(user.id) }))); // expect: n-plus-one
  }
}
`,
        },
        RULE,
      );
    });
  });

  describe("positive: more helper shapes", () => {
    it("a private method of the same class", async () => {
      const files = {
        ...prismaProject("none"),
        "src/feed.service.ts": `import { prisma } from './db';

export class FeedService {
  private async commentCount(postId: number) {
    return prisma.comment.count({ where: { postId } });
  }

  async feed() {
    const posts = await prisma.post.findMany({ take: 20 });
    const out = [];
    for (const post of posts) {
      const comments = await this.commentCount(post.id); // expect: n-plus-one
      out.push({ title: post.title, comments });
    }
    return out;
  }
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/feed.service.ts", lineOf(files, "src/feed.service.ts", "this.commentCount(post.id)")).message).toContain("commentCount()");
    });

    it("an exported arrow-function helper with an expression body", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/helpers.ts": `import { prisma } from './db';

export const authorOf = async (authorId: number) => prisma.user.findFirst({ where: { id: authorId } });
`,
          "src/feed.ts": `import { prisma } from './db';
import { authorOf } from './helpers';

export async function feed() {
  const posts = await prisma.post.findMany({ take: 20 });
  const out = [];
  for (const post of posts) {
    const author = await authorOf(post.authorId); // expect: n-plus-one
    out.push({ title: post.title, author: author?.name });
  }
  return out;
}
`,
        },
        RULE,
      );
    });

    it("an untyped JS helper that receives the client from its caller", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/lib/counts.js": `export async function countPosts(db, authorId) {
  return db.post.count({ where: { authorId } });
}
`,
          "src/report.ts": `import { prisma } from './db';
import { countPosts } from './lib/counts';

export async function report(userIds: number[]) {
  const out: number[] = [];
  for (const id of userIds) {
    out.push(await countPosts(prisma, id)); // expect: n-plus-one
  }
  return out;
}
`,
        },
        RULE,
      );
    });

    it("for-in over a runtime object", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/by-key.ts": `import { prisma } from './db';

export async function load(byEmail: Record<string, number>) {
  for (const email in byEmail) {
    await prisma.user.updateMany({ where: { email }, data: { role: 'member' } }); // expect: n-plus-one
  }
}
`,
        },
        RULE,
      );
    });
  });

  describe("positive: Prisma clients of every provenance", () => {
    it("a parameter typed PrismaClient", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/touch.ts": `import { PrismaClient } from '@prisma/client';

export async function touch(db: PrismaClient, ids: number[]) {
  for (const id of ids) {
    await db.user.update({ where: { id }, data: { role: 'member' } }); // expect: n-plus-one
  }
}
`,
        },
        RULE,
      );
    });

    it("a parameter typed Prisma.TransactionClient", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/archive.ts": `import { Prisma } from '@prisma/client';

export async function archive(tx: Prisma.TransactionClient, postIds: number[]) {
  for (const id of postIds) {
    await tx.post.update({ where: { id }, data: { published: false } }); // expect: n-plus-one
  }
}
`,
        },
        RULE,
      );
    });

    it("the tx of an interactive $transaction", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/pay.ts": `import { prisma } from './db';

export async function markPaid(orderIds: number[]) {
  await prisma.$transaction(async (tx) => {
    for (const id of orderIds) {
      await tx.order.update({ where: { id }, data: { status: 'PAID' } }); // expect: n-plus-one
    }
  });
}
`,
        },
        RULE,
      );
    });

    it("an instance of a local class that extends PrismaClient", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/client.ts": `import { PrismaClient } from '@prisma/client';

class Database extends PrismaClient {
  async ping() {
    await this.$queryRaw\`SELECT 1\`;
  }
}

export const db = new Database();
`,
          "src/emails.ts": `import { db } from './client';

export async function emails(ids: number[]) {
  const out: string[] = [];
  for (const id of ids) {
    const user = await db.user.findFirst({ where: { id } }); // expect: n-plus-one
    if (user) out.push(user.email);
  }
  return out;
}
`,
        },
        RULE,
      );
    });

    it("an untyped JS file using require('@prisma/client')", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/jobs/digest.js": `const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

async function digest() {
  const users = await prisma.user.findMany({ take: 100 });
  for (const user of users) {
    const count = await prisma.post.count({ where: { authorId: user.id } }); // expect: n-plus-one
    console.log(user.email, count);
  }
}

module.exports = { digest };
`,
        },
        RULE,
      );
    });
  });

  describe("positive: TypeORM", () => {
    it("relation query builder: the finding names the relation's entity, not the owner's", async () => {
      const files = {
        ...typeormProject("none"),
        "src/tags.ts": `import { AppDataSource } from './data-source';
import { Post } from './entities';

export async function tagsOfPosts() {
  const posts = await AppDataSource.getRepository(Post).find({ take: 20 });
  const out = [];
  for (const post of posts) {
    out.push(await AppDataSource.createQueryBuilder().relation(Post, 'comments').of(post).loadMany()); // expect: n-plus-one
  }
  return out;
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/tags.ts", lineOf(files, "src/tags.ts", "loadMany")).model).toBe("Comment");
    });

    it("repository findOneBy in a for-of loop", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/authors.ts": `import { AppDataSource } from './data-source';
import { Post, User } from './entities';

export async function authorNames() {
  const posts = await AppDataSource.getRepository(Post).find({ take: 20 });
  const users = AppDataSource.getRepository(User);
  const names: string[] = [];
  for (const post of posts) {
    const author = await users.findOneBy({ id: post.authorId }); // expect: n-plus-one
    names.push(author?.name ?? '?');
  }
  return names;
}
`,
        },
        RULE,
      );
    });

    it("lazy relation: await post.author (author: Promise<User> with @ManyToOne)", async () => {
      const files = {
        ...typeormProject("none"),
        "src/lazy.ts": `import { AppDataSource } from './data-source';
import { Post } from './entities';

export async function bylines() {
  const posts = await AppDataSource.getRepository(Post).find({ where: { published: true }, take: 20 });
  const out: string[] = [];
  for (const post of posts) {
    const author = await post.author; // expect: n-plus-one
    out.push(\`\${post.title} by \${author.name}\`);
  }
  return out;
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/lazy.ts", lineOf(files, "src/lazy.ts", "await post.author"))).toMatchObject({ orm: "typeorm", operation: "author" });
    });

    it("entity manager and query builder inside a map callback", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/manager.ts": `import { AppDataSource } from './data-source';
import { Order, User } from './entities';

export async function totals(userIds: number[]) {
  return Promise.all(
    userIds.map(async (userId) => {
      const user = await AppDataSource.manager.findOneBy(User, { id: userId }); // expect: n-plus-one
      const orders = await AppDataSource.getRepository(Order) // expect: n-plus-one
        .createQueryBuilder('o')
        .where('o.userId = :userId', { userId })
        .getMany();
      return { user, orders };
    }),
  );
}
`,
        },
        RULE,
      );
    });
  });

  describe("positive: TypeORM clients of every provenance", () => {
    it("a parameter typed Repository<User>, a parameter typed EntityManager, and the manager of dataSource.transaction", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/typed.ts": `import { EntityManager, Repository } from 'typeorm';
import { AppDataSource } from './data-source';
import { Order, User } from './entities';

export async function names(repo: Repository<User>, ids: number[]) {
  const out: string[] = [];
  for (const id of ids) {
    const user = await repo.findOneBy({ id }); // expect: n-plus-one
    out.push(user?.name ?? '?');
  }
  return out;
}

export async function close(manager: EntityManager, ids: number[]) {
  for (const id of ids) {
    await manager.update(Order, { id }, { status: 'closed' }); // expect: n-plus-one
  }
}

export async function pay(ids: number[]) {
  await AppDataSource.transaction(async (manager) => {
    for (const id of ids) {
      const order = await manager.findOneBy(Order, { id }); // expect: n-plus-one
      if (order) order.status = 'paid';
    }
  });
}
`,
        },
        RULE,
      );
    });
  });

  describe("positive: Sequelize", () => {
    it("association getter post.getComments() in a for-of loop", async () => {
      const files = {
        ...sequelizeProject("none"),
        "src/threads.ts": `import { Post } from './models';

export async function threads() {
  const posts = await Post.findAll({ where: { published: true }, limit: 20 });
  const out = [];
  for (const post of posts) {
    const comments = await post.getComments(); // expect: n-plus-one
    out.push({ title: post.title, comments });
  }
  return out;
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/threads.ts", lineOf(files, "src/threads.ts", "post.getComments()"))).toMatchObject({ orm: "sequelize", operation: "getComments" });
    });

    it("static finders in loops and in Promise.all(map)", async () => {
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/lookup.ts": `import { Order, Post, User } from './models';

export async function authors(authorIds: number[]) {
  const out = [];
  for (const id of authorIds) {
    out.push(await User.findByPk(id)); // expect: n-plus-one
  }
  return out;
}

export async function latestOrders(userIds: number[]) {
  return Promise.all(userIds.map((userId) => Order.findOne({ where: { userId }, order: [['id', 'DESC']] }))); // expect: n-plus-one
}

export async function postAuthors() {
  const posts = await Post.findAll({ limit: 10 });
  return Promise.all(posts.map((post) => post.getAuthor())); // expect: n-plus-one
}
`,
        },
        RULE,
      );
    });
  });

  describe("positive: Sequelize nested getters and transactions", () => {
    it("user.getPosts() in a loop over users, post.getComments() nested inside", async () => {
      const files = {
        ...sequelizeProject("none"),
        "src/nested.ts": `import { User } from './models';

export async function everything() {
  const users = await User.findAll({ limit: 10 });
  const out = [];
  for (const user of users) {
    for (const post of await user.getPosts()) { // expect: n-plus-one
      out.push({ user: user.name, post: post.title, comments: await post.getComments() }); // expect: n-plus-one
    }
  }
  return out;
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/nested.ts", lineOf(files, "src/nested.ts", "await post.getComments()")).queryCount).toBe("1 + N^2");
    });

    it("static update inside sequelize.transaction", async () => {
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/pay.ts": `import { sequelize } from './db';
import { Order } from './models';

export async function markPaid(ids: number[]) {
  await sequelize.transaction(async (transaction) => {
    for (const id of ids) {
      await Order.update({ status: 'paid' }, { where: { id }, transaction }); // expect: n-plus-one
    }
  });
}
`,
        },
        RULE,
      );
    });
  });

  describe("positive: iteration helpers from libraries", () => {
    it("lodash _.map and async.eachSeries callbacks run once per element", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/sync.ts": `import _ from 'lodash';
import async from 'async';
import { prisma } from './db';

export async function sync(userIds: number[]) {
  await Promise.all(_.map(userIds, (id) => prisma.post.findMany({ where: { authorId: id }, take: 10 }))); // expect: n-plus-one
  await async.eachSeries(userIds, async (id: number) => {
    await prisma.user.update({ where: { id }, data: { active: true } }); // expect: n-plus-one
  });
}
`,
        },
        RULE,
      );
    });
  });

  describe("negative: no query per element", () => {
    it("a helper that queries only when the caller leaves an argument out, called with that argument", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/claims.ts": `import { prisma } from './db';

export async function sendNotice(teamId: number, claim?: { email: string }) {
  if (!claim) {
    claim = await prisma.user.findFirstOrThrow({ where: { id: teamId } });
  }
  return claim.email;
}
`,
          "src/notify.ts": `import { prisma } from './db';
import { sendNotice } from './claims';

export async function notifyAll(teamId: number) {
  const claim = await prisma.user.findFirstOrThrow({ where: { id: teamId } });
  const members = await prisma.post.findMany({ where: { authorId: teamId }, take: 100 });
  for (const member of members) {
    await sendNotice(teamId, claim);
  }
  return members.length;
}
`,
        },
        RULE,
      );
    });

    it("a helper whose query is guarded by an option (destructured, read from the options object, or tested as options.x): skipped only where the call site settles the option", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/limits.ts": `import { prisma } from './db';

export async function assertLimits(opts: { teamId: number; claim?: { quota: number } }) {
  let { claim } = opts;
  if (!claim) {
    claim = await prisma.user.findFirstOrThrow({ where: { id: opts.teamId } });
  }
  return claim;
}

export async function render({ postId, withAuthor }: { postId: number; withAuthor?: boolean }) {
  if (withAuthor) return prisma.user.findFirst({ where: { posts: { some: { id: postId } } } });
  return null;
}

export async function summary(postId: number, options?: { signed?: boolean }) {
  if (options?.signed) return prisma.post.findFirst({ where: { id: postId } });
  return null;
}
`,
          "src/notify.ts": `import { prisma } from './db';
import { assertLimits, render, summary } from './limits';

export async function notifyAll(teamId: number, claim: { quota: number }) {
  const posts = await prisma.post.findMany({ where: { authorId: teamId }, take: 100 });
  for (const post of posts) {
    await assertLimits({ teamId, claim });
    await render({ postId: post.id });
    await summary(post.id, { signed: false });
  }
  for (const post of posts) {
    await assertLimits({ teamId }); // expect: n-plus-one
    await render({ postId: post.id, withAuthor: true }); // expect: n-plus-one
    await summary(post.id, { signed: true }); // expect: n-plus-one
  }
  return posts.length;
}
`,
        },
        RULE,
      );
    });

    it("loops over the rows of a small reference table (roles, payment methods) are bounded by that table; other rows still count", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "prisma/schema.prisma": PRISMA_SCHEMA + "\nmodel Role {\n  id   Int    @id\n  name String\n}\n",
          "src/roles.ts": `import { prisma } from './db';

export async function auditRoles() {
  const roles = await prisma.role.findMany();
  for (const role of roles) {
    await prisma.user.count({ where: { roleId: role.id } });
  }
  const users = await prisma.user.findMany({ take: 100 });
  for (const user of users) {
    await prisma.post.count({ where: { authorId: user.id } }); // expect: n-plus-one
  }
}
`,
        },
        RULE,
      );
    });

    it("Sequelize: a getX method written on the model class is its own code, not an association accessor; a declared accessor still is", async () => {
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/docs.ts": `import { DataTypes, Model, type HasManyGetAssociationsMixin } from 'sequelize';
import { sequelize } from './db';

export class Doc extends Model {
  declare id: number;
  declare text: string;
  declare getRevisions: HasManyGetAssociationsMixin<Model>;
  getSummary = () => this.text.slice(0, 80);
  getTitle() {
    return this.text.split('\\n')[0];
  }
}
Doc.init({ id: { type: DataTypes.INTEGER, primaryKey: true }, text: DataTypes.TEXT }, { sequelize });

export async function digest() {
  const docs = await Doc.findAll({ limit: 20 });
  return Promise.all(
    docs.map(async (doc) => ({
      summary: doc.getSummary(),
      title: doc.getTitle(),
      revisions: await doc.getRevisions(), // expect: n-plus-one
    })),
  );
}
`,
        },
        RULE,
      );
    });

    it("per-item workflows: a read that follows an external call in the same iteration is a step of it; a read before the call, and writes, as documented", async () => {
      const files = {
        ...prismaProject("none"),
        "package.json": JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^5.22.0", stripe: "^15.0.0", "async-sema": "^3.1.1" } }),
        "src/payouts.ts": `import Stripe from 'stripe';
import { Sema } from 'async-sema';
import { setTimeout as sleep } from 'node:timers/promises';
import { prisma } from './db';

const stripe = new Stripe(process.env.STRIPE_KEY ?? '');

export async function reconcile(payoutIds: string[]) {
  for (const payoutId of payoutIds) {
    const payout = await stripe.payouts.retrieve(payoutId);
    const order = await prisma.order.findFirst({ where: { id: Number(payout.metadata.orderId) } });
    if (!order) continue;
  }
  for (const payoutId of payoutIds) {
    const order = await prisma.order.findFirst({ where: { id: Number(payoutId) } }); // expect: n-plus-one
    await stripe.payouts.retrieve(String(order?.id));
  }
  for (const payoutId of payoutIds) {
    await sleep(50);
    await prisma.order.findFirst({ where: { id: Number(payoutId) } }); // expect: n-plus-one
  }
  for (const payoutId of payoutIds) {
    try {
      if (payoutId.startsWith('po_')) await stripe.payouts.cancel(payoutId);
      await prisma.order.findFirst({ where: { id: Number(payoutId) } });
    } catch {
      continue;
    }
  }
  const lock = new Sema(4);
  for (const payoutId of payoutIds) {
    try {
      await lock.acquire();
      await prisma.order.findFirst({ where: { id: Number(payoutId) } }); // expect: n-plus-one
    } finally {
      lock.release();
    }
  }
}
`,
      };
      await expectMarked(files, RULE);
    });

    it("per-item workflows through project wrappers: an HTTP client class over fetch, a factory-made SDK client, a client made only when configured", async () => {
      const files = {
        ...prismaProject("none"),
        "package.json": JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^5.22.0", stripe: "^15.0.0", resend: "^4.0.0", zod: "^3.23.8" } }),
        "src/http/base-client.ts": `export abstract class HttpBaseClient {
  protected abstract readonly baseUrl: string;

  async get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  private async request<T>(method: string, path: string): Promise<T> {
    const response = await fetch(this.baseUrl + path, { method });
    return (await response.json()) as T;
  }
}
`,
        "src/http/ratings.ts": `import { HttpBaseClient } from './base-client';

class RatingsClient extends HttpBaseClient {
  protected readonly baseUrl = 'https://ratings.example.com';

  async rating(domain: string) {
    const data = await this.get<{ rating: number }>('/rating?domain=' + domain);
    return data.rating;
  }
}

export const ratings = new RatingsClient();
`,
        "src/clients.ts": `import Stripe from 'stripe';
import { Resend } from 'resend';

export const stripeFor = (key: string) => {
  return new Stripe(key);
};

export const resend = process.env.RESEND_KEY ? new Resend(process.env.RESEND_KEY) : null;
`,
        "src/jobs.ts": `import { z } from 'zod';
import { prisma } from './db';
import { ratings } from './http/ratings';
import { resend, stripeFor } from './clients';

const Site = z.object({ domain: z.string() });

export async function refreshRatings(sites: { id: number; domain: string }[]) {
  for (const site of sites) {
    const rating = await ratings.rating(site.domain);
    await prisma.post.update({ where: { id: site.id }, data: { title: String(rating) } });
  }
}

export async function syncCustomers(ids: number[], key: string) {
  const stripe = stripeFor(key);
  for (const id of ids) {
    const found = await stripe.customers.search({ query: String(id) });
    await prisma.user.update({ where: { id }, data: { name: found.data[0]?.name ?? '' } });
  }
}

export async function verifyDomains(domains: { id: number; resendId: string }[]) {
  for (const domain of domains) {
    const remote = await resend!.domains.get(domain.resendId);
    await prisma.post.update({ where: { id: domain.id }, data: { published: remote.data?.status === 'verified' } });
  }
}

export async function validated(sites: unknown[]) {
  for (const site of sites) {
    const { domain } = await Site.parseAsync(site);
    await prisma.post.update({ where: { id: 1 }, data: { title: domain } }); // expect: n-plus-one
  }
}
`,
      };
      await expectMarked(files, RULE);
    });

    it("ids of a small reference table (roleIds, channelIds) bound the loop like its rows; other ids do not", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/admins.ts": `import { prisma } from './db';

export async function grant(input: { userId: number; roleIds: number[]; postIds: number[] }) {
  for (const roleId of input.roleIds) await prisma.user.update({ where: { id: input.userId }, data: { role: String(roleId) } });
  for (const [index, channelId] of input.roleIds.entries()) await prisma.post.findFirst({ where: { id: channelId + index } });
  for (const postId of input.postIds) await prisma.post.findFirst({ where: { id: postId } }); // expect: n-plus-one
}
`,
        },
        RULE,
      );
    });

    it("a query filtered by a constant list still runs once per element (an async reduce accumulator)", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/report.ts": `import { prisma } from './db';

const OPEN_STATUSES = ['PENDING', 'PAID'];

export async function openBySite(userIds: number[]) {
  return userIds.reduce<Promise<Record<number, number>>>(async (pending, userId) => {
    const acc = await pending;
    acc[userId] = await prisma.order.count({ where: { userId, status: { in: [...OPEN_STATUSES] } } }); // expect: n-plus-one
    return acc;
  }, Promise.resolve({}));
}

export async function perChunk(chunks: number[][]) {
  for (const part of chunks) await prisma.order.findMany({ where: { userId: { in: part }, status: { in: OPEN_STATUSES } } });
}
`,
        },
        RULE,
      );
    });

    it("batches of a chunked list are one query each, also through a helper and over .entries()", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "package.json": JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^5.22.0", "lodash": "^4.17.21" } }),
          "src/cleanup.ts": `import { chunk } from 'lodash';
import { prisma } from './db';

async function deleteBatch(posts: { id: number }[]) {
  await prisma.comment.deleteMany({ where: { postId: { in: posts.map((post) => post.id) } } });
  return prisma.post.deleteMany({ where: { id: { in: posts.map((post) => post.id) } } });
}

export async function deletePosts(posts: { id: number }[]) {
  const batches = chunk(posts, 100);
  for (const [index, batch] of batches.entries()) {
    await deleteBatch(batch);
    console.log('batch', index);
  }
  for (const part of chunk(posts, 500)) await deleteBatch(part);
  for (const post of posts) await deleteBatch([post]); // expect: n-plus-one
}
`,
        },
        RULE,
      );
    });

    it("for (;;) is while (true): a probe for a free slug is not an N+1; one that takes jobs off a queue is", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/slugs.ts": `import { prisma } from './db';

export async function freeEmail(base: string) {
  let email = base;
  for (let n = 1; ; n++) {
    const taken = await prisma.user.findFirst({ where: { email } });
    if (!taken) return email;
    email = \`\${n}-\${base}\`;
  }
}

export async function freeName(base: string) {
  let name = base;
  for (;;) {
    const taken = await prisma.user.findFirst({ where: { name } });
    if (!taken) break;
    name = name + '-1';
  }
  return name;
}

export async function drain(jobs: { userId: number }[]) {
  for (;;) {
    const job = jobs.shift();
    if (!job) break;
    await prisma.user.findFirst({ where: { id: job.userId } }); // expect: n-plus-one
  }
}
`,
        },
        RULE,
      );
    });

    it("queries behind a plain-object memo (cache[k] then cache[k] = …) in a helper run once per key; without the fill they still count", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/admins.ts": `import { prisma } from './db';

const adminsCache: Record<number, number[]> = {};

async function adminIds(userId: number): Promise<number[]> {
  if (adminsCache[userId]) return adminsCache[userId];
  const posts = await prisma.post.findMany({ where: { authorId: userId }, take: 5 });
  adminsCache[userId] = posts.map((post) => post.id);
  return adminsCache[userId];
}

async function uncached(userId: number): Promise<number[]> {
  if (adminsCache[userId]) return adminsCache[userId];
  const posts = await prisma.post.findMany({ where: { authorId: userId }, take: 5 });
  return posts.map((post) => post.id);
}

export async function notify(comments: { userId: number }[]) {
  for (const comment of comments) await adminIds(comment.userId);
  for (const comment of comments) await uncached(comment.userId); // expect: n-plus-one
}
`,
        },
        RULE,
      );
    });

    it("queries behind a Map memo (has/get then set), in the loop or in a helper, run once per key; without the set they still count", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/authors.ts": `import { prisma } from './db';

export async function authorId(email: string, cache: Map<string, number | undefined>) {
  if (cache.has(email)) {
    return cache.get(email);
  }
  const user = await prisma.user.findFirst({ where: { email } });
  cache.set(email, user?.id);
  return user?.id;
}

export async function importPosts(rows: { email: string; title: string; tag: string }[]) {
  const cache = new Map<string, number | undefined>();
  const tags = new Map<string, number>();
  for (const row of rows) {
    const id = await authorId(row.email, cache);
    let tagId: number;
    const cachedTag = tags.get(row.tag);
    if (cachedTag) {
      tagId = cachedTag;
    } else {
      const found = await prisma.post.findFirst({ where: { title: row.tag } });
      tagId = found?.id ?? 0;
      tags.set(row.tag, tagId);
    }
    const seen = tags.get(row.title);
    if (!seen) {
      await prisma.post.findFirst({ where: { title: row.title, authorId: id } }); // expect: n-plus-one
    }
    const hit = tags.get(row.email);
    if (!hit) {
      tags.set(row.email, 1);
    } else {
      await prisma.post.findFirst({ where: { title: row.email } }); // expect: n-plus-one
    }
  }
  for (let i = 0; i < rows.length; i += 1) {
    await prisma.post.findMany({ where: { title: { in: rows.slice(i, i + 1).map((r) => r.title) } } }); // expect: n-plus-one
  }
  for (let i = 0; i < rows.length; i += 500) {
    await prisma.post.findMany({ where: { title: { in: rows.slice(i, i + 500).map((r) => r.title) } } });
  }
}
`,
        },
        RULE,
      );
    });

    it("loops over collections derived from constants: a filtered/mapped constant list, Object.entries of an object literal", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/socials.ts": `import { prisma } from './db';

const RULES = [{ type: 'a' }, { type: 'b' }];

export async function saveSocials(userId: number, input: { x?: string; github?: string }) {
  const fields = { x: input.x ?? null, github: input.github ?? null };
  const entries = (Object.entries(fields) as [string, string | null][]).filter(([, handle]) => handle);
  for (const [platform, handle] of entries) {
    await prisma.post.upsert({ where: { id: userId }, create: { title: platform }, update: { title: handle ?? '' } });
  }
  const selected = RULES.map(({ type }) => ({ type })).filter((rule) => rule.type !== 'b');
  for (const rule of selected) {
    await prisma.post.updateMany({ where: { title: rule.type }, data: { title: rule.type } });
  }
}
`,
        },
        RULE,
      );
    });

    it("Sequelize writes whose model fires a side-effect hook (afterCreate notifications), with a hook-free positive control", async () => {
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/activity.ts": `import { DataTypes, Model } from 'sequelize';
import { sequelize } from './db';
import { notify } from './notify';

export class Activity extends Model {
  declare id: number;
  declare type: string;
}
Activity.init({ id: { type: DataTypes.INTEGER, primaryKey: true }, type: DataTypes.STRING }, { sequelize, hooks: { afterCreate: (activity) => notify(activity) } });
`,
          "src/notify.ts": `export function notify(activity: unknown) {
  console.log('notify', activity);
}
`,
          "src/report.ts": `import { Activity } from './activity';
import { Post } from './models';

export async function record(types: string[], titles: string[]) {
  for (const type of types) {
    await Activity.create({ type });
  }
  for (const title of titles) {
    await Post.create({ title, authorId: 1, published: false }); // expect: n-plus-one
  }
}
`,
        },
        RULE,
      );
    });

    it("a helper whose query needs an argument the loop does not pass", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/ids.ts": `import { prisma } from './db';

export async function internalId(externalId: string, authorId?: number) {
  const cached = externalId.startsWith('int_') ? externalId : null;
  if (!cached && authorId) {
    const post = await prisma.post.findFirst({ where: { authorId, title: externalId } });
    return post?.id ?? null;
  }
  return cached;
}
`,
          "src/import.ts": `import { internalId } from './ids';

export async function resolveAll(externalIds: string[]) {
  const ids = [];
  for (const externalId of externalIds) {
    ids.push(await internalId(externalId));
  }
  return ids;
}
`,
        },
        RULE,
      );
    });

    it("the same helper called without the argument is an N+1 (positive control)", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/claims.ts": `import { prisma } from './db';

export async function sendNotice(teamId: number, claim?: { email: string }) {
  if (!claim) {
    claim = await prisma.user.findFirstOrThrow({ where: { id: teamId } });
  }
  return claim.email;
}
`,
          "src/notify.ts": `import { prisma } from './db';
import { sendNotice } from './claims';

export async function notifyAll(teamIds: number[]) {
  for (const teamId of teamIds) {
    await sendNotice(teamId); // expect: n-plus-one
  }
}
`,
        },
        RULE,
      );
    });

    it("a do-while loop climbing a chain of rows: each step needs the previous row, so it cannot be batched", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/chain.ts": `import { prisma } from './db';

export async function managementChain(startId: number) {
  const chain: string[] = [];
  let id: number | null = startId;
  do {
    const user = await prisma.user.findFirst({ where: { id: id! } });
    if (user) chain.push(user.name);
    id = user?.managerId ?? null;
  } while (id !== null);
  return chain;
}
`,
        },
        RULE,
      );
    });

    it("Array.prototype.find and Map.get over rows loaded once with an IN list after the loop", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/feed.ts": `import { prisma } from './db';

export async function feed() {
  const posts = await prisma.post.findMany({ where: { published: true }, take: 20 });
  const authorIds: number[] = [];
  for (const post of posts) authorIds.push(post.authorId);
  const authors = await prisma.user.findMany({ where: { id: { in: authorIds } } });
  const byId = new Map(authors.map((a) => [a.id, a]));
  const out = [];
  for (const post of posts) {
    const author = authors.find((a) => a.id === post.authorId);
    const same = byId.get(post.authorId);
    out.push({ title: post.title, author: author?.name, check: same?.email });
  }
  return out;
}
`,
        },
        RULE,
      );
    });

    it("in-memory stores and caches with ORM-like method names", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/store.ts": `interface Row { id: number; name: string }

export class MemoryStore {
  private rows: Row[] = [];

  findMany(filter: { name?: string }) {
    return this.rows.filter((r) => filter.name === undefined || r.name === filter.name);
  }

  findUnique(args: { where: { id: number } }) {
    return this.rows.find((r) => r.id === args.where.id) ?? null;
  }
}

export const store = new MemoryStore();

export const cache = {
  user: {
    findUnique: (args: { where: { id: number } }) => ({ id: args.where.id, name: 'cached' }),
  },
  findMany: (_args: unknown) => [] as Row[],
};
`,
          "src/use.ts": `import { cache, store } from './store';

export async function names(ids: number[]) {
  const out: string[] = [];
  for (const id of ids) {
    const row = store.findUnique({ where: { id } });
    const cached = cache.user.findUnique({ where: { id } });
    out.push(row?.name ?? cached.name, ...store.findMany({ name: String(id) }).map((r) => r.name));
    cache.findMany({ where: { id } });
  }
  return out;
}
`,
        },
        RULE,
      );
    });

    it("loops over literal and constant collections", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "prisma/schema.prisma": PRISMA_SCHEMA + "\nmodel Role {\n  id   Int    @id\n  name String\n}\n",
          "src/roles.ts": `import { prisma } from './db';

const STATUSES = ['PENDING', 'PAID', 'SHIPPED'] as const;

export async function summary() {
  const byRole: Record<string, number> = {};
  for (const role of ['admin', 'member']) {
    byRole[role] = await prisma.user.count({ where: { role } });
  }
  const byStatus: Record<string, number> = {};
  for (const status of STATUSES) {
    byStatus[status] = await prisma.order.count({ where: { status } });
  }
  const LIMITS = { small: 10, large: 100 };
  for (const key of Object.keys(LIMITS)) {
    byStatus[key] = await prisma.product.count({ where: { category: key } });
  }
  for (let i = 0; i < 3; i++) {
    byStatus[\`shard\${i}\`] = await prisma.user.count({ where: { role: \`shard\${i}\` } });
  }
  return { byRole, byStatus };
}
`,
        },
        RULE,
      );
    });

    it("Promise.all(ids.map(id => prisma.user.findUnique(...))) is batched by Prisma, with a fluent relation read too", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/batch.ts": `import { prisma } from './db';

export async function byIds(ids: number[]) {
  return Promise.all(ids.map((id) => prisma.user.findUnique({ where: { id } })));
}

// the fluent relation read is part of the same batched findUnique
export async function postsOf(ids: number[]) {
  return Promise.all(ids.map((id) => prisma.user.findUnique({ where: { id } }).posts()));
}

// positive control in the same project: the same loop with findFirst is not batched
export async function byIdsFirst(ids: number[]) {
  return Promise.all(ids.map((id) => prisma.user.findFirst({ where: { id } }))); // expect: n-plus-one
}
`,
        },
        RULE,
      );
    });

    it("keyset batch loop with take + cursor (Prisma)", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/backfill.ts": `import { prisma } from './db';

export async function backfill() {
  let cursor: number | undefined;
  while (true) {
    const batch = await prisma.user.findMany({
      take: 500,
      skip: cursor === undefined ? 0 : 1,
      cursor: cursor === undefined ? undefined : { id: cursor },
      orderBy: { id: 'asc' },
    });
    if (batch.length === 0) break;
    await prisma.user.updateMany({ where: { id: { in: batch.map((u) => u.id) } }, data: { role: 'member' } });
    cursor = batch[batch.length - 1]!.id;
  }
}
`,
        },
        RULE,
      );
    });

    it("offset batch loop with limit (Sequelize)", async () => {
      await expectNone(
        {
          ...sequelizeProject("none"),
          "src/export.ts": `import { User } from './models';

export async function exportUsers(write: (line: string) => void) {
  for (let offset = 0; ; offset += 500) {
    const rows = await User.findAll({ limit: 500, offset, order: [['id', 'ASC']] });
    if (rows.length === 0) break;
    for (const row of rows) write(row.email);
  }
}
`,
        },
        RULE,
      );
    });

    it("chunked writes: for (const chunk of chunks) updateMany({ where: { id: { in: chunk } } })", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/chunks.ts": `import { prisma } from './db';

export async function deactivate(ids: number[]) {
  const chunks: number[][] = [];
  for (let i = 0; i < ids.length; i += 1000) chunks.push(ids.slice(i, i + 1000));
  for (const chunk of chunks) {
    await prisma.user.updateMany({ where: { id: { in: chunk } }, data: { role: 'inactive' } });
  }
  // positive control: the same write per id
  for (const id of ids) {
    await prisma.user.update({ where: { id }, data: { role: 'inactive' } }); // expect: n-plus-one
  }
}
`,
        },
        RULE,
      );
    });

    it("a slice taken into a variable per step (const batch = keys.slice(i, i + SIZE)) is one query per batch, also inside a raw template", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/keys.ts": `import { Prisma } from '@prisma/client';
import { prisma } from './db';

const BATCH_SIZE = 5000;

export async function upsertKeys(keys: { key: string; name: string }[], workspaceId: string) {
  for (let i = 0; i < keys.length; i += BATCH_SIZE) {
    const batch = keys.slice(i, i + BATCH_SIZE);
    await prisma.$queryRaw\`INSERT INTO "Key" ("key", "workspaceId") SELECT unnest(\${Prisma.sql\`ARRAY[\${batch.map((k) => k.key)}]\`}), \${workspaceId}\`;
  }
  // positive control: a slice in a variable the query does not use
  for (let i = 0; i < keys.length; i += BATCH_SIZE) {
    const batch = keys.slice(i, i + BATCH_SIZE);
    console.log(batch.length);
    await prisma.user.update({ where: { id: i }, data: { name: 'x' } }); // expect: n-plus-one
  }
}
`,
        },
        RULE,
      );
    });

    it("TypeORM: In(ids) once after the loop, and a lazy relation preloaded with relations", async () => {
      await expectNone(
        {
          ...typeormProject("none"),
          "src/feed.ts": `import { In } from 'typeorm';
import { AppDataSource } from './data-source';
import { Post, User } from './entities';

export async function feed() {
  const posts = await AppDataSource.getRepository(Post).find({ take: 20 });
  const ids: number[] = [];
  for (const post of posts) ids.push(post.authorId);
  const users = await AppDataSource.getRepository(User).findBy({ id: In(ids) });
  const byId = new Map(users.map((u) => [u.id, u]));
  return posts.map((post) => ({ title: post.title, author: byId.get(post.authorId)?.name }));
}

export async function bylines() {
  const posts = await AppDataSource.getRepository(Post).find({ relations: { author: true }, take: 20 });
  const out: string[] = [];
  for (const post of posts) {
    const author = await post.author;
    out.push(author.name);
  }
  return out;
}
`,
        },
        RULE,
      );
    });

    it("Sequelize: eager include and non-query instance getters (get, getDataValue) in loops", async () => {
      await expectNone(
        {
          ...sequelizeProject("none"),
          "src/threads.ts": `import { Comment, Post } from './models';

export async function threads() {
  const posts = await Post.findAll({ include: [{ model: Comment, as: 'comments' }], limit: 20 });
  const out = [];
  for (const post of posts) {
    out.push({ title: post.get('title'), author: post.getDataValue('authorId'), comments: post.get('comments') });
  }
  return out;
}
`,
        },
        RULE,
      );
    });
  });
  describe("confidence says how large N can get, from where the loop's collection comes from", () => {
    const files = {
      ...prismaProject("express"),
      "src/routes.ts": `import express from 'express';
import { prisma } from './db';

export const router = express.Router();

router.post('/tags/bulk', async (req, res) => {
  const { emails } = req.body;
  for (const email of emails) {
    await prisma.user.findFirst({ where: { email } }); // expect: n-plus-one
  }
  res.json({ ok: true });
});

router.get('/feed', async (req, res) => {
  const posts = await prisma.post.findMany({ where: { published: true }, take: 50 });
  const out = await Promise.all(posts.map(async (p) => ({ ...p, author: await prisma.user.findFirst({ where: { id: p.authorId } }) }))); // expect: n-plus-one
  res.json(out);
});

router.get('/users/:id/posts', async (req, res) => {
  const posts = await prisma.post.findMany({ where: { authorId: Number(req.params.id) }, select: { id: true } });
  for (const post of posts) await prisma.comment.count({ where: { postId: post.id } }); // expect: n-plus-one
  res.json(posts);
});

router.get('/preview', async (req, res) => {
  const latest = await prisma.post.findMany({ orderBy: { id: 'desc' }, take: 3 });
  for (const post of latest) await prisma.comment.count({ where: { postId: post.id } }); // expect: n-plus-one
  res.json(latest);
});

router.post('/import', async (req, res) => {
  await importTitles(req.body.titles);
  res.json({ ok: true });
});

async function importTitles(titles: string[]) {
  for (const title of titles) await prisma.post.create({ data: { title, authorId: 1 } }); // expect: n-plus-one
}
`,
    };

    it("high for the request body and a page of a table, medium for one parent's rows, low for a few rows", async () => {
      const result = await expectMarked(files, RULE);
      const at = (needle: string) => findingAt(result, RULE, "src/routes.ts", lineOf(files, "src/routes.ts", needle)).confidence;
      expect(at("where: { email }")).toBe("high");
      expect(at("author: await prisma.user.findFirst")).toBe("high");
      expect(at("for (const post of posts)")).toBe("medium");
      expect(at("for (const post of latest)")).toBe("low");
      // through a helper: the parameter is as large as what its callers pass (the request body)
      expect(at("prisma.post.create")).toBe("high");
    });

    it("--min-confidence hides the findings below it", async () => {
      const { scan } = await import("../../src/main.js");
      const { mkdtemp, mkdir, writeFile } = await import("node:fs/promises");
      const { tmpdir } = await import("node:os");
      const { dirname, join } = await import("node:path");
      const dir = await mkdtemp(join(tmpdir(), "perf-scan-confidence-"));
      for (const [file, text] of Object.entries(files)) {
        await mkdir(dirname(join(dir, file)), { recursive: true });
        await writeFile(join(dir, file), text);
      }
      const all = await scan({ cwd: dir, rules: [RULE] });
      const medium = await scan({ cwd: dir, rules: [RULE], minConfidence: "medium" });
      const high = await scan({ cwd: dir, rules: [RULE], minConfidence: "high" });
      expect(all.findings).toHaveLength(5);
      expect(medium.findings.map((f) => f.confidence).sort()).toEqual(["high", "high", "high", "medium"]);
      expect(high.findings.every((f) => f.confidence === "high")).toBe(true);
      expect(high.summary.findings).toBe(3);
    });
  });

  describe("GraphQL field resolvers run once per parent in the response", () => {
    // A root type only `@Query(() => Dashboard)` returns; `exposure` adds one more place the schema names it.
    const dashboardProject = (exposure: string, marker: string): Record<string, string> => ({
      ...prismaProject("nestjs"),
      "src/dashboard/dashboard.model.ts": `import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Dashboard {
  @Field(() => Int) userId: number;
}
`,
      "src/dashboard/dashboard.resolver.ts": `import { Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { prisma } from '../db';
import { Dashboard } from './dashboard.model';

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Query(() => Dashboard)
  dashboard(): Dashboard {
    const dashboard: Dashboard = { userId: 1 };
    return dashboard;
  }

  @ResolveField(() => Int)
  postCount(@Parent() dashboard: Dashboard) {
    return prisma.post.count({ where: { authorId: dashboard.userId } });${marker}
  }
}
`,
      "src/exposure.ts": exposure,
    });

    it("not on a type that only root operations return one at a time", async () => {
      await expectNone(dashboardProject("export const unrelated = 1;\n", ""), RULE);
    });

    it("not on a type held singly by another such type", async () => {
      const files = dashboardProject(
        `import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Dashboard } from './dashboard/dashboard.model';

@ObjectType()
export class Viewer {
  @Field(() => Dashboard) dashboard: Dashboard;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer)
  viewer(): Viewer {
    return { dashboard: { userId: 1 } };
  }
}
`,
        "",
      );
      await expectNone(files, RULE);
    });

    it.each([
      ["a list another resolver returns", `import { Query, Resolver } from '@nestjs/graphql';
import { Dashboard } from './dashboard/dashboard.model';

@Resolver()
export class TeamDashboards {
  @Query(() => [Dashboard])
  teamDashboards(): Dashboard[] {
    return [];
  }
}
`],
      ["a field of a listed type", `import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Dashboard } from './dashboard/dashboard.model';

@ObjectType()
export class Team {
  @Field(() => Dashboard) dashboard: Dashboard;
}

@Resolver(() => Team)
export class TeamResolver {
  @Query(() => [Team])
  teams(): Team[] {
    return [];
  }
}
`],
      ["a list read from the annotation", `import { Query, Resolver } from '@nestjs/graphql';
import { Dashboard } from './dashboard/dashboard.model';

@Resolver()
export class TeamDashboards {
  @Query()
  async teamDashboards(): Promise<Dashboard[]> {
    return [];
  }
}
`],
      ["a list under an alias of its import", `import { Query, Resolver } from '@nestjs/graphql';
import { Dashboard as DashboardModel } from './dashboard/dashboard.model';

@Resolver()
export class TeamDashboards {
  @Query(() => [DashboardModel])
  teamDashboards(): DashboardModel[] {
    return [];
  }
}
`],
      ["a page type built by a class factory", `import { ObjectType } from '@nestjs/graphql';
import { Dashboard } from './dashboard/dashboard.model';
import { Paginated } from './paginated';

@ObjectType()
export class DashboardPage extends Paginated(Dashboard) {}
`],
    ])("on a type the schema also returns in %s", async (_case, exposure) => {
      await expectMarked(dashboardProject(exposure, " // expect: n-plus-one"), RULE);
    });
  });

  describe("generic base services", () => {
    const crudFiles = (): Record<string, string> => ({
      ...typeormProject("none"),
      "src/crud.service.ts": `import { Repository } from 'typeorm';

export abstract class CrudService<T extends { id: number }> {
  constructor(protected readonly repository: Repository<T>) {}

  findById(id: number) {
    return this.repository.findOne({ where: { id } as never });
  }
}

export abstract class AuditedCrudService<T extends { id: number }> extends CrudService<T> {
  findById(id: number) {
    return super.findById(id);
  }
}
`,
      "src/post.service.ts": `import { AppDataSource } from './data-source';
import { AuditedCrudService } from './crud.service';
import { Post } from './entities';

export class PostService extends AuditedCrudService<Post> {
  constructor() {
    super(AppDataSource.getRepository(Post));
  }

  async byIds(ids: number[]) {
    const posts = [];
    for (const id of ids) {
      posts.push(await this.findById(id)); // expect: n-plus-one
    }
    return posts;
  }
}
`,
      "src/feed.ts": `import { PostService } from './post.service';

const postService = new PostService();

export async function feed(ids: number[]) {
  return Promise.all(ids.map((id) => postService.findById(id))); // expect: n-plus-one
}
`,
    });

    it("follows a type parameter's default to the argument the subclass gave the parameter it names", async () => {
      const files = {
        ...typeormProject("none"),
        "src/read.service.ts": `import { Repository } from 'typeorm';

export abstract class ReadService<E extends { id: number }, R = E> {
  constructor(protected readonly repository: Repository<R>) {}

  findById(id: number) {
    return this.repository.findOne({ where: { id } as never });
  }
}
`,
        "src/comment.service.ts": `import { AppDataSource } from './data-source';
import { Comment } from './entities';
import { ReadService } from './read.service';

export class CommentService extends ReadService<Comment> {
  constructor() {
    super(AppDataSource.getRepository(Comment));
  }

  async byIds(ids: number[]) {
    return Promise.all(ids.map((id) => this.findById(id))); // expect: n-plus-one
  }
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/comment.service.ts", lineOf(files, "src/comment.service.ts", "this.findById(id)")).model).toBe("Comment");
    });

    it("names the model the subclass binds, not the base class's type parameter", async () => {
      const files = crudFiles();
      const result = await expectMarked(files, RULE);
      for (const [file, needle] of [["src/post.service.ts", "this.findById(id)"], ["src/feed.ts", "postService.findById(id)"]] as const) {
        const finding = findingAt(result, RULE, file, lineOf(files, file, needle));
        expect(finding.model).toBe("Post");
        expect(finding.fix).toContain("relations: { posts: true }");
      }
    });
  });

  describe("resolver maps (Apollo Server, GraphQL Yoga, Mercurius)", () => {
    it("a field resolver of a type in a resolver map runs once per parent; root fields, loaders and other objects do not", async () => {
      const files = {
        ...prismaProject("none"),
        "src/resolvers/user.ts": `import { prisma } from '../db';
import type { Loaders } from '../loaders';

export const userResolvers = {
  User: {
    posts: (user: { id: number }) => prisma.post.findMany({ where: { authorId: user.id }, take: 20 }), // expect: n-plus-one
    async orderCount(user: { id: number }) {
      return prisma.order.count({ where: { userId: user.id } }); // expect: n-plus-one
    },
    manager: (user: { managerId: number | null }, _args: unknown, ctx: { loaders: Loaders }) => (user.managerId ? ctx.loaders.userById.load(user.managerId) : null),
  },
};
`,
        "src/resolvers/query.ts": `import { prisma } from '../db';

export const resolvers = {
  Query: {
    user: (_parent: unknown, args: { id: number }) => prisma.user.findUniqueOrThrow({ where: { id: args.id } }),
  },
  Post: {
    comments: (post: { id: number }) => prisma.comment.findMany({ where: { postId: post.id }, take: 10 }), // expect: n-plus-one
  },
};
`,
        "src/loaders.ts": `import DataLoader from 'dataloader';
import { prisma } from './db';

export function createLoaders() {
  return { userById: new DataLoader(async (ids: readonly number[]) => prisma.user.findMany({ where: { id: { in: [...ids] } } })) };
}
export type Loaders = ReturnType<typeof createLoaders>;
`,
        "src/reports.ts": `import { prisma } from './db';

// Not a resolver map: a table of report builders, each run once.
export const reportBuilders = {
  Weekly: {
    build: (since: Date) => prisma.order.count({ where: { createdAt: { gte: since } } }),
  },
};
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/resolvers/query.ts", lineOf(files, "src/resolvers/query.ts", "prisma.comment.findMany"));
      expect(finding.message).toContain("field resolver");
    });
  });

  describe("recursive tree walks", () => {
    it("reports the child query in the loop, not the recursive call reaching it again; a walk querying before its loop reports the recursion", async () => {
      const files = {
        ...prismaProject("none"),
        "src/categories.ts": `import { prisma } from './db';

interface CategoryNode { id: number; children: CategoryNode[] }

export async function attachChildren(nodes: CategoryNode[], depth: number): Promise<void> {
  if (depth > 5) return;
  for (const node of nodes) {
    node.children = (await childrenOf(node.id)).map((row) => ({ id: row.id, children: [] })); // expect: n-plus-one
    await attachChildren(node.children, depth + 1);
  }
}

async function childrenOf(parentId: number) {
  return prisma.user.findMany({ where: { managerId: parentId }, take: 100 });
}

export async function reportingChain(managerId: number): Promise<number[]> {
  const reports = await prisma.user.findMany({ where: { managerId }, take: 100 });
  const ids: number[] = [];
  for (const report of reports) {
    ids.push(report.id, ...(await reportingChain(report.id))); // expect: n-plus-one
  }
  return ids;
}

export async function bothWays(managerId: number): Promise<void> {
  const reports = await prisma.user.findMany({ where: { managerId }, take: 100 });
  for (const report of reports) {
    await bothWays(report.id); // expect: n-plus-one
    await bothWays(report.managerId ?? 0); // expect: n-plus-one
  }
}
`,
      };
      await expectMarked(files, RULE);
    });
  });

  describe("Prisma's same-tick findUnique batching through helpers", () => {
    it("exempts a helper whose only query is a findUnique issued before any await; reports one that awaits first or queries again", async () => {
      const files = {
        ...prismaProject("none"),
        "src/posts.ts": `import { prisma } from './db';

export function loadPost(id: number) {
  return prisma.post.findUnique({ where: { id } });
}

export async function loadPostChecked(id: number) {
  const post = await loadPost(id);
  if (!post) throw new Error('missing post');
  return post;
}

export async function loadAndMarkRead(id: number) {
  const post = await prisma.post.findUnique({ where: { id } });
  await prisma.post.update({ where: { id }, data: { published: true } });
  return post;
}

export async function loadByAuthorName(name: string) {
  return prisma.post.findUnique({ where: { id: (await prisma.user.findFirstOrThrow({ where: { name } })).id } });
}

export async function loadAfterFetch(id: number) {
  await fetch('https://example.com/audit/' + id);
  return prisma.post.findUnique({ where: { id } });
}
`,
        "src/feed.ts": `import { loadAfterFetch, loadAndMarkRead, loadByAuthorName, loadPost, loadPostChecked } from './posts';

export async function feed(ids: number[]) {
  const direct = await Promise.all(ids.map((id) => loadPost(id)));
  const checked = await Promise.all(ids.map((id) => loadPostChecked(id)));
  const marked = await Promise.all(ids.map((id) => loadAndMarkRead(id))); // expect: n-plus-one
  const audited = await Promise.all(ids.map((id) => loadAfterFetch(id))); // expect: n-plus-one
  const byName = await Promise.all(ids.map((id) => loadByAuthorName(String(id)))); // expect: n-plus-one
  return { direct, checked, marked, audited, byName };
}
`,
      };
      await expectMarked(files, RULE);
    });
  });

  describe("files that do not serve requests", () => {
    it("one-off scripts, seeds and migrations (also in prefixed folders such as migration-scripts/) are not reported; the same loop in src is", async () => {
      const loop = (db: string, marker = "") => `import { prisma } from '${db}';

export async function touchAll(ids: number[]) {
  for (const id of ids) await prisma.user.update({ where: { id }, data: { name: 'x' } });${marker}
}
`;
      await expectMarked(
        {
          ...prismaProject("none"),
          "migration-scripts/backfill.ts": loop("../src/db"),
          "db_seeds/users.ts": loop("../src/db"),
          "scripts/fix.ts": loop("../src/db"),
          "src/jobs/touch.ts": loop("../db", " // expect: n-plus-one"),
        },
        RULE,
      );
    });
  });

  describe("a client package whose generated Prisma client is not in the checkout", () => {
    it("export * from '../generated/prisma' in a workspace package still makes its PrismaClient a client (not the naming fallback)", async () => {
      const files = {
        "package.json": JSON.stringify({ name: "mono", private: true, workspaces: ["packages/*", "apps/*"] }),
        "packages/database/package.json": JSON.stringify({ name: "@acme/database", main: "./dist/index.js", types: "./dist/index.d.ts", dependencies: { "@prisma/client": "^6.0.0" } }),
        "packages/database/src/index.ts": "export * from './client';\nexport * from './queries';\n",
        "packages/database/src/client.ts": "export * from '../generated/prisma';\nexport const MAX_BATCH = 100;\n",
        "packages/database/src/queries.ts": "import { PrismaClient } from './client';\n\nconst db = new PrismaClient();\n\nexport function draftsOf(authorId: number) {\n  return db.post.count({ where: { authorId, published: false } });\n}\n",
        "packages/database/prisma/schema.prisma": PRISMA_SCHEMA,
        "apps/web/package.json": JSON.stringify({ name: "web", dependencies: { "@acme/database": "workspace:*" } }),
        "apps/web/src/db.ts": "import { PrismaClient } from '@acme/database';\n\nexport const prisma = new PrismaClient();\n",
        "apps/web/src/report.ts": `import { prisma } from './db';

export async function postsPerUser(userIds: number[]) {
  const out = [];
  for (const id of userIds) out.push(await prisma.post.count({ where: { authorId: id } })); // expect: n-plus-one
  return out;
}
`,
        "apps/web/src/drafts.ts": `import { draftsOf } from '@acme/database';

export async function draftsPerUser(userIds: number[]) {
  return Promise.all(userIds.map((id) => draftsOf(id))); // expect: n-plus-one
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "apps/web/src/report.ts", lineOf(files, "apps/web/src/report.ts", "prisma.post.count")).confidence).toBe("medium"); // the loop's list caps it; the naming fallback would give low
    });
  });

  describe("Prisma batch transactions", () => {
    it("writes mapped into prisma.$transaction([...]), directly or through a const used only there, are one batch; the same list awaited with Promise.all is not", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/archive.ts": `import { prisma } from './db';

export async function archive(ids: number[]) {
  await prisma.$transaction(ids.map((id) => prisma.post.update({ where: { id }, data: { published: false } })));
  const updates = ids.map((id) => prisma.post.update({ where: { id }, data: { title: 'archived' } }));
  return prisma.$transaction([...updates]);
}

export async function archiveEach(ids: number[]) {
  const updates = ids.map((id) => prisma.post.update({ where: { id }, data: { title: 'archived' } })); // expect: n-plus-one
  await Promise.all(updates);
  return prisma.$transaction(updates);
}
`,
        },
        RULE,
      );
    });
  });

  describe("Next.js cached functions", () => {
    it("a function opening with \"use cache\" (or in a file that does) runs once per argument list: not reported; an uncached twin is", async () => {
      const files = {
        ...prismaProject("nextjs"),
        "src/data/stats.ts": `import { prisma } from '../db';

export async function postCount(userId: number) {
  'use cache';
  return prisma.post.count({ where: { authorId: userId } });
}

export async function postCountFresh(userId: number) {
  return prisma.post.count({ where: { authorId: userId } });
}
`,
        "src/data/cached-file.ts": `'use cache: remote';
import { prisma } from '../db';

export async function commentCount(userId: number) {
  return prisma.comment.count({ where: { post: { authorId: userId } } });
}

export async function draftCounts(userIds: number[]) {
  const out = [];
  for (const userId of userIds) out.push(await draftsOf(userId)); // expect: n-plus-one
  return out;
}

async function draftsOf(userId: number) {
  return prisma.post.count({ where: { authorId: userId, published: false } });
}
`,
        "src/app/team.ts": `import { commentCount } from '../data/cached-file';
import { postCount, postCountFresh } from '../data/stats';

export async function teamRows(userIds: number[]) {
  const rows = [];
  for (const userId of userIds) {
    rows.push({ posts: await postCount(userId), comments: await commentCount(userId) });
    rows.push({ fresh: await postCountFresh(userId) }); // expect: n-plus-one
  }
  return rows;
}
`,
      };
      await expectMarked(files, RULE);
    });
  });

  describe("Prisma's same-tick findUnique batching in field resolvers", () => {
    it("a field resolver that returns findUnique (or its fluent relation) before any await is batched; one that awaits first, or reads a list, is an N+1", async () => {
      const files = {
        ...prismaProject("nestjs"),
        "src/posts/post.model.ts": `import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Post {
  @Field(() => Int) id: number;
  @Field(() => Int) authorId: number;
}
`,
        "src/posts/posts.resolver.ts": `import { Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { prisma } from '../db';
import { Post } from './post.model';

@Resolver(() => Post)
export class PostsResolver {
  @Query(() => [Post])
  posts() {
    return prisma.post.findMany({ take: 20 });
  }

  @ResolveField()
  author(@Parent() post: Post) {
    return prisma.user.findUnique({ where: { id: post.authorId } });
  }

  @ResolveField()
  comments(@Parent() post: Post) {
    return prisma.post.findUnique({ where: { id: post.id } }).comments();
  }

  @ResolveField()
  async editor(@Parent() post: Post) {
    const audit = await fetch('https://audit.example.com/posts/' + post.id);
    return prisma.user.findUnique({ where: { id: Number(await audit.text()) } }); // expect: n-plus-one
  }

  @ResolveField()
  async reviewer(@Parent() post: Post) {
    return prisma.user.findFirst({ where: { id: post.authorId } }); // expect: n-plus-one
  }
}
`,
        "src/resolvers.ts": `import { prisma } from './db';

export const resolvers = {
  Comment: {
    author: (comment: { authorId: number }) => prisma.user.findUnique({ where: { id: comment.authorId } }),
    post: (comment: { postId: number }) => prisma.post.findUniqueOrThrow({ where: { id: comment.postId } }), // expect: n-plus-one
  },
};
`,
      };
      await expectMarked(files, RULE);
    });
  });

  describe("TypeORM QueryRunner", () => {
    it("the manager of dataSource.createQueryRunner() runs queries; the runner's own connect/transaction calls are not queries", async () => {
      const files = {
        ...typeormProject("none"),
        "src/returns.ts": `import { AppDataSource } from './data-source';
import { Order } from './entities';

export async function closeOrders(orderIds: number[]) {
  const runner = AppDataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    for (const id of orderIds) {
      await runner.manager.update(Order, { id }, { status: 'CLOSED' }); // expect: n-plus-one
      await runner.commitTransaction();
    }
  } finally {
    await runner.release();
  }
}
`,
      };
      await expectMarked(files, RULE);
    });
  });
});
