import { describe, it } from "vitest";
import { expectMarked, expectNone, prismaProject, sequelizeProject } from "../support/project.js";

// Shapes found wrong in the real-repository review (2026-12-02), each a general mechanism.
describe("shapes that are not the anti-pattern they look like", () => {
  it("unbounded-query: a read inside a DataLoader batch function is bounded by the batch's keys", async () => {
    await expectMarked(
      {
        ...sequelizeProject("express"),
        "src/loaders.ts": `import DataLoader from 'dataloader';
import { Post } from './models';

export const postsByAuthor = () =>
  new DataLoader(async (authorIds: readonly number[]) => {
    const posts = await Post.findAll({ where: { published: true } });
    return authorIds.map((id) => posts.filter((p) => p.authorId === id));
  });

export async function allPublished() {
  return Post.findAll({ where: { published: true } }); // expect: unbounded-query
}
`,
      },
      "unbounded-query",
    );
  });

  it("files under a disabled/ directory do not run, so they are not reported", async () => {
    await expectNone(
      {
        ...prismaProject("none"),
        "src/cron/disabled/reminders.ts": `import { prisma } from '../../db';

export async function remind() {
  const users = await prisma.user.findMany({ where: { active: true } });
  for (const user of users) await prisma.post.count({ where: { authorId: user.id } });
}
`,
      },
      "n-plus-one",
    );
  });

  it("select-star: reading dataValues or toJSON() uses the whole record, not one column", async () => {
    await expectMarked(
      {
        ...sequelizeProject("express"),
        "src/report.ts": `import { Post } from './models';

export async function snapshot() {
  const posts = await Post.findAll({ where: { authorId: 7 }, limit: 100 });
  const values = posts.map((p) => p.dataValues);
  return values.length;
}

export async function titles() {
  const posts = await Post.findAll({ where: { authorId: 7 }, limit: 100 }); // expect: select-star
  const found = posts.map((p) => p.title);
  return found.join(',');
}
`,
      },
      "select-star",
    );
  });

  it("n-plus-one: a query behind an equality of the element's id or key with a constant runs once, a status test does not", async () => {
    await expectMarked(
      {
        ...prismaProject("none"),
        "src/sync.ts": `import { prisma } from './db';

const HOUSE_ACCOUNT_ID = 1;

export async function settle(config: Record<string, boolean>) {
  const users = await prisma.user.findMany({ where: { active: true } });
  for (const user of users) {
    if (user.id === HOUSE_ACCOUNT_ID) {
      await prisma.post.count({ where: { authorId: user.id } });
    }
    if (user.role === 'ADMIN') {
      await prisma.post.count({ where: { authorId: user.id } }); // expect: n-plus-one
    }
    if (user.authorId === HOUSE_ACCOUNT_ID) {
      await prisma.post.count({ where: { authorId: user.id } }); // expect: n-plus-one
    }
  }
  for (const key of Object.keys(config)) {
    if (key === 'posts') await prisma.post.deleteMany({ where: { published: false } });
  }
}
`,
      },
      "n-plus-one",
    );
  });
});
