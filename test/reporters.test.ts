import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRules, ruleIds } from "../rules/index.js";
import { reporters } from "../src/reporters/index.js";
import type { Finding, ScanResult } from "../src/types.js";
import { resultSchemaPath, resultValidator, sarifValidator, validationErrors } from "./fixtures-cli/validators.js";

const ANSI = /\u001b\[\d+(;\d+)*m/;

const USERS_TS = [
  'import { prisma } from "../db";', // 1
  "export async function listUsers() {", // 2
  "  const users = await prisma.user.findMany();", // 3
  "  for (const user of users) {", // 4
  "    user.posts = await prisma.post.findMany({ where: { authorId: user.id } });", // 5
  "  }", // 6
  "  return users;", // 7
  "}", // 8
].join("\n");

const STATS_TS = ["export async function revenue(orders: Repo) {", "\tconst rows = await orders.find();", "\treturn rows.reduce((sum, o) => sum + o.amount, 0);", "}"].join("\n");

let root: string;

function finding(overrides: Partial<Finding> & Pick<Finding, "ruleId" | "file" | "line" | "column">): Finding {
  return {
    severity: "warning",
    confidence: "high",
    orm: "prisma",
    model: null,
    operation: null,
    message: "Something is slow",
    fix: "Do the fast thing.",
    endLine: overrides.line,
    endColumn: overrides.column + 1,
    queryCount: null,
    related: [],
    rank: 1,
    impact: { score: 1, estimatedQueries: null, estimatedRows: null, hotPath: false, endpoint: null, effort: "low", confidence: "high" },
    ...overrides,
  };
}

function sampleResult(): ScanResult {
  const findings: Finding[] = [
    finding({
      ruleId: "n-plus-one",
      file: "src/routes/users.ts",
      line: 5,
      column: 24,
      endColumn: 78,
      model: "post",
      operation: "findMany",
      message: "prisma.post.findMany runs once per user (N+1)",
      fix: "Load the posts with the users: prisma.user.findMany({ include: { posts: true } }).",
      queryCount: "1 + N",
      rank: 1,
      impact: { score: 60, estimatedQueries: "1 + N (N = rows of User (∝ table size))", estimatedRows: null, hotPath: true, endpoint: "GET /users", effort: "medium", confidence: "high" },
      related: [
        { message: "the loop over users", file: "src/routes/users.ts", line: 4, column: 3, endLine: 6, endColumn: 4 },
        { message: "the helper that runs the query", file: "src/lib/load posts.ts", line: 2, column: 10, endLine: 2, endColumn: 20 },
      ],
    }),
    finding({
      ruleId: "unbounded-query",
      severity: "note",
      file: "src/routes/users.ts",
      line: 3,
      column: 23,
      endColumn: 46,
      message: "findMany without take",
      fix: "Add take.",
      rank: 2,
      impact: { score: 12, estimatedQueries: null, estimatedRows: "∝ rows of User", hotPath: true, endpoint: "GET /users", effort: "low", confidence: "high" },
    }),
    finding({
      ruleId: "in-memory-aggregation",
      severity: "error",
      orm: "typeorm",
      file: "src/services/stats.ts",
      line: 3,
      column: 9,
      endColumn: 51,
      message: "Sums every order in memory",
      fix: "Use SUM in the query.",
      rank: 3,
      impact: { score: 9, estimatedQueries: null, estimatedRows: "∝ rows of Order", hotPath: false, endpoint: null, effort: "high", confidence: "high" },
    }),
    finding({ ruleId: "count-via-length", file: "src/gone.ts", line: 10, column: 1, message: "Counts rows with .length", fix: "Use count().", rank: 4 }),
  ];
  return {
    tool: { name: "perf-scan", version: "1.2.3" },
    root,
    summary: {
      files: 7,
      findings: findings.length,
      byRule: { "n-plus-one": 1, "unbounded-query": 1, "in-memory-aggregation": 1, "count-via-length": 1 },
      durationMs: 42,
      orms: ["prisma", "typeorm"],
      frameworks: ["express"],
    },
    findings,
    bottlenecks: [{ name: "GET /users", file: "src/routes/users.ts", line: 2, score: 72, findings: [1, 2] }],
    suppressed: [],
    errors: [{ file: "src/broken.ts", kind: "parse", message: "could not parse (';' expected)" }],
  };
}

function emptyResult(): ScanResult {
  return { ...sampleResult(), findings: [], bottlenecks: [], suppressed: [], errors: [], summary: { ...sampleResult().summary, files: 3, findings: 0, byRule: {} } };
}

function writeSource(file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "perf-scan-reporters-"));
  writeSource("src/routes/users.ts", USERS_TS);
  writeSource("src/services/stats.ts", STATS_TS);
  // src/gone.ts is deliberately absent: the code frame must be skipped, not crash.
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("pretty reporter (the ranked quick-wins report)", () => {
  const output = () => reporters.pretty(sampleResult(), { color: false });

  it("starts with a header: files, ORMs, frameworks and duration", () => {
    expect(output().split("\n")[0]).toBe("perf-scan 1.2.3: 7 files scanned, ORMs: prisma, typeorm, frameworks: express, 42ms");
  });

  it("names the critical bottleneck with its findings", () => {
    const lines = output().split("\n");
    const heading = lines.indexOf("Critical bottleneck");
    expect(heading).toBeGreaterThan(0);
    expect(lines[heading + 1]).toBe("  GET /users  src/routes/users.ts:2");
    expect(lines[heading + 2]).toBe("    2 findings (#1, #2), impact 72");
  });

  it("numbers quick wins by rank (low and medium effort), then the medium tier", () => {
    const lines = output().split("\n");
    const quick = lines.indexOf("Quick wins");
    const medium = lines.indexOf("Medium priority");
    expect(quick).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(quick);
    const numbered = lines.filter((line) => /^\d+\. /.test(line));
    expect(numbered.map((line) => line.split(" ")[0])).toEqual(["1.", "2.", "4.", "3."]);
    // The high-effort aggregation is not a quick win: it heads the medium tier.
    expect(lines.findIndex((line) => line.startsWith("3. Aggregating rows in JavaScript"))).toBeGreaterThan(medium);
    expect(lines).toContain("1. N+1 query in GET /users  n-plus-one, effort medium, confidence high");
  });

  it("prints location, message, expected effect, fix and related places for each detailed finding", () => {
    const text = output();
    expect(text).toContain("    src/routes/users.ts:5:24  warning");
    expect(text).toContain("    prisma.post.findMany runs once per user (N+1)");
    expect(text).toContain("    effect: ≈ 1 + N queries per request → 2; N = rows of User (∝ table size)");
    expect(text).toContain("    effect: reads ∝ rows of User per request → one page");
    expect(text).toContain("    fix: Load the posts with the users: prisma.user.findMany({ include: { posts: true } }).");
    expect(text).toContain("    related: src/routes/users.ts:4:3  the loop over users");
    expect(text).toContain("    related: src/lib/load posts.ts:2:10  the helper that runs the query");
  });

  it("--top keeps the best-ranked findings and says how many it left out", () => {
    const text = reporters.pretty(sampleResult(), { color: false, top: 2 });
    expect(text).toContain("1. N+1 query");
    expect(text).toContain("2. Unbounded query");
    expect(text).not.toContain("3. Aggregating");
    expect(text).toContain("2 more findings not shown (--top).");
  });

  it("shows a three-line code frame with a caret under the reported range", () => {
    const lines = output().split("\n");
    const target = lines.findIndex((line) => line.includes("> 5 |"));
    expect(lines[target - 1]).toMatch(/^ +4 \| {3}for \(const user of users\) \{$/);
    expect(lines[target]).toContain("user.posts = await prisma.post.findMany");
    expect(lines[target + 2]).toMatch(/^ +6 \| {3}\}$/);
    const caretRow = lines[target + 1]!;
    const codeStart = lines[target]!.indexOf("| ") + 2;
    expect(caretRow.indexOf("^")).toBe(codeStart + 24 - 1);
    expect(caretRow.trim().replace(/^\|\s*/, "")).toBe("^".repeat(78 - 24));
    expect(lines[target]!.slice(codeStart + 23, codeStart + 29)).toBe("prisma");
  });

  it("keeps tabs in the caret padding so it lines up under tab-indented code", () => {
    const caretRow = output()
      .split("\n")
      .find((line, index, all) => all[index - 1]?.includes("> 3 |") && all[index - 1]?.includes("rows.reduce"));
    expect(caretRow).toMatch(/\| \t {7}\^+$/);
  });

  it("tolerates a finding whose file cannot be read (no frame, everything else)", () => {
    const lines = output().split("\n");
    const location = lines.indexOf("    src/gone.ts:10:1  warning");
    expect(location).toBeGreaterThan(0);
    expect(lines[location + 1]).toBe("    Counts rows with .length");
    expect(lines[location + 3]).toBe("    fix: Use count().");
  });

  it("ends with a summary and counts by rule", () => {
    const text = output();
    expect(text).toContain("4 findings (1 error, 2 warnings, 1 note) in 7 files, 42ms");
    expect(text).toMatch(/^ {2}n-plus-one +1$/m);
    expect(text).toMatch(/^ {2}in-memory-aggregation +1$/m);
    expect(text).toContain("1 file could not be analysed");
    expect(text.endsWith("\n")).toBe(true);
  });

  it("does not count environment notes (no node_modules, no tsconfig) as files that could not be analysed", () => {
    const result = sampleResult();
    const withNoteOnly: ScanResult = { ...result, errors: [{ file: ".", kind: "environment", message: "no tsconfig.json found: tsconfig path aliases are not applied" }] };
    expect(reporters.pretty(withNoteOnly, { color: false })).not.toContain("could not be analysed");
  });

  it("says clearly when nothing was found", () => {
    const text = reporters.pretty(emptyResult(), { color: false });
    expect(text).toBe("No database performance problems found in 3 files.\n");
  });

  it("uses ANSI colours only when asked", () => {
    expect(output()).not.toMatch(ANSI);
    expect(reporters.pretty(emptyResult(), { color: false })).not.toMatch(ANSI);
    const colored = reporters.pretty(sampleResult(), { color: true });
    expect(colored).toMatch(ANSI);
    // Same text once the colours are stripped.
    expect(colored.replace(/\u001b\[\d+(;\d+)*m/g, "")).toBe(output());
  });
});

describe("json reporter", () => {
  const parsed = () => JSON.parse(reporters.json(sampleResult(), { color: false })) as Record<string, unknown>;

  it("is the result without root, indented by two spaces", () => {
    const text = reporters.json(sampleResult(), { color: false });
    expect(Object.keys(parsed())).toEqual(["tool", "summary", "findings", "bottlenecks", "suppressed", "errors"]);
    expect(text).not.toContain(root);
    expect(text.split("\n")[1]).toBe('  "tool": {');
    const { root: _root, ...rest } = sampleResult();
    expect(parsed()).toEqual(rest);
  });

  it("validates against schema/perf-scan-result.schema.json", () => {
    const validate = resultValidator();
    expect(validationErrors(validate, parsed())).toEqual([]);
    expect(validationErrors(validate, JSON.parse(reporters.json(emptyResult(), { color: false })))).toEqual([]);
  });

  it("has a schema strict enough to catch drift", () => {
    const validate = resultValidator();
    const withRoot = { ...parsed(), root: "/tmp" };
    expect(validate(withRoot)).toBe(false);
    const badRule = parsed();
    (badRule.findings as Finding[])[0]!.ruleId = "n-plus-two" as Finding["ruleId"];
    expect(validate(badRule)).toBe(false);
    const extraField = parsed();
    (extraField.findings as Record<string, unknown>[])[0]!.extra = 1;
    expect(validate(extraField)).toBe(false);
    const missingFix = parsed();
    delete (missingFix.findings as Partial<Finding>[])[0]!.fix;
    expect(validate(missingFix)).toBe(false);
  });

  it("lists exactly the rule ids the registry has", () => {
    const schema = JSON.parse(readFileSync(resultSchemaPath, "utf8")) as { $defs: { ruleId: { enum: string[] } } };
    expect([...schema.$defs.ruleId.enum].sort()).toEqual([...ruleIds].sort());
  });
});

describe("sarif reporter", () => {
  type SarifLog = {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: Record<string, unknown> & { rules: Record<string, any>[] } };
      originalUriBaseIds: Record<string, { uri: string }>;
      results: Record<string, any>[];
    }[];
  };
  const sarif = (result = sampleResult()) => JSON.parse(reporters.sarif(result, { color: false })) as SarifLog;

  it("validates against the OASIS SARIF 2.1.0 schema", () => {
    const validate = sarifValidator();
    expect(validationErrors(validate, sarif())).toEqual([]);
    expect(validationErrors(validate, sarif(emptyResult()))).toEqual([]);
  });

  it("describes every rule in tool.driver", () => {
    const log = sarif();
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: "perf-scan", version: "1.2.3", semanticVersion: "1.2.3" });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((rule) => rule.id)).toEqual([...ruleIds]);
    for (const [index, { meta }] of allRules.entries()) {
      expect(driver.rules[index]).toMatchObject({
        id: meta.id,
        shortDescription: { text: meta.title },
        fullDescription: { text: meta.description },
        helpUri: meta.docsUrl,
        defaultConfiguration: { level: meta.defaultSeverity },
        properties: { tags: ["performance", "database", meta.id], "problem.severity": meta.defaultSeverity === "note" ? "recommendation" : meta.defaultSeverity },
      });
      expect(["high", "medium"]).toContain(driver.rules[index]!.properties.precision);
      expect(driver.rules[index]!.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      // help comes from the rule's doc page
      const doc = readFileSync(join(process.cwd(), "docs", "rules", `${meta.id}.md`), "utf8");
      expect(driver.rules[index]!.help.markdown).toBe(doc);
      expect(driver.rules[index]!.help.text.length).toBeGreaterThan(200);
      expect(driver.rules[index]!.help.text).not.toContain("```");
    }
    expect(JSON.stringify(log)).not.toContain("security-severity");
  });

  it("reports each finding with its rule, level, message, fix and relative location", () => {
    const run = sarif().runs[0]!;
    const rules = run.tool.driver.rules;
    expect(run.results).toHaveLength(4);
    for (const result of run.results) expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);

    const nPlusOne = run.results.find((result) => result.ruleId === "n-plus-one")!;
    expect(nPlusOne.level).toBe("warning");
    expect(nPlusOne.message.text).toBe(
      "prisma.post.findMany runs once per user (N+1). See [the loop over users](1) and [the helper that runs the query](2). Fix: Load the posts with the users: prisma.user.findMany({ include: { posts: true } }).",
    );
    expect(nPlusOne.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "src/routes/users.ts", uriBaseId: "%SRCROOT%" },
      region: { startLine: 5, startColumn: 24, endLine: 5, endColumn: 78 },
    });
    expect(nPlusOne.relatedLocations).toEqual([
      {
        id: 1,
        message: { text: "the loop over users" },
        physicalLocation: { artifactLocation: { uri: "src/routes/users.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 4, startColumn: 3, endLine: 6, endColumn: 4 } },
      },
      {
        id: 2,
        message: { text: "the helper that runs the query" },
        physicalLocation: { artifactLocation: { uri: "src/lib/load%20posts.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 2, startColumn: 10, endLine: 2, endColumn: 20 } },
      },
    ]);
    expect(nPlusOne.properties).toMatchObject({ rank: 1, confidence: "high", orm: "prisma", model: "post", operation: "findMany", queryCount: "1 + N" });
    expect(nPlusOne.properties.impact).toMatchObject({ score: 60, hotPath: true, endpoint: "GET /users", effort: "medium" });
    expect(run.results.find((result) => result.ruleId === "in-memory-aggregation")!.level).toBe("error");
    expect(run.results.find((result) => result.ruleId === "unbounded-query")!.level).toBe("note");
  });

  it("resolves %SRCROOT% to the scan root", () => {
    const run = sarif().runs[0]!;
    expect(run.originalUriBaseIds["%SRCROOT%"]!.uri).toBe(`${pathToFileURL(root).href}/`);
    for (const result of run.results) {
      const { uri, uriBaseId } = result.locations[0].physicalLocation.artifactLocation;
      expect(uriBaseId).toBe("%SRCROOT%");
      expect(uri).not.toMatch(/^(\/|file:)/);
    }
  });

  it("fingerprints with codeql-action's primaryLocationLineHash, which survives lines inserted above", () => {
    const fingerprintOf = (log: SarifLog, ruleId: string) => log.runs[0]!.results.find((result) => result.ruleId === ruleId)!.partialFingerprints;
    const before = sarif();
    const original = fingerprintOf(before, "n-plus-one");
    expect(Object.keys(original)).toEqual(["primaryLocationLineHash"]);
    expect(original.primaryLocationLineHash).toMatch(/^[0-9a-f]+:1$/);
    expect(fingerprintOf(before, "unbounded-query")).not.toEqual(original);
    // A finding in a file that cannot be read gets no fingerprint (GitHub computes one itself).
    expect(before.runs[0]!.results.find((result) => result.ruleId === "count-via-length")!.partialFingerprints).toBeUndefined();

    // Two lines inserted above and re-indented: the finding moves, its fingerprint does not.
    const moved = sampleResult();
    const movedFinding = moved.findings.find((f) => f.ruleId === "n-plus-one")!;
    movedFinding.line += 2;
    movedFinding.endLine += 2;
    const shifted = USERS_TS.split("\n");
    shifted.splice(1, 0, "// a comment", "// another");
    shifted[6] = `  ${shifted[6]}`;
    writeSource("src/routes/users.ts", shifted.join("\n"));
    try {
      expect(fingerprintOf(sarif(moved), "n-plus-one")).toEqual(original);
      // The same position with different code is a different fingerprint.
      expect(fingerprintOf(sarif(), "n-plus-one")).not.toEqual(original);
    } finally {
      writeSource("src/routes/users.ts", USERS_TS);
    }
  });

  it("sets automationDetails.id from the category, and leaves it out without one", () => {
    const withCategory = JSON.parse(reporters.sarif(sampleResult(), { color: false, category: "perf-scan/api" })) as { runs: Record<string, unknown>[] };
    expect(withCategory.runs[0]!.automationDetails).toEqual({ id: "perf-scan/api/" });
    expect(sarif().runs[0]).not.toHaveProperty("automationDetails");
    expect(validationErrors(sarifValidator(), withCategory)).toEqual([]);
  });

  it("reports files that could not be analysed as tool notifications", () => {
    const invocation = (sarif().runs[0] as unknown as { invocations: Record<string, any>[] }).invocations[0]!;
    expect(invocation.executionSuccessful).toBe(true);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: "warning",
        message: { text: "src/broken.ts: could not parse (';' expected)" },
        locations: [{ physicalLocation: { artifactLocation: { uri: "src/broken.ts", uriBaseId: "%SRCROOT%" } } }],
        properties: { kind: "parse" },
      },
    ]);
  });
});

describe("markdown reporter", () => {
  const output = (options: { top?: number } = {}) => reporters.markdown(sampleResult(), { color: false, ...options });

  it("has a heading, the scan line, the bottleneck table, numbered quick wins and a summary table", () => {
    const text = output();
    const lines = text.split("\n");
    expect(lines[0]).toBe("## perf-scan");
    expect(lines[2]).toBe("7 files scanned · ORMs: prisma, typeorm · frameworks: express · 42 ms");
    expect(text).toContain("| **GET /users** (`src/routes/users.ts:2`) | #1, #2 | 72 |");
    const quick = lines.indexOf("### Quick wins");
    const medium = lines.indexOf("### Medium priority");
    expect(quick).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(quick);
    expect(lines[quick + 2]).toMatch(/^<details open><summary><b>1\. N\+1 query in GET \/users<\/b> · <code>src\/routes\/users\.ts:5<\/code>/);
    expect(text).toContain("- **Effect:** ≈ 1 + N queries per request → 2; N = rows of User (∝ table size)");
    expect(text).toContain("| [`n-plus-one`](https://github.com/perf-scan/perf-scan/blob/main/docs/rules/n-plus-one.md) | 1 |");
    expect(text).toContain("| **Total** | **4** |");
    expect(text).toContain("1 file could not be analysed.");
  });

  it("keeps every <details> balanced and every table row the width of its header", () => {
    const text = output();
    expect(text.match(/<details/g)?.length).toBe(text.match(/<\/details>/g)?.length);
    let columns = 0;
    for (const line of text.split("\n")) {
      if (!line.startsWith("|")) {
        columns = 0;
        continue;
      }
      const cells = line.replace(/\\\|/g, "").split("|").length - 2;
      if (columns === 0) columns = cells;
      expect(cells).toBe(columns);
    }
  });

  it("escapes pipes in table cells", () => {
    const result = sampleResult();
    const many = Array.from({ length: 20 }, (_, index) => ({ ...result.findings[3]!, rank: index + 5, message: "a | b", line: index + 1 }));
    const text = reporters.markdown({ ...result, findings: [...result.findings, ...many] }, { color: false });
    expect(text).toContain("a \\| b");
  });

  it("stays under GitHub's 1 MiB step summary limit by truncating with a note", () => {
    const result = sampleResult();
    const huge = Array.from({ length: 20_000 }, (_, index) => ({ ...result.findings[3]!, rank: index + 5, line: index + 1, message: "x".repeat(80) }));
    const text = reporters.markdown({ ...result, findings: [...result.findings, ...huge] }, { color: false });
    expect(Buffer.byteLength(text, "utf8")).toBeLessThan(1024 * 1024);
    expect(text).toContain("**Truncated:**");
    expect(text).toContain("### Summary");
    // The table is cut row by row, not dropped whole, and the details it opened are closed.
    expect(text.match(/^\| \d+ \| /gm)!.length).toBeGreaterThan(1000);
    expect(text.match(/<details/g)?.length).toBe(text.match(/<\/details>/g)?.length);
  });

  it("says so when nothing was found", () => {
    expect(reporters.markdown(emptyResult(), { color: false })).toBe("## perf-scan\n\n3 files scanned · ORMs: prisma, typeorm · frameworks: express · 42 ms\n\nNo database performance problems found.\n");
  });
});
