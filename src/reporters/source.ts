import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** Reads scanned files back for code frames and fingerprints; a file that is gone or unreadable yields `undefined`. */
export class SourceLines {
  private readonly cache = new Map<string, string[] | undefined>();
  private readonly texts = new Map<string, string | undefined>();

  constructor(private readonly root: string) {}

  /** The file's lines, or `undefined` when it cannot be read. `file` is relative to the root (or absolute, outside it). */
  of(file: string): string[] | undefined {
    if (!this.cache.has(file)) this.cache.set(file, this.text(file)?.split(/\r?\n/));
    return this.cache.get(file);
  }

  /** The whole text, as read (no newline or BOM normalisation: fingerprints hash it exactly). */
  text(file: string): string | undefined {
    if (!this.texts.has(file)) {
      try {
        this.texts.set(file, readFileSync(resolve(this.root, file), "utf8"));
      } catch {
        this.texts.set(file, undefined);
      }
    }
    return this.texts.get(file);
  }
}
