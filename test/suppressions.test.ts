import { describe, expect, it } from "vitest";
import { isSuppressed } from "../src/suppressions.js";

describe("eslint-disable directives the CLI honours (ESLint's syntax)", () => {
  const at = (lines: string[], line: number) => isSuppressed(lines, line, "n-plus-one");
  it("next-line and same-line directives naming the rule, with or without a description", () => {
    expect(at(["// eslint-disable-next-line perf-scan/n-plus-one", "q()"], 2)).toBe(true);
    expect(at(["// eslint-disable-next-line perf-scan/n-plus-one -- three rows at most", "q()"], 2)).toBe(true);
    expect(at(["// eslint-disable-next-line perf-scan/n-plus-one --- reason", "q()"], 2)).toBe(true);
    expect(at(["q(); // eslint-disable-line perf-scan/unbounded-query, perf-scan/n-plus-one"], 1)).toBe(true);
    expect(at(["/* eslint-disable-next-line perf-scan/n-plus-one */", "q()"], 2)).toBe(true);
    expect(at(['// eslint-disable-next-line "perf-scan/n-plus-one"', "q()"], 2)).toBe(true);
  });
  it("a directive without a rule list disables every rule, as in ESLint", () => {
    expect(at(["// eslint-disable-next-line", "q()"], 2)).toBe(true);
  });
  it("not another rule's directive, not two lines up, not a next-line directive on the same line", () => {
    expect(at(["// eslint-disable-next-line perf-scan/unbounded-query", "q()"], 2)).toBe(false);
    expect(at(["// eslint-disable-next-line no-console", "q()"], 2)).toBe(false);
    expect(at(["// eslint-disable-next-line perf-scan/n-plus-one", "", "q()"], 3)).toBe(false);
    expect(at(["q(); // eslint-disable-next-line perf-scan/n-plus-one"], 1)).toBe(false);
    expect(at(["// eslint-disable-next-line perf-scan/n-plus-one-extra", "q()"], 2)).toBe(false);
  });
});
