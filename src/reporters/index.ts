import type { ScanResult } from "../types.js";
import { formatJson } from "./json.js";
import { formatPretty } from "./pretty.js";
import { formatSarif } from "./sarif.js";
import { formatMarkdown } from "./markdown.js";

export interface ReporterOptions {
  /** Emit ANSI colours. The caller decides (TTY, NO_COLOR, --no-color); reporters never look at the terminal. */
  color: boolean;
  /** Show only the first N findings by rank (pretty, markdown). */
  top?: number;
  /** SARIF `runAutomationDetails.id`, to tell several uploads of one repository apart. */
  category?: string;
}

/** Turns a scan result into the complete text of a report, ending with a newline. */
export type Reporter = (result: ScanResult, options: ReporterOptions) => string;

export type ReporterName = "pretty" | "json" | "sarif" | "markdown";

export const reporters: Record<ReporterName, Reporter> = {
  pretty: formatPretty,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
};

export const reporterNames = Object.keys(reporters) as ReporterName[];
