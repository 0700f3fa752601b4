import ts from "#typescript";
import { isFunctionLike } from "./resolve.js";

// Small syntax predicates shared by the facts computations.

export function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  // One callback for the whole walk: a closure per node was a tenth of a scan's walking time.
  const step = (child: ts.Node): undefined => {
    visit(child);
    ts.forEachChild(child, step);
    return undefined;
  };
  step(node);
}

export function enclosingFunctions(node: ts.Node): ts.FunctionLikeDeclaration[] {
  const functions: ts.FunctionLikeDeclaration[] = [];
  let current: ts.Node | undefined = node.parent;
  while (current) {
    if (isFunctionLike(current)) functions.push(current);
    current = current.parent;
  }
  return functions;
}

/** A function passed straight to a call (`xs.map(fn)`, `$transaction(fn)`, `pMap(xs, fn)`): it runs as part of the call. */
export function isInvokedCallback(node: ts.FunctionLikeDeclaration): boolean {
  const parent = node.parent;
  return !!parent && (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && (parent.arguments?.includes(node as ts.Expression) ?? false);
}

export function isLoopStatement(node: ts.Node): node is ts.IterationStatement {
  return ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node);
}

export function loopBody(node: ts.Node): ts.Node | undefined {
  return isLoopStatement(node) ? node.statement : undefined;
}

export function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isBindingElement(element) ? boundNames(element.name) : []));
}

export function isAwaited(node: ts.Node): boolean {
  let current = node;
  while (current.parent && (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isNonNullExpression(current.parent))) current = current.parent;
  const parent = current.parent;
  if (!parent) return false;
  if (ts.isAwaitExpression(parent)) return true;
  if (ts.isArrayLiteralExpression(parent) && parent.parent && ts.isCallExpression(parent.parent) && /^Promise\.(all|allSettled)$/.test(parent.parent.expression.getText())) return true;
  if (ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) return true;
  return ts.isPropertyAccessExpression(parent) && parent.name.text === "then";
}

export function isAwaitedInit(initializer: ts.Expression | undefined): boolean {
  let expr = initializer;
  while (expr && (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr))) expr = expr.expression;
  return !!expr && ts.isAwaitExpression(expr);
}

export function scopeOf(declaration: ts.Node): ts.Node | undefined {
  let current: ts.Node | undefined = declaration.parent;
  while (current) {
    if (isFunctionLike(current) || ts.isSourceFile(current)) return current;
    current = current.parent;
  }
  return undefined;
}

export function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent) || ts.isFunctionDeclaration(parent)) && parent.name === node;
}

export function isPropertyNameNode(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
}

/** A property's or binding's name as written (`a`, `"a"`, `1`, `#a`); undefined when computed or destructured. */
export function memberName(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}
