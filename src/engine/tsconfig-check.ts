// A tsconfig.json the scan cannot use as written is said, once per file: its path aliases decide which imports reach
// the ORM client, so a broken one can cost findings, and the user should know why.
import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import ts from "#typescript";
import type { ScanError } from "../types.js";
import { errorLine } from "../one-line.js";

/**
 * Problems of the tsconfig.json files in `dirs` (the folders of the scanned files, up to the root): JSON that
 * TypeScript cannot parse (comments and trailing commas are fine, as for tsc), and a relative `extends` naming a
 * file that does not exist. An `extends` into a package is not checked: it is missing exactly when node_modules is,
 * which the scan already notes once.
 */
export function tsconfigProblems(root: string, dirs: Iterable<string>): ScanError[] {
  const problems: ScanError[] = [];
  for (const dir of [...new Set(dirs)].sort()) {
    const path = join(dir, "tsconfig.json");
    if (!existsSync(path)) continue;
    const file = relative(root, path).split(sep).join("/") || path;
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      problems.push({ file, kind: "read", message: `could not read (${errorLine(error)}); its path aliases are not applied` });
      continue;
    }
    const { config, error } = ts.parseConfigFileTextToJson(path, text);
    if (error) {
      const at = error.file && error.start !== undefined ? error.file.getLineAndCharacterOfPosition(error.start) : undefined;
      const where = at ? `line ${at.line + 1}, column ${at.character + 1}: ` : "";
      const what = ts.flattenDiagnosticMessageText(error.messageText, " ").replace(/\.$/, "");
      problems.push({ file, kind: "parse", message: `not valid JSON (${where}${what}); its path aliases are read only as far as it parses` });
      continue;
    }
    const bases = [(config as { extends?: unknown } | undefined)?.extends].flat().filter((base): base is string => typeof base === "string");
    for (const base of bases) {
      if (!base.startsWith(".") && !isAbsolute(base)) continue;
      const target = resolve(dir, base);
      if (!isFile(target) && !isFile(`${target}.json`)) {
        problems.push({ file, kind: "parse", message: `"extends" names ${base}, which does not exist; path aliases defined there are not applied` });
      }
    }
  }
  return problems;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

