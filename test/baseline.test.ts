import { describe, expect, it } from "vitest";
import { applyBaseline, baselineOf, pruneBaseline } from "../src/baseline.js";
import type { RuleId } from "../src/types.js";

const f = (file: string, ruleId: RuleId, line: number) => ({ file, ruleId, line, column: 1 });

describe("baseline arithmetic (counts per file and rule)", () => {
  it("is written with keys in a stable order", () => {
    const baseline = baselineOf([f("b.ts", "unbounded-query", 3), f("a.ts", "select-star", 1), f("b.ts", "n-plus-one", 9), f("b.ts", "n-plus-one", 2)]);
    expect(JSON.stringify(baseline)).toBe('{"a.ts":{"select-star":{"count":1}},"b.ts":{"n-plus-one":{"count":2},"unbounded-query":{"count":1}}}');
  });

  it("reports only the excess over the baselined count, the last ones in the file, and survives lines moving", () => {
    const baseline = { "a.ts": { "n-plus-one": { count: 2 } } };
    // the two old loops moved down by 10 lines, a third was added at the end
    const outcome = applyBaseline([f("a.ts", "n-plus-one", 12), f("a.ts", "n-plus-one", 40), f("a.ts", "n-plus-one", 15)], baseline);
    expect(outcome.kept).toEqual([f("a.ts", "n-plus-one", 40)]);
    expect(outcome.suppressed).toBe(2);
    expect(outcome.stale).toEqual([]);
  });

  it("lists stale entries, and pruning caps counts at today's findings", () => {
    const baseline = { "a.ts": { "n-plus-one": { count: 3 }, "select-star": { count: 1 } }, "gone.ts": { "count-via-length": { count: 2 } } };
    const today = [f("a.ts", "n-plus-one", 5)];
    expect(applyBaseline(today, baseline).stale).toEqual([
      { file: "a.ts", ruleId: "n-plus-one", count: 2 },
      { file: "a.ts", ruleId: "select-star", count: 1 },
      { file: "gone.ts", ruleId: "count-via-length", count: 2 },
    ]);
    expect(pruneBaseline(baseline, today)).toEqual({ "a.ts": { "n-plus-one": { count: 1 } } });
  });
});
