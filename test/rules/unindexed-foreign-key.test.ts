import { describe, expect, it } from "vitest";
import { expectMarked, expectNone, findingObjects, lineOf, packageJson, scanProject, TSCONFIG } from "../support/project.js";

const RULE = "unindexed-foreign-key" as const;

function blog(provider: string, commentExtra: string, datasourceExtra = ""): string {
  return `datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")${datasourceExtra}
}

model User {
  id       Int       @id @default(autoincrement())
  email    String    @unique
  posts    Post[]
  comments Comment[]
}

model Post {
  id       Int       @id @default(autoincrement())
  authorId Int
  author   User      @relation(fields: [authorId], references: [id]) // expect: unindexed-foreign-key
  comments Comment[]
  tags     PostTag[]
}

model Comment {
  id        Int      @id @default(autoincrement())
  postId    Int
  post      Post     @relation(fields: [postId], references: [id])${commentExtra.includes("post-expected") ? " // expect: unindexed-foreign-key" : ""}
  userId    Int
  user      User     @relation(fields: [userId], references: [id])${commentExtra.includes("user-expected") ? " // expect: unindexed-foreign-key" : ""}
  createdAt DateTime @default(now())
${commentExtra.replace(/\/\/ (post|user)-expected/g, "")}
}

model Tag {
  id    Int       @id
  name  String    @unique
  posts PostTag[]
}

model PostTag {
  postId Int
  post   Post @relation(fields: [postId], references: [id])
  tagId  Int
  tag    Tag  @relation(fields: [tagId], references: [id]) // expect: unindexed-foreign-key

  @@id([postId, tagId])
}
`;
}

function project(schema: string, code = "import { prisma } from './db';\n\nexport const one = (id: number) => prisma.post.findUnique({ where: { id } });\n"): Record<string, string> {
  return {
    "package.json": packageJson({ "@prisma/client": "^6.1.0" }),
    "tsconfig.json": TSCONFIG,
    "prisma/schema.prisma": schema,
    "src/db.ts": "import { PrismaClient } from '@prisma/client';\n\nexport const prisma = new PrismaClient();\n",
    "src/posts.ts": code,
  };
}

describe(RULE, () => {
  it("PostgreSQL: each foreign key no index leads with, once, at its relation field; composite indexes and keys count", async () => {
    const files = project(blog("postgresql", "  @@index([postId, createdAt])\n  @@index([createdAt, userId]) // user-expected"));
    const result = await expectMarked(files, RULE);
    const finding = findingObjects(result, RULE).find((f) => f.line === lineOf(files, "prisma/schema.prisma", "author   User"))!;
    expect(finding).toMatchObject({ file: "prisma/schema.prisma", orm: "prisma", model: "Post", severity: "note", confidence: "high" });
    expect(finding.message).toContain("PostgreSQL does not index foreign keys");
    expect(finding.fix).toContain("`@@index([authorId])` to model Post");
    expect(finding.related[0]).toMatchObject({ file: "prisma/schema.prisma", line: lineOf(files, "prisma/schema.prisma", "model User {") });
    expect(result.summary.byRule[RULE]).toBe(3);
  });

  it("a composite key is served by an index leading with its part that refers to the target's primary key; not by one on another part", async () => {
    const schema = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Account {
  id    Int    @id @default(autoincrement())
  rules Rule[]
  runs  Run[]
  logs  Log[]
}

model Rule {
  id        Int    @id @default(autoincrement())
  accountId Int
  account   Account @relation(fields: [accountId], references: [id]) // expect: unindexed-foreign-key
  runs      Run[]
  logs      Log[]

  @@unique([id, accountId])
}

model Run {
  id        Int     @id @default(autoincrement())
  ruleId    Int
  accountId Int
  rule      Rule    @relation(fields: [ruleId, accountId], references: [id, accountId])
  account   Account @relation(fields: [accountId], references: [id]) // expect: unindexed-foreign-key

  @@index([ruleId])
}

model Log {
  id        Int     @id @default(autoincrement())
  ruleId    Int
  accountId Int
  rule      Rule    @relation(fields: [ruleId, accountId], references: [id, accountId]) // expect: unindexed-foreign-key
  account   Account @relation(fields: [accountId], references: [id])

  @@index([accountId])
}
`;
    await expectMarked(project(schema, "import { prisma } from './db';\n\nexport const one = (id: number) => prisma.run.findUnique({ where: { id } });\n"), RULE);
  });

  it("MySQL indexes foreign keys with constraints; not with relationMode = \"prisma\"", async () => {
    await expectNone(project(blog("mysql", "  @@index([postId])")), RULE);
    const noConstraints = await expectMarked(project(blog("mysql", "  @@index([createdAt]) // post-expected // user-expected", '\n  relationMode = "prisma"')), RULE);
    expect(findingObjects(noConstraints, RULE)[0]!.message).toContain('relationMode = "prisma"');
  });

  it("a foreign key a query filters on is reported by unindexed-filter at the query, not twice", async () => {
    const files = project(
      blog("postgresql", "  @@index([userId]) // post-expected"),
      "import { prisma } from './db';\n\nexport const ofPost = (postId: number) => prisma.comment.findMany({ where: { postId }, take: 20 });\n",
    );
    const result = await scanProject(files);
    expect(findingObjects(result, RULE).map((f) => f.line)).not.toContain(lineOf(files, "prisma/schema.prisma", "post      Post     @relation"));
    expect(findingObjects(result, "unindexed-filter").map((f) => `${f.file}:${f.line}`)).toEqual(["src/posts.ts:3"]);
  });

  it("a multi-file schema with multiSchema is read without crashing, and positions point into each file", async () => {
    const schema = blog("postgresql", "  @@index([postId])\n  @@index([userId])");
    const split = schema.indexOf("model Comment");
    const files = project("");
    delete files["prisma/schema.prisma"];
    files["prisma/schema/main.prisma"] = schema.slice(0, split).replace('url      = env("DATABASE_URL")', 'url      = env("DATABASE_URL")\n  schemas  = ["public", "blog"]');
    files["prisma/schema/comments.prisma"] = schema.slice(split).replace("model Tag {", 'model Tag {\n  @@schema("blog")');
    const result = await expectMarked(files, RULE);
    expect(findingObjects(result, RULE).map((f) => f.file).sort()).toEqual(["prisma/schema/comments.prisma", "prisma/schema/main.prisma"]);
  });

  it("an index created in prisma/migrations counts", async () => {
    const files = project(blog("postgresql", "  @@index([postId])\n  @@index([userId])"));
    files["prisma/migrations/20240101000000_tags/migration.sql"] = 'CREATE INDEX "PostTag_tagId_idx" ON "PostTag"("tagId");\n';
    files["prisma/schema.prisma"] = files["prisma/schema.prisma"]!.replace("@relation(fields: [tagId], references: [id]) // expect: unindexed-foreign-key", "@relation(fields: [tagId], references: [id])");
    await expectMarked(files, RULE);
  });

  it("a schema no scanned code queries is not judged", async () => {
    const files = project(blog("postgresql", ""), "export const nothing = 1;\n");
    await expectNone(files, RULE);
  });

  it("TypeORM: at the @ManyToOne property; an @Index on the relation covers it", async () => {
    const files = {
      "package.json": packageJson({ typeorm: "^0.3.20", pg: "^8.13.1" }),
      "tsconfig.json": TSCONFIG,
      "src/data-source.ts": "import { DataSource } from 'typeorm';\n\nexport const dataSource = new DataSource({ type: 'postgres', entities: [] as never[], synchronize: false });\n",
      "src/entities.ts": `import { Column, Entity, Index, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

@Entity()
export class Post {
  @PrimaryGeneratedColumn() id: number;
  @OneToMany(() => Comment, (comment) => comment.post) comments: Comment[];
}

@Entity()
export class Comment {
  @PrimaryGeneratedColumn() id: number;
  @ManyToOne(() => Post, (post) => post.comments) post: Post; // expect: unindexed-foreign-key
  @Index() @ManyToOne(() => Post) pinnedIn: Post;
  @Column() body: string;
}
`,
      "src/comments.ts": "import { dataSource } from './data-source';\nimport { Comment } from './entities';\n\nexport const one = (id: number) => dataSource.getRepository(Comment).findOneBy({ id });\n",
    };
    const result = await expectMarked(files, RULE);
    expect(findingObjects(result, RULE)[0]!.fix).toContain('`@Index(["post"])` to the Comment entity class');
  });

  it("TypeORM EntitySchema: at the relation's key in `relations`; an index in `indices` covers it, MySQL indexes it unless it has no constraint", async () => {
    const files = (type: string, relationExtra: string, indices: string) => ({
      "package.json": packageJson({ typeorm: "^0.3.20", pg: "^8.13.1", mysql2: "^3.11.0" }),
      "tsconfig.json": TSCONFIG,
      "src/data-source.ts": `import { DataSource } from 'typeorm';
import { PostSchema, CommentSchema } from './schemas';

export const dataSource = new DataSource({ type: '${type}', entities: [PostSchema, CommentSchema] });
`,
      "src/schemas.ts": `import { EntitySchema } from 'typeorm';

export const PostSchema = new EntitySchema<{ id: number; title: string }>({
  name: 'Post',
  columns: { id: { type: Number, primary: true, generated: true }, title: { type: String } },
});

export const CommentSchema = new EntitySchema<{ id: number; body: string }>({
  name: 'Comment',
  columns: { id: { type: Number, primary: true, generated: true }, body: { type: String } },
  relations: {
    post: { type: 'many-to-one', target: 'Post'${relationExtra} },
    author: { type: 'one-to-one', target: 'Post' },
  },
  indices: [${indices}],
});
`,
      "src/comments.ts": "import { dataSource } from './data-source';\nimport { CommentSchema } from './schemas';\n\nexport const one = (id: number) => dataSource.getRepository(CommentSchema).findOneBy({ id });\n",
    });
    const postgres = files("postgres", "", "");
    postgres["src/schemas.ts"] = postgres["src/schemas.ts"].replace("target: 'Post' },\n    author", "target: 'Post' }, // expect: unindexed-foreign-key\n    author");
    const result = await expectMarked(postgres, RULE);
    expect(findingObjects(result, RULE)[0]!.fix).toContain('Add `{ columns: ["post"] }` to the `indices` of the CommentSchema EntitySchema');
    await expectNone(files("postgres", "", "{ columns: ['post'] }"), RULE);
    await expectNone(files("mysql", "", ""), RULE);
    const unconstrained = files("mysql", ", createForeignKeyConstraints: false", "");
    unconstrained["src/schemas.ts"] = unconstrained["src/schemas.ts"].replace("createForeignKeyConstraints: false },", "createForeignKeyConstraints: false }, // expect: unindexed-foreign-key");
    await expectMarked(unconstrained, RULE);
  });

  it("Sequelize: at the association; the indexes option covers it", async () => {
    const files = {
      "package.json": packageJson({ sequelize: "^6.37.5", pg: "^8.13.1" }),
      "tsconfig.json": TSCONFIG,
      "src/models.ts": `import { DataTypes, Model, Sequelize } from 'sequelize';

export const sequelize = new Sequelize('postgres://localhost/blog');

export class Post extends Model {}
Post.init({ title: DataTypes.STRING }, { sequelize, modelName: 'Post' });

export class Comment extends Model {}
Comment.init({ body: DataTypes.TEXT, postId: DataTypes.INTEGER, authorId: DataTypes.INTEGER }, { sequelize, modelName: 'Comment', indexes: [{ fields: ['authorId'] }] });

Comment.belongsTo(Post, { foreignKey: 'postId' }); // expect: unindexed-foreign-key
Comment.belongsTo(Post, { foreignKey: 'authorId', as: 'author' });
`,
      "src/comments.ts": "import { Comment } from './models';\n\nexport const one = (id: number) => Comment.findByPk(id);\n",
    };
    await expectMarked(files, RULE);
  });
});
