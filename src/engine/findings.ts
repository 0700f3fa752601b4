import type { Finding, Severity } from "../types.js";
import type { ts } from "ts-morph";

/** A place in a parsed file, before it is turned into line/column data. */
export interface NodeLocation {
  file: string; // relative, `/`-separated
  sourceFile: ts.SourceFile;
  node: ts.Node;
}

export interface RelatedNode extends NodeLocation {
  message: string;
}

/** What a rule returns: a Finding whose locations are still nodes; main.ts converts them to plain data. */
export type RuleFinding = Pick<Finding, "ruleId" | "confidence" | "orm" | "model" | "operation" | "message" | "fix" | "queryCount"> & {
  /** Defaults to the rule's default severity. */
  severity?: Severity;
  at: NodeLocation;
  related: RelatedNode[];
};
