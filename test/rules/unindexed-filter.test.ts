import { describe, expect, it } from "vitest";
import { expectMarked, expectNone, findingAt, findingObjects, lineOf, packageJson, scanProject, TSCONFIG } from "../support/project.js";

const RULE = "unindexed-filter" as const;

/** A shop on `provider`, with `extra` appended to the Order model (indexes under test). */
function shopSchema(provider: "postgresql" | "mysql" | "sqlite", orderExtra = "", datasourceExtra = ""): string {
  return `datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")${datasourceExtra}
}

model Merchant {
  id       Int       @id @default(autoincrement())
  email    String    @unique
  teamId   Int
  orders   Order[]
  invoices Invoice[]
}

model Order {
  id         Int      @id @default(autoincrement())
  merchantId Int
  merchant   Merchant @relation(fields: [merchantId], references: [id])
  customerId Int
  status     String
  paid       Boolean  @default(false)
  createdAt  DateTime @default(now())
${orderExtra}
}

model Invoice {
  id         Int      @id @default(autoincrement())
  number     String
  teamId     Int
  merchantId Int
  merchant   Merchant @relation(fields: [merchantId], references: [id])
  payments   Payment[]

  @@index([merchantId])
  @@unique([number, teamId])
}

model Payment {
  id        Int     @id @default(autoincrement())
  invoiceId Int
  invoice   Invoice @relation(fields: [invoiceId], references: [id])
  amount    Int

  @@index([invoiceId])
}
`;
}

function prismaShop(schema: string, code: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "package.json": packageJson({ "@prisma/client": "^6.1.0", express: "^4.21.2" }),
    "tsconfig.json": TSCONFIG,
    "prisma/schema.prisma": schema,
    "src/db.ts": "import { PrismaClient } from '@prisma/client';\n\nexport const prisma = new PrismaClient();\n",
    "src/orders.ts": code,
    ...extra,
  };
}

const QUERIES = `import { prisma } from './db';

export const byMerchant = (merchantId: number) => prisma.order.findMany({ where: { merchantId }, take: 50 }); // expect: unindexed-filter
export const byCustomer = (customerId: number) => prisma.order.findMany({ where: { customerId, createdAt: { gte: new Date(0) } }, take: 50 }); // expect: unindexed-filter
export const byId = (id: number) => prisma.order.findFirst({ where: { id } });
export const byEmail = (email: string) => prisma.merchant.findFirst({ where: { email } });
export const unpaid = () => prisma.order.findMany({ where: { paid: false }, take: 50 });
export const search = (q: string) => prisma.order.findMany({ where: { status: { contains: q } }, take: 50 });
`;

describe(RULE, () => {
  describe("Prisma on PostgreSQL", () => {
    it("reports filters no index leads with; not primary keys, unique columns, booleans or contains", async () => {
      const files = prismaShop(shopSchema("postgresql"), QUERIES);
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/orders.ts", lineOf(files, "src/orders.ts", "byMerchant"));
      expect(finding).toMatchObject({ orm: "prisma", model: "Order", operation: "findMany", severity: "warning", confidence: "high" });
      expect(finding.message).toContain("PostgreSQL");
      expect(finding.fix).toContain("`@@index([merchantId])`");
      expect(finding.fix).toContain('CREATE INDEX CONCURRENTLY "Order_merchantId_idx" ON "Order" ("merchantId");');
      expect(finding.related[0]).toMatchObject({ file: "prisma/schema.prisma", line: lineOf(files, "prisma/schema.prisma", "model Order {") });
      // Equality columns first, then the range column.
      const ranged = findingAt(result, RULE, "src/orders.ts", lineOf(files, "src/orders.ts", "byCustomer"));
      expect(ranged.fix).toContain("`@@index([customerId, createdAt])`");
    });

    describe("OR", () => {
      it("each branch of an OR alone needs an index of its own: the branch without one is reported", async () => {
        const files = prismaShop(
          shopSchema("postgresql", "  @@index([customerId])"),
          `import { prisma } from './db';

export const either = (a: number, b: number) => prisma.order.findMany({ where: { OR: [{ merchantId: a }, { customerId: b }] }, take: 50 }); // expect: unindexed-filter
export const account = (email: string, teamId: number) => prisma.merchant.findMany({ where: { OR: [{ email }, { id: teamId }] } });
export const paidEither = (a: number, b: number) => prisma.order.findMany({ where: { paid: true, OR: [{ customerId: a }, { id: b }] } });
export const fuzzy = (q: string, b: number) => prisma.order.findMany({ where: { OR: [{ status: { contains: q } }, { merchantId: b }] } });
`,
        );
        const result = await expectMarked(files, RULE);
        const finding = findingObjects(result, RULE)[0]!;
        expect(finding.message).toContain("filters Order on merchantId in one branch of its OR");
        expect(finding.message).toContain("Each branch of an OR needs an index of its own");
        expect(finding.fix).toContain("`@@index([merchantId])`");
      });

      it("a query whose branches both lack an index is one finding with both fixes, at the most severe level", async () => {
        const files = prismaShop(
          shopSchema("postgresql"),
          `import { prisma } from './db';

export const either = (a: number, b: string) => prisma.order.findMany({ where: { OR: [{ merchantId: a }, { status: b, createdAt: { lt: new Date() } }] } }); // expect: unindexed-filter
export async function perCustomer(customerIds: number[], orderId: number) {
  const found: number[] = [];
  for (const customerId of customerIds) {
    const orders = await prisma.order.findMany({ where: { OR: [{ customerId }, { id: orderId }] } }); // expect: unindexed-filter
    found.push(orders.length);
  }
  return found;
}
`,
        );
        const result = await expectMarked(files, RULE);
        const either = findingAt(result, RULE, "src/orders.ts", lineOf(files, "src/orders.ts", "export const either"));
        expect(either.message).toContain("filters Order on merchantId in one branch of its OR");
        expect(either.message).toContain("it also filters Order on createdAt, status in one branch of its OR");
        expect(either.message.match(/Each branch of an OR needs an index of its own/g)).toHaveLength(1);
        expect(either.fix).toContain("`@@index([merchantId])`");
        expect(either.fix).toContain("`@@index([status, createdAt])`");
        expect(findingAt(result, RULE, "src/orders.ts", lineOf(files, "src/orders.ts", "const orders")).severity).toBe("error");
      });

      it("beside a condition of its own, an OR no index serves leaves that condition to judge; an indexable one is not judged", async () => {
        const files = prismaShop(
          shopSchema("postgresql", "  @@index([customerId])"),
          `import { prisma } from './db';

export const mine = (merchantId: number, q: string) => prisma.order.findMany({ where: { merchantId, OR: [{ status: { contains: q } }, { status: 'open' }] } }); // expect: unindexed-filter
export const either = (merchantId: number, a: number, b: number) => prisma.order.findMany({ where: { merchantId, OR: [{ customerId: a }, { id: b }] } });
export const nested = (a: number, b: number) => prisma.order.findMany({ where: { AND: [{ OR: [{ merchantId: a }, { status: 'x' }] }, { OR: [{ customerId: b }, { id: b }] }] } });
`,
        );
        const result = await expectMarked(files, RULE);
        const finding = findingObjects(result, RULE)[0]!;
        expect(finding.message).toContain("filters Order on merchantId,");
        expect(finding.message).not.toContain("branch");
      });

      it("Sequelize [Op.or] and TypeORM's array where are read the same way", async () => {
        const files = {
          "package.json": packageJson({ sequelize: "^6.37.5", typeorm: "^0.3.20" }),
          "tsconfig.json": TSCONFIG,
          "src/models.ts": `import { DataTypes, Model, Op, Sequelize } from 'sequelize';

export const sequelize = new Sequelize('postgres://localhost/shop');

export class Ticket extends Model {}
Ticket.init(
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    code: { type: DataTypes.STRING, unique: true },
    ownerId: DataTypes.INTEGER,
    assigneeId: DataTypes.INTEGER,
  },
  { sequelize, indexes: [{ fields: ['ownerId'] }] },
);

export const mine = (userId: number) => Ticket.findAll({ where: { [Op.or]: [{ ownerId: userId }, { assigneeId: userId }] } }); // expect: unindexed-filter
export const either = (userId: number, code: string) => Ticket.findAll({ where: { [Op.or]: { ownerId: userId, code } } });
`,
          "src/entities.ts": `import { Column, Entity, Index, MoreThan, PrimaryGeneratedColumn, DataSource } from 'typeorm';

@Entity()
@Index(['authorId'])
export class Note {
  @PrimaryGeneratedColumn() id!: number;
  @Column() authorId!: number;
  @Column() reviewerId!: number;
}

export const dataSource = new DataSource({ type: 'postgres', entities: [Note] });
const notes = dataSource.getRepository(Note);

export const touching = (userId: number) => notes.find({ where: [{ authorId: userId }, { reviewerId: userId }] }); // expect: unindexed-filter
export const written = (userId: number) => notes.find({ where: [{ authorId: userId }, { id: userId }] });
export const reviewed = (userId: number) => notes.findBy([{ id: MoreThan(userId) }, { reviewerId: userId }]);
`,
        };
        const result = await expectMarked(files, RULE);
        const models = findingObjects(result, RULE).map((f) => [f.model, f.fix.includes("assigneeId") || f.fix.includes("reviewerId")]);
        expect(models).toEqual(expect.arrayContaining([["Ticket", true], ["Note", true]]));
        // findBy's array: its reviewerId branch is another query that needs the (reviewerId) index.
        const note = findingObjects(result, RULE).find((f) => f.model === "Note")!;
        expect(note.related.some((r) => r.line === lineOf(files, "src/entities.ts", "export const reviewed"))).toBe(true);
      });
    });

    it("a where in a variable is read as written, unless it is changed on every path before the query", async () => {
      const files = prismaShop(
        shopSchema("postgresql", "  @@index([customerId])"),
        `import { Prisma } from '@prisma/client';
import { prisma } from './db';

export async function maybe(merchantId: number, customerId?: number, status?: string) {
  const where: Prisma.OrderWhereInput = { merchantId };
  if (customerId) where.customerId = customerId;
  else if (status) where.status = status;
  return prisma.order.findMany({ where }); // expect: unindexed-filter
}
export async function always(merchantId: number, customerId: number) {
  const where: Prisma.OrderWhereInput = { merchantId };
  where.customerId = customerId;
  console.log(where);
  return prisma.order.findMany({ where });
}
export async function options(merchantId: number, customerId: number) {
  const query = { where: { merchantId } as Prisma.OrderWhereInput, take: 20 };
  query.where.customerId = customerId;
  return prisma.order.findMany(query);
}
export async function helper(merchantId: number, filters: Record<string, number>) {
  const where: Prisma.OrderWhereInput = { merchantId };
  Object.assign(where, filters);
  return prisma.order.findMany({ where });
}
export async function perCustomer(merchantId: number, customerIds: number[]) {
  const where: Prisma.OrderWhereInput = { merchantId };
  const found: number[] = [];
  for (const customerId of customerIds) {
    where.customerId = customerId;
    found.push(await prisma.order.count({ where }));
  }
  return found;
}
export async function sameBranch(merchantId: number, customerId?: number) {
  const where: Prisma.OrderWhereInput = { merchantId };
  if (customerId) {
    where.customerId = customerId;
    return prisma.order.findMany({ where });
  }
  return [];
}
export async function afterwards(merchantId: number) {
  const where: Prisma.OrderWhereInput = { merchantId };
  const rows = await prisma.order.findMany({ where, take: 20 });
  where.customerId = 1;
  return rows;
}
`,
      );
      const result = await expectMarked(files, RULE);
      // The same index need: the query that changes its where afterwards is one of the queries that need it.
      const others = findingObjects(result, RULE)[0]!.related.filter((r) => r.file === "src/orders.ts").map((r) => r.line);
      expect(others).toEqual([lineOf(files, "src/orders.ts", "const rows")]);
    });

    it("a where returned by a project function is read from its one returned literal", async () => {
      const files = prismaShop(
        shopSchema("postgresql", "  @@index([customerId])"),
        `import { Prisma } from '@prisma/client';
import { prisma } from './db';
import { merchantScope, customerScope, builtScope } from './scopes';

export const mine = (merchantId: number) => prisma.order.findMany({ where: merchantScope(merchantId), take: 20 }); // expect: unindexed-filter
export const theirs = (customerId: number) => prisma.order.findMany({ where: customerScope(customerId), take: 20 });
export const built = (merchantId: number, status: string) => prisma.order.findMany({ where: builtScope(merchantId, status), take: 20 });
`,
        {
          "src/scopes.ts": `import { Prisma } from '@prisma/client';

export const merchantScope = (merchantId: number): Prisma.OrderWhereInput => ({ merchantId, paid: true });
export function customerScope(customerId: number): Prisma.OrderWhereInput {
  return { customerId, status: 'open' };
}
export function builtScope(merchantId: number, status: string): Prisma.OrderWhereInput {
  if (status === 'any') return { merchantId };
  return { merchantId, customerId: 1 };
}
`,
        },
      );
      const result = await expectMarked(files, RULE);
      expect(findingObjects(result, RULE)[0]!.fix).toContain("`@@index([merchantId, paid])`");
    });

    it("changes the where may get on every path, or after another name or function took it, leave the query unjudged", async () => {
      const files = prismaShop(
        shopSchema("postgresql", "  @@index([customerId])"),
        `import { Prisma } from '@prisma/client';
import { prisma } from './db';

declare const logger: { debug(value: unknown): void };
declare function scoped(options: object, customerId: number): void;

export async function eitherBranch(merchantId: number, customerId: number, id?: number) {
  const where: any = { merchantId };
  if (id) where.id = id; else where.customerId = customerId;
  return prisma.order.findMany({ where });
}
export async function cast(merchantId: number, customerId: number) {
  const where: Prisma.OrderWhereInput = { merchantId };
  (where as any).customerId = customerId;
  return prisma.order.findMany({ where });
}
export async function pushed(merchantId: number, customerId: number) {
  const where = { merchantId, AND: [] as Prisma.OrderWhereInput[] };
  where.AND.push({ customerId });
  return prisma.order.findMany({ where });
}
export async function nestedAssign(merchantId: number, customerId: number) {
  const args = { where: { merchantId } as Prisma.OrderWhereInput };
  Object.assign(args.where, { customerId });
  return prisma.order.findMany(args);
}
export async function alias(merchantId: number, customerId: number) {
  const where: Prisma.OrderWhereInput = { merchantId };
  const same = where;
  same.customerId = customerId;
  return prisma.order.findMany({ where });
}
export async function handedOn(merchantId: number, customerId: number) {
  const where: Prisma.OrderWhereInput = { merchantId };
  scoped({ where }, customerId);
  return prisma.order.findMany({ where });
}
export async function later(merchantId: number, customerId: number) {
  const where: Prisma.OrderWhereInput = { merchantId };
  const run = () => prisma.order.findMany({ where });
  where.customerId = customerId;
  return run();
}
export async function loop(merchantId: number, customerIds: number[]) {
  const where: Prisma.OrderWhereInput = { merchantId };
  const found = [];
  for (const customerId of customerIds) {
    found.push(await prisma.order.findMany({ where }));
    where.customerId = customerId;
  }
  return found;
}
export async function built(merchantId: number, customerId: number) {
  return prisma.order.findMany(optionsFor(merchantId, customerId));
}
function optionsFor(merchantId: number, customerId: number) {
  const where: Prisma.OrderWhereInput = { merchantId };
  where.customerId = customerId;
  return { where };
}
export async function copied(merchantId: number) {
  const where: Prisma.OrderWhereInput = { merchantId };
  const copy = Object.assign({}, where);
  logger.debug(copy);
  await prisma.order.count({ where }); // expect: unindexed-filter
  return prisma.order.findMany({ where, take: 20 });
}
`,
      );
      const result = await expectMarked(files, RULE);
      expect(findingObjects(result, RULE)[0]!.related.filter((r) => r.file === "src/orders.ts")).toHaveLength(1);
    });

    it("a returned where is read only with plain arguments for the parameters it uses", async () => {
      const files = prismaShop(
        shopSchema("postgresql"),
        `import { Prisma } from '@prisma/client';
import { prisma } from './db';

const byStatus = (status?: unknown): Prisma.OrderWhereInput => ({ status } as Prisma.OrderWhereInput);

export const search = (q: string) => prisma.order.findMany({ where: byStatus({ contains: q }) });
export const all = () => prisma.order.findMany({ where: byStatus() });
export const exact = (status: string) => prisma.order.findMany({ where: byStatus(status), take: 20 }); // expect: unindexed-filter
export async function held(status: string) {
  const where = byStatus(status);
  return prisma.order.findMany({ where, take: 10 });
}

class Orders {
  protected scope(): Prisma.OrderWhereInput {
    return { status: 'open' };
  }
  list() {
    return prisma.order.findMany({ where: this.scope() });
  }
}
export class MerchantOrders extends Orders {
  protected override scope(): Prisma.OrderWhereInput {
    return { id: 1 };
  }
}
`,
      );
      const result = await expectMarked(files, RULE);
      expect(findingObjects(result, RULE)[0]!.related.some((r) => r.line === lineOf(files, "src/orders.ts", "const where = byStatus"))).toBe(false);
      expect(findingObjects(result, RULE)[0]!.related.some((r) => r.line === lineOf(files, "src/orders.ts", "return prisma.order.findMany({ where, take: 10 })"))).toBe(true);
    });

    it("an OR beside a sort an index serves and a limit is a latest-N query; a boolean or empty branch leaves the own condition judged", async () => {
      const files = prismaShop(
        shopSchema("postgresql", "  @@index([createdAt])"),
        `import { prisma } from './db';

export const latest = (a: string, b: number) => prisma.order.findMany({ where: { OR: [{ status: a }, { customerId: b }] }, orderBy: { createdAt: 'desc' }, take: 20 });
export const paidOrMine = (m: number, c: number) => prisma.order.findMany({ where: { merchantId: m, OR: [{ paid: true }, { customerId: c }] } }); // expect: unindexed-filter
`,
      );
      const result = await expectMarked(files, RULE);
      expect(findingObjects(result, RULE)[0]!.message).toContain("filters Order on merchantId,");
    });

    it("a composite index serves its leading column, not its second one", async () => {
      const files = prismaShop(
        shopSchema("postgresql", "  @@index([merchantId, createdAt])"),
        `import { prisma } from './db';

export const recent = (merchantId: number) => prisma.order.findMany({ where: { merchantId }, orderBy: { createdAt: 'desc' }, take: 20 });
export const both = (merchantId: number, since: Date) => prisma.order.findMany({ where: { merchantId, createdAt: { gte: since } }, take: 20 });
export const since = (from: Date) => prisma.order.findMany({ where: { createdAt: { gte: from } }, take: 20 }); // expect: unindexed-filter
`,
      );
      await expectMarked(files, RULE);
    });

    it("a relation filter needs an index on the related table's column (and the key joins through its index)", async () => {
      const files = prismaShop(
        shopSchema("postgresql"),
        `import { prisma } from './db';

export const teamPayments = (teamId: number) => prisma.payment.findMany({ where: { invoice: { teamId } }, take: 100 }); // expect: unindexed-filter
export const teamInvoice = (teamId: number, number: string) => prisma.payment.findMany({ where: { invoice: { teamId, number } }, take: 100 });
export const merchantPayments = (merchantId: number) => prisma.payment.findMany({ where: { invoice: { is: { merchantId } } }, take: 100 });
`,
      );
      const result = await expectMarked(files, RULE);
      const finding = findingObjects(result, RULE)[0]!;
      expect(finding.model).toBe("Invoice");
      expect(finding.message).toContain("through the relation filter on Payment.invoice");
      expect(finding.fix).toContain("`@@index([teamId])` to model Invoice");
    });

    it("reports each (model, columns) once, with the other queries that need it as related locations", async () => {
      const files = prismaShop(
        shopSchema("postgresql"),
        `import { prisma } from './db';

export const list = (merchantId: number) => prisma.order.findMany({ where: { merchantId }, take: 20 }); // expect: unindexed-filter
export const count = (merchantId: number) => prisma.order.count({ where: { merchantId } });
export const purge = (merchantId: number) => prisma.order.deleteMany({ where: { merchantId } });
`,
      );
      const result = await expectMarked(files, RULE);
      const finding = findingObjects(result, RULE)[0]!;
      expect(finding.message).toContain("3 queries need this index");
      expect(finding.related.map((r) => `${r.file}:${r.line}`)).toEqual([
        `prisma/schema.prisma:${lineOf(files, "prisma/schema.prisma", "model Order {")}`,
        `src/orders.ts:${lineOf(files, "src/orders.ts", "export const count")}`,
        `src/orders.ts:${lineOf(files, "src/orders.ts", "export const purge")}`,
      ]);
    });

    it("with a relation filter beside its own conditions, or a sort index and a limit, the query is not judged", async () => {
      const files = prismaShop(
        shopSchema("postgresql", "  @@index([createdAt])"),
        `import { prisma } from './db';

export const mixed = (status: string, teamId: number) => prisma.order.findMany({ where: { status, merchant: { teamId } }, take: 20 });
export const latestOpen = () => prisma.order.findMany({ where: { status: 'open' }, orderBy: { createdAt: 'desc' }, take: 20 });
export const batch = (status: string) => prisma.order.findMany({ where: { status }, orderBy: { id: 'asc' }, take: 500 }); // expect: unindexed-filter
`,
      );
      await expectMarked(files, RULE);
    });

    it("a sort alone counts only when a limit takes the first rows", async () => {
      const files = prismaShop(
        shopSchema("postgresql"),
        `import { prisma } from './db';

export const latest = () => prisma.order.findMany({ orderBy: { createdAt: 'desc' }, take: 10 }); // expect: unindexed-filter
export const everything = () => prisma.order.findMany({ orderBy: { createdAt: 'desc' } });
export const byKey = () => prisma.order.findMany({ orderBy: { id: 'desc' }, take: 10 });
`,
      );
      const result = await expectMarked(files, RULE);
      expect(findingObjects(result, RULE)[0]!.message).toContain("sorts Order by createdAt to take the first rows");
    });

    it("an index created only in a migration counts", async () => {
      const files = prismaShop(shopSchema("postgresql"), QUERIES, {
        "prisma/migrations/20240101000000_init/migration.sql": 'CREATE TABLE "Order" ("id" SERIAL NOT NULL);\n',
        "prisma/migrations/20240301000000_merchant_index/migration.sql": '-- added by hand\nCREATE INDEX CONCURRENTLY "Order_merchant_idx" ON "Order"("merchantId");\n',
      });
      files["src/orders.ts"] = QUERIES.replace("take: 50 }); // expect: unindexed-filter\nexport const byCustomer", "take: 50 });\nexport const byCustomer");
      await expectMarked(files, RULE);
    });

    it("an EXCLUDE constraint's index counts; options with a spread are not judged (it may bring a cursor or a relation filter)", async () => {
      const files = prismaShop(
        shopSchema("postgresql"),
        `import { prisma } from './db';

const page = { take: 20, skip: 0 };
export const byCustomer = (customerId: number) => prisma.order.findMany({ ...page, where: { customerId } });
export const plain = (customerId: number) => prisma.order.findMany({ where: { customerId }, take: 20 }); // expect: unindexed-filter
export const overridden = (customerId: number, rest: object) => prisma.order.findMany({ where: { customerId }, ...rest });
export const byMerchant = (merchantId: number) => prisma.order.findMany({ ...page, where: { merchantId } });
`,
        { "prisma/migrations/20240601000000_no_overlap/migration.sql": 'ALTER TABLE "Order" ADD CONSTRAINT "one_open" EXCLUDE USING GIST ("merchantId" WITH =, "createdAt" WITH &&);\n' },
      );
      await expectMarked(files, RULE);
    });

    it("literal SQL over one table is read; joins, OR and other tables' names are not", async () => {
      const files = prismaShop(
        shopSchema("postgresql"),
        `import { prisma } from './db';

export const recent = (customerId: number) => prisma.$queryRaw\`SELECT id, status FROM "Order" WHERE "customerId" = \${customerId} AND "createdAt" > NOW() ORDER BY "createdAt" DESC LIMIT 20\`; // expect: unindexed-filter
export const byKey = (id: number) => prisma.$queryRaw\`SELECT * FROM "Order" WHERE id = \${id}\`;
export const joined = (status: string) => prisma.$queryRaw\`SELECT o.* FROM "Order" o JOIN "Merchant" m ON m.id = o."merchantId" WHERE o.status = \${status}\`;
export const either = (a: number) => prisma.$queryRaw\`SELECT * FROM "Order" WHERE "customerId" = \${a} OR status = 'x'\`;
export const plural = (status: string) => prisma.$queryRaw\`SELECT * FROM orders WHERE status = \${status}\`;
`,
      );
      const result = await expectMarked(files, RULE);
      expect(findingObjects(result, RULE)[0]!.fix).toContain("`@@index([customerId, createdAt])`");
    });

    it("an index a later migration drops does not count", async () => {
      const files = prismaShop(shopSchema("postgresql"), QUERIES, {
        "prisma/migrations/20240301000000_merchant_index/migration.sql": 'CREATE INDEX "Order_merchant_idx" ON "Order"("merchantId");\n',
        "prisma/migrations/20240501000000_drift/migration.sql": '-- DropIndex\nDROP INDEX "Order_merchant_idx";\n',
      });
      await expectMarked(files, RULE);
    });

    it("a query inside an N+1 is an error, and the N+1's fix names the index its batched query needs", async () => {
      const files = prismaShop(
        shopSchema("postgresql"),
        `import { prisma } from './db';

export async function totals(merchantIds: number[]) {
  const result: number[] = [];
  for (const merchantId of merchantIds) {
    const orders = await prisma.order.findMany({ where: { merchantId } }); // expect: unindexed-filter
    result.push(orders.length + 1);
  }
  return result;
}
`,
      );
      const result = await expectMarked(files, RULE);
      const line = lineOf(files, "src/orders.ts", "const orders");
      expect(findingAt(result, RULE, "src/orders.ts", line).severity).toBe("error");
      const nPlusOne = findingAt(result, "n-plus-one", "src/orders.ts", line);
      expect(nPlusOne.fix).toContain("add `@@index([merchantId])` with it");
      expect(nPlusOne.related.some((r) => r.file === "prisma/schema.prisma")).toBe(true);
      expect(nPlusOne.impact.estimatedQueries).toContain("each reading a set of child rows");
      expect(nPlusOne.rank).toBeLessThan(findingAt(result, RULE, "src/orders.ts", line).rank);
    });

    it("a small reference table is a note (by name or the schema.smallTables config)", async () => {
      const files = prismaShop(
        shopSchema("postgresql") + "\nmodel Country {\n  id   Int    @id\n  iso  String\n  name String\n}\n",
        `import { prisma } from './db';

export const byIso = (iso: string) => prisma.country.findFirst({ where: { iso } }); // expect: unindexed-filter
`,
      );
      const result = await expectMarked(files, RULE);
      expect(findingObjects(result, RULE)[0]!.severity).toBe("note");
    });
  });

  describe("Prisma engines: MySQL indexes foreign keys, but not without constraints", () => {
    it("MySQL: a foreign key is indexed by InnoDB, another column is not", async () => {
      const files = prismaShop(shopSchema("mysql"), QUERIES.replace("take: 50 }); // expect: unindexed-filter\nexport const byCustomer", "take: 50 });\nexport const byCustomer"));
      const result = await expectMarked(files, RULE);
      expect(findingObjects(result, RULE)[0]!.fix).toContain("CREATE INDEX `Order_customerId_createdAt_idx` ON `Order` (`customerId`, `createdAt`) ALGORITHM=INPLACE LOCK=NONE;");
    });

    it('MySQL with relationMode = "prisma": no constraint, so no index on the foreign key', async () => {
      await expectMarked(prismaShop(shopSchema("mysql", "", '\n  relationMode = "prisma"'), QUERIES), RULE);
    });

    it("MongoDB is not judged", async () => {
      await expectNone(prismaShop(shopSchema("postgresql").replace('provider = "postgresql"', 'provider = "mongodb"'), QUERIES), RULE);
    });
  });

  it("a multi-file schema (prisma/schema/*.prisma) is read as one", async () => {
    const schema = shopSchema("postgresql", "  @@index([customerId])");
    const [datasource, rest] = [schema.slice(0, schema.indexOf("model Merchant")), schema.slice(schema.indexOf("model Merchant"))];
    const files = prismaShop("", QUERIES.replace("take: 50 }); // expect: unindexed-filter\nexport const byId", "take: 50 });\nexport const byId"), {
      "prisma/schema/schema.prisma": datasource,
      "prisma/schema/shop.prisma": rest,
    });
    delete files["prisma/schema.prisma"];
    const result = await expectMarked(files, RULE);
    expect(findingObjects(result, RULE)[0]!.related[0]!.file).toBe("prisma/schema/shop.prisma");
  });

  describe("the schema a Prisma config file names (prisma.config.ts, read without running it)", () => {
    const schema = shopSchema("postgresql", "  @@index([customerId])");
    const queries = QUERIES.replace("take: 50 }); // expect: unindexed-filter\nexport const byId", "take: 50 });\nexport const byId");
    const withConfig = (config: string, schemaFiles: Record<string, string>): Record<string, string> => {
      const files = prismaShop("", queries, { "prisma.config.ts": config });
      delete files["prisma/schema.prisma"];
      return { ...files, ...schemaFiles };
    };

    it("a folder named by defineConfig({ schema }) is the schema (Prisma 7 reads nothing else)", async () => {
      const config = 'import { defineConfig } from "prisma/config";\n\nexport default defineConfig({\n  schema: "./schema",\n  migrations: { path: "./migrations" },\n});\n';
      const result = await expectMarked(withConfig(config, { "schema/main.prisma": schema }), RULE);
      expect(findingObjects(result, RULE)[0]!.related[0]!.file).toBe("schema/main.prisma");
    });

    it("a path.join(__dirname, …) of strings, in a plain object that satisfies PrismaConfig", async () => {
      const config = 'import path from "node:path";\nimport type { PrismaConfig } from "prisma";\n\nexport default {\n  schema: path.join(__dirname, "db", "shop.prisma"),\n} satisfies PrismaConfig;\n';
      const result = await expectMarked(withConfig(config, { "db/shop.prisma": schema }), RULE);
      expect(findingObjects(result, RULE)[0]!.related[0]!.file).toBe("db/shop.prisma");
    });

    it("a config naming no schema, with the schema the package's scripts pass to the Prisma CLI (a migrate command's first)", async () => {
      const config = 'import { defineConfig } from "prisma/config";\n\nexport default defineConfig({ datasource: { url: process.env.DATABASE_URL } });\n';
      const files = withConfig(config, { "postgresql/schema.prisma": schema, "mysql/schema.prisma": shopSchema("mysql", "  @@index([customerId])\n  @@index([status])") });
      const pkg = JSON.parse(files["package.json"]!) as Record<string, unknown>;
      pkg.scripts = { "db:push:preview": "prisma db push --schema mysql/schema.prisma", "db:migrate": "prisma migrate deploy --schema=postgresql/schema.prisma" };
      files["package.json"] = JSON.stringify(pkg);
      const result = await expectMarked(files, RULE);
      expect(findingObjects(result, RULE)[0]!.related[0]!.file).toBe("postgresql/schema.prisma");
    });

    it("a --schema in a script (a test database's) does not replace a schema in Prisma's usual places", async () => {
      const config = 'import { defineConfig } from "prisma/config";\n\nexport default defineConfig({});\n';
      const files = withConfig(config, { "prisma/schema.prisma": schema, "prisma/test/schema.prisma": shopSchema("postgresql", "  @@index([customerId])\n  @@index([status])") });
      const pkg = JSON.parse(files["package.json"]!) as Record<string, unknown>;
      pkg.scripts = { "db:migrate": "prisma migrate dev", "test:db": "prisma migrate reset --force --schema=prisma/test/schema.prisma" };
      files["package.json"] = JSON.stringify(pkg);
      const result = await expectMarked(files, RULE);
      expect(findingObjects(result, RULE)[0]!.related[0]!.file).toBe("prisma/schema.prisma");
    });

    it("a schema path only running the config would give: Prisma's usual places", async () => {
      const config = 'import { defineConfig } from "prisma/config";\n\nexport default defineConfig({ schema: process.env.SCHEMA_PATH });\n';
      const result = await expectMarked(withConfig(config, { "prisma/schema.prisma": schema }), RULE);
      expect(findingObjects(result, RULE)[0]!.related[0]!.file).toBe("prisma/schema.prisma");
    });
  });

  describe("schema syntax the parser does not take as is", () => {
    it("/* */ and /** */ comments, which Prisma accepts, keep the schema (and its lines) readable", async () => {
      const files = {
        "package.json": packageJson({ "@prisma/client": "^6.0.0" }),
        "tsconfig.json": TSCONFIG,
        "prisma/schema.prisma": `datasource db {
  provider = "postgresql" /* the only one */
  url      = env("DATABASE_URL")
}

/**
 * Support tickets. The text of a ticket lives in another store.
 */
model Ticket {
  id       Int    @id @default(autoincrement())
  /* who works on it */
  assignee String
  status   String @default("/* open */")

  @@index([assignee])
}
`,
        "src/db.ts": "import { PrismaClient } from '@prisma/client';\n\nexport const prisma = new PrismaClient();\n",
        "src/tickets.ts": `import { prisma } from './db';

export const assigned = (assignee: string) => prisma.ticket.findMany({ where: { assignee }, take: 20 });
export const withStatus = (status: string) => prisma.ticket.findMany({ where: { status }, take: 20 }); // expect: unindexed-filter
`,
      };
      const result = await expectMarked(files, RULE);
      expect(result.errors.filter((error) => error.kind === "parse")).toEqual([]);
      const finding = findingAt(result, RULE, "src/tickets.ts", lineOf(files, "src/tickets.ts", "withStatus"));
      expect(finding.related[0]).toMatchObject({ file: "prisma/schema.prisma", line: lineOf(files, "prisma/schema.prisma", "model Ticket") });
    });
  });

  describe("Nx workspaces: Prisma schemas in project.json projects", () => {
    it("a schema whose generator writes the client into another project serves that project's code; one generating into itself serves only its own", async () => {
      const schema = (output: string, ticketExtra: string) => `generator client {
  provider = "prisma-client-js"
  output   = "${output}"
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Ticket {
  id       Int    @id @default(autoincrement())
  status   String
  assignee String
${ticketExtra}
}
`;
      const files = {
        "package.json": packageJson({ "@prisma/client": "^5.10.0", "@nestjs/core": "^10.0.0" }),
        "tsconfig.json": TSCONFIG,
        "nx.json": "{}\n",
        "packages/db/project.json": '{ "name": "db" }\n',
        "packages/db/prisma/schema.prisma": 'generator zod {\n  provider = "zod-prisma-types"\n  output   = "./zod"\n}\n\n' + schema("../../api/prisma/generated-prisma-client", ""),
        "packages/api/project.json": '{ "name": "api" }\n',
        "packages/api/src/prisma.service.ts": `import { PrismaClient } from '../prisma/generated-prisma-client';

export const prisma = new PrismaClient();
`,
        "packages/api/src/tickets.ts": `import { prisma } from './prisma.service';

export function openTickets(assignee: string) {
  return prisma.ticket.findMany({ where: { assignee }, take: 50 }); // expect: unindexed-filter
}
`,
        "packages/helpdesk/project.json": '{ "name": "helpdesk" }\n',
        "packages/helpdesk/prisma/schema.prisma": schema("../prisma/generated-prisma-client", "  @@index([assignee])"),
        "packages/helpdesk/src/tickets.ts": `import { PrismaClient } from '../prisma/generated-prisma-client';

const prisma = new PrismaClient();

export function assigned(assignee: string) {
  return prisma.ticket.findMany({ where: { assignee }, take: 50 });
}
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "packages/api/src/tickets.ts", lineOf(files, "packages/api/src/tickets.ts", "findMany"));
      expect(finding.related.map((related) => related.file)).toContain("packages/db/prisma/schema.prisma");
    });
  });

  describe("TypeORM", () => {
    const entities = (indexes: string, type = "postgres") => ({
      "package.json": packageJson({ typeorm: "^0.3.20", pg: "^8.13.1", mysql2: "^3.11.0" }),
      "tsconfig.json": TSCONFIG,
      "src/data-source.ts": `import { DataSource } from 'typeorm';
import { Merchant, Order } from './entities';

export const dataSource = new DataSource({ type: '${type}', url: process.env.DATABASE_URL, entities: [Merchant, Order] });
`,
      "src/entities.ts": `import { Column, CreateDateColumn, Entity, Index, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

@Entity('merchants')
export class Merchant {
  @PrimaryGeneratedColumn() id: number;
  @Column({ unique: true }) email: string;
  @OneToMany(() => Order, (order) => order.merchant) orders: Order[];
}

@Entity('orders')
${indexes}
export class Order {
  @PrimaryGeneratedColumn() id: number;
  @ManyToOne(() => Merchant, (merchant) => merchant.orders) merchant: Merchant;
  @Column() customerId: number;
  @Column() status: string;
  @CreateDateColumn() createdAt: Date;
}
`,
    });
    const queries = `import { dataSource } from './data-source';
import { Order } from './entities';

const orders = dataSource.getRepository(Order);

export const byMerchant = (id: number) => orders.find({ where: { merchant: { id } }, take: 20 }); // expect: unindexed-filter
export const byCustomer = (customerId: number) => orders.findBy({ customerId }); // expect: unindexed-filter
export const byId = (id: number) => orders.findOneBy({ id });
`;

    it("PostgreSQL: the relation's key column and a plain column, with the fix in @Index terms", async () => {
      const files = { ...entities(""), "src/orders.ts": queries };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/orders.ts", lineOf(files, "src/orders.ts", "byMerchant"));
      expect(finding.fix).toContain('`@Index(["merchant"])` to the Order entity class');
      expect(finding.fix).toContain('CREATE INDEX CONCURRENTLY "orders_merchantId_idx" ON "orders" ("merchantId");');
      expect(finding.related[0]).toMatchObject({ file: "src/entities.ts", line: lineOf(files, "src/entities.ts", "export class Order") });
    });

    it("entities declared with the project's own wrappers of typeorm's decorators (multi-ORM style), in files importing nothing of typeorm", async () => {
      const files = {
        "package.json": packageJson({ typeorm: "^0.3.20", pg: "^8.13.1", "@mikro-orm/core": "^6.0.0" }),
        "tsconfig.json": TSCONFIG,
        "src/orm/decorators.ts": `import { Entity as MikroEntity } from '@mikro-orm/core';
import { Column, ColumnOptions, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export function AppEntity(name?: string) {
  return (target: Function) => {
    MikroEntity({ tableName: name })(target);
    Entity(name)(target);
  };
}

export function AppPrimaryColumn(strategy?: 'increment' | 'uuid') {
  return PrimaryGeneratedColumn(strategy as 'increment');
}

export function AppColumn(options?: ColumnOptions) {
  return Column(options ?? {});
}

export function CodeColumn(length: number) {
  return Column({ unique: true, length });
}

export function AppIndex(fields?: string[]) {
  return (target: object, property?: string) => applyIndex(target, property, fields);
}

function applyIndex(target: object, property: string | undefined, fields: string[] | undefined) {
  if (fields) Index(fields)(target as Function);
  else Index()(target, property!);
}
`,
        "src/tickets/ticket.entity.ts": `import { AppColumn, AppEntity, AppIndex, AppPrimaryColumn, CodeColumn } from '../orm/decorators';

@AppEntity('tickets')
export class Ticket {
  @AppPrimaryColumn() id: number;
  @AppIndex() @AppColumn() assignee: string;
  @AppColumn({ nullable: true }) status: string;
  @CodeColumn(12) code: string;
}
`,
        "src/data-source.ts": `import { DataSource } from 'typeorm';
import { Ticket } from './tickets/ticket.entity';

export const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [Ticket] });
`,
        "src/tickets/tickets.ts": `import { dataSource } from '../data-source';
import { Ticket } from './ticket.entity';

const tickets = dataSource.getRepository(Ticket);

export const assignedTo = (assignee: string) => tickets.find({ where: { assignee }, take: 20 });
export const byCode = (code: string) => tickets.find({ where: { code }, take: 20 });
export const withStatus = (status: string) => tickets.find({ where: { status }, take: 20 }); // expect: unindexed-filter
`,
      };
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/tickets/tickets.ts", lineOf(files, "src/tickets/tickets.ts", "withStatus"));
      expect(finding.related[0]).toMatchObject({ file: "src/tickets/ticket.entity.ts", line: lineOf(files, "src/tickets/ticket.entity.ts", "export class Ticket") });
    });

    it("a class @Index covers its leading column; MySQL indexes the foreign key", async () => {
      await expectMarked({ ...entities('@Index(["customerId", "createdAt"])'), "src/orders.ts": queries.replace("findBy({ customerId }); // expect: unindexed-filter", "findBy({ customerId });") }, RULE);
      await expectMarked({ ...entities("", "mysql"), "src/orders.ts": queries.replace("take: 20 }); // expect: unindexed-filter", "take: 20 });") }, RULE);
    });

    it("query builders: AND-joined conditions on the root alias are read; OR, functions, other aliases and columns compared with columns are not", async () => {
      const files = {
        ...entities('@Index(["status"])'),
        "src/orders.ts": `import { dataSource } from './data-source';
import { Order } from './entities';

const orders = dataSource.getRepository(Order);

export const byCustomer = (customerId: number) => orders.createQueryBuilder('o').where('o.customerId = :customerId', { customerId }).andWhere('o.createdAt >= :since', { since: new Date(0) }).getMany(); // expect: unindexed-filter
export const latest = () => dataSource.manager.createQueryBuilder(Order, 'o').orderBy('o.createdAt', 'DESC').take(10).getMany(); // expect: unindexed-filter
export const byStatus = (status: string) => orders.createQueryBuilder('o').where('o.status = :status', { status }).getMany();
export const either = (a: number) => orders.createQueryBuilder('o').where('o.customerId = :a', { a }).orWhere('o.status = :s', { s: 'x' }).getMany();
export const anyOf = (a: number) => orders.createQueryBuilder('o').where('o.customerId = :a OR o.id = :a', { a }).getMany();
export const lowered = (q: string) => orders.createQueryBuilder('o').where('LOWER(o.status) = :q', { q }).getMany();
export const byMerchantName = (name: string) => orders.createQueryBuilder('o').leftJoin('o.merchant', 'm').where('m.email = :name', { name }).getMany();
export const sameRow = () => orders.createQueryBuilder('o').where('o.customerId = o.id').getMany();
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingAt(result, RULE, "src/orders.ts", lineOf(files, "src/orders.ts", "byCustomer")).fix).toContain('`@Index(["customerId", "createdAt"])`');
    });

    it("a builder in a variable is read with the calls made on it on every path before it runs", async () => {
      const files = {
        ...entities('@Index(["status"])'),
        "src/orders.ts": `import { dataSource } from './data-source';
import { Order } from './entities';

const orders = dataSource.getRepository(Order);

export async function search(customerId: number, status?: string) {
  const qb = orders.createQueryBuilder('o').where('o.customerId = :customerId', { customerId });
  if (status) qb.andWhere('o.status = :status', { status });
  qb.orderBy('o.createdAt', 'DESC').take(20);
  const [rows, total] = await Promise.all([qb.getMany(), qb.getCount()]); // expect: unindexed-filter
  return { rows, total };
}
export async function byStatus(status: string, since: Date) {
  const qb = orders.createQueryBuilder('o');
  qb.where('o.status = :status', { status });
  qb.andWhere('o.createdAt >= :since', { since });
  return qb.getMany();
}
export async function eitherBranch(customerId: number, status?: string) {
  const qb = orders.createQueryBuilder('o').where('o.customerId = :customerId', { customerId });
  if (status) qb.andWhere('o.status = :status', { status }); else qb.andWhere('o.id > :id', { id: 0 });
  return qb.getMany();
}
export async function handedChain(customerId: number, scope: (qb: unknown) => void) {
  const qb = orders.createQueryBuilder('o');
  scope(qb.where('o.customerId = :customerId', { customerId }));
  return qb.getMany();
}
export async function replaced(customerId: number, status: string) {
  const qb = orders.createQueryBuilder('o').where('o.customerId = :customerId', { customerId });
  qb.where('o.status = :status', { status });
  return qb.getMany();
}
export const joinedFirst = (customerId: number) => orders.createQueryBuilder('o').innerJoinAndSelect('o.merchant', 'm').where('o.customerId = :customerId', { customerId }).getMany();
export async function filtered(status: string, apply: (qb: unknown) => void) {
  const qb = orders.createQueryBuilder('o').where('o.createdAt >= :since', { since: new Date(0) });
  apply(qb);
  return qb.getMany();
}
`,
      };
      const result = await expectMarked(files, RULE);
      expect(findingObjects(result, RULE)[0]!.fix).toContain('`@Index(["customerId", "createdAt"])`');
    });

    it("an index created only in a migration counts", async () => {
      const files = {
        ...entities(""),
        "src/orders.ts": queries.replace("findBy({ customerId }); // expect: unindexed-filter", "findBy({ customerId });"),
        "src/migrations/1700000000000-OrderCustomer.ts": `import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderCustomer1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "IDX_orders_customer" ON "orders" ("customerId", "createdAt")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_orders_customer"');
  }
}
`,
      };
      await expectMarked(files, RULE);
    });
  });

  describe("Sequelize", () => {
    const project = (options: string, dialect = "postgres") => ({
      "package.json": packageJson({ sequelize: "^6.37.5", pg: "^8.13.1" }),
      "tsconfig.json": TSCONFIG,
      "src/models.ts": `import { DataTypes, Model, Sequelize } from 'sequelize';

export const sequelize = new Sequelize(process.env.DATABASE_URL!, { dialect: '${dialect}' });

export class Merchant extends Model {}
Merchant.init({ email: { type: DataTypes.STRING, unique: true } }, { sequelize, modelName: 'Merchant' });

export class Order extends Model {}
Order.init(
  { merchantId: { type: DataTypes.INTEGER, references: { model: 'Merchants', key: 'id' } }, status: DataTypes.STRING, placedAt: DataTypes.DATE },
  { sequelize, modelName: 'Order'${options} },
);
`,
      "src/orders.ts": `import { Order } from './models';

export const byMerchant = (merchantId: number) => Order.findAll({ where: { merchantId }, limit: 20 }); // expect: unindexed-filter
export const byStatus = (status: string) => Order.findAll({ where: { status }, order: [['placedAt', 'DESC']], limit: 20 }); // expect: unindexed-filter
export const byId = (id: number) => Order.findOne({ where: { id } });
`,
    });

    it("PostgreSQL: reported, with the indexes option and addIndex in the fix", async () => {
      const files = project("");
      const result = await expectMarked(files, RULE);
      const finding = findingAt(result, RULE, "src/orders.ts", lineOf(files, "src/orders.ts", "byStatus"));
      expect(finding.fix).toContain('`indexes: [{ fields: ["status", "placedAt"] }]` to the Order model options');
      expect(finding.fix).toContain('queryInterface.addIndex("Orders", ["status","placedAt"], { concurrently: true })');
    });

    it("the indexes option covers its leading field; MySQL indexes the foreign key", async () => {
      const covered = project(", indexes: [{ fields: ['status', 'placedAt'] }]");
      covered["src/orders.ts"] = covered["src/orders.ts"]!.replace("limit: 20 }); // expect: unindexed-filter\nexport const byId", "limit: 20 });\nexport const byId");
      await expectMarked(covered, RULE);
      const mysql = project("", "mysql");
      mysql["src/orders.ts"] = mysql["src/orders.ts"]!.replace("limit: 20 }); // expect: unindexed-filter\nexport const byStatus", "limit: 20 });\nexport const byStatus");
      await expectMarked(mysql, RULE);
    });

    it("an include with a where is a relation filter on the included table, when it is the way in", async () => {
      const files = project("");
      files["src/models.ts"] += "\nMerchant.hasMany(Order, { foreignKey: 'merchantId' });\nOrder.belongsTo(Merchant, { foreignKey: 'merchantId' });\n";
      files["src/orders.ts"] = `import { Merchant, Order } from './models';

export const merchantsWithOpen = () => Merchant.findAll({ include: [{ model: Order, where: { status: 'open' } }], limit: 20 }); // expect: unindexed-filter
export const optional = () => Merchant.findAll({ include: [{ model: Order, where: { status: 'open' }, required: false }], limit: 20 });
export const byEmail = (email: string) => Merchant.findAll({ where: { email }, include: [{ model: Order, where: { status: 'open' } }] });
`;
      const result = await expectMarked(files, RULE);
      expect(findingObjects(result, RULE)[0]!.model).toBe("Order");
    });

    it("an index added in a migration counts", async () => {
      const files = project("");
      files["src/orders.ts"] = files["src/orders.ts"]!.replace("limit: 20 }); // expect: unindexed-filter\nexport const byStatus", "limit: 20 });\nexport const byStatus");
      files["migrations/20240101-order-merchant.js"] = `'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex('Orders', ['merchantId']);
  },
  async down(queryInterface) {
    await queryInterface.removeIndex('Orders', ['merchantId']);
  },
};
`;
      await expectMarked(files, RULE);
    });
  });

  describe("TypeORM EntitySchema", () => {
    /** Entities declared with `new EntitySchema({ … })`; `orderExtra` is appended to the Order options. */
    const schemas = (orderExtra: string, type = "postgres") => ({
      "package.json": packageJson({ typeorm: "^0.3.20", pg: "^8.13.1", mysql2: "^3.11.0" }),
      "tsconfig.json": TSCONFIG,
      "src/data-source.ts": `import { DataSource } from 'typeorm';
import { CustomerSchema, OrderSchema } from './schemas';

export const dataSource = new DataSource({ type: '${type}', url: process.env.DATABASE_URL, entities: [CustomerSchema, OrderSchema] });
`,
      "src/schemas.ts": `import { EntitySchema } from 'typeorm';

export class Customer { id!: number; email!: string; region!: string }
export interface Order { id: number; status: string; customer: Customer; placedAt: Date }

export const CustomerSchema = new EntitySchema<Customer>({
  name: 'Customer',
  target: Customer,
  tableName: 'customers',
  columns: {
    id: { type: Number, primary: true, generated: true },
    email: { type: String, unique: true },
    region: { type: String },
  },
});

export const OrderSchema = new EntitySchema<Order>({
  name: 'Order',
  tableName: 'orders',
  columns: {
    id: { type: Number, primary: true, generated: true },
    status: { type: String },
    placedAt: { name: 'placed_at', type: 'timestamptz', createDate: true },
  },
  relations: {
    customer: { type: 'many-to-one', target: CustomerSchema, joinColumn: { name: 'customer_id' } },
  },
  ${orderExtra}
});
`,
    });

    it("is read like an entity class: by its variable, its name or its target class, with the fix in EntitySchema terms", async () => {
      const files = {
        ...schemas("indices: [{ name: 'orders_status_idx', columns: ['status', 'placedAt'] }],"),
        "src/orders.ts": `import { dataSource } from './data-source';
import { Customer, CustomerSchema, OrderSchema } from './schemas';

const orders = dataSource.getRepository(OrderSchema);

export const byCustomer = (id: number) => orders.find({ where: { customer: { id } }, take: 20 }); // expect: unindexed-filter
export const byStatus = (status: string) => orders.find({ where: { status }, take: 20 });
export const byRegion = (region: string) => dataSource.getRepository(CustomerSchema).find({ where: { region }, take: 20 }); // expect: unindexed-filter
export const byEmail = (email: string) => dataSource.getRepository(Customer).findOneBy({ email });
export const byName = (region: string) => dataSource.getRepository('Customer').find({ where: { region }, take: 5 });
`,
      };
      const result = await expectMarked(files, RULE);
      const byCustomer = findingAt(result, RULE, "src/orders.ts", lineOf(files, "src/orders.ts", "byCustomer"));
      expect(byCustomer.message).toContain("customer_id");
      expect(byCustomer.fix).toContain('Add `{ columns: ["customer"] }` to the `indices` of the OrderSchema EntitySchema');
      expect(byCustomer.fix).toContain('CREATE INDEX CONCURRENTLY "orders_customer_id_idx" ON "orders" ("customer_id");');
      expect(byCustomer.related[0]).toMatchObject({ file: "src/schemas.ts", line: lineOf(files, "src/schemas.ts", "export const OrderSchema") });
      // The query through the schema's name needs the same index: one finding, the other query related.
      const byRegion = findingAt(result, RULE, "src/orders.ts", lineOf(files, "src/orders.ts", "byRegion"));
      expect(byRegion.related.map((related) => related.line)).toContain(lineOf(files, "src/orders.ts", "byName"));
    });

    it("uniques, unique indices and a one-to-one's join column serve lookups; an arrow's columns are read", async () => {
      const files = {
        ...schemas(`indices: [{ columns: (o) => [o.customer, o.placedAt] }],
  uniques: [{ name: 'orders_status_placed', columns: ['status', 'placedAt'] }],`),
        "src/orders.ts": `import { dataSource } from './data-source';
import { OrderSchema } from './schemas';

const orders = dataSource.getRepository(OrderSchema);

export const byCustomer = (id: number) => orders.find({ where: { customer: { id } }, order: { placedAt: 'DESC' }, take: 20 });
export const byStatus = (status: string) => orders.find({ where: { status }, take: 20 });
export const byPlacedAt = (placedAt: Date) => orders.find({ where: { placedAt }, take: 20 }); // expect: unindexed-filter
`,
      };
      await expectMarked(files, RULE);
    });
  });

  it("an in-memory store with ORM-like names is not a query", async () => {
    const files = prismaShop(
      shopSchema("postgresql"),
      `const store = { order: { findMany: (_: unknown) => [] as unknown[] } };

export const fromStore = (merchantId: number) => store.order.findMany({ where: { merchantId } });
`,
    );
    const result = await scanProject(files);
    expect(findingObjects(result, RULE)).toEqual([]);
  });
});
