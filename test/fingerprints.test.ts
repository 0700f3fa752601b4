import { describe, expect, it } from "vitest";
import { lineHashes, primaryLocationLineHash } from "../src/reporters/fingerprints.js";

/** Lists the hashes in line order, so a missing, extra or misnumbered line fails the comparison too. */
const hashesInLineOrder = (text: string): [number, string][] => [...lineHashes(text)];
const numbered = (hashes: string[]): [number, string][] => hashes.map((hash, index) => [index + 1, hash]);

// Inputs and expected hashes are copied from github/codeql-action's own test, src/fingerprints.test.ts ("hash" test),
// at commit f3f1edbedfb4a1d188d344570834df2996d45d39. They are the values GitHub code scanning computes.
const HELLO_WITH_FINAL_NEWLINE = [
  "e9496ae3ebfced30:1",
  "fb7c023a8b9ccb3f:1",
  "ce8ba1a563dcdaca:1",
  "e20e36e16fcb0cc8:1",
  "b3edc88f2938467e:1",
  "c8e28b0b4002a3a0:1",
  "c129715d7a2bc9a3:1",
];
const LOREM_REPEATED = [
  "a7f2ff13bc495cf2:1",
  "a7f2ff13bc495cf2:2",
  "a7f2ff13bc495cf2:3",
  "a7f2ff13bc495cf2:4",
  "a7f2ff13bc495cf2:5",
  "a7f2ff13bc495cf2:6",
  "a7f2ff1481e87703:1",
  "a9cf91f7bbf1862b:1",
  "55ec222b86bcae53:1",
  "cc97dc7b1d7d8f7b:1",
  "c129715d7a2bc9a3:1",
];
const ASSIGNMENTS = "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n";
const ASSIGNMENTS_HASHES = [
  "e54938cc54b302f1:1",
  "bb609acbe9138d60:1",
  "1131fd5871777f34:1",
  "5c482a0f8b35ea28:1",
  "54517377da7028d2:1",
  "2c644846cb18d53e:1",
  "f1b89f20de0d133:1",
  "c129715d7a2bc9a3:1",
];

describe("lineHashes matches codeql-action", () => {
  it("hashes an empty file as one line", () => {
    expect(hashesInLineOrder("")).toEqual(numbered(["c129715d7a2bc9a3:1"]));
  });

  it("ignores spaces and tabs, and prints hex without zero padding", () => {
    // "54703d4cd895b18" has 15 digits: the hash is not padded to 16.
    expect(hashesInLineOrder(" a\nb\n  \t\tc\n d")).toEqual(
      numbered(["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]),
    );
  });

  it("hashes blank lines and a file without a final newline", () => {
    expect(hashesInLineOrder(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End")).toEqual(
      numbered(["8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1"]),
    );
  });

  it("treats \\n, \\r, \\r\\n and a mix of them as the same line break, and hashes the empty line after the last one", () => {
    expect(hashesInLineOrder(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n")).toEqual(numbered(HELLO_WITH_FINAL_NEWLINE));
    expect(hashesInLineOrder(" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r")).toEqual(numbered(HELLO_WITH_FINAL_NEWLINE));
    expect(hashesInLineOrder(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n")).toEqual(numbered(HELLO_WITH_FINAL_NEWLINE));
    expect(hashesInLineOrder(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n")).toEqual(numbered(HELLO_WITH_FINAL_NEWLINE));
  });

  it("numbers repeated hashes in line order", () => {
    expect(hashesInLineOrder("Lorem ipsum dolor sit amet.\n".repeat(10))).toEqual(numbered(LOREM_REPEATED));
  });

  it("gives identical lines different hashes when what follows them differs", () => {
    // Lines 3, 5 and 7 are all "print(x)", yet none of them needs a ":2".
    expect(hashesInLineOrder(ASSIGNMENTS)).toEqual(numbered(ASSIGNMENTS_HASHES));
  });
});

describe("primaryLocationLineHash", () => {
  it("returns the hash of the requested 1-based line, and nothing for lines the file does not have", () => {
    expect(primaryLocationLineHash(ASSIGNMENTS, 1)).toBe("e54938cc54b302f1:1");
    expect(primaryLocationLineHash(ASSIGNMENTS, 4)).toBe("5c482a0f8b35ea28:1");
    expect(primaryLocationLineHash(ASSIGNMENTS, 8)).toBe("c129715d7a2bc9a3:1");
    expect(primaryLocationLineHash(ASSIGNMENTS, 0)).toBeUndefined();
    expect(primaryLocationLineHash(ASSIGNMENTS, 9)).toBeUndefined();
  });

  it("keeps a line's hash when unrelated lines are inserted above it or it is re-indented", () => {
    const moved = "import os\n# set things up\nx = 2\nx = 1\nprint(x)\n    x = 3\nprint(x)\nx = 4\nprint(x)\n";
    // "x = 3" moved from line 4 to line 6; its upstream hash (ASSIGNMENTS_HASHES[3]) is unchanged.
    expect(primaryLocationLineHash(moved, 6)).toBe("5c482a0f8b35ea28:1");
    expect(primaryLocationLineHash(moved, 4)).toBe(ASSIGNMENTS_HASHES[1]);
    // The window reaches forward (about 100 non-blank characters), so an edit BELOW the line does change its hash.
    expect(primaryLocationLineHash(ASSIGNMENTS.replace("x = 4", "x = 5"), 4)).not.toBe("5c482a0f8b35ea28:1");
  });

  it("suffixes two identical lines with :1 and :2, whatever their indentation", () => {
    // Same text as the upstream Lorem case with different indentation: blanks are skipped, so the hashes are the upstream ones.
    const indented = ["Lorem ipsum dolor sit amet.", "    Lorem ipsum dolor sit amet.", ...Array(8).fill("\tLorem ipsum  dolor sit amet.")].join("\n") + "\n";
    expect(primaryLocationLineHash(indented, 1)).toBe("a7f2ff13bc495cf2:1");
    expect(primaryLocationLineHash(indented, 2)).toBe("a7f2ff13bc495cf2:2");
    expect(hashesInLineOrder(indented)).toEqual(numbered(LOREM_REPEATED));
  });

  it("counts a \\r and a \\n separated by a space as two line breaks, as upstream does", () => {
    // Upstream only folds a \n into the \r right before it; a skipped space in between breaks the pair.
    // Its test checks one hash per line of text.split(/\r\n|\r|\n/), which gives 3 lines here.
    const hashes = lineHashes("a\r \nb");
    expect(hashes.size).toBe(3);
    expect(hashes).toEqual(lineHashes("a\n\nb"));
  });
});
