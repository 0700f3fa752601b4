// Sharding: which slice of the scanned files a `--shard i/n` run reports. Every shard still analyses every file.
import { createHash } from "node:crypto";
import type { Shard } from "./types.js";

/**
 * The 0-based slice a file belongs to among `count`: the first four bytes of the SHA-256 of its path relative to the
 * scan root (`/`-separated, as in findings), modulo `count`.
 *
 * Hashing the path, rather than sorting the files and dealing them out, makes a file's slice depend on nothing but
 * its own path and the number of shards: not on the machine, the file system's order, or which other files exist.
 * Adding or deleting a file never moves another file to a different shard, so per-shard caches and per-shard SARIF
 * categories stay put from one commit to the next. The price is balance: slices hold about, not exactly, 1/n of the
 * files (a tiny project can leave a shard empty, which merges like any other).
 */
export function shardOfFile(relPath: string, count: number): number {
  return createHash("sha256").update(relPath, "utf8").digest().readUInt32BE(0) % count;
}

/** Whether a file (relative path) is reported by this shard; without a shard every file is. */
export function shardFilter(shard: Shard | undefined): (relPath: string) => boolean {
  if (!shard) return () => true;
  if (!isShard(shard)) throw new TypeError(`shard must be { index, count } with 1 <= index <= count (got ${JSON.stringify(shard)})`);
  return (relPath) => shardOfFile(relPath, shard.count) === shard.index - 1;
}

export function isShard(value: unknown): value is Shard {
  const { index, count } = (value ?? {}) as Partial<Shard>;
  return Number.isSafeInteger(index) && Number.isSafeInteger(count) && count! >= 1 && index! >= 1 && index! <= count!;
}

/** `"2/4"` → `{ index: 2, count: 4 }`; anything else (`0/3`, `4/3`, `a/b`, `2`) → `undefined`. */
export function parseShard(text: string): Shard | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return undefined;
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  return isShard(shard) ? shard : undefined;
}
