// Whether a variable holding a query's options or where is changed before the query runs: `where.customerId = id`
// adds a condition the literal does not show, which may be the one an index serves.
import ts from "#typescript";
import { isFunctionLike, type Resolver } from "../resolve.js";

const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

const LOGICAL = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);

function isAssignmentTo(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isBinaryExpression(parent) && parent.left === node && ASSIGNMENTS.has(parent.operatorToken.kind);
}

/** Whether `use` (a reference to the variable) changes it, its properties or anything under them. */
function changes(use: ts.Identifier): boolean {
  if (isAssignmentTo(use)) return true;
  let top: ts.Node = use;
  while ((ts.isPropertyAccessExpression(top.parent) || ts.isElementAccessExpression(top.parent)) && top.parent.expression === top) top = top.parent;
  if (top !== use && (isAssignmentTo(top) || ts.isDeleteExpression(top.parent))) return true;
  // `Object.assign(where, …)`, `addFilters(where, args)`: a function given the object may add to it.
  const parent = use.parent;
  return ts.isCallExpression(parent) && parent.arguments.includes(use) && !isReadOnlyCall(parent);
}

/** `console.log(where)`, `JSON.stringify(where)`: calls that only read what they are given. */
function isReadOnlyCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && (callee.expression.text === "console" || callee.expression.text === "JSON");
}

/**
 * Whether `node`, written before `target`, runs on every path that reaches `target`: no branch, loop or callback lies
 * between it and the innermost statement they share (a change in a loop body before a query in that body counts).
 */
export function runsBefore(node: ts.Node, target: ts.Node, scope: ts.Node): boolean {
  const contains = (outer: ts.Node) => outer.pos <= target.pos && target.end <= outer.end;
  for (let child = node, parent = node.parent; parent && parent !== scope && !contains(child); child = parent, parent = parent.parent) {
    // The innermost node holding both: it runs `node` first unless they sit in different branches of it.
    if (contains(parent)) {
      if (ts.isIfStatement(parent)) return child === parent.expression;
      if (ts.isConditionalExpression(parent)) return child === parent.condition;
      if (ts.isBinaryExpression(parent) && LOGICAL.has(parent.operatorToken.kind)) return child === parent.left;
      return !ts.isCaseBlock(parent) && !ts.isTryStatement(parent);
    }
    if (isFunctionLike(parent)) return false;
    if (ts.isIfStatement(parent) && parent.expression !== child) return false;
    if (ts.isConditionalExpression(parent) && parent.condition !== child) return false;
    if (ts.isCaseOrDefaultClause(parent) || ts.isCatchClause(parent) || ts.isIterationStatement(parent, false)) return false;
    if (ts.isBinaryExpression(parent) && parent.right === child && LOGICAL.has(parent.operatorToken.kind)) return false;
  }
  return true;
}

/** The function (or file) a declaration's variable lives in. */
export function scopeOf(declaration: ts.Node): ts.Node {
  let scope: ts.Node = declaration.parent;
  while (!isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  return scope;
}

export function changedBefore(reference: ts.Identifier, query: ts.Node, resolver: Resolver): boolean {
  const binding = resolver.lookup(reference);
  if (binding?.kind !== "node" || !(ts.isVariableDeclaration(binding.node) || ts.isParameter(binding.node))) return false;
  const declaration = binding.node;
  const scope = scopeOf(declaration);
  const name = reference.text;
  let changed = false;
  const visit = (node: ts.Node): void => {
    if (changed || node.pos >= query.pos) return;
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name && changes(node) && runsBefore(node, query, scope)) {
      const binding = resolver.lookup(node);
      changed = binding?.kind === "node" && binding.node === declaration;
      if (changed) return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return changed;
}
