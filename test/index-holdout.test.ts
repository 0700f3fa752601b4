import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scan } from "../src/index.js";
import { actualFindings, expectedFindings } from "./support/markers.js";

// Blind holdout set 4 (docs/holdout-index.md): only the index rules are marked, so only they are compared.
const INDEX_RULES = new Set(["unindexed-filter", "unindexed-foreign-key"]);
const holdoutDir = join(dirname(fileURLToPath(import.meta.url)), "fixtures-index");
const projects = readdirSync(holdoutDir).filter((name) => statSync(join(holdoutDir, name)).isDirectory());

describe("index-rule holdout projects: the scan reports exactly the inline index-rule markers", () => {
  it("covers every ORM", () => {
    for (const orm of ["prisma", "typeorm", "sequelize"]) expect(projects.some((p) => p.includes(orm))).toBe(true);
  });

  for (const project of projects) {
    it(project, async () => {
      const cwd = join(holdoutDir, project);
      const result = await scan({ cwd });
      const expected = (await expectedFindings(cwd)).filter((e) => INDEX_RULES.has(e.split(" ")[1]!));
      const actual = actualFindings(result.findings.filter((f) => INDEX_RULES.has(f.ruleId)));
      expect({ missing: expected.filter((e) => !actual.includes(e)), extra: actual.filter((a) => !expected.includes(a)) }).toEqual({ missing: [], extra: [] });
      expect(expected.length).toBeGreaterThan(0);
    });
  }
});
