import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { scan } from "../../src/index.js";
import type { Finding, RuleId, ScanResult } from "../../src/index.js";

/**
 * Writes a tiny project (`{ "relative/path": contents }`) into a fresh temp dir, scans it with `scan({ cwd })`
 * and removes the dir again. Finding paths are relative to that dir, so they match the keys of `files`.
 */
export async function scanProject(files: Record<string, string>): Promise<ScanResult> {
  const dir = await mkdtemp(join(tmpdir(), "perf-scan-rule-"));
  try {
    for (const [path, contents] of Object.entries(files)) {
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, contents);
    }
    return await scan({ cwd: dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `"file:line ruleId"` for every finding (of one rule when given), sorted. */
export function findingsOf(result: ScanResult, ruleId?: RuleId): string[] {
  return findingObjects(result, ruleId)
    .map((f) => `${f.file}:${f.line} ${f.ruleId}`)
    .sort();
}

/** The full finding objects of one rule (for message / related / severity assertions). */
export function findingObjects(result: ScanResult, ruleId?: RuleId): Finding[] {
  return result.findings.filter((f) => ruleId === undefined || f.ruleId === ruleId);
}

/** The one finding of `ruleId` reported at `file:line`; throws with the actual findings when there is none. */
export function findingAt(result: ScanResult, ruleId: RuleId, file: string, line: number): Finding {
  const found = result.findings.find((f) => f.ruleId === ruleId && f.file === file && f.line === line);
  if (!found) throw new Error(`no ${ruleId} finding at ${file}:${line}; got ${JSON.stringify(findingsOf(result))}`);
  return found;
}

const MARKER = /(?:\/\/|\/\*)\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

/**
 * The expected `"file:line ruleId"` strings written inline as `// expect: rule-a, rule-b` (same convention as the
 * fixture projects, docs/fixture-contract.md), restricted to `ruleId` when given. Sorted.
 */
export function expectedOf(files: Record<string, string>, ruleId?: RuleId): string[] {
  const expected: string[] = [];
  for (const [file, contents] of Object.entries(files)) {
    contents.split("\n").forEach((text, index) => {
      const match = MARKER.exec(text);
      if (!match) return;
      for (const rule of match[1]!.split(",").map((r) => r.trim())) {
        if (ruleId === undefined || rule === ruleId) expected.push(`${file}:${index + 1} ${rule}`);
      }
    });
  }
  return expected.sort();
}

/** Like `expectedOf`, but a positive case must mark at least one line: throws when there is no marker. */
export function marked(files: Record<string, string>, ruleId: RuleId): string[] {
  const expected = expectedOf(files, ruleId);
  if (expected.length === 0) throw new Error(`test bug: no \`// expect: ${ruleId}\` marker in the case`);
  return expected;
}

/** 1-based line of the only line of `files[file]` that contains `needle`; throws when not exactly one. */
export function lineOf(files: Record<string, string>, file: string, needle: string): number {
  const lines = (files[file] ?? "").split("\n");
  const hits = lines.flatMap((text, index) => (text.includes(needle) ? [index + 1] : []));
  if (hits.length !== 1) throw new Error(`test bug: ${JSON.stringify(needle)} is on ${hits.length} lines of ${file}`);
  return hits[0]!;
}

// ---------------------------------------------------------------------------------------------------------------
// package.json builders

export type Framework = "express" | "nestjs" | "next" | "koa" | "trpc" | "none";

const FRAMEWORK_DEPS: Record<Framework, Record<string, string>> = {
  express: { express: "^4.21.2" },
  nestjs: { "@nestjs/common": "^10.3.8", "@nestjs/core": "^10.3.8", "@nestjs/platform-express": "^10.3.8", "reflect-metadata": "^0.2.2", rxjs: "^7.8.1" },
  next: { next: "^14.2.15", react: "^18.3.1", "react-dom": "^18.3.1" },
  koa: { koa: "^2.15.3", "@koa/router": "^13.1.0" },
  trpc: { "@trpc/server": "^10.45.2", zod: "^3.23.8" },
  none: {},
};

/** A package.json naming the given runtime dependencies. */
export function packageJson(dependencies: Record<string, string>, name = "scanned-app"): string {
  return JSON.stringify({ name, version: "1.0.0", private: true, dependencies, devDependencies: { typescript: "^5.6.3", "@types/node": "^20.17.6" } }, null, 2) + "\n";
}

export function prismaPackage(framework: Framework = "express"): string {
  return packageJson({ "@prisma/client": "^5.22.0", ...FRAMEWORK_DEPS[framework] });
}

export function typeormPackage(framework: Framework = "express"): string {
  return packageJson({ typeorm: "^0.3.20", pg: "^8.13.1", ...(framework === "nestjs" ? { "@nestjs/typeorm": "^10.0.2" } : {}), ...FRAMEWORK_DEPS[framework] });
}

export function sequelizePackage(framework: Framework = "express"): string {
  return packageJson({ sequelize: "^6.37.5", pg: "^8.13.1", ...(framework === "nestjs" ? { "@nestjs/sequelize": "^10.0.1" } : {}), ...FRAMEWORK_DEPS[framework] });
}

export const TSCONFIG = JSON.stringify(
  { compilerOptions: { target: "ES2022", module: "commonjs", strict: true, experimentalDecorators: true, emitDecoratorMetadata: true, esModuleInterop: true, skipLibCheck: true, outDir: "dist" }, include: ["src"] },
  null,
  2,
);

// ---------------------------------------------------------------------------------------------------------------
// Base projects: package.json, tsconfig, models and one shared client. Spread them and add the files of the case.

export const PRISMA_SCHEMA = `generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String
  role      String   @default("member")
  managerId Int?
  createdAt DateTime @default(now())
  posts     Post[]
  orders    Order[]
}

model Post {
  id        Int       @id @default(autoincrement())
  title     String
  body      String
  published Boolean   @default(false)
  authorId  Int
  author    User      @relation(fields: [authorId], references: [id])
  comments  Comment[]
  createdAt DateTime  @default(now())
}

model Comment {
  id     Int    @id @default(autoincrement())
  body   String
  postId Int
  post   Post   @relation(fields: [postId], references: [id])
}

model Order {
  id        Int      @id @default(autoincrement())
  userId    Int
  user      User     @relation(fields: [userId], references: [id])
  status    String   @default("PENDING")
  amount    Int
  createdAt DateTime @default(now())
}

model Product {
  id        Int    @id @default(autoincrement())
  sku       String @unique
  name      String
  category  String
  price     Int
  stock     Int    @default(0)
  reorderAt Int    @default(10)
}
`;

/** Prisma project: `src/db.ts` exports a module-level `prisma`. */
export function prismaProject(framework: Framework = "express"): Record<string, string> {
  return {
    "package.json": prismaPackage(framework),
    "tsconfig.json": TSCONFIG,
    "prisma/schema.prisma": PRISMA_SCHEMA,
    "src/db.ts": `import { PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient();
`,
  };
}

export const TYPEORM_ENTITIES = `import { Column, Entity, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn() id: number;
  @Column({ unique: true }) email: string;
  @Column() name: string;
  @Column({ default: 'member' }) role: string;
  @Column({ default: true }) active: boolean;

  @OneToMany(() => Post, (post) => post.author)
  posts: Promise<Post[]>;
}

@Entity('posts')
export class Post {
  @PrimaryGeneratedColumn() id: number;
  @Column() title: string;
  @Column() published: boolean;
  @Column() authorId: number;

  @ManyToOne(() => User, (user) => user.posts)
  author: Promise<User>;

  @OneToMany(() => Comment, (comment) => comment.post)
  comments: Comment[];
}

@Entity('comments')
export class Comment {
  @PrimaryGeneratedColumn() id: number;
  @Column() body: string;
  @Column() postId: number;

  @ManyToOne(() => Post, (post) => post.comments)
  post: Post;
}

@Entity('orders')
export class Order {
  @PrimaryGeneratedColumn() id: number;
  @Column() userId: number;
  @Column() status: string;
  @Column('int') amount: number;
}

@Entity('products')
export class Product {
  @PrimaryGeneratedColumn() id: number;
  @Column() name: string;
  @Column() category: string;
  @Column('int') stock: number;
  @Column('int') reorderAt: number;
}
`;

/** TypeORM project: `src/entities.ts` and `src/data-source.ts` exporting a module-level `AppDataSource`. */
export function typeormProject(framework: Framework = "express"): Record<string, string> {
  return {
    "package.json": typeormPackage(framework),
    "tsconfig.json": TSCONFIG,
    "src/entities.ts": TYPEORM_ENTITIES,
    "src/data-source.ts": `import { DataSource } from 'typeorm';
import { Comment, Order, Post, Product, User } from './entities';

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [User, Post, Comment, Order, Product],
});
`,
  };
}

export const SEQUELIZE_MODELS = `import { DataTypes, Model } from 'sequelize';
import { sequelize } from './db';

export class User extends Model {
  declare id: number;
  declare email: string;
  declare name: string;
  declare role: string;
  declare active: boolean;
}
User.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    email: { type: DataTypes.STRING, unique: true },
    name: DataTypes.STRING,
    role: DataTypes.STRING,
    active: DataTypes.BOOLEAN,
  },
  { sequelize, tableName: 'users' },
);

export class Post extends Model {
  declare id: number;
  declare title: string;
  declare authorId: number;
  declare published: boolean;
}
Post.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: DataTypes.STRING,
    authorId: DataTypes.INTEGER,
    published: DataTypes.BOOLEAN,
  },
  { sequelize, tableName: 'posts' },
);

export class Comment extends Model {
  declare id: number;
  declare postId: number;
  declare body: string;
}
Comment.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    postId: DataTypes.INTEGER,
    body: DataTypes.TEXT,
  },
  { sequelize, tableName: 'comments' },
);

export class Order extends Model {
  declare id: number;
  declare userId: number;
  declare status: string;
  declare amount: number;
}
Order.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    userId: DataTypes.INTEGER,
    status: DataTypes.STRING,
    amount: DataTypes.INTEGER,
  },
  { sequelize, tableName: 'orders' },
);

export class Product extends Model {
  declare id: number;
  declare name: string;
  declare stock: number;
  declare reorderAt: number;
}
Product.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: DataTypes.STRING,
    stock: DataTypes.INTEGER,
    reorderAt: DataTypes.INTEGER,
  },
  { sequelize, tableName: 'products' },
);

User.hasMany(Post, { as: 'posts', foreignKey: 'authorId' });
Post.belongsTo(User, { as: 'author', foreignKey: 'authorId' });
Post.hasMany(Comment, { as: 'comments', foreignKey: 'postId' });
Comment.belongsTo(Post, { as: 'post', foreignKey: 'postId' });
User.hasMany(Order, { as: 'orders', foreignKey: 'userId' });
`;

/** Sequelize project: `src/db.ts` exports a module-level `sequelize`, `src/models.ts` the models and associations. */
export function sequelizeProject(framework: Framework = "express"): Record<string, string> {
  return {
    "package.json": sequelizePackage(framework),
    "tsconfig.json": TSCONFIG,
    "src/db.ts": `import { Sequelize } from 'sequelize';

export const sequelize = new Sequelize(process.env.DATABASE_URL as string, { dialect: 'postgres' });
`,
    "src/models.ts": SEQUELIZE_MODELS,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Assertions shared by the rule tests

/**
 * Scans `files` and asserts that `ruleId` is reported exactly on the lines marked `// expect: <ruleId>`: nothing
 * missing, nothing extra (unmarked lines of a case are its negatives). The case must mark at least one line.
 */
export async function expectMarked(files: Record<string, string>, ruleId: RuleId): Promise<ScanResult> {
  const expected = marked(files, ruleId);
  const result = await scanProject(files);
  expect(findingsOf(result, ruleId)).toEqual(expected);
  return result;
}

/** Scans `files` and asserts that `ruleId` reports nothing anywhere in the project. */
export async function expectNone(files: Record<string, string>, ruleId: RuleId): Promise<ScanResult> {
  const result = await scanProject(files);
  expect(findingsOf(result, ruleId)).toEqual([]);
  return result;
}
