import ts from "#typescript";
import type { Orm } from "../types.js";
import type { ClientCreation, LoopFrame } from "./facts.js";
import type { Handler } from "./http.js";
import { sitesInside, type ModuleInfo } from "./project.js";
import { isFunctionLike, type Resolver } from "./resolve.js";
import { enclosingFunctions, walk } from "./syntax.js";
import type { FunctionRef, Value } from "./values.js";

// Database clients created per request or per item (client-per-request).

export function clientKind(value: Value, node: ts.NewExpression, resolver: Resolver): Orm | null {
  const ctor = resolver.evaluate(node.expression);
  if (ctor.kind !== "external") return null;
  if (value.kind === "prisma-client") return "prisma";
  if (value.kind === "sequelize-client") return "sequelize";
  if (value.kind === "typeorm-manager") return "typeorm";
  return null;
}


export function classifyClientCreations(
  creations: { node: ts.NewExpression; module: ModuleInfo; orm: Orm }[],
  reachable: Map<ts.Node, Handler>,
  loopFrames: (node: ts.Node) => LoopFrame[],
): ClientCreation[] {
  if (creations.length === 0) return [];
  const result: ClientCreation[] = [];
  for (const creation of creations) {
    if (isSingletonAssignment(creation.node) || isMemoized(creation.node)) continue;
    const enclosing = enclosingFunctions(creation.node);
    if (enclosing.length === 0) continue; // module scope: created once
    if (enclosing.some((fn) => ts.isConstructorDeclaration(fn))) continue; // a DI-managed service: created once
    if (creation.orm === "typeorm" && !initializesNearby(creation.node)) continue;
    const frames = loopFrames(creation.node);
    const released = isReleased(creation.node, enclosing[0]!);
    if (frames.length > 0) {
      result.push({ ...creation, released, reason: { kind: "loop", node: frames[0]!.node } });
      continue;
    }
    const handler = enclosing.map((fn) => reachable.get(fn)).find((h) => h !== undefined);
    if (handler) result.push({ ...creation, released, reason: { kind: "handler", handler } });
  }
  return result;
}

/**
 * `const client = new PrismaClient(); try { … } finally { await client.$disconnect() }`: the pool is closed before
 * the function returns. Still a connection setup per call, but no pool is left open to exhaust the database.
 */
function isReleased(node: ts.NewExpression, fn: ts.FunctionLikeDeclaration): boolean {
  const declaration = node.parent;
  if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !fn.body) return false;
  const name = declaration.name.text;
  let released = false;
  walk(fn.body, (child) => {
    if (released || !ts.isCallExpression(child) || !ts.isPropertyAccessExpression(child.expression)) return;
    const target = child.expression.expression;
    released = ts.isIdentifier(target) && target.text === name && /^(\$disconnect|close|destroy)$/.test(child.expression.name.text);
  });
  return released;
}

/** Functions called (at any depth) from request handlers, each with the first handler that reaches it. */
export function requestReachableFunctions(handlers: Handler[], resolver: Resolver): Map<ts.Node, Handler> {
  const reached = new Map<ts.Node, Handler>();
  const queue: { fn: FunctionRef; handler: Handler; depth: number }[] = handlers.map((handler) => ({ fn: handler.fn, handler, depth: 0 }));
  while (queue.length > 0) {
    const { fn, handler, depth } = queue.shift()!;
    if (reached.has(fn.node)) continue;
    reached.set(fn.node, handler);
    if (depth >= 6 || !fn.node.body) continue;
    // Nested functions first: a call to one of them (hoisted, perhaps) needs no visit of its own.
    for (const node of sitesInside(fn.module.functionSites, fn.node.body)) reached.set(node, reached.get(node) ?? handler);
    for (const node of sitesInside(fn.module.factSites, fn.node.body)) {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = resolver.calleeFunction(node);
        if (callee && !reached.has(callee.node)) queue.push({ fn: callee, handler, depth: depth + 1 });
      }
    }
  }
  return reached;
}

/** `globalThis.prisma ??= new PrismaClient()`, `cached = new PrismaClient()` on a module variable, `this.client = …`. */
export function isSingletonAssignment(node: ts.NewExpression): boolean {
  let current: ts.Node = node;
  while (current.parent && (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || (ts.isBinaryExpression(current.parent) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(current.parent.operatorToken.kind)) || ts.isConditionalExpression(current.parent))) {
    current = current.parent;
  }
  const parent = current.parent;
  if (parent && ts.isBinaryExpression(parent) && parent.right === current && [ts.SyntaxKind.EqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken].includes(parent.operatorToken.kind)) {
    const target = parent.left;
    if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) return true; // globalThis.x, global.x, this.x, cache.x
    if (ts.isIdentifier(target)) return !declaredInsideFunction(target);
  }
  return false;
}

/**
 * `let ready = cache.get(key); if (!ready) { ready = new DataSource(o).initialize(); cache.set(key, ready); }`:
 * created once per key and kept, not once per request.
 */
export function isMemoized(node: ts.NewExpression): boolean {
  let holder: ts.Node = node;
  while (holder.parent && (ts.isPropertyAccessExpression(holder.parent) || ts.isCallExpression(holder.parent) || ts.isAwaitExpression(holder.parent) || ts.isParenthesizedExpression(holder.parent))) holder = holder.parent;
  const parent = holder.parent;
  let name: string | undefined;
  if (parent && ts.isBinaryExpression(parent) && ts.isIdentifier(parent.left)) name = parent.left.text;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) name = parent.name.text;
  const fn = enclosingFunctions(node)[0];
  if (!name || !fn) return false;
  const text = fn.getText();
  return new RegExp(`\\.set\\([^;]*\\b${name}\\b`).test(text) || new RegExp(`if\\s*\\(\\s*!\\s*${name}\\s*\\)`).test(text);
}

export function declaredInsideFunction(identifier: ts.Identifier): boolean {
  let node: ts.Node | undefined = identifier.parent;
  while (node && !ts.isSourceFile(node)) {
    if (isFunctionLike(node)) {
      // Look for a local declaration of the same name in this function.
      let found = false;
      walk(node, (child) => {
        if (ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && child.name.text === identifier.text) found = true;
      });
      if (found) return true;
    }
    node = node.parent;
  }
  return false;
}

export function initializesNearby(node: ts.NewExpression): boolean {
  const fn = enclosingFunctions(node)[0];
  return fn ? /\.(initialize|connect)\s*\(/.test(fn.getText()) : false;
}
