import type { ScanResult } from "../types.js";
import { formatJson } from "./json.js";
import { formatPretty } from "./pretty.js";
import { formatSarif } from "./sarif.js";

export interface ReporterOptions {
  /** Emit ANSI colours. The caller decides (TTY, NO_COLOR, --no-color); reporters never look at the terminal. */
  color: boolean;
}

/** Turns a scan result into the complete text of a report, ending with a newline. */
export type Reporter = (result: ScanResult, options: ReporterOptions) => string;

export type ReporterName = "pretty" | "json" | "sarif";

export const reporters: Record<ReporterName, Reporter> = {
  pretty: formatPretty,
  json: formatJson,
  sarif: formatSarif,
};

export const reporterNames = Object.keys(reporters) as ReporterName[];
