import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scan } from "../src/index.js";
import { actualFindings, expectedFindings } from "./support/markers.js";

const fixture = join(dirname(fileURLToPath(import.meta.url)), "fixtures-typed", "prisma-installed");

describe("type-checker provenance (ORM installed in node_modules)", () => {
  it("recognises a client exported by an installed package, and nothing that only looks like one", async () => {
    const result = await scan({ cwd: fixture });
    expect(actualFindings(result.findings)).toEqual(await expectedFindings(fixture));
    const nPlusOne = result.findings.find((f) => f.ruleId === "n-plus-one");
    expect(nPlusOne?.confidence).toBe("high");
    expect(nPlusOne?.model).toBe("Post");
  });

  it("does not guess without types: the same code with no node_modules reports nothing", async () => {
    const copy = mkdtempSync(join(tmpdir(), "perf-scan-untyped-"));
    try {
      cpSync(fixture, copy, { recursive: true, filter: (source) => !source.includes("node_modules") });
      const result = await scan({ cwd: copy });
      expect(result.findings).toEqual([]);
      expect(result.errors.map((e) => e.kind)).toEqual(["environment"]);
      expect(result.errors[0]?.message).toContain("no ORM package in node_modules");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
