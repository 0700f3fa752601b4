/** Messages are printed one per line: line breaks (a parser's, an error's) become spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** An error's message, on one line. */
export function errorLine(error: unknown): string {
  return oneLine(error instanceof Error ? error.message : String(error));
}
