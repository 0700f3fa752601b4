import { describe, expect, it } from "vitest";
import { expectMarked, expectNone, findingAt, lineOf, prismaProject, sequelizeProject, typeormProject } from "../support/project.js";

const RULE = "count-via-length" as const;

describe(RULE, () => {
  describe("positive: rows fetched only for .length", () => {
    it("Prisma: (await findMany()).length and rows.length through a variable", async () => {
      const files = {
        ...prismaProject("none"),
        "src/stats.ts": `import { prisma } from './db';

export async function postCount(authorId: number) {
  return (await prisma.post.findMany({ where: { authorId } })).length; // expect: count-via-length
}

export async function hasDrafts() {
  const drafts = await prisma.post.findMany({ where: { published: false } }); // expect: count-via-length
  return drafts.length > 0;
}
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/stats.ts", lineOf(files, "src/stats.ts", "(await prisma.post.findMany"));
      expect(finding).toMatchObject({ orm: "prisma", model: "Post", operation: "findMany", severity: "warning" });
      expect(finding.fix).toContain("count(");
    });

    it("Prisma through a PrismaClient parameter and a $transaction tx", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/stats.ts": `import { PrismaClient } from '@prisma/client';
import { prisma } from './db';

export async function admins(db: PrismaClient) {
  return (await db.user.findMany({ where: { role: 'admin' } })).length; // expect: count-via-length
}

export async function pending() {
  return prisma.$transaction(async (tx) => {
    const orders = await tx.order.findMany({ where: { status: 'PENDING' } }); // expect: count-via-length
    return orders.length;
  });
}
`,
        },
        RULE,
      );
    });

    it("TypeORM: find().length and query builder getMany().length", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/stats.ts": `import { AppDataSource } from './data-source';
import { Order, User } from './entities';

export async function activeUsers() {
  return (await AppDataSource.getRepository(User).find({ where: { active: true } })).length; // expect: count-via-length
}

export async function paidOrders() {
  const rows = await AppDataSource.getRepository(Order) // expect: count-via-length
    .createQueryBuilder('o')
    .where('o.status = :s', { s: 'paid' })
    .getMany();
  return rows.length;
}
`,
        },
        RULE,
      );
    });

    it("TypeORM lazy relation: (await user.posts).length", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/stats.ts": `import { AppDataSource } from './data-source';
import { User } from './entities';

export async function postCount(id: number) {
  const user = await AppDataSource.getRepository(User).findOneByOrFail({ id });
  return (await user.posts).length; // expect: count-via-length
}
`,
        },
        RULE,
      );
    });

    it("Sequelize: (await Model.findAll()).length and (await post.getComments()).length", async () => {
      const files = {
        ...sequelizeProject("none"),
        "src/stats.ts": `import { Post, User } from './models';

export async function userCount() {
  return (await User.findAll()).length; // expect: count-via-length
}

export async function commentCount(postId: number) {
  const post = await Post.findByPk(postId);
  if (!post) return 0;
  return (await post.getComments()).length; // expect: count-via-length
}
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/stats.ts", lineOf(files, "src/stats.ts", "post.getComments()"));
      expect(finding.fix).toContain("countComments()");
    });
  });

  describe("positive: more shapes", () => {
    it("emptiness check on a list read, and a Prisma fluent relation list", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/checks.ts": `import { prisma } from './db';

export async function hasOrders(userId: number) {
  if ((await prisma.order.findMany({ where: { userId } })).length === 0) return false; // expect: count-via-length
  return true;
}

export async function postCount(userId: number) {
  const posts = await prisma.user.findUnique({ where: { id: userId } }).posts(); // expect: count-via-length
  return posts?.length ?? 0;
}
`,
        },
        RULE,
      );
    });

    it("TypeORM repository parameter and Sequelize findAll({ where }) through a variable", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/checks.ts": `import { Repository } from 'typeorm';
import { Order } from './entities';

export async function pending(orders: Repository<Order>) {
  const rows = await orders.find({ where: { status: 'pending' } }); // expect: count-via-length
  return rows.length;
}
`,
        },
        RULE,
      );
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/checks.ts": `import { Order } from './models';

export async function paid(userId: number) {
  const rows = await Order.findAll({ where: { userId, status: 'paid' } }); // expect: count-via-length
  return { paid: rows.length };
}
`,
        },
        RULE,
      );
    });
  });

  describe("negative", () => {
    it("database counts: prisma count, repository count/countBy, getCount, Model.count, countComments", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/stats.ts": `import { prisma } from './db';

export async function counts(authorId: number) {
  const posts = await prisma.post.count({ where: { authorId } });
  const grouped = await prisma.user.findMany({ select: { _count: { select: { posts: true } } }, take: 10 });
  return { posts, grouped };
}
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...typeormProject("none"),
          "src/stats.ts": `import { AppDataSource } from './data-source';
import { User } from './entities';

const users = AppDataSource.getRepository(User);

export async function counts() {
  return [await users.count(), await users.countBy({ active: true }), await users.createQueryBuilder('u').getCount()];
}
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...sequelizeProject("none"),
          "src/stats.ts": `import { Post, User } from './models';

export async function counts(postId: number) {
  const post = await Post.findByPk(postId);
  return [await User.count(), post ? await post.countComments() : 0];
}
`,
        },
        RULE,
      );
    });

    it("rows a file-local helper or a private method returns, counted by every caller; not an exported helper, nor one a caller uses whole", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/stats.ts": `import { prisma } from './db';

function draftsOf(authorId: number) {
  return prisma.post.findMany({ where: { authorId, published: false } }); // expect: count-via-length
}

async function commentsOf(postId: number) {
  const comments = await prisma.comment.findMany({ where: { postId } }); // expect: count-via-length
  return comments;
}

function postsOf(authorId: number) {
  return prisma.post.findMany({ where: { authorId } });
}

export function publishedOf(authorId: number) {
  return prisma.post.findMany({ where: { authorId, published: true } });
}

export async function authorStats(authorId: number, postId: number) {
  const drafts = await draftsOf(authorId);
  const comments = (await commentsOf(postId)).length;
  const posts = await postsOf(authorId);
  const published = await publishedOf(authorId);
  return { drafts: drafts.length, comments, posts: posts.length, titles: (await postsOf(authorId)).map((p) => p.title), published: published.length };
}

export class InboxService {
  private unread(userId: number) {
    return prisma.post.findMany({ where: { authorId: userId, published: false } }); // expect: count-via-length
  }

  private drafts(userId: number) {
    return prisma.post.findMany({ where: { authorId: userId } });
  }

  private archived(userId: number) {
    return prisma.post.findMany({ where: { authorId: userId, title: 'archived' } });
  }

  async badge(userId: number) {
    const pending = this.drafts(userId);
    const self = this;
    return { unread: (await this.unread(userId)).length, drafts: (await this.drafts(userId)).length, later: pending, archived: (await this.archived(userId)).length, again: self.archived(userId) };
  }
}
`,
        },
        RULE,
      );
    });

    it("rows used for more than .length, and .length of non-row values (with a positive control)", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/list.ts": `import { prisma } from './db';

export async function list(ids: number[]) {
  const posts = await prisma.post.findMany({ where: { published: true }, take: 50 });
  if (posts.length === 0) return { total: 0, items: [] };
  const user = await prisma.user.findUnique({ where: { id: ids[0] } });
  return { total: posts.length, items: posts, nameLength: user?.name.length ?? 0, asked: ids.length };
}

export async function control() {
  return (await prisma.comment.findMany()).length; // expect: count-via-length
}
`,
        },
        RULE,
      );
    });
  });
});
