import type { Finding, Severity } from "../types.js";
import type ts from "#typescript";

/** A place in a parsed file, before it is turned into line/column data. */
export interface NodeLocation {
  file: string; // relative, `/`-separated
  sourceFile: ts.SourceFile;
  node: ts.Node;
}

export interface RelatedNode extends NodeLocation {
  message: string;
}

/**
 * How many rows or iterations a finding scales with:
 * `table` all rows of `model`; `parent` the rows of one parent (`scopeKey`); `bound` at most `bound`; `request` as
 * many as the request sends; `literal` a fixed list; `resolver` the rows of the parent list; `unknown` not traced.
 */
export interface Scale {
  kind: "table" | "parent" | "bound" | "request" | "literal" | "resolver" | "unknown";
  model: string | null;
  bound: number | null;
  scopeKey: string | null;
  /** A where filter narrows the rows (`where: { role: "sales" }`): a subset, not the whole table. */
  filtered: boolean;
}

/** What a rule returns: a Finding whose locations are still nodes; src/analyze.ts converts them to plain data. */
export type RuleFinding = Pick<Finding, "ruleId" | "confidence" | "orm" | "model" | "operation" | "message" | "fix" | "queryCount"> & {
  /** Defaults to the rule's default severity. */
  severity?: Severity;
  /** What the cost grows with: the loop's collection for an N+1, the rows read otherwise. */
  scale?: Scale;
  /** Nested per-element loops (1 + N^depth). */
  loopDepth?: number;
  /** A per-request client that is closed again before the function returns (no pool left open). */
  released?: boolean;
  at: NodeLocation;
  related: RelatedNode[];
};
