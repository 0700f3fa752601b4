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

/** Whether `node` runs on every path through `scope` that reaches it: no branch, loop or callback in between. */
export function alwaysRuns(node: ts.Node, scope: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent && parent !== scope; child = parent, parent = parent.parent) {
    if (isFunctionLike(parent)) return false;
    if (ts.isIfStatement(parent) && parent.expression !== child) return false;
    if (ts.isConditionalExpression(parent) && parent.condition !== child) return false;
    if (ts.isCaseOrDefaultClause(parent) || ts.isCatchClause(parent) || ts.isIterationStatement(parent, false)) return false;
    if (ts.isBinaryExpression(parent) && parent.right === child && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind)) return false;
  }
  return true;
}

/**
 * Whether the variable `reference` names is changed on every path before `query`. A change under a condition leaves
 * the path without it, whose conditions are the literal's, so only unconditional changes count.
 */
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
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name && changes(node) && alwaysRuns(node, scope)) {
      const binding = resolver.lookup(node);
      changed = binding?.kind === "node" && binding.node === declaration;
      if (changed) return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return changed;
}
