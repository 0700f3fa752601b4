import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseSchemasAside } from "../src/engine/schema-parse-aside.js";

const bin = resolve(dirname(fileURLToPath(import.meta.url)), "..", "bin", "perf-scan.js");
const { getSchema } = createRequire(import.meta.url)("@mrleebo/prisma-ast") as { getSchema(text: string): { list: unknown[] } };
const SCHEMA = 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n\nmodel Merchant {\n  id Int @id\n  orders Order[]\n}\n\nmodel Order {\n  id Int @id\n  merchantId Int\n  merchant Merchant @relation(fields: [merchantId], references: [id])\n}\n';

const dir = mkdtempSync(join(tmpdir(), "perf-scan-jobs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--jobs", () => {
  it("parses schemas on a second thread with the same result as the parser itself, and leaves broken ones to the caller", () => {
    const aside = parseSchemasAside([SCHEMA, "model Broken {"], 1000);
    // One core: no thread is worth starting, and the scan parses the schema itself.
    if (availableParallelism() < 2) return expect(aside).toBeNull();
    if (!aside) throw new Error("expected a thread on a machine with two cores or more");
    const [good, broken] = aside.take();
    expect(JSON.stringify(good)).toBe(JSON.stringify(getSchema(SCHEMA).list));
    expect(broken).toBeNull();
  });

  it("stays on one thread for small scans, where a thread costs more than it saves", () => {
    expect(parseSchemasAside([SCHEMA], 10)).toBeNull();
  });

  it("prints the same report with 1 thread and with several, on a project big enough to use them", () => {
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write("package.json", JSON.stringify({ name: "shop", dependencies: { "@prisma/client": "^6.0.0" } }));
    write("prisma/schema.prisma", SCHEMA);
    write("src/db.ts", 'import { PrismaClient } from "@prisma/client";\nexport const prisma = new PrismaClient();\n');
    for (let i = 0; i < 220; i++) {
      write(
        `src/reports/report-${i}.ts`,
        `import { prisma } from "../db";\n\nexport async function report${i}() {\n  const merchants = await prisma.merchant.findMany({ take: 20 });\n  for (const merchant of merchants) {\n    await prisma.order.findMany({ where: { merchantId: merchant.id } });\n  }\n}\n`,
      );
    }
    const run = (jobs: string) => spawnSync(process.execPath, [bin, dir, "--format", "json", "--fail-on", "none", "--jobs", jobs], { encoding: "utf8" });
    const one = run("1");
    const two = run("2");
    expect(one.status).toBe(0);
    const findings = (JSON.parse(one.stdout) as { summary: { findings: number } }).summary.findings;
    expect(findings).toBeGreaterThanOrEqual(220);
    const withoutTiming = (text: string) => text.replace(/"durationMs": ?\d+/, '"durationMs": 0');
    expect(withoutTiming(two.stdout)).toBe(withoutTiming(one.stdout));
    expect(two.stderr).toBe(one.stderr);
  });

  it("rejects a count that is not a whole number of at least 1", () => {
    for (const bad of ["0", "-2", "1.5", "many"]) {
      const run = spawnSync(process.execPath, [bin, dir, "--jobs", bad], { encoding: "utf8" });
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toContain("--jobs needs a whole number of at least 1");
    }
  });
});
