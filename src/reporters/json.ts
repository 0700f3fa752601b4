import type { ScanResult } from "../types.js";

/**
 * The result minus `root` (an absolute, machine-specific path). Shape: schema/perf-scan-result.schema.json.
 * A `--shard i/n` report adds `shard { index, count, root }`, which `perf-scan merge` needs and drops again.
 */
export function formatJson(result: ScanResult): string {
  const { tool, summary, findings, bottlenecks, suppressed, unusedDirectives, baseline, errors, shard } = result;
  const body = { tool, summary, findings, bottlenecks, suppressed, ...(unusedDirectives && { unusedDirectives }), ...(baseline && { baseline }), errors, ...(shard && { shard: { index: shard.index, count: shard.count, root: result.root } }) };
  return `${JSON.stringify(body, null, 2)}\n`;
}
