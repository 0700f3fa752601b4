import ts from "#typescript";
import type { EntryPoint } from "./engine/entry-points.js";
import type { FindingGroup } from "./types.js";

/** Where a finding sits: its endpoint, else the innermost named function around it. */
export function groupOf(node: ts.Node, file: string, entry: EntryPoint): FindingGroup {
  const fn = namedFunction(node);
  const lineOf = (n: ts.Node): number => n.getSourceFile().getLineAndCharacterOfPosition(n.getStart()).line + 1;
  if (entry.kind === "request" && entry.endpoint) {
    const at = entry.handler ?? { file, line: lineOf(node) };
    return { kind: "endpoint", name: entry.endpoint, file: at.file, line: at.line };
  }
  const line = fn ? lineOf(fn) : lineOf(node);
  const name = fn ? functionLabel(fn) : file;
  return { kind: "function", name, file, line };
}

function namedFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if ((ts.isFunctionDeclaration(current) || ts.isMethodDeclaration(current)) && current.name) return current;
    if ((ts.isArrowFunction(current) || ts.isFunctionExpression(current)) && ts.isVariableDeclaration(current.parent)) return current;
  }
  return undefined;
}

function functionLabel(fn: ts.FunctionLikeDeclaration): string {
  if (fn.name) {
    const cls = ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent) && fn.parent.name ? `${fn.parent.name.text}.` : "";
    return `${cls}${fn.name.getText()}()`;
  }
  const parent = fn.parent;
  return ts.isVariableDeclaration(parent) ? `${parent.name.getText()}()` : "a function";
}
