// The GitHub integration: .github/workflows/perf-scan.yml and action.yml. The first test runs
// scripts/check-github-workflow.sh, which executes their commands offline on fixtures/prisma-express
// (it needs the build, which `npm test` does first); the others read the two YAML files line by line.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const WORKFLOW = ".github/workflows/perf-scan.yml";
const ACTION = "action.yml";

interface Entry {
  /** Keys from the top, list items as their index: `jobs.scan.steps.3.with.category`. */
  path: string;
  /** The scalar, without surrounding quotes; "" for a block scalar (`|`, `>`). */
  value: string;
  line: number;
}

/**
 * A tiny line-based reading of the block-style YAML these files use: nested mappings, `- ` list items,
 * inline scalars and block scalars (whose lines are skipped). No flow collections beyond a scalar's text,
 * no anchors, no multi-document files. Enough to check settings without a YAML dependency.
 */
function yamlEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  const open: { indent: number; key: string }[] = [];
  const nextIndex = new Map<string, number>();
  let blockScalarIndent = -1;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (/^\s*(#.*)?$/.test(raw)) return;
    let indent = raw.search(/\S/);
    if (blockScalarIndent >= 0) {
      if (indent > blockScalarIndent) return;
      blockScalarIndent = -1;
    }
    while (open.length > 0 && open[open.length - 1]!.indent >= indent) open.pop();
    let rest = raw.slice(indent);
    if (rest.startsWith("- ")) {
      const parent = open.map((entry) => entry.key).join(".");
      const item = nextIndex.get(parent) ?? 0;
      nextIndex.set(parent, item + 1);
      open.push({ indent, key: String(item) });
      indent += 2;
      rest = rest.slice(2);
    }
    const match = /^([^\s:#][^:]*?):(?:\s+(.*))?$/.exec(rest);
    if (!match) return;
    const key = match[1]!;
    const value = (match[2] ?? "").trim();
    const path = [...open.map((entry) => entry.key), key].join(".");
    if (value === "") {
      open.push({ indent, key });
    } else if (/^[|>][+-]?$/.test(value)) {
      blockScalarIndent = indent;
      entries.push({ path, value: "", line: index + 1 });
    } else {
      entries.push({ path, value: value.replace(/^(["'])(.*)\1$/, "$2"), line: index + 1 });
    }
  });
  return entries;
}

function read(file: string): { text: string; entries: Entry[]; get: (path: string) => string | undefined } {
  const text = readFileSync(`${repoRoot}/${file}`, "utf8");
  const entries = yamlEntries(text);
  return { text, entries, get: (path) => entries.find((entry) => entry.path === path)?.value };
}

/** The steps (list items under a `...steps` key) as maps of their own keys (`with.category`, `if`, `run`...). */
function steps(entries: Entry[]): Map<string, string>[] {
  const byStep = new Map<string, Map<string, string>>();
  for (const entry of entries) {
    const match = /^(.*\.steps\.\d+)\.(.+)$/.exec(entry.path);
    if (!match) continue;
    const step = byStep.get(match[1]!) ?? new Map<string, string>();
    step.set(match[2]!, entry.value);
    byStep.set(match[1]!, step);
  }
  return [...byStep.values()];
}

describe("scripts/check-github-workflow.sh", () => {
  it("runs the workflow's and the action's commands on fixtures/prisma-express and exits 0", () => {
    let output: string;
    try {
      output = execFileSync("bash", ["scripts/check-github-workflow.sh"], { cwd: repoRoot, encoding: "utf8", stdio: "pipe", timeout: 120_000 });
    } catch (error) {
      const { status, stderr } = error as { status: number | null; stderr?: string };
      // The script's one-line reason, so a failure says what broke.
      expect.fail(`exit ${status}: ${stderr?.trim() || String(error)}`);
    }
    expect(output).toMatch(/^check-github-workflow: ok/m);
  }, 120_000);
});

describe("the tiny YAML reader", () => {
  it("reads nested keys, list items and quoted values, and skips comments and block scalars", () => {
    const entries = yamlEntries(
      [
        "# comment",
        "on:",
        "  push:",
        "    branches: [main]",
        "jobs:",
        "  a:",
        "    steps:",
        "      - uses: x@v1",
        "        with:",
        '          b: "c: d"',
        "      - run: |",
        "          not: a key",
        "        if: always()",
      ].join("\n"),
    );
    expect(entries.map(({ path, value }) => `${path}=${value}`)).toEqual([
      "on.push.branches=[main]",
      "jobs.a.steps.0.uses=x@v1",
      "jobs.a.steps.0.with.b=c: d",
      "jobs.a.steps.1.run=",
      "jobs.a.steps.1.if=always()",
    ]);
  });
});

describe(".github/workflows/perf-scan.yml", () => {
  const workflow = read(WORKFLOW);
  const allSteps = steps(workflow.entries);

  it("runs on pushes to main and on pull requests, with read contents and security-events: write", () => {
    expect(workflow.get("on.push.branches")).toBe("[main]");
    expect(workflow.text).toMatch(/^ {2}pull_request:\s*$/m);
    expect(workflow.get("permissions.contents")).toBe("read");
    expect(workflow.get("permissions.security-events")).toBe("write");
    expect(workflow.text).toMatch(/^\s+security-events: write\s*$/m);
  });

  it("sets up Node 20 and scans to SARIF", () => {
    const setupNode = allSteps.filter((step) => step.get("uses")?.startsWith("actions/setup-node@"));
    expect(setupNode.length).toBeGreaterThan(0);
    for (const step of setupNode) {
      expect(step.get("uses")).toBe("actions/setup-node@v4");
      expect(step.get("with.node-version")).toBe("20");
    }
    const scan = allSteps.find((step) => step.get("run")?.includes("--format sarif"));
    expect(scan?.get("run")).toContain("--format sarif --output perf-scan.sarif");
    expect(scan?.get("run")).toContain("--category perf-scan");
    expect(scan?.get("run")).toContain("--fail-on none");
  });

  it("uploads with upload-sarif@v4 under if: always(), in category perf-scan", () => {
    const upload = allSteps.filter((step) => step.get("uses")?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload).toHaveLength(1);
    expect(upload[0]!.get("uses")).toBe("github/codeql-action/upload-sarif@v4");
    expect(upload[0]!.get("if")).toBe("always()");
    expect(upload[0]!.get("with.sarif_file")).toBe("perf-scan.sarif");
    expect(upload[0]!.get("with.category")).toBe("perf-scan");
    expect(workflow.text).toMatch(/^\s+if: always\(\)\s*$/m);
  });

  it("appends the Markdown report to the job summary, also under if: always()", () => {
    const summary = allSteps.find((step) => step.get("run")?.includes("--format markdown"));
    expect(summary?.get("run")).toMatch(/ >> "\$GITHUB_STEP_SUMMARY"$/);
    expect(summary?.get("if")).toBe("always()");
  });
});

describe("action.yml", () => {
  const action = read(ACTION);
  const allSteps = steps(action.entries);

  it("is a branded composite action with the documented inputs and defaults", () => {
    expect(action.get("runs.using")).toBe("composite");
    expect(action.get("name")).toBe("perf-scan");
    expect(action.get("description")).toBeTruthy();
    expect(action.get("branding.icon")).toBeTruthy();
    expect(action.get("branding.color")).toBeTruthy();
    expect(action.get("inputs.paths.default")).toBe(".");
    expect(action.get("inputs.fail-on.default")).toBe("none");
    expect(action.get("inputs.category.default")).toBe("perf-scan");
    expect(action.get("inputs.upload.default")).toBe("true");
  });

  it("uploads with upload-sarif@v4 under if: always() when upload is true", () => {
    const upload = allSteps.find((step) => step.get("uses")?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.get("uses")).toBe("github/codeql-action/upload-sarif@v4");
    expect(upload?.get("if")).toMatch(/^always\(\) && inputs\.upload == 'true'/);
    expect(upload?.get("with.category")).toBe("${{ inputs.category }}");
    expect(action.text).toContain("if: always()");
  });

  it("documents that the caller grants security-events: write (an action cannot)", () => {
    expect(action.text).toContain("security-events: write");
    expect(action.get("permissions")).toBeUndefined();
  });

  it("runs every shell step with bash and passes inputs through env, not into the script text", () => {
    const shellSteps = allSteps.filter((step) => step.has("run"));
    expect(shellSteps.length).toBeGreaterThanOrEqual(3);
    for (const step of shellSteps) expect(step.get("shell")).toBe("bash");
    // Block scalars are not read as entries, so check the raw lines of every `run: |` block.
    const lines = action.text.split("\n");
    const runLines = lines.flatMap((line, index) => {
      if (!/^\s+run: \|\s*$/.test(line)) return [];
      const indent = line.search(/\S/);
      const block: string[] = [];
      for (const next of lines.slice(index + 1)) {
        if (next.trim() !== "" && next.search(/\S/) <= indent) break;
        block.push(next);
      }
      return block;
    });
    expect(runLines.join("\n")).toContain('"$GITHUB_ACTION_PATH/bin/perf-scan.js"');
    expect(runLines.filter((line) => line.includes("${{"))).toEqual([]);
  });
});
