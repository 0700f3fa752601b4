import ts from "#typescript";
import { CONSTANT_NAME, ITERATION_METHODS, isConstantExpression, isFunctionLike, isPrismaModule, isSequelizeModule, isTypeormModule, unwrapExpression } from "./resolve.js";
import type { DbCall } from "./orm.js";
import type { LoopFrame } from "./facts.js";
import { boundNames, enclosingFunctions, memberName, walk } from "./syntax.js";

// Loop shapes that decide whether a query really runs once per element.

/** Inserts whose payload is already an array of rows. */
export const BATCH_WRITES = new Set(["createMany", "createManyAndReturn", "bulkCreate"]);

export function isOrmPackage(module: string): boolean {
  return isPrismaModule(module) || isTypeormModule(module) || isSequelizeModule(module) || /^@nestjs\/(typeorm|sequelize)$/.test(module);
}

export const CACHE_CALLEE = /cache|memo|remember|once\b|dataloader|loader/i;

/** A callback handed to a cache or loader (`cache.get(key, () => query)`, `new DataLoader(keys => query)`). */
export function isCachedCallback(node: ts.Node): boolean {
  if (!isFunctionLike(node)) return false;
  const call = node.parent;
  if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.includes(node as ts.Expression)) return false;
  return CACHE_CALLEE.test(call.expression.getText());
}

/** A `"use cache"` directive (`"use cache: remote"`, …) opening the function's body or its file. */
export function hasUseCacheDirective(fn: ts.FunctionLikeDeclaration): boolean {
  const opens = (statements: readonly ts.Statement[]): boolean => {
    for (const statement of statements) {
      if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false; // the prologue ended
      if (/^use cache(:\s*[\w-]+)?$/.test(statement.expression.text)) return true;
    }
    return false;
  };
  return (fn.body !== undefined && ts.isBlock(fn.body) && opens(fn.body.statements)) || (isExported(fn) && opens(fn.getSourceFile().statements));
}

/** `export function f`, `export const f = () => …`: Next.js caches a `"use cache"` file's exports only. */
function isExported(fn: ts.FunctionLikeDeclaration): boolean {
  if (ts.isFunctionDeclaration(fn)) return (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Export) !== 0;
  const declaration = fn.parent;
  return ts.isVariableDeclaration(declaration) && (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Export) !== 0;
}

/** `@ResolveField()` (NestJS GraphQL) / `@FieldResolver()` (type-graphql): the method runs once per parent row of a list. */
export function fieldResolverDecorator(fn: ts.FunctionLikeDeclaration): ts.Decorator | undefined {
  if (!ts.isMethodDeclaration(fn)) return undefined;
  return (ts.getDecorators(fn) ?? []).find((d) => /^(ResolveField|FieldResolver|ResolveProperty)$/.test((ts.isCallExpression(d.expression) ? d.expression.expression : d.expression).getText()));
}

const ROOT_RESOLVER_TYPE = /^(Root)?(Query|Mutation|Subscription)(Root|Type)?$/;

/**
 * A field resolver of a resolver map, `{ Club: { members: (club, args) => … } }` (Apollo Server, GraphQL Yoga,
 * Mercurius): the function runs once per `Club` in the response. The map is known by a root type beside it, its
 * name (`clubResolvers`), its type (`Resolvers`) or its place (`resolvers: { … }`). Returns the field's property.
 */
export function resolverMapField(fn: ts.Node): ts.PropertyAssignment | ts.MethodDeclaration | undefined {
  let field: ts.PropertyAssignment | ts.MethodDeclaration;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isPropertyAssignment(fn.parent) && fn.parent.initializer === fn) field = fn.parent;
  else if (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent)) field = fn;
  else return undefined;
  if ((fn as ts.FunctionLikeDeclaration).parameters.length === 0 || memberName(field.name)?.startsWith("__") !== false) return undefined;
  const typeObject = field.parent;
  const typeEntry = typeObject.parent;
  if (!ts.isObjectLiteralExpression(typeObject) || !ts.isPropertyAssignment(typeEntry)) return undefined;
  const typeName = memberName(typeEntry.name);
  if (!typeName || !/^[A-Z]\w*$/.test(typeName) || ROOT_RESOLVER_TYPE.test(typeName)) return undefined;
  const map = typeEntry.parent;
  return ts.isObjectLiteralExpression(map) && isResolverMap(map) ? field : undefined;
}

/** The node a resolver-map field's frame is reported at: its property. */
export function isResolverMapField(node: ts.Node): boolean {
  if (ts.isPropertyAssignment(node)) return resolverMapField(node.initializer) === node;
  return ts.isMethodDeclaration(node) && resolverMapField(node) === node;
}

function isResolverMap(map: ts.ObjectLiteralExpression): boolean {
  if (map.properties.some((property) => ROOT_RESOLVER_TYPE.test((property.name && memberName(property.name)) ?? ""))) return true;
  let holder: ts.Node = map.parent;
  while (ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder) || ts.isParenthesizedExpression(holder)) {
    if (!ts.isParenthesizedExpression(holder) && /\bI?Resolvers\b/.test(holder.type.getText())) return true;
    holder = holder.parent;
  }
  if (ts.isVariableDeclaration(holder)) return (ts.isIdentifier(holder.name) && /resolvers?$/i.test(holder.name.text)) || (holder.type !== undefined && /\bI?Resolvers\b/.test(holder.type.getText()));
  return ts.isPropertyAssignment(holder) && memberName(holder.name) === "resolvers";
}

export const ITERATION_HELPERS = /^(Promise|Bluebird|bluebird|P)\.(map|mapSeries|each|filter)$|^(pMap|pMapSeries|mapSeries|eachSeries|mapLimit|eachLimit|asyncPool)$|^Array\.from$|^(_|lodash|async)\.(map|forEach|each|eachSeries|mapSeries|flatMap|filter|reduce|forEachOf|eachOf|times)$/;

export function isIterationCall(call: ts.CallExpression, callback: ts.Node): boolean {
  const callee = call.expression;
  // Library helpers take the collection first: _.map(xs, fn), pMap(xs, fn), async.eachSeries(xs, fn)
  if (ITERATION_HELPERS.test(callee.getText())) return call.arguments.indexOf(callback as ts.Expression) >= 1;
  if (ts.isPropertyAccessExpression(callee) && ITERATION_METHODS.has(callee.name.text)) return call.arguments[0] === callback;
  return false;
}

/**
 * What a for-of/for-in loop or an iteration call walks over: `xs` in `for (x of xs)`, `xs.map(…)`, and in
 * `Promise.map(xs, fn)`, `pMap(xs, fn)`, `_.map(xs, fn)`.
 */
export function iteratedCollection(loop: ts.Node): ts.Expression | undefined {
  if (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) return loop.expression;
  if (!ts.isCallExpression(loop)) return undefined;
  if (!ts.isPropertyAccessExpression(loop.expression)) return loop.arguments[0];
  const receiver = loop.expression.expression;
  if (ts.isIdentifier(receiver) && /^(Promise|Bluebird|bluebird|P|_|lodash|async|Array)$/.test(receiver.text)) return loop.arguments[0];
  return receiver;
}

/** The query starts before any await in its callback: every iteration issues it in the same tick. */
export function isSameTickCallback(frame: LoopFrame, node: ts.Node): boolean {
  const callee = frame.node;
  if (!ts.isCallExpression(callee) || !ts.isPropertyAccessExpression(callee.expression)) return false;
  if (!["map", "forEach", "flatMap"].includes(callee.expression.name.text)) return false;
  const fn = frame.callback;
  return fn?.body !== undefined && !awaitsBefore(fn.body, node);
}

/**
 * A field resolver that issues the query before it awaits anything: GraphQL runs a field's resolver for every item
 * of a list in one tick, so Prisma batches a findUnique there as in `ids.map(…)`. Not inside a closure of its own.
 */
export function isSameTickResolver(frame: LoopFrame, node: ts.Node): boolean {
  const fn = frame.callback;
  return fn?.body !== undefined && enclosingFunctions(node)[0] === fn && !awaitsBefore(fn.body, node);
}

function awaitsBefore(body: ts.Node, node: ts.Node): boolean {
  let found = false;
  walk(body, (child) => {
    if (ts.isAwaitExpression(child) && child.getEnd() <= node.getStart()) found = true;
  });
  return found;
}

export function usesLoopVariableAsList(loop: ts.ForOfStatement, db: DbCall): boolean {
  if (!db.filteredByList || !db.options) return false;
  const declaration = ts.isVariableDeclarationList(loop.initializer) ? loop.initializer.declarations[0] : undefined;
  if (!declaration) return false;
  const text = db.options.getText();
  return boundNames(declaration.name).some((name) => new RegExp(`(\\bin\\s*:\\s*|In\\(\\s*|\\[Op\\.in\\]\\s*:\\s*|:\\s*)${name}\\b(?!\\.)`).test(text));
}

export function inSwitchOnLoopVariable(site: ts.Node, loop: ts.Node): boolean {
  if (!ts.isForOfStatement(loop) && !ts.isForInStatement(loop)) return false;
  const declaration = ts.isVariableDeclarationList(loop.initializer) ? loop.initializer.declarations[0] : undefined;
  if (!declaration || !ts.isIdentifier(declaration.name)) return false;
  for (let node: ts.Node | undefined = site.parent; node && node !== loop; node = node.parent) {
    if (ts.isCaseClause(node) && ts.isSwitchStatement(node.parent.parent) && node.parent.parent.expression.getText() === declaration.name.text) return true;
  }
  return false;
}

/**
 * `if (workspace.id === ACME_WORKSPACE_ID) query`, `if (key === "socialLinks") query`: the branch matches one
 * element at most (a constant on one side of an equality), so the query runs once, not once per element.
 */
export function inEqualityOnConstant(site: ts.Node, loop: ts.Node): boolean {
  for (let node: ts.Node = site; node.parent && node !== loop; node = node.parent) {
    const parent = node.parent;
    if (!ts.isIfStatement(parent) || parent.thenStatement !== node) continue;
    const condition = parent.expression;
    if (!ts.isBinaryExpression(condition) || ![ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken].includes(condition.operatorToken.kind)) continue;
    const [constant, other] = isConstantOperand(condition.left) ? [condition.left, condition.right] : [condition.right, condition.left];
    if (isConstantOperand(constant) && !isConstantOperand(other) && isIdentityOperand(other, loop)) return true;
  }
  return false;
}

/**
 * The loop element's own identity (`item.id`, `item.slug`) or a key of a keys loop: equal to a constant for one
 * element at most. A foreign key (`order.statusId`), a status, or a value from outside the loop is not.
 */
function isIdentityOperand(expression: ts.Expression, loop: ts.Node): boolean {
  const element = loopElementNames(loop);
  if (ts.isPropertyAccessExpression(expression)) {
    return /^(id|key|slug|uuid)$/.test(expression.name.text) && ts.isIdentifier(expression.expression) && element.includes(expression.expression.text);
  }
  if (!ts.isIdentifier(expression) || !(ts.isForOfStatement(loop) || ts.isForInStatement(loop))) return false;
  const keys = ts.isForInStatement(loop) || /^Object\.(keys|entries)\(/.test(loop.expression.getText());
  return keys && element.includes(expression.text);
}

/** The names a loop binds per element: `for (const x of …)`, `xs.map((x) => …)`. */
function loopElementNames(loop: ts.Node): string[] {
  if (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) {
    const declaration = ts.isVariableDeclarationList(loop.initializer) ? loop.initializer.declarations[0] : undefined;
    return declaration ? boundNames(declaration.name) : [];
  }
  if (ts.isCallExpression(loop)) {
    const callback = loop.arguments.find((argument) => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument));
    const first = callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) ? callback.parameters[0] : undefined;
    return first ? boundNames(first.name) : [];
  }
  return [];
}

/**
 * `"socialLinks"`, `42`, `ACME_WORKSPACE_ID`, `Role.ADMIN`. Not `null`/`true`/`false`: `item.id === null` matches
 * every unsaved element, not one.
 */
function isConstantOperand(expression: ts.Expression): boolean {
  const kind = unwrapExpression(expression).kind;
  if (kind === ts.SyntaxKind.NullKeyword || kind === ts.SyntaxKind.TrueKeyword || kind === ts.SyntaxKind.FalseKeyword) return false;
  return isConstantExpression(expression);
}

/** `for (let attempt = 0; attempt < max; attempt++) { try { …; return } catch {} }`: tries, not elements. */
export function isRetryLoop(loop: ts.ForStatement): boolean {
  if (loop.condition && /\.(length|size)\b/.test(loop.condition.getText())) return false;
  let retries = false;
  walk(loop.statement, (node) => {
    if (ts.isTryStatement(node)) {
      walk(node.tryBlock, (inner) => {
        if (ts.isReturnStatement(inner) || ts.isBreakStatement(inner)) retries = true;
      });
    }
  });
  return retries;
}

/**
 * The list is a whole variable (`in: chunk`, `In(batch)`), not a field of the loop element (`in: user.friendIds`)
 * nor a module constant (`status: { in: OPEN_STATUSES }` filters every iteration's query the same way).
 */
export function filtersByWholeList(db: DbCall): boolean {
  if (!db.filteredByList || !db.options) return false;
  const lists = db.options.getText().matchAll(/(?:\bin\s*:|\bIn\(|\[Op\.in\]\s*:|\$in\s*:)\s*\[?\s*(?:\.\.\.)?([\w$]+)\s*\]?\s*[,)}\]]/g);
  return [...lists].some((match) => !CONSTANT_NAME.test(match[1]!));
}

/**
 * `@ResolveField() surcharges(@Parent() order) { if (order.surcharges) return order.surcharges; return query… }`:
 * the query runs only when the list query did not already join the relation.
 */
export function isGuardedFallback(site: ts.Node): boolean {
  let method: ts.Node | undefined = site.parent;
  while (method && !ts.isMethodDeclaration(method)) method = method.parent;
  if (!method || !ts.isMethodDeclaration(method) || !method.body) return false;
  const parameters = method.parameters.flatMap((p) => boundNames(p.name));
  return method.body.statements.some(
    (statement) =>
      statement.getEnd() <= site.getStart() &&
      ts.isIfStatement(statement) &&
      parameters.some((name) => new RegExp(`\\b${name}\\??\\.\\w+`).test(statement.expression.getText()) && new RegExp(`\\breturn\\s+${name}\\??\\.\\w+`).test(statement.thenStatement.getText())),
  );
}

/**
 * `while (queue.length)`, `while ((item = queue.shift()))`, `for (;;) { const job = jobs.pop() … }`. Not a walk
 * whose body sets the next step the condition tests and takes nothing off a list (`do { … nextEdge = step.nextEdge }
 * while (nextEdge || pending.length)`): each iteration needs the one before it.
 */
export function consumesQueue(loop: ts.WhileStatement | ts.DoStatement): boolean {
  const condition = loop.expression.getText();
  const body = loop.statement.getText();
  if (/\.(shift|pop|dequeue)\s*\(/.test(body)) return true;
  if (/\.(shift|pop|next)\s*\(/.test(condition)) return true;
  return /\.(length|size)\b/.test(condition) && !setsNextStep(loop);
}

/** A variable the loop's condition tests on its own (`nextEdge || …`) is assigned in its body. */
function setsNextStep(loop: ts.WhileStatement | ts.DoStatement): boolean {
  const tested = new Set<string>();
  const collect = (expression: ts.Expression): void => {
    const inner = unwrapExpression(expression);
    if (ts.isIdentifier(inner)) tested.add(inner.text);
    else if (ts.isBinaryExpression(inner) && (inner.operatorToken.kind === ts.SyntaxKind.BarBarToken || inner.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)) {
      collect(inner.left);
      collect(inner.right);
    }
  };
  collect(loop.expression);
  if (tested.size === 0) return false;
  // The lists whose length the condition tests: a body that adds to one walks a queue by index, not a chain.
  const lists = new Set<string>();
  walk(loop.expression, (node) => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === "length" && ts.isIdentifier(node.expression)) lists.add(node.expression.text);
  });
  let assigned = false;
  let grows = false;
  walk(loop.statement, (node) => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && tested.has(node.left.text)) assigned = true;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(push|unshift|splice)$/.test(node.expression.name.text) && ts.isIdentifier(node.expression.expression) && lists.has(node.expression.expression.text)) grows = true;
  });
  return assigned && !grows;
}

export function isInnerOfChain(node: ts.Node): boolean {
  const parent = node.parent;
  return !!parent && ts.isPropertyAccessExpression(parent) && parent.expression === node && !!parent.parent && ts.isCallExpression(parent.parent) && !["then", "catch", "finally"].includes(parent.name.text);
}

/**
 * A query behind a Map memo: `if (cache.has(key)) return cache.get(key); … query … cache.set(key, row)`, or
 * `const hit = map.get(name); if (hit) … else query` with `map.set` after the check. It runs once per distinct key.
 */
export function isMemoisedQuery(site: ts.Node, scope: ts.Node): boolean {
  /**
   * The memo a positive hit test reads: a Map (`m.has(k)`, `m?.get(k)`, or a variable initialised by `m.get(k)`),
   * or a plain object (`cache[k]`, `k in cache`), filled by `cache[k] = …`.
   */
  type Memo = { name: string; object: boolean };
  const memoMap = (condition: ts.Expression, block: ts.Node): Memo | null => {
    const text = condition.getText().trim();
    if (text.startsWith("!")) return null; // a miss test: the guarded branch is the hit path
    const direct = /^([\w$.]+?)\??\.(?:has|get)\(/.exec(text);
    if (direct) return { name: direct[1]!, object: false };
    const indexed = /^([\w$.]+?)\[[^\]]+\]$/.exec(text) ?? /^[\w$.]+\s+in\s+([\w$.]+)$/.exec(text);
    if (indexed) return { name: indexed[1]!, object: true };
    const name = /^([\w$]+)$/.exec(text)?.[1];
    if (!name) return null;
    const declaration = new RegExp(`\\b${name.replace(/[$]/g, "\\$&")}\\s*=\\s*([\\w$.]+?)\\??\\.get\\(`).exec(block.getText());
    return declaration ? { name: declaration[1]!, object: false } : null;
  };
  // The memo is filled after the check, in the same scope.
  const setsAfter = (memo: Memo, check: ts.Node): boolean => {
    const after = scope.getText().slice(check.getEnd() - scope.getStart());
    if (!memo.object) return after.includes(`${memo.name}.set(`);
    return new RegExp(`${memo.name.replace(/[.$]/g, "\\$&")}\\[[^\\]]+\\]\\s*=[^=]`).test(after);
  };
  for (let node: ts.Node = site; node !== scope && node.parent; node = node.parent) {
    const parent = node.parent;
    if (ts.isIfStatement(parent) && parent.elseStatement === node) {
      const map = memoMap(parent.expression, parent.parent);
      if (map && setsAfter(map, parent.expression)) return true;
    }
    if (ts.isBlock(parent)) {
      for (const statement of parent.statements) {
        if (statement === node) break;
        if (!ts.isIfStatement(statement) || !/\b(return|continue)\b/.test(statement.thenStatement.getText())) continue;
        const map = memoMap(statement.expression, parent);
        if (map && setsAfter(map, statement)) return true;
      }
    }
  }
  return false;
}
