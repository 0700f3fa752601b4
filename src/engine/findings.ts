import type { Confidence, Orm, RuleId, Severity } from "../types.js";
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

/** What a rule returns: locations are still nodes; main.ts converts them to plain data. */
export interface RuleFinding {
  ruleId: RuleId;
  severity?: Severity;
  confidence: Confidence;
  orm: Orm;
  model: string | null;
  operation: string | null;
  message: string;
  fix: string;
  queryCount: string | null;
  at: NodeLocation;
  related: RelatedNode[];
}
