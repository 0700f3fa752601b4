import type { Finding, FindingGroup, Severity } from "../types.js";
import type ts from "#typescript";

/** A place in a parsed file, before it is turned into line/column data. */
export interface NodeLocation {
  file: string; // relative, `/`-separated
  sourceFile: ts.SourceFile;
  node: ts.Node;
}

/** A place given by line and column: a schema file the compiler never parsed, or a site a schema reader noted. */
export interface TextLocation {
  file: string; // relative, `/`-separated
  /** Absolute path, to find the parsed file (and its inline directives) when there is one. */
  absPath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type FindingLocation = NodeLocation | TextLocation;

export interface RelatedNode extends NodeLocation {
  message: string;
}

export interface RelatedText extends TextLocation {
  message: string;
}

export function isNodeLocation(location: FindingLocation): location is NodeLocation {
  return "node" in location;
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
  /** What a missing index costs beyond the table: run per element of a loop, on a child table, on a small table. */
  indexCost?: { perElement: boolean; childTable: boolean; smallTable: boolean };
  /** N+1: what each iteration reads, when the schema tells (a key lookup, or a set of child rows). */
  perIteration?: "key-lookup" | "row-set";
  /** A per-request client that is closed again before the function returns (no pool left open). */
  released?: boolean;
  at: FindingLocation;
  related: (RelatedNode | RelatedText)[];
  /** Where a schema-level finding has no code around it: the group it is counted in. */
  group?: FindingGroup;
};
