import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scan } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "perf-scan-chain-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("long provenance chains", () => {
  it("a parameter passed on through 600 functions in a ring of files costs no file its findings (it overflowed the stack)", async () => {
    const count = 600;
    mkdirSync(join(dir, "src"), { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "ring", dependencies: { "@prisma/client": "^6.0.0" } }));
    writeFileSync(join(dir, "src", "db.ts"), 'import { PrismaClient } from "@prisma/client";\nexport const prisma = new PrismaClient();\n');
    for (let i = 0; i < count; i++) {
      const next = (i + 1) % count;
      writeFileSync(
        join(dir, "src", `step-${i}.ts`),
        `import { step${next} } from "./step-${next}";\nimport { prisma } from "./db";\n\nexport async function step${i}(users: { id: number }[]): Promise<void> {\n  for (const user of users) await prisma.post.findMany({ where: { authorId: user.id } });\n  await step${next}(users.slice(1));\n}\n`,
      );
    }
    const result = await scan({ cwd: dir });
    expect(result.errors.filter((error) => error.kind === "internal")).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId === "n-plus-one")).toHaveLength(count);
  });
});
