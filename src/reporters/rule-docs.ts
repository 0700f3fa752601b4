import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RuleId } from "../types.js";

/** docs/ ships with the package; from src/reporters or dist/src/reporters it is two or three levels up. */
function docsDirectory(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    dir = dirname(dir);
    if (existsSync(join(dir, "docs", "rules"))) return join(dir, "docs", "rules");
  }
  return undefined;
}

const cache = new Map<RuleId, string | undefined>();

/** The rule's documentation page (Markdown), or undefined when the docs are not installed. */
export function ruleDoc(id: RuleId): string | undefined {
  if (!cache.has(id)) {
    const dir = docsDirectory();
    let text: string | undefined;
    try {
      text = dir ? readFileSync(join(dir, `${id}.md`), "utf8") : undefined;
    } catch {
      text = undefined;
    }
    cache.set(id, text);
  }
  return cache.get(id);
}

/** The doc as plain text: headings, code fences and emphasis markers removed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^```.*$/gm, "")
    .replace(/^#+\s*/gm, "")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\*\*([^*]*)\*\*/g, "$1")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
