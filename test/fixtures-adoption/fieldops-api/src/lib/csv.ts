import { createInterface } from "node:readline";
import type { Readable } from "node:stream";

export type CsvRow = Record<string, string>;

/**
 * Streams a small, well-behaved CSV (no quoted commas: the parts catalogue
 * export of our ERP never has them) one row at a time, keyed by the header.
 */
export async function* readCsvRows(input: Readable): AsyncGenerator<CsvRow> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header: string[] | null = null;

  for await (const line of lines) {
    if (line.trim() === "") continue;
    const cells = line.split(",").map((cell) => cell.trim());
    if (!header) {
      header = cells.map((name) => name.toLowerCase());
      continue;
    }
    const columns = header;
    yield Object.fromEntries(columns.map((name, i) => [name, cells[i] ?? ""]));
  }
}
