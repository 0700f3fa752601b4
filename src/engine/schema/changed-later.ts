// Whether a variable holding a query's options or where is changed before the query runs: `where.customerId = id`
// adds a condition the literal does not show, which may be the one an index serves.
import ts from "#typescript";
import { isFunctionLike, unwrapExpression, type Resolver } from "../resolve.js";

const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);
const LOGICAL = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);
/** Methods that change the array or collection they are called on (`where.AND.push(…)`, `where[Op.and].push(…)`). */
const MUTATORS = new Set(["push", "unshift", "splice", "pop", "shift", "set", "add", "delete", "clear", "sort", "reverse", "fill"]);
/** Calls given the object that only read it: logging, serialising, and the ORM's own reads (`countBy(where)`). */
const READERS = new Set(["log", "debug", "info", "warn", "error", "trace", "stringify", "findMany", "findFirst", "findFirstOrThrow", "findUnique", "findUniqueOrThrow", "count", "aggregate", "groupBy", "find", "findBy", "findOne", "findOneBy", "findOneOrFail", "findOneByOrFail", "findAndCount", "findAndCountBy", "countBy", "exists", "existsBy", "exist", "findAll", "findAndCountAll", "keys", "values", "entries", "updateMany", "deleteMany", "update", "delete", "destroy", "upsert", "softDelete", "restore", "increment", "decrement", "sum", "average", "minimum", "maximum", "max", "min"]);

/** `(where as any)`, `where!`, `(where)`: the expression a use really is. */
function outermost(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isNonNullExpression(current.parent) || ts.isTypeAssertionExpression(current.parent) || ts.isSatisfiesExpression(current.parent)) current = current.parent;
  return current;
}

function isAssignmentTo(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) return parent.left === node && ASSIGNMENTS.has(parent.operatorToken.kind);
  return (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken);
}

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = unwrapExpression(call.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
}

/** Whether a call given `argument` may change it. */
function mayChangeArgument(call: ts.CallExpression, argument: ts.Node): boolean {
  const callee = unwrapExpression(call.expression);
  // `Object.assign(target, …sources)` changes its target only.
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "Object") return callee.name.text === "assign" && call.arguments[0] === argument;
  const name = calleeName(call);
  return !(name && READERS.has(name));
}

/** Whether `use` (a reference to the variable) changes it, its properties or anything under them, or lets another name do so. */
function changes(use: ts.Identifier): boolean {
  const self = outermost(use);
  if (isAssignmentTo(self)) return true;
  let top: ts.Node = self;
  while ((ts.isPropertyAccessExpression(top.parent) || ts.isElementAccessExpression(top.parent)) && top.parent.expression === top) top = outermost(top.parent);
  if (top !== self) {
    if (isAssignmentTo(top) || ts.isDeleteExpression(top.parent)) return true;
    // `where.AND.push(…)`.
    if (ts.isCallExpression(top.parent) && top.parent.expression === top && ts.isPropertyAccessExpression(top)) return MUTATORS.has(top.name.text);
  }
  const parent = top.parent;
  // `addFilters(where, args)`, `Object.assign(args.where, …)`: a function given the object may add to it.
  if (ts.isCallExpression(parent) && parent.arguments.includes(top as ts.Expression)) return mayChangeArgument(parent, top);
  // `const w = where`: another name for the same object.
  if (top === self && ts.isVariableDeclaration(parent) && parent.initializer === top) return true;
  // `scope({ where }, m)`: handed on inside an object.
  const holder = ts.isShorthandPropertyAssignment(parent) || (ts.isPropertyAssignment(parent) && parent.initializer === top) ? parent.parent : undefined;
  const holderOuter = holder && ts.isObjectLiteralExpression(holder) ? outermost(holder) : undefined;
  if (holderOuter && ts.isCallExpression(holderOuter.parent) && holderOuter.parent.arguments.includes(holderOuter as ts.Expression)) return mayChangeArgument(holderOuter.parent, holderOuter);
  return false;
}

/**
 * How `node`, written before `target`, runs on the way to it: always; only under `if`s without an `else`, so that a
 * path without it reaches the target ("optional"); or in some other way (one branch of several, a loop, a callback).
 */
function pathBefore(node: ts.Node, target: ts.Node, scope: ts.Node): "always" | "optional" | "other" {
  const contains = (outer: ts.Node) => outer.pos <= target.pos && target.end <= outer.end;
  let optional = false;
  for (let child = node, parent = node.parent; parent && parent !== scope; child = parent, parent = parent.parent) {
    // The innermost node holding both: it runs `node` first unless they sit in different branches of it.
    if (contains(parent)) {
      const first = ts.isIfStatement(parent) ? child === parent.expression : ts.isConditionalExpression(parent) ? child === parent.condition : ts.isBinaryExpression(parent) && LOGICAL.has(parent.operatorToken.kind) ? child === parent.left : !ts.isCaseBlock(parent) && !ts.isTryStatement(parent);
      return !first ? "other" : optional ? "optional" : "always";
    }
    if (ts.isIfStatement(parent) && child !== parent.expression) {
      // `if (a) …` or `if (a) … else if (b) …` with no final `else`: the path where no condition holds skips the change.
      const branch = child === parent.thenStatement || ts.isIfStatement(child);
      if (branch && !hasFinalElse(parent)) optional = true;
      else return "other";
    }
    if (isFunctionLike(parent) || ts.isCaseOrDefaultClause(parent) || ts.isCatchClause(parent) || ts.isIterationStatement(parent, false)) return "other";
    if (ts.isConditionalExpression(parent) && parent.condition !== child) return "other";
    if (ts.isBinaryExpression(parent) && parent.right === child && LOGICAL.has(parent.operatorToken.kind)) return "other";
  }
  return optional ? "optional" : "always";
}

/** Whether an `if … else if …` chain ends in a plain `else`. */
function hasFinalElse(statement: ts.IfStatement): boolean {
  let last = statement;
  while (last.elseStatement && ts.isIfStatement(last.elseStatement)) last = last.elseStatement;
  return last.elseStatement !== undefined;
}

/** The function (or file) a declaration's variable lives in. */
export function scopeOf(declaration: ts.Node): ts.Node {
  let scope: ts.Node = declaration.parent;
  while (!isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  return scope;
}

/** Whether `target` runs in `scope` itself, not in a function nested in it (whose call may come after anything). */
function runsInScope(target: ts.Node, scope: ts.Node): boolean {
  for (let node = target.parent; node; node = node.parent) {
    if (node === scope) return true;
    if (isFunctionLike(node)) return false;
  }
  return false;
}

/** Whether an iteration statement inside `scope` holds both: a change after the target reaches its next run. */
function sharesLoop(node: ts.Node, target: ts.Node, scope: ts.Node): boolean {
  for (let parent = node.parent; parent && parent !== scope; parent = parent.parent) {
    if (ts.isIterationStatement(parent, false) && parent.pos <= target.pos && target.end <= parent.end) return true;
  }
  return false;
}

/**
 * How `use`, a reference before `target` in the same scope, reaches it; for the query-builder reader, which reads the
 * calls that always run and ignores the optional ones.
 */
export function useBefore(use: ts.Node, target: ts.Node, scope: ts.Node): "always" | "optional" | "other" {
  if (!runsInScope(target, scope)) return "other";
  if (use.pos >= target.pos) return sharesLoop(use, target, scope) ? "other" : "optional";
  return pathBefore(use, target, scope);
}

/**
 * Whether the variable `reference` names may be changed before `query` runs, other than under an `if` that leaves a
 * path without the change (whose conditions are the literal's, so the literal is judged). A change after the query
 * counts when a loop runs the query again; any change counts when the query is not in the variable's own function.
 */
export function changedBefore(reference: ts.Identifier, query: ts.Node, resolver: Resolver): boolean {
  const binding = resolver.lookup(reference);
  if (binding?.kind !== "node" || !(ts.isVariableDeclaration(binding.node) || ts.isParameter(binding.node))) return false;
  const declaration = binding.node;
  const scope = scopeOf(declaration);
  const name = reference.text;
  let changed = false;
  const visit = (node: ts.Node): void => {
    if (changed) return;
    // The query's own uses of the variable are the reading, not a change.
    if (node.pos >= query.pos && node.end <= query.end) return;
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name && changes(node)) {
      const binding = resolver.lookup(node);
      if (binding?.kind === "node" && binding.node === declaration) changed = useBefore(node, query, scope) !== "optional";
      if (changed) return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return changed;
}
