import ts from "#typescript";
import type { DbCall } from "../src/engine/orm.js";
import { relative, sep } from "node:path";
import type { NodeLocation, RelatedNode, RelatedText, RuleFinding, TextLocation } from "../src/engine/findings.js";
import type { SchemaSite } from "../src/engine/schema/model.js";
import type { ModuleInfo } from "../src/engine/project.js";
import type { RuleId } from "../src/types.js";
import { readScale } from "../src/engine/scale.js";

/** Shared building blocks for rule checks: locations, call descriptions and the finding shape. */

export function locate(module: ModuleInfo, node: ts.Node): NodeLocation {
  return { file: module.relPath, sourceFile: module.sourceFile, node };
}

export function related(module: ModuleInfo, node: ts.Node, message: string): RelatedNode {
  return { ...locate(module, node), message };
}

/** A schema reader's site as a finding location, relative to the scan root. */
export function schemaLocation(root: string, site: SchemaSite): TextLocation {
  return { file: relative(root, site.file).split(sep).join("/"), absPath: site.file, line: site.line, column: site.column, endLine: site.endLine, endColumn: site.endColumn };
}

export function relatedSchema(root: string, site: SchemaSite, message: string): RelatedText {
  return { ...schemaLocation(root, site), message };
}

/** `prisma.post.findMany`, `Order.findAll`, `orderRepository.find` as written. */
export function describeCall(call: DbCall): string {
  const node = call.node;
  const callee = ts.isCallExpression(node) ? node.expression : ts.isTaggedTemplateExpression(node) ? node.tag : node;
  const text = callee.getText(call.module.sourceFile).replace(/\s+/g, "");
  return text.length > 60 ? `${call.model ?? "query"}.${call.operation}` : text;
}

export function finding(ruleId: RuleId, call: DbCall, at: NodeLocation, parts: Pick<RuleFinding, "message" | "fix"> & Partial<RuleFinding>): RuleFinding {
  return {
    ruleId,
    confidence: call.confidence,
    orm: call.orm,
    model: call.model,
    operation: call.operation,
    queryCount: null,
    related: [],
    scale: readScale(call),
    at,
    ...parts,
  };
}

export function modelLabel(call: DbCall): string {
  return call.model ?? "rows";
}
