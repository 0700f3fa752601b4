import { describe, expect, it } from "vitest";
import { readSchemaProject, type SchemaProjectRead } from "../support/schema-project.js";
import { addMigrationIndexes, type DatabaseSchema, type SchemaTable } from "../../src/engine/schema/model.js";
import { readTypeormSchema, type TypeormSchemaRead } from "../../src/engine/schema/typeorm.js";
import { lineOf, TSCONFIG, typeormPackage } from "../support/project.js";

type Read = SchemaProjectRead<TypeormSchemaRead>;

/** Writes a TypeORM project into a temp dir and reads it with the modules the engine would build. */
function readProject(files: Record<string, string>): Read {
  return readSchemaProject(files, typeormPackage(), readTypeormSchema);
}

const indexesOf = (table: SchemaTable) => table.indexes.map((index) => ({ fields: index.fields, unique: index.unique, name: index.name, declaredIn: index.declaredIn }));
const relationsOf = (table: SchemaTable) => table.relations.map(({ field, target, kind, foreignKey, references }) => ({ field, target, kind, foreignKey, references }));
const columnsOf = (table: SchemaTable) => [...table.columns.values()].map((column) => [column.name, column.column]);
const migrationsOf = (read: TypeormSchemaRead) => read.migrationIndexes.map(({ table, columns, unique, name }) => ({ table, columns, unique, name }));

describe("readTypeormSchema: entities and columns", () => {
  it("uses the given table name, else the snake_case of the class name", () => {
    const read = readProject({
      "src/entities.ts": `import { Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn() id: number;
}

@Entity({ name: 'merchants', schema: 'shop' })
export class Merchant {
  @PrimaryGeneratedColumn() id: number;
}

@Entity()
export class OrderLineItem {
  @PrimaryGeneratedColumn() id: number;
}

@Entity()
export class HTTPRequestLog {
  @PrimaryGeneratedColumn() id: number;
}
`,
    });
    expect(read.tables.map((t) => [t.model, t.table, t.orm])).toEqual([
      ["Order", "orders", "typeorm"],
      ["Merchant", "merchants", "typeorm"],
      ["OrderLineItem", "order_line_item", "typeorm"],
      ["HTTPRequestLog", "http_request_log", "typeorm"],
    ]);
    expect(read.table("Order").site).toEqual({ file: read.path("src/entities.ts"), line: 4, column: 14, endLine: 4, endColumn: 19 });
  });

  it("maps the name option to the column, not @Column's type argument, and reads primary keys in order", () => {
    const read = readProject({
      "src/entities.ts": `import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('memberships')
export class Membership {
  @PrimaryColumn({ name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') userId: string;
  @Column('varchar') role: string;
  @Column('varchar', { name: 'invite_code', unique: true }) inviteCode: string;
  @Column({ name: 'email_address', unique: true }) email: string;
  @CreateDateColumn({ name: 'created_at' }) createdAt: Date;
  plainProperty = 1;
}
`,
    });
    const table = read.table("Membership");
    expect(columnsOf(table)).toEqual([
      ["tenantId", "tenant_id"],
      ["userId", null],
      ["role", null],
      ["inviteCode", "invite_code"],
      ["email", "email_address"],
      ["createdAt", "created_at"],
    ]);
    expect(table.primaryKey).toEqual(["tenantId", "userId"]);
    expect(indexesOf(table)).toEqual([
      { fields: ["inviteCode"], unique: true, name: null, declaredIn: "schema" },
      { fields: ["email"], unique: true, name: null, declaredIn: "schema" },
    ]);
    expect(table.columns.get("inviteCode")!.site).toEqual({ file: read.path("src/entities.ts"), line: 8, column: 61, endLine: 8, endColumn: 71 });
  });

  it("includes the columns of a base class from another module, re-exported or not, and from the same file", () => {
    const read = readProject({
      "src/common/base.ts": `import { CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

export abstract class BaseEntityWithId {
  @PrimaryGeneratedColumn('uuid') id: string;
  @CreateDateColumn({ name: 'created_at' }) createdAt: Date;
}
`,
      "src/common/index.ts": `export * from './base';\n`,
      "src/order.ts": `import { Column, Entity } from 'typeorm';
import { BaseEntityWithId } from './common';

@Entity('orders')
export class Order extends BaseEntityWithId {
  @Column() status: string;
}
`,
      "src/audit.ts": `import { Column, Entity, PrimaryColumn } from 'typeorm';

abstract class Keyed {
  @PrimaryColumn() key: string;
}

@Entity()
export class AuditEntry extends Keyed {
  @Column() action: string;
}
`,
    });
    expect(columnsOf(read.table("Order"))).toEqual([
      ["id", null],
      ["createdAt", "created_at"],
      ["status", null],
    ]);
    expect(read.table("Order").primaryKey).toEqual(["id"]);
    expect(read.table("Order").columns.get("id")!.site!.file).toBe(read.path("src/common/base.ts"));
    expect(read.table("AuditEntry").primaryKey).toEqual(["key"]);
    expect(read.tables.map((t) => t.model).sort()).toEqual(["AuditEntry", "Order"]);
  });

  it("ignores an @Entity that is not typeorm's and reads typeorm's through a namespace import", () => {
    const read = readProject({
      "src/decorators.ts": `export function Entity(_name?: string): ClassDecorator { return () => undefined; }
export function Column(): PropertyDecorator { return () => undefined; }
`,
      "src/fake.ts": `import { Entity, Column } from './decorators';
import { Repository } from 'typeorm';

@Entity('fakes')
export class Fake {
  @Column() name: string;
}
export type FakeRepository = Repository<Fake>;
`,
      "src/real.ts": `import * as orm from 'typeorm';

@orm.Entity('reals')
export class Real {
  @orm.PrimaryGeneratedColumn() id: number;
  @orm.Column({ unique: true }) slug: string;
  @orm.Column(() => Address) address: Address;
}

export class Address {
  @orm.Column() city: string;
}

@orm.ViewEntity({ expression: 'SELECT id FROM reals' })
export class RealStats {
  @orm.ViewColumn() id: number;
}
`,
    });
    expect(read.tables.map((t) => t.model)).toEqual(["Real"]);
    expect(read.table("Real").table).toBe("reals");
    expect(read.table("Real").primaryKey).toEqual(["id"]);
    // An embedded class's columns live under a prefix: `address` itself is no column.
    expect(columnsOf(read.table("Real"))).toEqual([
      ["id", null],
      ["slug", null],
    ]);
    expect(indexesOf(read.table("Real"))).toEqual([{ fields: ["slug"], unique: true, name: null, declaredIn: "schema" }]);
  });
});

describe("readTypeormSchema: primary keys out of sight, project decorators, single-table inheritance", () => {
  it("gives an entity with no primary column in sight the key id, and keeps a visible key of another name", () => {
    const read = readProject({
      "src/entity-id.decorator.ts": `let primary: { entity: unknown; name: string } | undefined;
export function PrimaryGeneratedId() {
  return (entity: unknown, name: string) => { primary = { entity, name }; };
}
`,
      "src/base.ts": `import { CreateDateColumn } from 'typeorm';
import { PrimaryGeneratedId } from './entity-id.decorator';

export abstract class VendureEntity {
  @PrimaryGeneratedId() id: string;
  @CreateDateColumn() createdAt: Date;
}
`,
      "src/entities.ts": `import { Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { VendureEntity } from './base';

@Entity()
export class Channel extends VendureEntity {
  @Column() code: string;
}

@Entity()
export class Product extends VendureEntity {
  @ManyToOne(() => Channel) channel: Channel;
}

@Entity()
export class Currency {
  @PrimaryColumn() code: string;
}
`,
    });
    expect(read.table("Channel").primaryKey).toEqual(["id"]);
    expect(columnsOf(read.table("Channel"))).toEqual([
      ["createdAt", null],
      ["code", null],
      ["id", null],
    ]);
    expect(relationsOf(read.table("Product"))).toEqual([{ field: "channel", target: "Channel", kind: "to-one", foreignKey: ["channelId"], references: ["id"] }]);
    expect(read.table("Currency").primaryKey).toEqual(["code"]);
    expect(read.table("Currency").columns.has("id")).toBe(false);
  });

  it("reads a project decorator whose body calls typeorm's column and index decorators, and no other", () => {
    const read = readProject({
      "src/decorators.ts": `import { Column, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export function PrimaryUuid() {
  return PrimaryGeneratedColumn('uuid');
}
export const Money = (options: object = {}) => Column({ type: 'integer', ...options });
export function Flag() {
  return Column('boolean', { default: false });
}
export function Lookup(): PropertyDecorator {
  const column = Column({ name: 'lookup_code' });
  const index = Index({ unique: true });
  return (target, key) => { column(target, key); index(target, key); };
}
export function MaybeKey(primary: boolean) {
  return primary ? PrimaryColumn() : Column();
}
export function BelongsTo(target: () => Function) {
  return (proto: object, key: string) => { Column()(proto, key); ManyToOne(target)(proto, key); };
}
export function Tracked() {
  return (_target: object, _key: string) => undefined;
}
`,
      "src/index.ts": `export * from './decorators';\n`,
      "src/entities.ts": `import { Entity } from 'typeorm';
import { BelongsTo, Flag, Lookup, MaybeKey, Money, PrimaryUuid, Tracked } from '.';

function Slug() {
  return (_target: object, _key: string) => undefined;
}

@Entity('invoices')
export class Invoice {
  @PrimaryUuid() key: string;
  @Money() total: number;
  @Flag() paid: boolean;
  @Lookup() code: string;
  @MaybeKey(false) number: string;
  @BelongsTo(() => Invoice) parent: Invoice;
  @Tracked() note: string;
  @Slug() slug: string;
}
`,
    });
    const table = read.table("Invoice");
    expect(table.primaryKey).toEqual(["key"]);
    expect(columnsOf(table)).toEqual([
      ["key", null],
      ["total", null],
      ["paid", null],
      ["code", "lookup_code"],
    ]);
    expect(table.columns.get("paid")!.valueKind).toBe("boolean");
    expect(table.columns.get("total")!.site!.line).toBe(11);
    expect(indexesOf(table)).toEqual([{ fields: ["code"], unique: true, name: null, declaredIn: "schema" }]);
    expect(table.relations).toEqual([]);
  });

  it("reads @ChildEntity classes as their parent entity's table, sharing the indexes any of them declares", () => {
    const read = readProject({
      "src/region.ts": `import { Column, Entity, Index, PrimaryGeneratedColumn, TableInheritance } from 'typeorm';

@Entity('regions')
@TableInheritance({ column: { type: 'varchar', name: 'discriminator' } })
export abstract class Region {
  @PrimaryGeneratedColumn() id: number;
  @Index() @Column() parentCode: string;
  @Column() code: string;
}
`,
      "src/country.ts": `import { ChildEntity, Column, Index } from 'typeorm';
import { Region } from './region';

@ChildEntity()
export class Country extends Region {
  @Index() @Column() iso: string;
}

export abstract class Subdivision extends Region {}

@ChildEntity('province')
export class Province extends Subdivision {
  @Column() iso: string;
  @Column({ name: 'zone_code' }) zone: string;
}
`,
      "src/other.ts": `import { ChildEntity, Column } from 'typeorm';
import { ChildEntity as Fake } from './fake';

abstract class Plain {
  @Column() name: string;
}

@ChildEntity()
export class Orphan extends Plain {}

@Fake()
export class NotAChild extends Plain {}
`,
      "src/fake.ts": `export function ChildEntity(): ClassDecorator { return () => undefined; }\n`,
    });
    expect(read.tables.map((t) => [t.model, t.table]).sort()).toEqual([
      ["Country", "regions"],
      ["Province", "regions"],
      ["Region", "regions"],
    ]);
    expect(columnsOf(read.table("Province"))).toEqual([
      ["id", null],
      ["parentCode", null],
      ["code", null],
      ["iso", null],
      ["zone", "zone_code"],
    ]);
    expect(read.table("Country").primaryKey).toEqual(["id"]);
    // Country's index on iso is an index of the one table: Province's iso uses it; Region has no iso column.
    expect(indexesOf(read.table("Province"))).toEqual([
      { fields: ["parentCode"], unique: false, name: null, declaredIn: "schema" },
      { fields: ["iso"], unique: false, name: null, declaredIn: "schema" },
    ]);
    expect(indexesOf(read.table("Region"))).toEqual([{ fields: ["parentCode"], unique: false, name: null, declaredIn: "schema" }]);
    expect(indexesOf(read.table("Country")).map((index) => index.fields)).toEqual([["parentCode"], ["iso"]]);
  });
});

describe("readTypeormSchema: indexes", () => {
  it("reads property and class @Index and @Unique, mapping relation names to their key fields", () => {
    const read = readProject({
      "src/entities.ts": `import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('merchants')
export class Merchant {
  @PrimaryGeneratedColumn() id: number;
}

@Entity('orders')
@Index(['merchant', 'createdAt'])
@Index('IDX_orders_status_created', ['status', 'createdAt'], { unique: true })
@Index((order: Order) => [order.customerId, order.status])
@Unique(['merchant', 'reference'])
@Unique('UQ_orders_reference', ['reference'])
export class Order {
  @PrimaryGeneratedColumn() id: number;
  @Index() @Column() status: string;
  @Index('IDX_orders_reference', { unique: true }) @Column() reference: string;
  @Column() customerId: number;
  @Column({ name: 'created_at' }) createdAt: Date;
  @Index() @ManyToOne(() => Merchant) merchant: Merchant;
}
`,
    });
    const table = read.table("Order");
    expect(indexesOf(table)).toEqual([
      { fields: ["merchantId", "createdAt"], unique: false, name: null, declaredIn: "schema" },
      { fields: ["status", "createdAt"], unique: true, name: "IDX_orders_status_created", declaredIn: "schema" },
      { fields: ["customerId", "status"], unique: false, name: null, declaredIn: "schema" },
      { fields: ["merchantId", "reference"], unique: true, name: null, declaredIn: "schema" },
      { fields: ["reference"], unique: true, name: "UQ_orders_reference", declaredIn: "schema" },
      { fields: ["status"], unique: false, name: null, declaredIn: "schema" },
      { fields: ["reference"], unique: true, name: "IDX_orders_reference", declaredIn: "schema" },
      { fields: ["merchantId"], unique: false, name: null, declaredIn: "schema" },
    ]);
    expect(table.indexes[0]!.site).toEqual({ file: read.path("src/entities.ts"), line: 9, column: 2, endLine: 9, endColumn: 7 });
    expect(table.indexes[5]!.site!.line).toBe(16);
  });
});

describe("readTypeormSchema: relations", () => {
  const entities = `import { Column, Entity, JoinColumn, ManyToMany, ManyToOne, OneToMany, OneToOne, PrimaryColumn, PrimaryGeneratedColumn, RelationId } from 'typeorm';

@Entity('merchants')
export class Merchant {
  @PrimaryGeneratedColumn() id: number;
  @OneToMany(() => Order, (order) => order.merchant) orders: Order[];
}

@Entity('customers')
export class Customer {
  @PrimaryGeneratedColumn() id: number;
}

@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn('uuid') uuid: string;
}

@Entity('currencies')
export class Currency {
  @PrimaryColumn() code: string;
}

@Entity('tags')
export class Tag {
  @PrimaryGeneratedColumn() id: number;
}

@Entity('invoices')
export class Invoice {
  @PrimaryGeneratedColumn() id: number;
  @OneToOne(() => Order, (order) => order.invoice) order: Order;
}

@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn() id: number;
  @Column() merchantId: number;
  @Column({ name: 'customer_id' }) customerId: number;
  @RelationId((order: Order) => order.shop) shopRef: number;

  @ManyToOne(() => Merchant, (merchant) => merchant.orders) merchant: Merchant;
  @ManyToOne(() => Customer) @JoinColumn({ name: 'customer_id' }) customer: Customer;
  @ManyToOne(() => Merchant) shop: Merchant;
  @ManyToOne('Customer') @JoinColumn({ name: 'referrer_id' }) referrer: Customer;
  @ManyToOne(() => Account) account: Promise<Account>;
  @ManyToOne(() => Currency) @JoinColumn({ referencedColumnName: 'code' }) currency: Currency;
  @OneToOne(() => Invoice, (invoice) => invoice.order) @JoinColumn() invoice: Invoice;
  @ManyToMany(() => Tag) tags: Tag[];
}
`;

  it("finds each to-one key field: the default join column name, an explicit @JoinColumn, a @RelationId alias", () => {
    const read = readProject({ "src/entities.ts": entities });
    const order = read.table("Order");
    expect(relationsOf(order)).toEqual([
      { field: "merchant", target: "Merchant", kind: "to-one", foreignKey: ["merchantId"], references: ["id"] },
      { field: "customer", target: "Customer", kind: "to-one", foreignKey: ["customerId"], references: ["id"] },
      { field: "shop", target: "Merchant", kind: "to-one", foreignKey: ["shopRef"], references: ["id"] },
      { field: "referrer", target: "Customer", kind: "to-one", foreignKey: ["referrer_id"], references: ["id"] },
      { field: "account", target: "Account", kind: "to-one", foreignKey: ["accountUuid"], references: ["uuid"] },
      { field: "currency", target: "Currency", kind: "to-one", foreignKey: ["currencyCode"], references: ["code"] },
      { field: "invoice", target: "Invoice", kind: "to-one", foreignKey: ["invoiceId"], references: ["id"] },
      { field: "tags", target: "Tag", kind: "to-many", foreignKey: [], references: [] },
    ]);
    // Key fields no property declares become columns of their own; the alias maps to the real column.
    expect(columnsOf(order)).toEqual([
      ["id", null],
      ["merchantId", null],
      ["customerId", "customer_id"],
      ["shopRef", "shopId"],
      ["referrer_id", null],
      ["accountUuid", null],
      ["currencyCode", null],
      ["invoiceId", null],
    ]);
    // The owning side of a one-to-one is unique.
    expect(indexesOf(order)).toEqual([{ fields: ["invoiceId"], unique: true, name: null, declaredIn: "schema" }]);
    const merchantLine = lineOf({ entities }, "entities", "merchant: Merchant;");
    expect(order.relations[0]!.site).toEqual({ file: read.path("src/entities.ts"), line: merchantLine, column: 61, endLine: merchantLine, endColumn: 69 });
    expect(order.columns.get("invoiceId")!.site!.line).toBe(lineOf({ entities }, "entities", "invoice: Invoice;"));
  });

  it("gives the inverse sides (one-to-many, one-to-one without @JoinColumn) no key", () => {
    const read = readProject({ "src/entities.ts": entities });
    expect(relationsOf(read.table("Merchant"))).toEqual([{ field: "orders", target: "Order", kind: "to-many", foreignKey: [], references: [] }]);
    expect(relationsOf(read.table("Invoice"))).toEqual([{ field: "order", target: "Order", kind: "to-one", foreignKey: [], references: [] }]);
    expect(columnsOf(read.table("Invoice"))).toEqual([["id", null]]);
    expect(read.foreignKeyConstraints).toBe(true);
  });

  it("says the database has no foreign keys only when every key relation turns them off", () => {
    const entity = (second: string) => `import { Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn() id: number;
}

@Entity('posts')
export class Post {
  @PrimaryGeneratedColumn() id: number;
  @ManyToOne(() => User, { createForeignKeyConstraints: false }) author: User;
  @ManyToOne(() => User, ${second}) editor: User;
}
`;
    expect(readProject({ "src/entities.ts": entity("{ createForeignKeyConstraints: false }") }).foreignKeyConstraints).toBe(false);
    expect(readProject({ "src/entities.ts": entity("{ nullable: true }") }).foreignKeyConstraints).toBe(true);
  });
});

describe("readTypeormSchema: migrations", () => {
  it("reads CREATE INDEX from query() strings and templates, with quotes, schema prefixes and DESC", () => {
    const read = readProject({
      "src/migrations/1700000000000-Indexes.ts": `import { MigrationInterface, QueryRunner } from 'typeorm';

export class Indexes1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`CREATE INDEX "IDX_orders_merchant" ON "public"."orders" ("merchant_id", "created_at" DESC)\`);
    await queryRunner.query('CREATE UNIQUE INDEX idx_users_email ON users (email)');
    await queryRunner.query(\`CREATE INDEX "IDX_items_order" ON "\${schema}"."order_items" ("order_id")\`);
    await queryRunner.query(\`CREATE INDEX "IDX_dynamic" ON \${table} ("x")\`);
    await queryRunner.query('SELECT * FROM orders WHERE merchant_id = 1');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_orders_merchant"');
  }
}
const schema = 'public';
const table = 'orders';
`,
    });
    expect(migrationsOf(read)).toEqual([
      { table: "orders", columns: ["merchant_id", "created_at"], unique: false, name: "IDX_orders_merchant" },
      { table: "users", columns: ["email"], unique: true, name: "idx_users_email" },
      { table: "order_items", columns: ["order_id"], unique: false, name: "IDX_items_order" },
    ]);
    expect(read.migrationIndexes[0]!.site).toEqual({ file: read.path("src/migrations/1700000000000-Indexes.ts"), line: 5, column: 23, endLine: 5, endColumn: 28 });
    expect(read.tables).toEqual([]);
  });

  it("reads createIndex, createUniqueConstraint and createTable with primary, unique and index columns", () => {
    const read = readProject({
      "src/migrations/1700000000001-Tables.ts": `import { MigrationInterface, QueryRunner, Table, TableIndex, TableUnique } from 'typeorm';

export class Tables1700000000001 implements MigrationInterface {
  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'orders',
        columns: [
          { name: 'id', type: 'int', isPrimary: true, isGenerated: true },
          { name: 'email', type: 'varchar', isUnique: true },
          { name: 'merchant_id', type: 'int' },
        ],
        indices: [{ columnNames: ['merchant_id', 'created_at'] }, new TableIndex({ name: 'IDX_orders_ref', columnNames: ['ref'], isUnique: true })],
        uniques: [{ name: 'UQ_orders_code', columnNames: ['code'] }],
      }),
      true,
    );
    await qr.createIndex('orders', new TableIndex({ name: 'IDX_orders_customer', columnNames: ['customer_id'] }));
    await qr.createIndex('public.orders', new TableIndex({ columnNames: ['status'], isUnique: true }));
    await qr.createUniqueConstraint('orders', new TableUnique({ name: 'UQ_orders_number', columnNames: ['number'] }));
    await qr.createIndex(someTable, new TableIndex({ columnNames: ['unknown_table'] }));
  }

  async down(): Promise<void> {}
}
declare const someTable: Table;
`,
    });
    expect(migrationsOf(read)).toEqual([
      { table: "orders", columns: ["id"], unique: true, name: null },
      { table: "orders", columns: ["email"], unique: true, name: null },
      { table: "orders", columns: ["merchant_id", "created_at"], unique: false, name: null },
      { table: "orders", columns: ["ref"], unique: true, name: "IDX_orders_ref" },
      { table: "orders", columns: ["code"], unique: true, name: "UQ_orders_code" },
      { table: "orders", columns: ["customer_id"], unique: false, name: "IDX_orders_customer" },
      { table: "orders", columns: ["status"], unique: true, name: null },
      { table: "orders", columns: ["number"], unique: true, name: "UQ_orders_number" },
    ]);
    expect(read.migrationIndexes[5]!.site!.line).toBe(18);
  });

  it("reads a JavaScript migration class but not a Sequelize migration's query()", () => {
    const read = readProject({
      "src/migrations/1700000000002-add-index.js": `module.exports = class AddIndex1700000000002 {
  async up(queryRunner) {
    await queryRunner.query('CREATE INDEX "IDX_posts_author" ON "posts" ("authorId")');
  }
  async down(queryRunner) {
    await queryRunner.query('DROP INDEX "IDX_posts_author"');
  }
};
`,
      "db/sequelize-migrations/20240101-add-index.js": `module.exports = {
  up: async (queryInterface) => queryInterface.sequelize.query('CREATE INDEX idx_comments_post ON comments (post_id)'),
  down: async () => {},
};
`,
    });
    expect(migrationsOf(read)).toEqual([{ table: "posts", columns: ["authorId"], unique: false, name: "IDX_posts_author" }]);
  });

  it("gives migration indexes that the model maps back onto entity fields", () => {
    const read = readProject({
      "src/entities.ts": `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'merchant_id' }) merchantId: number;
}
`,
      "src/migrations/1-Index.ts": `import { MigrationInterface, QueryRunner } from 'typeorm';
export class Index1 implements MigrationInterface {
  async up(queryRunner: QueryRunner) { await queryRunner.query('CREATE INDEX "IDX_m" ON "orders" ("merchant_id")'); }
  async down() {}
}
`,
    });
    const schema: DatabaseSchema = { engine: read.engine, foreignKeyConstraints: read.foreignKeyConstraints, tables: new Map(read.tables.map((t) => [t.model, t])) };
    addMigrationIndexes(schema, read.migrationIndexes);
    expect(indexesOf(read.table("Order"))).toEqual([{ fields: ["merchantId"], unique: false, name: "IDX_m", declaredIn: "migration" }]);
  });
});

describe("readTypeormSchema: engine", () => {
  const entity = `import { Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity('users')
export class User {
  @PrimaryGeneratedColumn() id: number;
}
`;

  it("reads postgres from new DataSource({ type }), a cache's { type, host } aside", () => {
    const read = readProject({
      "src/entities.ts": entity,
      "src/data-source.ts": `import { DataSource } from 'typeorm';
import { User } from './entities';
const cache = { type: 'ioredis', host: 'cache', port: 6379 };
export const AppDataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [User], cache });
`,
    });
    expect(read.engine).toBe("postgresql");
  });

  it("reads mysql from TypeOrmModule.forRootAsync's factory, ignoring other { type } objects", () => {
    const read = readProject({
      "src/entities.ts": entity,
      "src/app.module.ts": `import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

const cacheOptions = { type: 'redis', ttl: 60 };

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      useFactory: () => ({ type: 'mariadb' as const, host: 'db', database: 'shop', autoLoadEntities: true }),
    }),
  ],
  providers: [{ provide: 'CACHE', useValue: cacheOptions }],
})
export class AppModule {}
`,
    });
    expect(read.engine).toBe("mysql");
  });

  it("says unknown with no data source, with conflicting ones, and outside typeorm modules", () => {
    expect(readProject({ "src/entities.ts": entity }).engine).toBe("unknown");
    const conflicting = readProject({
      "src/entities.ts": entity,
      "src/a.ts": `import { DataSource } from 'typeorm';\nexport const primary = new DataSource({ type: 'postgres', host: 'a' });\n`,
      "src/b.ts": `import { createConnection } from 'typeorm';\nexport const legacy = createConnection({ type: 'sqlite', database: 'x.db' });\n`,
    });
    expect(conflicting.engine).toBe("unknown");
    const oracle = readProject({
      "src/entities.ts": entity,
      "src/a.ts": `import { DataSource } from 'typeorm';\nexport const primary = new DataSource({ type: 'postgres', host: 'a' });\n`,
      "src/db.ts": `import { DataSource } from 'typeorm';\nexport const reporting = new DataSource({ type: 'oracle', host: 'db' });\n`,
    });
    expect(oracle.engine).toBe("unknown");
    const unrelated = readProject({ "src/entities.ts": entity, "src/knex.ts": `export const config = { type: 'postgres', host: 'db', database: 'x' };\n` });
    expect(unrelated.engine).toBe("unknown");
  });

  it("reads sqlite from createConnection and an ormconfig.ts that imports nothing", () => {
    expect(readProject({ "src/entities.ts": entity, "src/db.ts": `import { createConnection } from 'typeorm';\nexport const ready = createConnection({ type: 'better-sqlite3', database: 'app.db' });\n` }).engine).toBe("sqlite");
    expect(readProject({ "src/entities.ts": entity, "ormconfig.ts": `export default { type: 'mssql', host: 'db', entities: ['src/**/*.ts'] };\n` }).engine).toBe("sqlserver");
  });
});
