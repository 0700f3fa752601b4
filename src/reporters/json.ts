import type { ScanResult } from "../types.js";

/** The result minus `root` (an absolute, machine-specific path). Shape: schema/perf-scan-result.schema.json. */
export function formatJson(result: ScanResult): string {
  const { tool, summary, findings, bottlenecks, suppressed, unusedDirectives, baseline, errors } = result;
  return `${JSON.stringify({ tool, summary, findings, bottlenecks, suppressed, ...(unusedDirectives && { unusedDirectives }), ...(baseline && { baseline }), errors }, null, 2)}\n`;
}
