import { describe, expect, it } from "vitest";
import { expectMarked, expectNone, findingAt, lineOf, PRISMA_SCHEMA, prismaProject, sequelizeProject, typeormProject } from "../support/project.js";

const RULE = "unbounded-query" as const;

describe(RULE, () => {
  describe("positive: list reads without take/limit", () => {
    it("Prisma findMany() and findMany({ where }) without take, as warnings", async () => {
      const files = {
        ...prismaProject("none"),
        "src/export.ts": `import { prisma } from './db';

export async function exportUsers() {
  const users = await prisma.user.findMany(); // expect: unbounded-query
  return users.map((u) => \`\${u.id},\${u.email},\${u.name},\${u.role}\`).join('\\n');
}

export async function publishedPosts() {
  return prisma.post.findMany({ where: { published: true }, orderBy: { createdAt: 'desc' } }); // expect: unbounded-query
}
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/export.ts", lineOf(files, "src/export.ts", "prisma.user.findMany()"));
      expect(finding).toMatchObject({ severity: "warning", orm: "prisma", model: "User", operation: "findMany" });
      expect(finding.fix).toMatch(/take/);
    });

    it("Prisma clients of every provenance: PrismaClient parameter, TransactionClient, $transaction tx, extends PrismaClient", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/typed.ts": `import { Prisma, PrismaClient } from '@prisma/client';
import { prisma } from './db';

class Database extends PrismaClient {}
const database = new Database();

export async function a(db: PrismaClient) {
  return db.post.findMany({ where: { published: false } }); // expect: unbounded-query
}

export async function b(tx: Prisma.TransactionClient) {
  return tx.order.findMany({ where: { status: 'PENDING' } }); // expect: unbounded-query
}

export async function c() {
  return prisma.$transaction(async (tx) => {
    const products = await tx.product.findMany({ orderBy: { name: 'asc' } }); // expect: unbounded-query
    return products.map((p) => ({ ...p, label: p.name.toUpperCase() }));
  });
}

export async function d() {
  return database.user.findMany({ where: { role: 'admin' } }); // expect: unbounded-query
}
`,
        },
        RULE,
      );
    });

    it("untyped JS with require('@prisma/client')", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/report.js": `const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

async function allOrders() {
  return prisma.order.findMany({ where: { status: 'PAID' } }); // expect: unbounded-query
}

module.exports = { allOrders };
`,
        },
        RULE,
      );
    });

    it("TypeORM find(), findBy() and a query builder getMany() without take (reported at the chain start)", async () => {
      const files = {
        ...typeormProject("none"),
        "src/reports.ts": `import { AppDataSource } from './data-source';
import { Order, User } from './entities';

const users = AppDataSource.getRepository(User);

export async function everyone() {
  return users.find(); // expect: unbounded-query
}

export async function actives() {
  return users.findBy({ active: true }); // expect: unbounded-query
}

export async function paid() {
  return AppDataSource.getRepository(Order) // expect: unbounded-query
    .createQueryBuilder('o')
    .where('o.status = :status', { status: 'paid' })
    .orderBy('o.id', 'DESC')
    .getMany();
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/reports.ts", lineOf(files, "src/reports.ts", "users.find()")).orm).toBe("typeorm");
    });

    it("TypeORM getRepository(E).extend({ … }): `this` in the custom methods is the repository, and callers reach them", async () => {
      const files = {
        ...typeormProject("none"),
        "src/post.repository.ts": `import { AppDataSource } from './data-source';
import { Post } from './entities';

export const PostRepository = AppDataSource.getRepository(Post).extend({
  published() {
    return this.createQueryBuilder('p') // expect: unbounded-query
      .where('p.published = :published', { published: true })
      .getMany();
  },
  byAuthor: function (authorId: number) {
    return this.find({ where: { authorId } });
  },
  latest(take = 20) {
    return this.find({ order: { id: 'DESC' }, take });
  },
});
`,
        "src/feed.ts": `import { PostRepository } from './post.repository';

export async function feed() {
  const [posts, newest] = await Promise.all([PostRepository.published(), PostRepository.latest()]);
  return { count: posts.length + newest.length, all: PostRepository.find() }; // expect: unbounded-query
}

export async function authorTitles(authorIds: number[]) {
  const titles: string[] = [];
  for (const id of authorIds) {
    const posts = await PostRepository.byAuthor(id);
    titles.push(...posts.map((post) => post.title));
  }
  return titles;
}
`,
      };
      await expectMarked(files, RULE);
      // The helper's query runs once per author: the N+1 is found through the custom method.
      const result = await expectMarked({ ...files, "src/feed.ts": files["src/feed.ts"]!.replace("await PostRepository.byAuthor(id);", "await PostRepository.byAuthor(id); // expect: n-plus-one") }, "n-plus-one");
      expect(findingAt(result, "n-plus-one", "src/feed.ts", lineOf(files, "src/feed.ts", "byAuthor(id)")).message).toContain("byAuthor");
    });

    it("a Prisma relation filter on one parent's key (some / is) scopes the read like a key column", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/tags.ts": `import { prisma } from './db';

export async function commentsOfPost(postId: number) {
  const comments = await prisma.comment.findMany({ where: { post: { is: { id: postId } } } });
  return comments.map((comment) => comment.body);
}

export async function postsOfUser(userId: number) {
  const posts = await prisma.post.findMany({ where: { author: { is: { id: userId } } } });
  return posts.map((post) => post.title);
}

export async function withComments(body: string) {
  const posts = await prisma.post.findMany({ where: { comments: { some: { body } } } }); // expect: unbounded-query
  return posts.map((post) => post.title);
}

export async function wordsOfUser(userId: number) {
  const posts = await prisma.post.findMany({ where: { author: { is: { id: userId } } } }); // expect: unbounded-query
  return posts.reduce((sum, post) => sum + post.body.length, 0);
}
`,
        },
        RULE,
      );
    });

    it("Sequelize: a fixed set of statuses bounds nothing; a fixed set of ids (a key column) does", async () => {
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/orders.ts": `import { Op } from 'sequelize';
import { Order } from './models';

export const open = () => Order.findAll({ where: { status: { [Op.in]: ['PENDING', 'PAID'] } } }); // expect: unbounded-query
export const listed = () => Order.findAll({ where: { status: ['PENDING', 'PAID'] } }); // expect: unbounded-query
export const picked = () => Order.findAll({ where: { id: { [Op.in]: [1, 2, 3] } } });
export const pickedShort = () => Order.findAll({ where: { id: [1, 2, 3] } });
`,
        },
        RULE,
      );
    });

    it("Sequelize findAll() and findAll({ where }) without limit", async () => {
      const files = {
        ...sequelizeProject("none"),
        "src/reports.ts": `import { Order, User } from './models';

export async function everyone() {
  return User.findAll(); // expect: unbounded-query
}

export async function paid() {
  return Order.findAll({ where: { status: 'paid' }, order: [['id', 'DESC']] }); // expect: unbounded-query
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/reports.ts", lineOf(files, "src/reports.ts", "User.findAll()"))).toMatchObject({ orm: "sequelize", model: "User", operation: "findAll" });
    });

    it("a key-scoped read whose rows are aggregated in JavaScript or drive an N+1", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/scoped.ts": `import { prisma } from './db';

export async function spent(userId: number) {
  const orders = await prisma.order.findMany({ where: { userId } }); // expect: unbounded-query
  return orders.reduce((sum, o) => sum + o.amount, 0);
}

export async function commentCounts(authorId: number) {
  const posts = await prisma.post.findMany({ where: { authorId } }); // expect: unbounded-query
  const out: number[] = [];
  for (const post of posts) {
    out.push(await prisma.comment.count({ where: { postId: post.id } }));
  }
  return out;
}
`,
        },
        RULE,
      );
    });
  });

  describe("positive: key-scoped reads with per-row work (TypeORM, Sequelize)", () => {
    it("TypeORM find({ where: { authorId } }) whose rows drive a lazy-relation N+1", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/scoped.ts": `import { AppDataSource } from './data-source';
import { Post } from './entities';

export async function bylines(authorId: number) {
  const posts = await AppDataSource.getRepository(Post).find({ where: { authorId } }); // expect: unbounded-query
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

    it("Sequelize user.getPosts() whose rows drive an N+1, and Order.findAll({ where: { userId } }) summed in JS", async () => {
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/scoped.ts": `import { Order, User } from './models';

export async function threads(userId: number) {
  const user = await User.findByPk(userId);
  if (!user) return [];
  const out = [];
  for (const post of await user.getPosts()) { // expect: unbounded-query
    out.push({ title: post.title, comments: await post.getComments() });
  }
  return out;
}

export async function spent(userId: number) {
  const orders = await Order.findAll({ where: { userId } }); // expect: unbounded-query
  return orders.reduce((sum, o) => sum + o.amount, 0);
}
`,
        },
        RULE,
      );
    });
  });

  describe("negative: key-scoped reads with no per-row work", () => {
    it("Prisma relation filter, TypeORM findBy({ authorId }), Sequelize getter returned as is", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/scoped.ts": `import { prisma } from './db';

export async function postsOf(authorId: number) {
  return prisma.post.findMany({ where: { author: { id: authorId } }, orderBy: { id: 'desc' } });
}

export async function commentsOf(postId: number) {
  const comments = await prisma.comment.findMany({ where: { postId } });
  return comments.map((c) => ({ id: c.id, body: c.body.trim() }));
}
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...typeormProject("none"),
          "src/scoped.ts": `import { AppDataSource } from './data-source';
import { Order } from './entities';

export async function ordersOf(userId: number) {
  return AppDataSource.getRepository(Order).findBy({ userId });
}
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...sequelizeProject("none"),
          "src/scoped.ts": `import { User } from './models';

export async function postsOf(userId: number) {
  const user = await User.findByPk(userId);
  return user ? user.getPosts() : [];
}
`,
        },
        RULE,
      );
    });
  });

  describe("negative: bounded reads", () => {
    it("Prisma findMany with take, with an IN list, a unique lookup, and a key-scoped read with no per-row work", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/bounded.ts": `import { prisma } from './db';

export async function page(cursor?: number) {
  return prisma.post.findMany({ take: 20, where: { published: true }, orderBy: { id: 'asc' } });
}

export async function byIds(ids: number[]) {
  return prisma.user.findMany({ where: { id: { in: ids } } });
}

export async function one(email: string) {
  return prisma.user.findUnique({ where: { email } });
}

export async function postsOf(authorId: number) {
  return prisma.post.findMany({ where: { authorId } });
}

// positive control
export async function all() {
  return prisma.post.findMany(); // expect: unbounded-query
}
`,
        },
        RULE,
      );
    });

    it("the config of the whole install is a small table (InfraConfig); per-user settings are not", async () => {
      const project = prismaProject("none");
      project["prisma/schema.prisma"] = PRISMA_SCHEMA + "\nmodel InfraConfig {\n  id    Int    @id\n  name  String @unique\n  value String\n}\n\nmodel UserSetting {\n  id     Int    @id\n  userId Int\n  value  String\n}\n";
      await expectMarked(
        {
          ...project,
          "src/config.ts": `import { prisma } from './db';

export async function loadConfig() {
  const rows = await prisma.infraConfig.findMany();
  return rows.filter((row) => row.value !== '').length;
}

export async function allUserSettings() {
  const rows = await prisma.userSetting.findMany(); // expect: unbounded-query
  return rows.filter((row) => row.value !== '').length;
}
`,
        },
        RULE,
      );
    });

    it("Prisma distinct on enum or Boolean fields returns at most their values; distinct on a string field is still unbounded", async () => {
      const project = prismaProject("none");
      project["prisma/schema.prisma"] = PRISMA_SCHEMA.replace('  status    String   @default("PENDING")', "  status    OrderStatus @default(PENDING)") + "\nenum OrderStatus {\n  PENDING\n  PAID\n}\n";
      await expectMarked(
        {
          ...project,
          "src/telemetry.ts": `import { prisma } from './db';

export async function usage() {
  const statuses = await prisma.order.findMany({ select: { status: true }, distinct: ['status'] });
  const flags = await prisma.post.findMany({ select: { published: true }, distinct: 'published' });
  const categories = await prisma.product.findMany({ select: { category: true }, distinct: ['category'] }); // expect: unbounded-query
  return { statuses: statuses.length, flags: flags.length, categories: categories.length };
}
`,
        },
        RULE,
      );
    });

    it("TypeORM find with take, In(ids), and a query builder with take()", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/bounded.ts": `import { In } from 'typeorm';
import { AppDataSource } from './data-source';
import { User } from './entities';

const users = AppDataSource.getRepository(User);

export async function page(skip: number) {
  return users.find({ where: { active: true }, take: 50, skip });
}

export async function byIds(ids: number[]) {
  return users.find({ where: { id: In(ids) } });
}

export async function builder() {
  return users.createQueryBuilder('u').where('u.active = true').take(25).getMany();
}

// A builder in a variable, configured by statements: the limit ends a chain of them.
export async function topTitles() {
  const query = users.createQueryBuilder();
  query.select(\`COUNT("\${query.alias}"."id")\`, 'sessions').addGroupBy(\`"\${query.alias}"."name"\`);
  query.andWhere(\`"\${query.alias}"."active" = true\`).orderBy('sessions', 'DESC').limit(5);
  return query.getRawMany();
}

// positive control
export async function all() {
  return users.find({ where: { active: false } }); // expect: unbounded-query
}

// A take under a spread of setFindOptions: paged when the request asks, read as bounded (as before).
export async function paged(limit: number) {
  const query = users.createQueryBuilder('u');
  query.setFindOptions({ ...(limit > 0 ? { take: limit, skip: 0 } : {}), order: { name: 'ASC' } });
  return query.getMany();
}

// positive control: a spread with no take, and an IN list only added inside a where callback (sometimes)
export async function filtered(where: object, ids: number[]) {
  const query = users.createQueryBuilder('u');
  query.setFindOptions({ ...(where ? { where } : {}) });
  query.where((qb) => {
    if (ids.length) qb.andWhere('u.id IN (:...ids)', { ids });
  });
  return query.getMany(); // expect: unbounded-query
}

// positive control: chained statements with no limit
export async function allTitles() {
  const query = users.createQueryBuilder();
  query.select('name').where('active = false').orderBy('name');
  return query.getRawMany(); // expect: unbounded-query
}
`,
        },
        RULE,
      );
    });

    it("Sequelize findAll with limit and with [Op.in]", async () => {
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/bounded.ts": `import { Op } from 'sequelize';
import { User } from './models';

export async function page(offset: number) {
  return User.findAll({ where: { active: true }, limit: 50, offset });
}

export async function byIds(ids: number[]) {
  return User.findAll({ where: { id: { [Op.in]: ids } } });
}

// positive control
export async function all() {
  return User.findAll({ where: { active: false } }); // expect: unbounded-query
}
`,
        },
        RULE,
      );
    });

    it("not reported at a site already reported as n-plus-one", async () => {
      const files = {
        ...prismaProject("none"),
        "src/loop.ts": `import { prisma } from './db';

export async function perUser(userIds: number[]) {
  const out = [];
  for (const userId of userIds) {
    out.push(await prisma.order.findMany({ where: { userId, status: 'PAID' } }));
  }
  return out;
}
`,
      };
      const result = await expectNone(files, RULE);
      // the site is reported, but by n-plus-one
      expect(result.findings.map((f) => `${f.line} ${f.ruleId}`)).toContain(`${lineOf(files, "src/loop.ts", "prisma.order.findMany")} n-plus-one`);
    });

    it("not reported at a site already reported as missing-pagination", async () => {
      const files = {
        ...prismaProject("express"),
        "src/app.ts": `import express from 'express';
import { prisma } from './db';

const app = express();

app.get('/users', async (_req, res) => {
  const users = await prisma.user.findMany();
  res.json(users);
});

app.listen(3000);
`,
      };
      const result = await expectNone(files, RULE);
      expect(result.findings.map((f) => `${f.line} ${f.ruleId}`)).toContain(`${lineOf(files, "src/app.ts", "prisma.user.findMany")} missing-pagination`);
    });

    it("in-memory stores with findMany/findAll names", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/store.ts": `interface Row { id: number }

class Store {
  private rows: Row[] = [];
  findMany() {
    return [...this.rows];
  }
  findAll() {
    return [...this.rows];
  }
}

const store = new Store();
const users = [{ id: 1 }, { id: 2 }];

export function all() {
  return [store.findMany(), store.findAll(), users.find((u) => u.id === 1)];
}
`,
        },
        RULE,
      );
    });
  });

  describe("generic base services", () => {
    it("a repository a generic base class holds reads the model the subclass binds; a lookup table stays exempt", async () => {
      const files = {
        ...typeormProject("none"),
        "src/crud.service.ts": `import { Repository } from 'typeorm';

export abstract class CrudService<T> {
  constructor(protected readonly repository: Repository<T>) {}
}
`,
        "src/post.service.ts": `import { AppDataSource } from './data-source';
import { CrudService } from './crud.service';
import { Post } from './entities';

export class PostService extends CrudService<Post> {
  constructor() {
    super(AppDataSource.getRepository(Post));
  }

  async exportAll() {
    const posts = await this.repository.createQueryBuilder('post').orderBy('post.id').getMany(); // expect: unbounded-query
    return posts.map((post) => ({ id: post.id, title: post.title, published: post.published }));
  }
}
`,
        "src/role.service.ts": `import { Entity, PrimaryGeneratedColumn, Column } from 'typeorm';
import { AppDataSource } from './data-source';
import { CrudService } from './crud.service';

@Entity()
export class Role {
  @PrimaryGeneratedColumn() id: number;
  @Column() name: string;
}

export class RoleService extends CrudService<Role> {
  constructor() {
    super(AppDataSource.getRepository(Role));
  }

  async all() {
    const roles = await this.repository.find();
    return roles.map((role) => ({ id: role.id, name: role.name }));
  }
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/post.service.ts", lineOf(files, "src/post.service.ts", "getMany()")).model).toBe("Post");
    });
  });

  describe("the rows of one parent, by the schema's relation or a key-like name", () => {
    it("a key the Prisma schema's @relation names, or one ending in ID or Uid, scopes the read; any other filter does not", async () => {
      const files = {
        ...prismaProject("none"),
        "prisma/schema.prisma": `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Workspace {
  uid   String @id
  name  String
  notes Note[]
}

model Note {
  id        Int       @id @default(autoincrement())
  title     String
  ownerRef  String
  owner     Workspace @relation(fields: [ownerRef], references: [uid])
  folderID  String
  authorUid String
}
`,
        "src/notes.ts": `import { prisma } from './db';

export async function notesOf(workspace: string) {
  const notes = await prisma.note.findMany({ where: { ownerRef: workspace } });
  return notes.map((note) => ({ id: note.id, title: note.title }));
}

export async function notesIn(folderID: string, authorUid: string) {
  const inFolder = await prisma.note.findMany({ where: { folderID } });
  const byAuthor = await prisma.note.findMany({ where: { authorUid: { equals: authorUid } } });
  return [...inFolder, ...byAuthor].map((note) => note.title);
}

export async function titled(title: string) {
  const notes = await prisma.note.findMany({ where: { title } }); // expect: unbounded-query
  return notes.map((note) => ({ id: note.id, title: note.title }));
}
`,
      };
      await expectMarked(files, RULE);
    });
  });
});
