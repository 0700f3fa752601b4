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

describe("perf-scan's own directives", () => {
  const at = (lines: string[], line: number) => isSuppressed(lines, line, "n-plus-one");
  it("next-line, same-line and file-level, with bare or prefixed rule ids", () => {
    expect(at(["// perf-scan-disable-next-line n-plus-one -- at most 3 tenants", "q()"], 2)).toBe(true);
    expect(at(["// perf-scan-disable-next-line unbounded-query, n-plus-one", "q()"], 2)).toBe(true);
    expect(at(["q(); // perf-scan-disable-line perf-scan/n-plus-one"], 1)).toBe(true);
    expect(at(["/* perf-scan-disable n-plus-one */", "", "", "q()"], 4)).toBe(true);
    expect(at(["/* perf-scan-disable unbounded-query */", "", "q()"], 3)).toBe(false);
    expect(at(["// perf-scan-disable-next-line select-star", "q()"], 2)).toBe(false);
  });
  it("an eslint directive needs the perf-scan/ prefix (a bare id is another plugin's rule)", () => {
    expect(at(["// eslint-disable-next-line n-plus-one", "q()"], 2)).toBe(false);
  });
  it("keeps the justification", async () => {
    const { suppressionAt } = await import("../src/suppressions.js");
    expect(suppressionAt(["// perf-scan-disable-next-line n-plus-one -- three tenants, fixed", "q()"], 2, "n-plus-one")).toEqual({ reason: "three tenants, fixed" });
    expect(suppressionAt(["// eslint-disable-next-line perf-scan/n-plus-one", "q()"], 2, "n-plus-one")).toEqual({ reason: null });
  });
});
