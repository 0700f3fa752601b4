import { describe, expect, it } from "vitest";
import { readSchemaProject, type SchemaProjectRead } from "../support/schema-project.js";
import { addMigrationIndexes, type SchemaTable } from "../../src/engine/schema/model.js";
import { pluralize, readSequelizeSchema, singularize, type SequelizeSchemaRead } from "../../src/engine/schema/sequelize.js";
import { lineOf, packageJson, sequelizePackage, TSCONFIG } from "../support/project.js";

type Read = SchemaProjectRead<SequelizeSchemaRead>;

/** Writes a Sequelize project into a temp dir and reads it from the modules the engine builds. */
function readProject(files: Record<string, string>, pkg = sequelizePackage()): Read {
  return readSchemaProject(files, pkg, readSequelizeSchema);
}

const columnsOf = (table: SchemaTable) => [...table.columns.values()].map((column) => [column.name, column.column]);
const indexesOf = (table: SchemaTable) => table.indexes.map(({ fields, unique, name, declaredIn }) => ({ fields, unique, name, declaredIn }));
const relationsOf = (table: SchemaTable) => table.relations.map(({ field, target, kind, foreignKey, references }) => ({ field, target, kind, foreignKey, references }));
const migrationsOf = (read: SequelizeSchemaRead) => read.migrationIndexes.map(({ table, columns, unique, name }) => ({ table, columns, unique, name }));

const DB = `import { Sequelize } from 'sequelize';

export const sequelize = new Sequelize(process.env.DATABASE_URL as string, { dialect: 'postgres' });
`;

describe("readSequelizeSchema: Model.init and sequelize.define", () => {
  const files = {
    "src/db.ts": DB,
    "src/models.ts": `import { DataTypes, Model } from 'sequelize';
import { sequelize } from './db';

export class Order extends Model {}
Order.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    merchantId: { type: DataTypes.INTEGER, field: 'merchant_id' },
    paid: DataTypes.BOOLEAN,
    status: DataTypes.ENUM('new', 'paid'),
  },
  { sequelize, tableName: 'orders', timestamps: false },
);

export class Merchant extends Model {}
Merchant.init({ name: DataTypes.STRING }, { sequelize });

export const Product = sequelize.define('Product', { sku: DataTypes.STRING });
export const Category = sequelize.define('Category', { name: DataTypes.STRING }, { freezeTableName: true });
export const OrderItem = sequelize.define('OrderItem', { unitPrice: DataTypes.INTEGER, orderId: { type: DataTypes.INTEGER, field: 'order_ref' } }, { underscored: true });
export class Person extends Model {}
Person.init({ name: DataTypes.STRING }, { sequelize, modelName: 'person' });
`,
  };
  const read = readProject(files);

  it("finds init and define models with Sequelize's table names", () => {
    expect(read.tables.map((t) => [t.model, t.table, t.orm])).toEqual([
      ["Order", "orders", "sequelize"],
      ["Merchant", "Merchants", "sequelize"],
      ["Product", "Products", "sequelize"],
      ["Category", "Category", "sequelize"],
      ["OrderItem", "order_items", "sequelize"],
      // A class is known by its own name, as `Person.findAll` says; modelName names the table.
      ["Person", "people", "sequelize"],
    ]);
  });

  it("maps field and underscored column names, adds id and timestamps unless disabled", () => {
    expect(columnsOf(read.table("Order"))).toEqual([
      ["id", null],
      ["merchantId", "merchant_id"],
      ["paid", null],
      ["status", null],
    ]);
    expect(read.table("Order").primaryKey).toEqual(["id"]);
    expect(columnsOf(read.table("Merchant"))).toEqual([
      ["id", null],
      ["name", null],
      ["createdAt", null],
      ["updatedAt", null],
    ]);
    expect(read.table("Merchant").primaryKey).toEqual(["id"]);
    expect(columnsOf(read.table("OrderItem"))).toEqual([
      ["id", null],
      ["unitPrice", "unit_price"],
      ["orderId", "order_ref"],
      ["createdAt", "created_at"],
      ["updatedAt", "updated_at"],
    ]);
  });

  it("a VIRTUAL attribute is no column of the table", () => {
    const read = readProject({
      "src/models/account.ts": `import { DataTypes, Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize('postgres://localhost/app');

export class Account extends Model {}
Account.init({ handle: DataTypes.STRING, githubHandle: { type: DataTypes.VIRTUAL, get() { return 'x'; } }, label: DataTypes.VIRTUAL(DataTypes.STRING) }, { sequelize });
`,
    });
    expect([...read.table("Account").columns.keys()]).toContain("handle");
    expect([...read.table("Account").columns.keys()]).not.toContain("githubHandle");
    expect([...read.table("Account").columns.keys()]).not.toContain("label");
  });

  it("says which columns take few values", () => {
    const order = read.table("Order");
    expect([order.columns.get("paid")?.valueKind, order.columns.get("status")?.valueKind, order.columns.get("merchantId")?.valueKind]).toEqual(["boolean", "enum", null]);
  });

  it("places sites on the class name, the define name and the attribute, 1-based", () => {
    const file = read.path("src/models.ts");
    const classLine = lineOf(files, "src/models.ts", "export class Order extends Model");
    expect(read.table("Order").site).toEqual({ file, line: classLine, column: 14, endLine: classLine, endColumn: 19 });
    const defineLine = lineOf(files, "src/models.ts", "sequelize.define('Product'");
    expect(read.table("Product").site).toEqual({ file, line: defineLine, column: 41, endLine: defineLine, endColumn: 50 });
    expect(read.table("Order").columns.get("merchantId")?.site).toMatchObject({ file, line: lineOf(files, "src/models.ts", "merchantId: {"), column: 5, endColumn: 15 });
  });
});

describe("readSequelizeSchema: keys and indexes", () => {
  it("reads primary keys, single and named composite uniques", () => {
    const read = readProject({
      "src/db.ts": DB,
      "src/models.ts": `import { DataTypes, Model } from 'sequelize';
import { sequelize } from './db';

export class Membership extends Model {}
Membership.init(
  {
    teamId: { type: DataTypes.INTEGER, primaryKey: true },
    userId: { type: DataTypes.INTEGER, primaryKey: true },
    email: { type: DataTypes.STRING, unique: true },
    slug: { type: DataTypes.STRING, unique: 'team_slug' },
    region: { type: DataTypes.STRING, unique: 'team_slug' },
    code: { type: DataTypes.STRING, unique: { name: 'code_unique', msg: 'taken' } },
    note: { type: DataTypes.STRING, unique: false },
  },
  { sequelize, tableName: 'memberships' },
);
`,
    });
    const table = read.table("Membership");
    expect(table.primaryKey).toEqual(["teamId", "userId"]);
    expect(table.columns.has("id")).toBe(false);
    expect(indexesOf(table)).toEqual([
      { fields: ["email"], unique: true, name: null, declaredIn: "schema" },
      { fields: ["slug", "region"], unique: true, name: "team_slug", declaredIn: "schema" },
      { fields: ["code"], unique: true, name: "code_unique", declaredIn: "schema" },
    ]);
  });

  it("reads the indexes option, mapping column names back to attributes", () => {
    const read = readProject({
      "src/db.ts": DB,
      "src/models.ts": `import { DataTypes } from 'sequelize';
import { sequelize } from './db';

const attributes = {
  merchantId: DataTypes.INTEGER,
  status: DataTypes.STRING,
};

export const Order = sequelize.define('Order', attributes, {
  underscored: true,
  indexes: [
    { fields: ['merchant_id', { name: 'created_at', order: 'DESC' }] },
    { unique: true, fields: ['status', 'merchantId'], name: 'orders_status_merchant' },
    { fields: [sequelize.fn('lower', sequelize.col('status'))] },
  ],
});
`,
    });
    const table = read.table("Order");
    expect(columnsOf(table)).toEqual([
      ["id", null],
      ["merchantId", "merchant_id"],
      ["status", null],
      ["createdAt", "created_at"],
      ["updatedAt", "updated_at"],
    ]);
    expect(indexesOf(table)).toEqual([
      { fields: ["merchantId", "createdAt"], unique: false, name: null, declaredIn: "schema" },
      { fields: ["status", "merchantId"], unique: true, name: "orders_status_merchant", declaredIn: "schema" },
    ]);
  });

  it("maps index columns to the key attributes associations add", () => {
    const read = readProject({
      "src/db.ts": DB,
      "src/models.ts": `import { DataTypes, Model } from 'sequelize';
import { sequelize } from './db';

export class Merchant extends Model {}
Merchant.init({ name: DataTypes.STRING }, { sequelize, tableName: 'merchants' });
export class Order extends Model {}
Order.init({ total: DataTypes.INTEGER }, { sequelize, tableName: 'orders', underscored: true, indexes: [{ fields: ['merchant_id', 'created_at'] }] });
Order.belongsTo(Merchant, { foreignKey: 'merchantId' });
`,
    });
    expect(read.table("Order").columns.get("merchantId")?.column).toBe("merchant_id");
    expect(indexesOf(read.table("Order"))).toEqual([{ fields: ["merchantId", "createdAt"], unique: false, name: null, declaredIn: "schema" }]);
  });

  it("turns references into to-one relations, mapping a table name back to its model", () => {
    const read = readProject({
      "src/db.ts": DB,
      "src/models.ts": `import { DataTypes, Model } from 'sequelize';
import { sequelize } from './db';

export class Merchant extends Model {}
Merchant.init({ uuid: { type: DataTypes.UUID, primaryKey: true } }, { sequelize, tableName: 'merchants' });

export class Order extends Model {}
Order.init(
  {
    merchantId: { type: DataTypes.UUID, references: { model: 'merchants', key: 'uuid' } },
    shopId: { type: DataTypes.INTEGER, references: { model: 'shops', key: 'id' } },
    ownerId: { type: DataTypes.UUID, references: { model: Merchant } },
  },
  { sequelize },
);
`,
    });
    expect(relationsOf(read.table("Order"))).toEqual([
      { field: "merchantId", target: "Merchant", kind: "to-one", foreignKey: ["merchantId"], references: ["uuid"] },
      { field: "shopId", target: "shops", kind: "to-one", foreignKey: ["shopId"], references: ["id"] },
      { field: "ownerId", target: "Merchant", kind: "to-one", foreignKey: ["ownerId"], references: ["uuid"] },
    ]);
  });
});

describe("readSequelizeSchema: associations", () => {
  it("gives belongsTo and hasMany Sequelize's default keys and adds them as columns", () => {
    const read = readProject({
      "src/db.ts": DB,
      "src/models.ts": `import { DataTypes, Model } from 'sequelize';
import { sequelize } from './db';

export class Merchant extends Model {}
Merchant.init({ name: DataTypes.STRING }, { sequelize });
export class Order extends Model {}
Order.init({ total: DataTypes.INTEGER }, { sequelize });
export class Refund extends Model {}
Refund.init({ amount: DataTypes.INTEGER }, { sequelize, underscored: true });

Order.belongsTo(Merchant);
Merchant.hasMany(Refund);
Refund.belongsTo(Order, { as: 'order' });
`,
    });
    expect(relationsOf(read.table("Order"))).toEqual([{ field: "Merchant", target: "Merchant", kind: "to-one", foreignKey: ["MerchantId"], references: ["id"] }]);
    expect(columnsOf(read.table("Order"))).toEqual([
      ["id", null],
      ["total", null],
      ["createdAt", null],
      ["updatedAt", null],
      ["MerchantId", null],
    ]);
    expect(relationsOf(read.table("Merchant"))).toEqual([{ field: "Refunds", target: "Refund", kind: "to-many", foreignKey: [], references: [] }]);
    expect(relationsOf(read.table("Refund"))).toEqual([
      { field: "Merchant", target: "Merchant", kind: "to-one", foreignKey: ["MerchantId"], references: ["id"] },
      { field: "order", target: "Order", kind: "to-one", foreignKey: ["orderId"], references: ["id"] },
    ]);
    // underscored: the attribute keeps Sequelize's name, the column is snake_case
    expect(read.table("Refund").columns.get("MerchantId")?.column).toBe("merchant_id");
    expect(read.table("Refund").columns.get("orderId")?.column).toBe("order_id");
  });

  it("uses explicit keys, and lets belongsTo name the key a hasMany also declares", () => {
    const read = readProject({
      "src/db.ts": DB,
      "src/models.ts": `import { DataTypes, Model } from 'sequelize';
import { sequelize } from './db';

export class User extends Model {}
User.init({ email: DataTypes.STRING }, { sequelize, tableName: 'users' });
export class Post extends Model {}
Post.init({ authorId: DataTypes.INTEGER }, { sequelize, tableName: 'posts' });
export class Profile extends Model {}
Profile.init({ bio: DataTypes.TEXT }, { sequelize, tableName: 'profiles' });
export class Tag extends Model {}
Tag.init({ label: DataTypes.STRING }, { sequelize, tableName: 'tags' });

User.hasMany(Post, { as: 'posts', foreignKey: 'authorId' });
Post.belongsTo(User, { as: 'author', foreignKey: { name: 'authorId', allowNull: false } });
User.hasOne(Profile, { foreignKey: { name: 'ownerId', field: 'owner_id' } });
Post.belongsToMany(Tag, { through: 'post_tags' });
`,
    });
    expect(relationsOf(read.table("User"))).toEqual([
      { field: "posts", target: "Post", kind: "to-many", foreignKey: [], references: [] },
      { field: "Profile", target: "Profile", kind: "to-one", foreignKey: [], references: [] },
    ]);
    expect(relationsOf(read.table("Post"))).toEqual([
      { field: "author", target: "User", kind: "to-one", foreignKey: ["authorId"], references: ["id"] },
      { field: "Tags", target: "Tag", kind: "to-many", foreignKey: [], references: [] },
    ]);
    expect(relationsOf(read.table("Profile"))).toEqual([{ field: "User", target: "User", kind: "to-one", foreignKey: ["ownerId"], references: ["id"] }]);
    expect(read.table("Profile").columns.get("ownerId")?.column).toBe("owner_id");
    expect(read.foreignKeyConstraints).toBe(true);
  });

  it("reads the CommonJS model-file pattern: define in an exported factory, associate with models.X", () => {
    const read = readProject({
      "models/merchant.js": `module.exports = (sequelize, DataTypes) => {
  const Merchant = sequelize.define('Merchant', { name: DataTypes.STRING });
  Merchant.associate = (models) => {
    Merchant.hasMany(models.Order, { foreignKey: 'merchantId' });
  };
  return Merchant;
};
`,
      "models/order.js": `'use strict';
const { Model } = require('sequelize');

module.exports = (sequelize, DataTypes) => {
  class Order extends Model {
    static associate(models) {
      this.belongsTo(models.Merchant, { foreignKey: 'merchantId', as: 'merchant' });
      this.belongsTo(models.Customer);
    }
  }
  Order.init({ merchantId: DataTypes.INTEGER }, { sequelize, modelName: 'Order' });
  return Order;
};
`,
      "config/config.js": `module.exports = {
  development: { username: 'app', database: 'shop_dev', dialect: 'mysql' },
  production: { use_env_variable: 'DATABASE_URL', dialect: 'mysql' },
};
`,
    });
    expect(read.tables.map((t) => t.model).sort()).toEqual(["Merchant", "Order"]);
    expect(relationsOf(read.table("Merchant"))).toEqual([{ field: "Orders", target: "Order", kind: "to-many", foreignKey: [], references: [] }]);
    expect(relationsOf(read.table("Order"))).toEqual([
      { field: "merchant", target: "Merchant", kind: "to-one", foreignKey: ["merchantId"], references: ["id"] },
      { field: "Customer", target: "Customer", kind: "to-one", foreignKey: ["CustomerId"], references: ["id"] },
    ]);
    expect(read.engine).toBe("mysql");
  });

  it("resolves models.X to the model of that name nearest the call", () => {
    const service = (name: string) => `module.exports = (sequelize, DataTypes) => {
  const Merchant = sequelize.define('Merchant', { name: DataTypes.STRING });
  const Order = sequelize.define('Order', { total: DataTypes.INTEGER });
  Order.associate = (models) => {
    Order.belongsTo(models.Merchant, { foreignKey: '${name}MerchantId' });
  };
  return Order;
};
`;
    const read = readProject({ "services/billing/models/order.js": service("billing"), "services/shop/models/order.js": service("shop") });
    const orders = read.tables.filter((t) => t.model === "Order");
    expect(orders.map((t) => [t.site?.file, relationsOf(t).map((r) => r.foreignKey[0])])).toEqual([
      [read.path("services/billing/models/order.js"), ["billingMerchantId"]],
      [read.path("services/shop/models/order.js"), ["shopMerchantId"]],
    ]);
  });

  it("reads init in a static method (this.init / super.init) and associations on db.X from an index file", () => {
    const read = readProject({
      "src/models/merchant.ts": `import { DataTypes, Model, Sequelize } from 'sequelize';

export class Merchant extends Model {
  static initialize(sequelize: Sequelize) {
    this.init({ code: { type: DataTypes.STRING, primaryKey: true } }, { sequelize, tableName: 'merchants' });
  }
}
`,
      "src/models/order.js": `const Sequelize = require('sequelize');

class Order extends Sequelize.Model {
  static init(sequelize) {
    return super.init({ total: Sequelize.INTEGER }, { sequelize, tableName: 'orders' });
  }
}
module.exports = Order;
`,
      "src/models/index.js": `const db = {};
db.Merchant = require('./merchant').Merchant;
db.Order = require('./order');
db.Order.belongsTo(db.Merchant);
db.Merchant.hasMany(db.Order);
module.exports = db;
`,
    });
    expect(read.tables.map((t) => [t.model, t.table, t.primaryKey])).toEqual([
      ["Merchant", "merchants", ["code"]],
      ["Order", "orders", ["id"]],
    ]);
    // belongsTo and the inverse of hasMany agree on MerchantCode: one relation, one column
    expect(relationsOf(read.table("Order"))).toEqual([{ field: "Merchant", target: "Merchant", kind: "to-one", foreignKey: ["MerchantCode"], references: ["code"] }]);
    expect(columnsOf(read.table("Order")).map(([name]) => name)).toEqual(["id", "total", "createdAt", "updatedAt", "MerchantCode"]);
  });

  it("sees no constraints when every association turns them off", () => {
    const read = readProject({
      "src/db.ts": DB,
      "src/models.ts": `import { DataTypes, Model } from 'sequelize';
import { sequelize } from './db';

export class Merchant extends Model {}
Merchant.init({ name: DataTypes.STRING }, { sequelize });
export class Order extends Model {}
Order.init({ merchantId: DataTypes.INTEGER }, { sequelize });
Order.belongsTo(Merchant, { foreignKey: 'merchantId', constraints: false });
Merchant.hasMany(Order, { foreignKey: 'merchantId', constraints: false });
`,
    });
    expect(read.foreignKeyConstraints).toBe(false);
    expect(relationsOf(read.table("Order"))).toEqual([{ field: "Merchant", target: "Merchant", kind: "to-one", foreignKey: ["merchantId"], references: ["id"] }]);
  });
});

describe("readSequelizeSchema: sequelize-typescript", () => {
  const files = {
    "src/models.ts": `import { AutoIncrement, BelongsTo, Column, CreatedAt, DataType, ForeignKey, HasMany, Index, Model, PrimaryKey, Table, Unique } from 'sequelize-typescript';

@Table({ tableName: 'merchants', timestamps: false })
export class Merchant extends Model {
  @PrimaryKey
  @AutoIncrement
  @Column
  declare id: number;

  @Unique
  @Column
  declare slug: string;

  @HasMany(() => Order)
  declare orders: Order[];
}

@Table({ underscored: true, indexes: [{ fields: ['status', 'created_on'] }] })
export class Order extends Model {
  @ForeignKey(() => Merchant)
  @Index('orders_merchant_created')
  @Column
  declare merchantId: number;

  @Index('orders_merchant_created')
  @CreatedAt
  declare createdOn: Date;

  @Index
  @Column(DataType.STRING)
  declare status: string;

  @Index({ name: 'orders_code', unique: true })
  @Column({ field: 'order_code' })
  declare code: string;

  @Column
  declare archived: boolean;

  @BelongsTo(() => Merchant)
  declare merchant: Merchant;
}
`,
  };
  const read = readProject(files, packageJson({ "sequelize-typescript": "^2.1.6", sequelize: "^6.37.5", pg: "^8.13.1" }));

  it("reads @Table options and column decorators", () => {
    expect(read.tables.map((t) => [t.model, t.table])).toEqual([
      ["Merchant", "merchants"],
      ["Order", "orders"],
    ]);
    expect(read.table("Merchant").primaryKey).toEqual(["id"]);
    expect(columnsOf(read.table("Merchant"))).toEqual([
      ["id", null],
      ["slug", null],
    ]);
    expect(columnsOf(read.table("Order"))).toEqual([
      ["id", null],
      ["merchantId", "merchant_id"],
      ["createdOn", "created_on"],
      ["status", null],
      ["code", "order_code"],
      ["archived", null],
      ["updatedAt", "updated_at"],
    ]);
    expect(read.table("Order").columns.get("archived")?.valueKind).toBe("boolean");
  });

  it("reads @Unique, named composite @Index in declaration order, and @Table indexes", () => {
    expect(indexesOf(read.table("Merchant"))).toEqual([{ fields: ["slug"], unique: true, name: null, declaredIn: "schema" }]);
    expect(indexesOf(read.table("Order"))).toEqual([
      { fields: ["merchantId", "createdOn"], unique: false, name: "orders_merchant_created", declaredIn: "schema" },
      { fields: ["status"], unique: false, name: null, declaredIn: "schema" },
      { fields: ["code"], unique: true, name: "orders_code", declaredIn: "schema" },
      { fields: ["status", "createdOn"], unique: false, name: null, declaredIn: "schema" },
    ]);
  });

  it("takes @BelongsTo and @HasMany keys from the @ForeignKey property", () => {
    expect(relationsOf(read.table("Order"))).toEqual([{ field: "merchant", target: "Merchant", kind: "to-one", foreignKey: ["merchantId"], references: ["id"] }]);
    expect(relationsOf(read.table("Merchant"))).toEqual([{ field: "orders", target: "Order", kind: "to-many", foreignKey: [], references: [] }]);
    const file = read.path("src/models.ts");
    expect(read.table("Order").relations[0]!.site).toMatchObject({ file, line: lineOf(files, "src/models.ts", "declare merchant: Merchant") });
  });
});

describe("readSequelizeSchema: models extending the project's own base classes", () => {
  const TS_PACKAGE = packageJson({ "sequelize-typescript": "^2.1.6", sequelize: "^6.37.5", pg: "^8.13.1" });
  // outline: Document → ArchivableModel → ParanoidModel → IdModel → base/Model → sequelize-typescript's Model
  const files = {
    "src/models/base/Model.ts": `import { Model as SequelizeModel } from 'sequelize-typescript';

abstract class Model<A extends object = any, C extends object = A> extends SequelizeModel<A, C> {
  static async findByIds(ids: string[]) {
    return this.findAll({ where: { id: ids } });
  }
}

export default Model;
`,
    "src/models/base/IdModel.ts": `import { Column, CreatedAt, DataType, Default, ForeignKey, Index, PrimaryKey, UpdatedAt } from 'sequelize-typescript';
import Model from './Model';
import Team from '../Team';

class IdModel<A extends object = any, C extends object = A> extends Model<A, C> {
  @PrimaryKey
  @Default(DataType.UUIDV4)
  @Column(DataType.UUID)
  id: string;

  @Column
  title: string;

  @ForeignKey(() => Team)
  @Index
  @Column(DataType.UUID)
  teamId: string;

  @CreatedAt
  createdAt: Date;

  @UpdatedAt
  updatedAt: Date;
}

export default IdModel;
`,
    "src/models/base/ParanoidModel.ts": `import { DeletedAt } from 'sequelize-typescript';
import IdModel from './IdModel';

export default class ParanoidModel<A extends object = any, C extends object = A> extends IdModel<A, C> {
  @DeletedAt
  deletedAt: Date | null;
}
`,
    "src/models/base/ArchivableModel.ts": `import ParanoidModel from './ParanoidModel';

class ArchivableModel<A extends object = any, C extends object = A> extends ParanoidModel<A, C> {
  archive() {
    return this.update({ archivedAt: new Date() });
  }
}

export default ArchivableModel;
`,
    "src/models/index.ts": `export { default as ArchivableModel } from './base/ArchivableModel';
export { default as IdModel } from './base/IdModel';
`,
    "src/models/Team.ts": `import { Column, HasMany, Table } from 'sequelize-typescript';
import { IdModel } from './index';
import Document from './Document';

@Table({ tableName: 'teams', modelName: 'team' })
class Team extends IdModel {
  @Column
  name: string;

  @HasMany(() => Document)
  documents: Document[];
}

export default Team;
`,
    "src/models/Document.ts": `import { BelongsTo, Column, Table } from 'sequelize-typescript';
import ArchivableModel from './base/ArchivableModel';
import Team from './Team';

@Table({ tableName: 'documents', modelName: 'document' })
class Document extends ArchivableModel {
  @Column({ field: 'document_title' })
  title: string;

  @BelongsTo(() => Team, 'teamId')
  team: Team;
}

export default Document;
`,
    "migrations/20200101-documents.js": `module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex('documents', ['id', 'teamId']);
    await queryInterface.addIndex('documents', ['deletedAt']);
  },
};
`,
  };
  const read = readProject(files, TS_PACKAGE);

  it("takes a @Table class whose base classes (local, imported, re-exported, generic, abstract) come from Model", () => {
    expect(read.tables.map((t) => [t.model, t.table])).toEqual([
      ["Document", "documents"],
      ["Team", "teams"],
    ]);
  });

  it("gives the subclass the columns, key, @DeletedAt and @Index of its bases; a redeclared property wins", () => {
    const document = read.table("Document");
    expect(document.primaryKey).toEqual(["id"]);
    expect(columnsOf(document)).toEqual([
      ["id", null],
      ["title", "document_title"],
      ["teamId", null],
      ["createdAt", null],
      ["updatedAt", null],
      ["deletedAt", null],
    ]);
    expect(document.columns.get("title")?.site?.file).toBe(read.path("src/models/Document.ts"));
    expect(document.columns.get("id")?.site?.file).toBe(read.path("src/models/base/IdModel.ts"));
    expect(indexesOf(document)).toEqual([{ fields: ["teamId"], unique: false, name: null, declaredIn: "schema" }]);
    expect(read.table("Team").primaryKey).toEqual(["id"]);
  });

  it("reads the inherited @ForeignKey for the subclass's associations", () => {
    expect(relationsOf(read.table("Document"))).toEqual([{ field: "team", target: "Team", kind: "to-one", foreignKey: ["teamId"], references: ["id"] }]);
    expect(relationsOf(read.table("Team"))).toEqual([{ field: "documents", target: "Document", kind: "to-many", foreignKey: [], references: [] }]);
  });

  it("keeps migration indexes that name inherited columns", () => {
    const schema = { engine: read.engine, foreignKeyConstraints: true, tables: new Map(read.tables.map((t) => [t.model, t])) };
    addMigrationIndexes(schema, read.migrationIndexes);
    expect(indexesOf(read.table("Document")).filter((index) => index.declaredIn === "migration").map((index) => index.fields)).toEqual([["id", "teamId"], ["deletedAt"]]);
  });

  it("follows init models through a base class and Model re-exported by a project module", () => {
    // opencollective-api: `class Expense extends ModelWithPublicId`, `import { Model } from '../lib/sequelize'`
    const read = readProject({
      "src/lib/sequelize.ts": `import { Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL as string, { dialect: 'postgres' });

export { DataTypes, Model, Op } from 'sequelize';
export default sequelize;
`,
      "src/lib/everything.ts": `export * from 'sequelize';\n`,
      "src/lib/again.ts": `export { Model as BaseModel } from './sequelize';\n`,
      "src/lib/whole.ts": `import Sequelize from 'sequelize';\nexport default Sequelize;\n`,
      "src/models/ModelWithPublicId.ts": `import { Model } from 'sequelize';

export abstract class ModelWithPublicId<E extends string, T extends object, C extends object> extends Model<T, C> {
  declare public readonly publicId: E;
}
`,
      "src/models/Expense.ts": `import sequelize, { DataTypes } from '../lib/sequelize';
import { ModelWithPublicId } from './ModelWithPublicId';

class Expense extends ModelWithPublicId<'exp', any, any> {
  public static readonly tableName = 'Expenses' as const;
}
Expense.init({ CollectiveId: DataTypes.INTEGER }, { sequelize, tableName: 'Expenses', paranoid: true });

export default Expense;
`,
      "src/models/EmojiReaction.ts": `import sequelize, { DataTypes, Model } from '../lib/sequelize';

class EmojiReaction extends Model {}
EmojiReaction.init({ emoji: DataTypes.STRING }, { sequelize, tableName: 'EmojiReactions' });
export default EmojiReaction;
`,
      "src/models/Tier.ts": `import { DataTypes, Model } from '../lib/everything';
import sequelize from '../lib/sequelize';

export class Tier extends Model {}
Tier.init({ slug: DataTypes.STRING }, { sequelize });
`,
      "src/models/Update.ts": `import { BaseModel } from '../lib/again';
import sequelize from '../lib/sequelize';

export class Update extends BaseModel {}
Update.init({ title: { type: 'STRING' } }, { sequelize });
`,
      "src/models/Member.ts": `import Seq from '../lib/whole';
import sequelize from '../lib/sequelize';

export class Member extends Seq.Model {}
Member.init({ role: { type: 'STRING' } }, { sequelize });
`,
    });
    expect(read.tables.map((t) => [t.model, t.table]).sort()).toEqual([
      ["EmojiReaction", "EmojiReactions"],
      ["Expense", "Expenses"],
      ["Member", "Members"],
      ["Tier", "Tiers"],
      ["Update", "Updates"],
    ]);
    expect(columnsOf(read.table("Expense"))).toEqual([
      ["id", null],
      ["CollectiveId", null],
      ["createdAt", null],
      ["updatedAt", null],
      ["deletedAt", null],
    ]);
  });

  it("keys a class by its own name and takes modelName for the table and the default keys", () => {
    const read = readProject({
      "src/db.ts": DB,
      "src/models.ts": `import { DataTypes, Model } from 'sequelize';
import { sequelize } from './db';

export class Person extends Model {}
Person.init({ name: DataTypes.STRING }, { sequelize, modelName: 'person' });
export class Pet extends Model {}
Pet.init({ name: DataTypes.STRING }, { sequelize, modelName: 'pet' });
Pet.belongsTo(Person);
Person.hasMany(Pet);
`,
    });
    expect(read.tables.map((t) => [t.model, t.table])).toEqual([
      ["Person", "people"],
      ["Pet", "pets"],
    ]);
    expect(relationsOf(read.table("Pet"))).toEqual([{ field: "person", target: "Person", kind: "to-one", foreignKey: ["personId"], references: ["id"] }]);
    expect(relationsOf(read.table("Person"))).toEqual([{ field: "pets", target: "Pet", kind: "to-many", foreignKey: [], references: [] }]);
  });
});

describe("readSequelizeSchema: migrations", () => {
  const files = {
    "migrations/20240101-create-orders.js": `'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('orders', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },
      email: { type: Sequelize.STRING, unique: true },
      merchant_id: { type: Sequelize.INTEGER, references: { model: 'merchants', key: 'id' } },
      code: { type: Sequelize.STRING, unique: 'orders_code_region' },
      region: { type: Sequelize.STRING, unique: 'orders_code_region' },
    });
    await queryInterface.addIndex('orders', ['merchant_id', 'created_at'], { name: 'orders_merchant_created' });
    await queryInterface.addIndex('orders', { fields: [{ name: 'status', order: 'DESC' }], unique: true });
    await queryInterface.addConstraint('orders', { fields: ['reference'], type: 'unique', name: 'orders_reference_key' });
    await queryInterface.addConstraint('orders', { fields: ['merchant_id'], type: 'foreign key', references: { table: 'merchants', field: 'id' } });
    await queryInterface.sequelize.query(\`
      CREATE INDEX CONCURRENTLY "orders_paid_at" ON "orders" ("paid_at");
    \`);
  },
  async down(queryInterface) {
    await queryInterface.addIndex('orders', ['legacy_id']);
  },
};
`,
    "src/migrations/002-refunds.ts": `import type { QueryInterface } from 'sequelize';

export async function up(queryInterface: QueryInterface): Promise<void> {
  await queryInterface.addIndex({ tableName: 'refunds', schema: 'shop' }, ['order_id']);
}
`,
  };
  const read = readProject(files);

  it("reads createTable, addIndex (both forms), addConstraint unique and raw CREATE INDEX from up only", () => {
    expect(migrationsOf(read)).toEqual([
      { table: "orders", columns: ["id"], unique: true, name: null },
      { table: "orders", columns: ["email"], unique: true, name: null },
      { table: "orders", columns: ["code", "region"], unique: true, name: "orders_code_region" },
      { table: "orders", columns: ["merchant_id", "created_at"], unique: false, name: "orders_merchant_created" },
      { table: "orders", columns: ["status"], unique: true, name: null },
      { table: "orders", columns: ["reference"], unique: true, name: "orders_reference_key" },
      { table: "orders", columns: ["paid_at"], unique: false, name: "orders_paid_at" },
      { table: "refunds", columns: ["order_id"], unique: false, name: null },
    ]);
  });

  it("places migration sites on the call, and SQL ones on the statement", () => {
    const file = read.path("migrations/20240101-create-orders.js");
    const addIndexLine = lineOf(files, "migrations/20240101-create-orders.js", "'orders_merchant_created'");
    expect(read.migrationIndexes[3]!.site).toEqual({ file, line: addIndexLine, column: 26, endLine: addIndexLine, endColumn: 34 });
    expect(read.migrationIndexes[6]!.site).toMatchObject({ file, line: lineOf(files, "migrations/20240101-create-orders.js", "CREATE INDEX"), column: 7 });
    expect(read.migrationIndexes[7]!.site?.file).toBe(read.path("src/migrations/002-refunds.ts"));
  });
});

describe("readSequelizeSchema: migrations that rename and drop", () => {
  const files = {
    "migrations/20160101-create.js": `module.exports = {
  up: async (queryInterface) => {
    await queryInterface.addIndex('documents', ['parentDocumentId', 'atlasId']);
    await queryInterface.addIndex('collection_users', ['collectionId', 'userId']);
    await queryInterface.addIndex('users', ['slackId']);
    await queryInterface.addIndex('users', ['email'], { unique: true });
    await queryInterface.addIndex('users', ['service']);
    await queryInterface.addIndex('legacy', ['code']);
    await queryInterface.addIndex('orders', ['status']);
    await queryInterface.addIndex('orders', ['paid_at'], { name: 'orders_paid' });
    await queryInterface.addIndex('subscriptions', ['type', 'GroupId', 'UserId'], { indicesType: 'UNIQUE' });
  },
};
`,
    "migrations/20180101-renames.js": `module.exports = {
  up: async (queryInterface) => {
    await queryInterface.renameColumn('documents', 'atlasId', 'collectionId');
    await queryInterface.renameTable('collection_users', 'user_permissions');
    await queryInterface.removeIndex('users', 'users_slack_id');
    await queryInterface.removeConstraint('users', 'users_email_key');
    await queryInterface.removeColumn('users', 'service');
    await queryInterface.dropTable('legacy');
    await queryInterface.removeIndex('orders', ['status']);
    // opencollective-api: the index keeps the name subscriptions_type__group_id__user_id, so this drops nothing
    await queryInterface.renameTable('subscriptions', 'notifications');
    await queryInterface.renameColumn('notifications', 'GroupId', 'CollectiveId');
    await queryInterface.removeIndex('notifications', ['type', 'CollectiveId', 'UserId']);
    await queryInterface.sequelize.query('DROP INDEX IF EXISTS "orders_paid"; CREATE INDEX "orders_paid" ON "orders" ("paid_at", "id"); ALTER TABLE "carts" RENAME TO "baskets"; ALTER TABLE baskets RENAME COLUMN "user" TO "userId"');
  },
  down: async (queryInterface) => {
    await queryInterface.renameTable('user_permissions', 'collection_users');
  },
};
`,
    "migrations/20170101-carts.js": `module.exports = {
  up: async (queryInterface) => {
    await queryInterface.addIndex('carts', ['user', 'createdAt']);
  },
};
`,
    // An older folder: by name it ran first, whatever its path says.
    "migrations/archives/20150101-old-orders.js": `module.exports = {
  up: async (queryInterface) => {
    await queryInterface.dropTable('orders');
  },
};
`,
  };
  const read = readProject(files);

  it("runs the migrations in file-name order: renames carry indexes, removals (by name, as the database does) take them away", () => {
    expect(migrationsOf(read)).toEqual([
      { table: "documents", columns: ["parentDocumentId", "collectionId"], unique: false, name: null },
      { table: "user_permissions", columns: ["collectionId", "userId"], unique: false, name: null },
      { table: "notifications", columns: ["type", "CollectiveId", "UserId"], unique: true, name: null },
      { table: "baskets", columns: ["userId", "createdAt"], unique: false, name: null },
      { table: "orders", columns: ["paid_at", "id"], unique: false, name: "orders_paid" },
    ]);
  });
});

describe("readSequelizeSchema: engine", () => {
  const model = `import { DataTypes } from 'sequelize';
import { sequelize } from './db';

export const Order = sequelize.define('Order', { total: DataTypes.INTEGER });
`;

  it("reads the dialect option of new Sequelize", () => {
    expect(readProject({ "src/db.ts": DB, "src/models.ts": model }).engine).toBe("postgresql");
  });

  it("reads a connection URL, and the four-argument form", () => {
    const url = `import { Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize('mysql://app@localhost/shop');\n`;
    expect(readProject({ "src/db.ts": url, "src/models.ts": model }).engine).toBe("mysql");
    const fourArguments = `const { Sequelize } = require('sequelize');\nconst sequelize = new Sequelize('shop', 'app', 'secret', { dialect: 'mssql' });\nmodule.exports = { sequelize };\n`;
    expect(readProject({ "src/db.js": fourArguments }).engine).toBe("sqlserver");
  });

  it("is unknown with no dialect, or with dialects that disagree", () => {
    const none = `import { Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize(process.env.DATABASE_URL as string);\n`;
    expect(readProject({ "src/db.ts": none, "src/models.ts": model }).engine).toBe("unknown");
    const config = `module.exports = { development: { dialect: 'sqlite' }, production: { dialect: 'postgres' } };\n`;
    expect(readProject({ "src/db.ts": none, "config/database.js": config }).engine).toBe("unknown");
  });

  it("prefers the module-level connection over a client made inside a function", () => {
    const legacy = `import { Sequelize } from 'sequelize';\nexport async function legacyRows() {\n  const pms = new Sequelize(process.env.PMS_URL as string, { dialect: 'mssql' });\n  return pms.query('select 1');\n}\n`;
    expect(readProject({ "src/db.ts": DB, "src/legacy.ts": legacy }).engine).toBe("postgresql");
    expect(readProject({ "src/legacy.ts": legacy }).engine).toBe("sqlserver");
  });

  it("applies new Sequelize's define defaults to every model", () => {
    const db = `import { Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize('postgres://localhost/shop', { define: { underscored: true, timestamps: false } });\n`;
    const read = readProject({ "src/db.ts": db, "src/models.ts": `import { DataTypes } from 'sequelize';
import { sequelize } from './db';

export const LineItem = sequelize.define('LineItem', { orderId: DataTypes.INTEGER });
` });
    expect(read.table("LineItem").table).toBe("line_items");
    expect(columnsOf(read.table("LineItem"))).toEqual([
      ["id", null],
      ["orderId", "order_id"],
    ]);
  });
});

describe("readSequelizeSchema: what is not a model", () => {
  it("ignores a class extending another package's Model, and define on unrelated objects", () => {
    const read = readProject({
      "src/db.ts": DB,
      "src/objection.ts": `import { Model } from 'objection';
import { DataTypes } from 'sequelize';

export class Order extends Model {
  static tableName = 'orders';
}
Order.init({ id: { type: DataTypes.INTEGER, primaryKey: true } }, {});
`,
      "src/elements.ts": `const registry = new Map<string, unknown>();
const schemas = { define: (name: string, shape: object) => registry.set(name, shape) };

schemas.define('Invoice', { number: { unique: true } });
customElements.define('order-row', class extends HTMLElement {});
export const found = [1, 2, 3].find((n) => n > 1);
`,
      "src/models.ts": `import { DataTypes } from 'sequelize';
import { sequelize } from './db';

export const Merchant = sequelize.define('Merchant', { name: DataTypes.STRING });
`,
    });
    expect(read.tables.map((t) => t.model)).toEqual(["Merchant"]);
  });

  it("ignores classes whose base classes do not come from Sequelize's Model, through files and re-exports", () => {
    const read = readProject(
      {
        "src/db.ts": DB,
        "src/lib/orm.ts": `export { Model } from 'objection';\nexport * from 'knex';\n`,
        "src/base.ts": `import { Model } from 'objection';

export abstract class BaseModel<T> extends Model {
  id!: T;
}
export class Plain {}
`,
        "src/models.ts": `import { Column, PrimaryKey, Table } from 'sequelize-typescript';
import { DataTypes } from 'sequelize';
import { sequelize } from './db';
import { BaseModel, Plain } from './base';
import { Model } from './lib/orm';

@Table({ tableName: 'orders' })
export class Order extends BaseModel<number> {
  @PrimaryKey
  @Column
  declare id: number;
}
export class Invoice extends Plain {}
Invoice.init({ number: DataTypes.STRING }, { sequelize });
export class Refund extends Model {}
Refund.init({ amount: DataTypes.INTEGER }, { sequelize });
class Loop extends Loop2 {}
class Loop2 extends Loop {}
Loop.init({ x: DataTypes.INTEGER }, { sequelize });
export const Merchant = sequelize.define('Merchant', { name: DataTypes.STRING });
`,
      },
      packageJson({ "sequelize-typescript": "^2.1.6", sequelize: "^6.37.5", objection: "^3.1.4", pg: "^8.13.1" }),
    );
    expect(read.tables.map((t) => t.model)).toEqual(["Merchant"]);
  });

  it("ignores association-like calls on things that are not models", () => {
    const read = readProject({
      "src/db.ts": DB,
      "src/models.ts": `import { DataTypes } from 'sequelize';
import { sequelize } from './db';

export const Merchant = sequelize.define('Merchant', { name: DataTypes.STRING });
const graph = { hasMany: (..._args: unknown[]) => undefined };
graph.hasMany(Merchant, { foreignKey: 'graphId' });
`,
    });
    expect(read.table("Merchant").relations).toEqual([]);
    expect(read.foreignKeyConstraints).toBe(true);
  });
});

describe("Sequelize's inflection, reduced", () => {
  it("pluralises and singularises the usual model names", () => {
    expect(["Order", "Category", "Address", "Status", "Person", "OrderItem", "Box", "Users", "Information"].map(pluralize)).toEqual([
      "Orders",
      "Categories",
      "Addresses",
      "Statuses",
      "People",
      "OrderItems",
      "Boxes",
      "Users",
      "Information",
    ]);
    expect(["Orders", "Categories", "Addresses", "Status", "People", "Order", "Address"].map(singularize)).toEqual(["Order", "Category", "Address", "Status", "Person", "Order", "Address"]);
  });
});
