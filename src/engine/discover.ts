import type { ScanError } from "../types.js";

export interface DiscoveredFile {
  absPath: string;
  /** Relative to the scan root, `/`-separated. */
  relPath: string;
  text: string;
}

export interface Discovery {
  /** Absolute scan root: finding paths are relative to it. */
  root: string;
  files: DiscoveredFile[];
  errors: ScanError[];
}

export interface DiscoverOptions {
  /** Absolute paths (files or directories). */
  paths: string[];
  cwd: string;
  maxFileBytes: number;
}

// Placeholder: replaced by the real implementation (tinyglobby + ignore).
export async function discoverFiles(options: DiscoverOptions): Promise<Discovery> {
  return { root: options.cwd, files: [], errors: [] };
}
