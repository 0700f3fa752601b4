import { describe, expect, it } from "vitest";
import { PRISMA_SCHEMA, expectMarked, findingsOf, packageJson, scanProject, TSCONFIG } from "./support/project.js";

// A monorepo whose database package names its entry points only in `exports` (no main, types or index file).
function monorepo(exportsField: unknown): Record<string, string> {
  return {
    "package.json": JSON.stringify({ name: "acme", private: true, workspaces: ["packages/*", "apps/*"] }),
    "packages/db/package.json": JSON.stringify({ name: "@acme/db", private: true, exports: exportsField, dependencies: { "@prisma/client": "^5.22.0" } }),
    "packages/db/prisma/schema.prisma": PRISMA_SCHEMA,
    "packages/db/src/client.ts": `import { PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient();
`,
    "packages/db/src/queries/posts.ts": `import { prisma } from '../client';

export function latestPostOf(authorId: number) {
  return prisma.post.findFirst({ where: { authorId }, orderBy: { createdAt: 'desc' } });
}
`,
    "apps/api/package.json": packageJson({ "@acme/db": "workspace:*", express: "^4.21.2" }, "api"),
    "apps/api/tsconfig.json": TSCONFIG,
    "apps/api/src/feed.ts": `import { prisma } from '@acme/db';
import { latestPostOf } from '@acme/db/queries/posts';

export async function feed(userIds: number[]) {
  const names: string[] = [];
  for (const id of userIds) {
    const user = await prisma.user.findFirst({ where: { id } }); // expect: n-plus-one
    const post = await latestPostOf(id); // expect: n-plus-one
    names.push(\`\${user?.name}: \${post?.title}\`);
  }
  return names;
}
`,
  };
}

describe("workspace packages resolved through their package.json exports", () => {
  it.each([
    ["a string per entry", { ".": "./src/client.ts", "./queries/*": "./src/queries/*.ts" }],
    ["import and require conditions only", { ".": { import: "./src/client.ts", require: "./src/client.ts" }, "./queries/*": { import: "./src/queries/*.ts" } }],
    ["type conditions naming the sources, beside a build that is not there", { ".": { types: "./src/client.ts", import: "./dist/client.js" }, "./queries/*": { types: "./src/queries/*.ts", default: "./dist/queries/*.js" } }],
  ])("%s", async (_case, exportsField) => {
    await expectMarked(monorepo(exportsField), "n-plus-one");
  });

  it("an entry the map does not export falls back to the package's conventional places, without an error", async () => {
    const files = monorepo({ "./other": "./src/other.ts" });
    // Only the subpath import: `@acme/db` itself has no conventional entry (no main, no index), so it stays a package.
    files["apps/api/src/feed.ts"] = files["apps/api/src/feed.ts"]!.replace("import { prisma } from '@acme/db';\n", "").replace(
      "    const user = await prisma.user.findFirst({ where: { id } }); // expect: n-plus-one\n",
      "    const user = { name: String(id) };\n",
    );
    const result = await scanProject(files);
    expect(findingsOf(result, "n-plus-one")).toEqual(["apps/api/src/feed.ts:7 n-plus-one"]);
    expect(result.errors.filter((error) => error.kind === "internal")).toEqual([]);
  });
});
