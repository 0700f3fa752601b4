import { readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scan } from "../src/index.js";
import { actualFindings, expectedFindings } from "./support/markers.js";

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
const fixtures = readdirSync(fixturesDir).filter((name) => statSync(join(fixturesDir, name)).isDirectory());

describe("fixture projects: the scan reports exactly the inline `expect:` markers", () => {
  it("has fixtures for every ORM", () => {
    for (const orm of ["prisma", "typeorm", "sequelize"]) expect(fixtures.some((f) => f.startsWith(orm))).toBe(true);
  });

  for (const fixture of fixtures) {
    it(fixture, async () => {
      const cwd = join(fixturesDir, fixture);
      const result = await scan({ cwd });
      const expected = await expectedFindings(cwd);
      const actual = actualFindings(result.findings);
      const missing = expected.filter((e) => !actual.includes(e));
      const extra = actual.filter((a) => !expected.includes(a));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      expect(expected.length).toBeGreaterThan(0);
    });
  }

  it("scanning all fixtures at once reports the union of the per-fixture scans (no cross-project leakage)", async () => {
    const repoRoot = join(fixturesDir, "..");
    const together = await scan({ cwd: repoRoot, paths: ["fixtures"] });
    const separately: string[] = [];
    for (const fixture of fixtures) {
      const expected = await expectedFindings(join(fixturesDir, fixture));
      separately.push(...expected.map((e) => `fixtures/${fixture}/${e}`));
    }
    expect(actualFindings(together.findings)).toEqual(separately.sort());
  });
});
