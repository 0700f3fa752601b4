/**
 * GitHub code scanning's `partialFingerprints.primaryLocationLineHash`, computed the way
 * github/codeql-action does it (src/fingerprints.ts), so alerts we upload keep matching the
 * alerts GitHub tracks across runs even when lines move.
 *
 * In short: whitespace-free characters of the file are fed through a polynomial rolling hash
 * over a 100-character window; each line's hash is the hash of the window that starts at that
 * line's first character. Identical hashes are told apart by an occurrence counter (":1", ":2").
 */

/** How many significant characters each line's hash covers (it spills into following lines). */
const WINDOW_SIZE = 100;
const BASE = 37n;
/** codeql-action does its arithmetic on 64-bit Longs that wrap; masking to 64 bits after every step gives the same bits. */
const toUint64 = (value: bigint): bigint => BigInt.asUintN(64, value);
/** BASE^WINDOW_SIZE: the weight a character has reached when it drops out of the window. */
const EVICTED_WEIGHT = (() => {
  let weight = 1n;
  for (let i = 0; i < WINDOW_SIZE; i++) weight = toUint64(weight * BASE);
  return weight;
})();

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
/** Upstream feeds 65535 after the last character, so the end of the file is part of the last lines' hashes. */
const END_OF_FILE = 0xffff;

/**
 * The characters that take part in the hash (UTF-16 code units, like upstream's `charCodeAt`), and where lines start in them.
 * Spaces and tabs are dropped; "\r\n", "\r" and "\n" each become one "\n"; an end-of-file marker is appended.
 * Other whitespace (form feed, NBSP, U+2028...) is hashed like any other character and does not break lines.
 */
function significantCharacters(text: string): { characters: number[]; lineStarts: number[] } {
  const characters: number[] = [];
  const lineStarts: number[] = [];
  let atLineStart = true;
  const take = (code: number): void => {
    // A line begins at its first significant character, which is its "\n" when the line is blank.
    if (atLineStart) lineStarts.push(characters.length);
    atLineStart = code === LINE_FEED;
    characters.push(code);
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === SPACE || code === TAB) continue;
    // Only a "\n" directly after "\r" belongs to it: upstream forgets the "\r" once it skips a space, so "\r \n" is two breaks.
    if (code === LINE_FEED && i > 0 && text.charCodeAt(i - 1) === CARRIAGE_RETURN) continue;
    take(code === CARRIAGE_RETURN ? LINE_FEED : code);
  }
  take(END_OF_FILE);
  return { characters, lineStarts };
}

/** Hashes for every line of a file's text, 1-based line number -> "<hash>:<n>", as codeql-action computes them. */
export function lineHashes(text: string): Map<number, string> {
  const { characters, lineStarts } = significantCharacters(text);
  const hashes = new Map<number, string>();
  const occurrences = new Map<string, number>();
  let nextLine = 0;
  let rollingHash = 0n;
  // Slide the window one character at a time; past the end it fills with zeros, which add nothing, so every line gets a full window.
  for (let end = 0; nextLine < lineStarts.length; end++) {
    const entering = end < characters.length ? characters[end]! : 0;
    const leaving = end >= WINDOW_SIZE && end - WINDOW_SIZE < characters.length ? characters[end - WINDOW_SIZE]! : 0;
    rollingHash = toUint64(rollingHash * BASE + BigInt(entering) - EVICTED_WEIGHT * BigInt(leaving));
    // The window now holds characters (end - WINDOW_SIZE, end]: report the line that starts at its first character.
    if (lineStarts[nextLine] === end - WINDOW_SIZE + 1) {
      // Hex of the unsigned value, without zero padding, as Long's toUnsigned().toString(16) prints it.
      const hex = rollingHash.toString(16);
      // Counted per file in line order, so the first of several identical lines is ":1".
      const occurrence = (occurrences.get(hex) ?? 0) + 1;
      occurrences.set(hex, occurrence);
      nextLine++;
      hashes.set(nextLine, `${hex}:${occurrence}`);
    }
  }
  return hashes;
}

/** The primaryLocationLineHash for a result starting at `line` (1-based) in a file with this text. */
export function primaryLocationLineHash(text: string, line: number): string | undefined {
  // The ":n" suffix depends on every earlier line, so the whole file has to be hashed; callers with many results should use lineHashes.
  return lineHashes(text).get(line);
}
