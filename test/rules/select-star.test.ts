import { describe, expect, it } from "vitest";
import { expectMarked, expectNone, findingAt, lineOf, prismaProject, sequelizeProject, typeormProject } from "../support/project.js";

const RULE = "select-star" as const;

describe(RULE, () => {
  describe("few fields that are not columns: an included association or a getter of the model", () => {
    it("Sequelize include alias and class getter are not reported; a plain column pluck is", async () => {
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/files.ts": `import { DataTypes, Model } from 'sequelize';
import { sequelize } from './db';

export class Attachment extends Model {
  declare id: number;
  declare key: string;
  declare documentId: number;
  get redirectUrl() {
    return '/api/attachments.redirect?id=' + this.id;
  }
}
Attachment.init({ id: { type: DataTypes.INTEGER, primaryKey: true }, key: DataTypes.STRING, documentId: DataTypes.INTEGER }, { sequelize });
export class Owner extends Model {
  declare id: number;
}
Owner.init({ id: { type: DataTypes.INTEGER, primaryKey: true } }, { sequelize });

export async function links(documentId: number) {
  const attachments = await Attachment.findAll({ where: { documentId }, limit: 100 });
  const urls = attachments.map((a) => a.redirectUrl);
  return urls.join('\\n');
}

export async function owners(documentId: number) {
  const rows = await Attachment.findAll({ where: { documentId }, include: [{ model: Owner, as: 'owner' }], limit: 100 });
  const found = rows.map((r) => (r as any).owner);
  return found.length;
}

export async function keys(documentId: number) {
  const rows = await Attachment.findAll({ where: { documentId }, limit: 100 }); // expect: select-star
  const found = rows.map((r) => r.key);
  return found.join(',');
}
`,
        },
        RULE,
      );
    });
  });

  describe("positive: raw SQL selecting *", () => {
    it("Prisma $queryRaw`SELECT * FROM …` and $queryRawUnsafe('SELECT * …'), as notes", async () => {
      const files = {
        ...prismaProject("none"),
        "src/raw.ts": `import { prisma } from './db';

export async function recent(since: Date) {
  return prisma.$queryRaw\`SELECT * FROM "Post" WHERE "createdAt" > \${since}\`; // expect: select-star
}

export async function dump(table: string) {
  return prisma.$queryRawUnsafe('SELECT * FROM "User" ORDER BY id'); // expect: select-star
}
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/raw.ts", lineOf(files, "src/raw.ts", "$queryRaw`"));
      expect(finding).toMatchObject({ severity: "note", orm: "prisma", operation: "$queryRaw" });
    });

    it("Prisma raw query on a $transaction tx and on a PrismaClient parameter", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/raw.ts": `import { PrismaClient } from '@prisma/client';
import { prisma } from './db';

export async function inTx() {
  return prisma.$transaction(async (tx) => {
    return tx.$queryRaw\`SELECT * FROM "Order" WHERE status = 'PAID'\`; // expect: select-star
  });
}

export async function withClient(db: PrismaClient) {
  return db.$queryRaw\`SELECT * FROM "Product"\`; // expect: select-star
}
`,
        },
        RULE,
      );
    });

    it("Prisma raw query in an untyped JS file using require('@prisma/client')", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/legacy.js": `const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

async function everything() {
  return prisma.$queryRawUnsafe('SELECT * FROM "Comment"'); // expect: select-star
}

module.exports = { everything };
`,
        },
        RULE,
      );
    });

    it("TypeORM dataSource.query('SELECT * …') and manager.query", async () => {
      const files = {
        ...typeormProject("none"),
        "src/raw.ts": `import { AppDataSource } from './data-source';

export async function ordersOf(userId: number) {
  return AppDataSource.query('SELECT * FROM orders WHERE user_id = $1', [userId]); // expect: select-star
}

export async function products() {
  return AppDataSource.manager.query('select distinct * from products'); // expect: select-star
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/raw.ts", lineOf(files, "src/raw.ts", "AppDataSource.query")).orm).toBe("typeorm");
    });

    it("Sequelize sequelize.query('select p.* from …')", async () => {
      const files = {
        ...sequelizeProject("none"),
        "src/raw.ts": `import { QueryTypes } from 'sequelize';
import { sequelize } from './db';

export async function feed() {
  return sequelize.query('select p.* from posts p join users u on u.id = p.author_id where u.active', { type: QueryTypes.SELECT }); // expect: select-star
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/raw.ts", lineOf(files, "src/raw.ts", "sequelize.query")).orm).toBe("sequelize");
    });
  });

  describe("positive: SQL shapes", () => {
    it("Prisma.sql fragments, template strings and multi-line SQL", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/raw.ts": `import { Prisma } from '@prisma/client';
import { prisma } from './db';

export async function a(id: number) {
  return prisma.$queryRaw(Prisma.sql\`SELECT * FROM "Post" WHERE "authorId" = \${id}\`); // expect: select-star
}

export async function b(table: string) {
  return prisma.$queryRawUnsafe(\`SELECT * FROM "\${table}" LIMIT 10\`); // expect: select-star
}

export async function c() {
  return prisma.$queryRaw\` // expect: select-star
    SELECT
      *
    FROM "Order"
    WHERE status = 'PAID'
  \`;
}
`,
        },
        RULE,
      );
    });

    it("alias.* listed next to other columns: SELECT u.*, p.title FROM …", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/raw.ts": `import { prisma } from './db';

export async function withTitles() {
  return prisma.$queryRaw\`SELECT u.*, p.title FROM "User" u JOIN "Post" p ON p."authorId" = u.id\`; // expect: select-star
}
`,
        },
        RULE,
      );
    });
  });

  describe("positive: list reads whose rows are only used for one or two fields", () => {
    it("(await prisma.post.findMany({ where })).map(p => p.id), and the same through a variable", async () => {
      const files = {
        ...prismaProject("none"),
        "src/cleanup.ts": `import { prisma } from './db';

export async function purgeDrafts(authorId: number) {
  const ids = (await prisma.post.findMany({ where: { authorId, published: false } })).map((p) => p.id); // expect: select-star
  await prisma.comment.deleteMany({ where: { postId: { in: ids } } });
}

export async function emailsOfAdmins() {
  const admins = await prisma.user.findMany({ where: { role: 'admin' }, take: 100 }); // expect: select-star
  const emails = admins.map((a) => a.email);
  await notify(emails);
}

async function notify(to: string[]) {
  console.log(to.join(','));
}
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/cleanup.ts", lineOf(files, "src/cleanup.ts", "prisma.post.findMany"));
      expect(finding.message).toContain("`id`");
      expect(finding.fix).toContain("select: { id: true }");
    });

    it("two fields plucked into a lookup Map", async () => {
      const files = {
        ...prismaProject("none"),
        "src/lookup.ts": `import { prisma } from './db';

export async function emailById() {
  const users = await prisma.user.findMany({ where: { role: 'member' }, take: 500 }); // expect: select-star
  const byId = new Map(users.map((u) => [u.id, u.email] as const));
  console.log(byId.size);
}
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/lookup.ts", lineOf(files, "src/lookup.ts", "prisma.user.findMany"));
      expect(finding.fix).toContain("id: true");
      expect(finding.fix).toContain("email: true");
    });

    it("TypeORM find and Sequelize findAll plucked for ids", async () => {
      await expectMarked(
        {
          ...typeormProject("none"),
          "src/ids.ts": `import { AppDataSource } from './data-source';
import { User } from './entities';

export async function activeIds() {
  const users = await AppDataSource.getRepository(User).find({ where: { active: true }, take: 1000 }); // expect: select-star
  const ids = users.map((u) => u.id);
  console.log(ids.length);
}
`,
        },
        RULE,
      );
      await expectMarked(
        {
          ...sequelizeProject("none"),
          "src/ids.ts": `import { Comment, Post } from './models';

export async function purge() {
  const ids = (await Post.findAll({ where: { published: false }, limit: 500 })).map(({ id }) => id); // expect: select-star
  await Comment.destroy({ where: { postId: ids } });
}
`,
        },
        RULE,
      );
    });
  });

  describe("negative", () => {
    it("explicit columns, COUNT(*), writes, and SQL text never sent to the database (with a positive control)", async () => {
      await expectMarked(
        {
          ...prismaProject("none"),
          "src/raw.ts": `import { prisma } from './db';

const HELP = 'Run SELECT * FROM "User" in psql to inspect the table';

export async function queries(id: number) {
  console.log(HELP);
  const users = await prisma.$queryRaw\`SELECT id, email FROM "User" WHERE id = \${id}\`;
  const total = await prisma.$queryRaw\`SELECT COUNT(*) AS n FROM "Post"\`;
  const counts = await prisma.$queryRawUnsafe('select count(*) from "Order" group by status');
  await prisma.$executeRaw\`DELETE FROM "Comment" WHERE "postId" = \${id}\`;
  return { users, total, counts };
}

export async function control() {
  return prisma.$queryRaw\`SELECT * FROM "Order"\`; // expect: select-star
}
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...typeormProject("none"),
          "src/raw.ts": `import { AppDataSource } from './data-source';

export async function rows() {
  return AppDataSource.query('SELECT o.id, o.amount FROM orders o WHERE o.status = $1', ['paid']);
}

export async function count() {
  return AppDataSource.query('SELECT COUNT(*) FROM users');
}
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...sequelizeProject("none"),
          "src/raw.ts": `import { sequelize } from './db';

export async function rows() {
  return sequelize.query('SELECT id, title FROM posts WHERE published');
}
`,
        },
        RULE,
      );
    });

    it("SELECT * only inside an EXISTS subquery (the outer query lists its columns)", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/raw.ts": `import { prisma } from './db';

export async function buyers() {
  return prisma.$queryRaw\`SELECT u.id, u.email FROM "User" u WHERE EXISTS (SELECT * FROM "Order" o WHERE o."userId" = u.id)\`;
}
`,
        },
        RULE,
      );
    });

    it("reads with select / attributes, and rows used as a whole", async () => {
      await expectNone(
        {
          ...prismaProject("none"),
          "src/reads.ts": `import { prisma } from './db';

export async function ids(authorId: number) {
  const ids = (await prisma.post.findMany({ where: { authorId }, select: { id: true } })).map((p) => p.id);
  await prisma.comment.deleteMany({ where: { postId: { in: ids } } });
}

export async function cards() {
  const users = await prisma.user.findMany({ take: 20 });
  return users.map((u) => ({ ...u, label: u.name }));
}

export async function whole() {
  const posts = await prisma.post.findMany({ take: 20 });
  return posts;
}

export async function idsAndRows() {
  const posts = await prisma.post.findMany({ take: 20 });
  const ids = posts.map((p) => p.id);
  return { ids, posts };
}

export async function restOfRow() {
  const users = await prisma.user.findMany({ take: 20 });
  const cleaned = users.map(({ id, ...rest }) => ({ key: id, ...rest }));
  await prisma.comment.count({ where: { postId: { in: cleaned.map((c) => c.key) } } });
  return cleaned.length;
}
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...sequelizeProject("none"),
          "src/reads.ts": `import { Comment, Post } from './models';

export async function purge() {
  const ids = (await Post.findAll({ where: { published: false }, attributes: ['id'], limit: 500 })).map((p) => p.id);
  await Comment.destroy({ where: { postId: ids } });
}
`,
        },
        RULE,
      );
      await expectNone(
        {
          ...typeormProject("none"),
          "src/reads.ts": `import { AppDataSource } from './data-source';
import { User } from './entities';

export async function activeIds() {
  const users = await AppDataSource.getRepository(User).find({ where: { active: true }, select: { id: true }, take: 1000 });
  return users.map((u) => u.id).join(',');
}
`,
        },
        RULE,
      );
    });
  });
});
