import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";
import type { RuleId } from "../types.js";

/** docs/ ships with the package. */
function docsDirectory(): string | undefined {
  const dir = join(PACKAGE_ROOT, "docs", "rules");
  return existsSync(dir) ? dir : undefined;
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
