import { readFileSync } from "node:fs";
import { join } from "node:path";
import { glob } from "tinyglobby";

/**
 * Expected findings written inline in fixture sources: `// expect: rule-a, rule-b` → "file:line rule-a". `tag`: another
 * marker (`expect-new`: the findings a change adds, in test/fixtures-adoption).
 */
export async function expectedFindings(fixtureDir: string, tag = "expect"): Promise<string[]> {
  const files = await glob(["**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,prisma}"], { cwd: fixtureDir, ignore: ["**/node_modules/**"] });
  const expected: string[] = [];
  for (const file of files.sort()) {
    const lines = readFileSync(join(fixtureDir, file), "utf8").split("\n");
    lines.forEach((line, index) => {
      const match = new RegExp(`(?://|/\\*)\\s*${tag}:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)`).exec(line);
      if (!match) return;
      for (const rule of match[1]!.split(",")) expected.push(`${file}:${index + 1} ${rule.trim()}`);
    });
  }
  return expected.sort();
}

export function actualFindings(findings: { file: string; line: number; ruleId: string }[]): string[] {
  return findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort();
}
