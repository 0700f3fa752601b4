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

describe("type-checker provenance from a program built elsewhere (the ESLint plugin's, any TypeScript version)", () => {
  it("a TypeScript 5.9 program answers the engine's type questions, with the same findings", async () => {
    const { createRequire } = await import("node:module");
    const ts59 = createRequire(import.meta.url)("typescript-5.9") as typeof import("typescript");
    expect(ts59.version).toMatch(/^5\.9\./);
    const config = ts59.getParsedCommandLineOfConfigFile(join(fixture, "tsconfig.json"), {}, { ...ts59.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const program = ts59.createProgram({ rootNames: config.fileNames, options: config.options });
    let questions = 0;
    const checker = program.getTypeChecker();
    const counting = new Proxy(program, {
      get(target, key, receiver) {
        if (key === "getTypeChecker") {
          return () => new Proxy(checker, { get: (c, k) => (k === "getTypeAtLocation" ? (...args: Parameters<typeof checker.getTypeAtLocation>) => (questions++, c.getTypeAtLocation(...args)) : Reflect.get(c, k)) });
        }
        return Reflect.get(target, key, receiver);
      },
    });
    const { scanSync } = await import("../src/index.js");
    const withProgram = scanSync({ cwd: fixture, typeProgram: counting });
    const own = await scan({ cwd: fixture });
    expect(questions).toBeGreaterThan(0);
    expect(actualFindings(withProgram.findings)).toEqual(actualFindings(own.findings));
    expect(withProgram.findings.find((f) => f.ruleId === "n-plus-one")?.model).toBe("Post");
  });
});
