import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// Resolved from dist/src/ or src/ alike: the package root is two or one levels up.
function readVersion(): string {
  for (const candidate of ["../../package.json", "../package.json"]) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === "perf-scan" && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return "0.0.0";
}

export const TOOL_VERSION = readVersion();
