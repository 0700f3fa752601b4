import { describe, expect, it } from "vitest";
import { progressBar, progressWanted } from "../src/progress.js";

describe("progress bar", () => {
  it("is drawn only for a terminal outside CI, and never with --quiet/--no-progress", () => {
    expect(progressWanted({ isTTY: true }, {}, false)).toBe(true);
    expect(progressWanted({ isTTY: false }, {}, false)).toBe(false);
    expect(progressWanted({}, {}, false)).toBe(false);
    expect(progressWanted({ isTTY: true }, { CI: "true" }, false)).toBe(false);
    expect(progressWanted({ isTTY: true }, { CI: "false" }, false)).toBe(true);
    expect(progressWanted({ isTTY: true }, { TERM: "dumb" }, false)).toBe(false);
    expect(progressWanted({ isTTY: true }, {}, true)).toBe(false);
  });

  it("shows the phase, files done of total and the time left, redrawn at most every 100 ms, and erases itself", () => {
    const written: string[] = [];
    let clock = 0;
    const bar = progressBar({ write: (text) => (written.push(text), true), columns: 120 }, () => clock);
    bar.update({ phase: "parse", done: 1, total: 10 });
    clock = 50;
    bar.update({ phase: "parse", done: 2, total: 10 }); // too soon: not drawn
    clock = 1000;
    bar.update({ phase: "parse", done: 5, total: 10 });
    expect(written).toHaveLength(2);
    expect(written[1]).toContain("parsing 5/10 files");
    // 5 files in 1 s: 5 more take 1 s.
    expect(written[1]).toContain("ETA 1s");
    clock = 1010;
    bar.update({ phase: "analyse", done: 1, total: 4 }); // a new phase is drawn at once
    expect(written[2]).toContain("analysing 1/4 files");
    bar.update({ phase: "analyse", done: 4, total: 4 }); // the last step is always drawn, without an ETA
    expect(written[3]).toContain("analysing 4/4 files");
    expect(written[3]).not.toContain("ETA");
    bar.done();
    expect(written[4]).toBe("\r\x1b[K");
  });

  it("uses 80 columns when the terminal does not say (0 or unknown)", () => {
    const written: string[] = [];
    const bar = progressBar({ write: (text) => (written.push(text), true), columns: 0 }, () => 0);
    bar.update({ phase: "parse", done: 1, total: 2000 });
    expect(written[0]).toContain("parsing 1/2000 files");
  });

  it("fits the terminal's width", () => {
    const written: string[] = [];
    const bar = progressBar({ write: (text) => (written.push(text), true), columns: 30 }, () => 0);
    bar.update({ phase: "parse", done: 1, total: 2000 });
    expect(written[0]!.replace("\r", "").replace("\x1b[K", "").length).toBeLessThanOrEqual(29);
  });
});
