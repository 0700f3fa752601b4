// A tsconfig.json the scan cannot use as written is said, once per file: its path aliases decide which imports reach
// the ORM client, so a broken one can cost findings, and the user should know why.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import ts from "#typescript";
import type { ScanError } from "../types.js";
import { errorLine } from "../one-line.js";

/**
 * Problems of the tsconfig.json files in `dirs` (the folders of the scanned files, up to the root): JSON that
 * TypeScript cannot parse (comments and trailing commas are fine, as for tsc), and a relative `extends` naming a
 * file that does not exist. An `extends` into a package is checked only where a node_modules folder exists: without
 * one every package is missing, which the scan already notes once.
 */
export function tsconfigProblems(root: string, dirs: Iterable<string>, probed: string[] = []): ScanError[] {
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
      if (!base.startsWith(".") && !isAbsolute(base)) {
        if (packageMissing(dir, base, probed)) problems.push({ file, kind: "parse", message: `"extends" names ${base}, whose package is not installed; options and path aliases defined there are not applied` });
        continue;
      }
      const target = resolve(dir, base);
      if (!isFile(target) && !isFile(`${target}.json`)) {
        problems.push({ file, kind: "parse", message: `"extends" names ${base}, which does not exist; path aliases defined there are not applied` });
      }
    }
  }
  return problems;
}

/**
 * `@tsconfig/node20/tsconfig.json`: no node_modules folder from `dir` up holds `@tsconfig/node20`, though one exists.
 * `probed` collects the paths looked at, for the scan cache (installing the package must count as a change).
 */
function packageMissing(dir: string, specifier: string, probed: string[]): boolean {
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
  let sawNodeModules = false;
  for (let current = dir; ; current = dirname(current)) {
    const modules = join(current, "node_modules");
    probed.push(modules, join(modules, name));
    if (isDirectory(modules)) {
      sawNodeModules = true;
      if (isDirectory(join(modules, name))) return false;
    }
    if (dirname(current) === current) return sawNodeModules;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

