import ts from "#typescript";
import { unwrapExpression } from "./resolve.js";
import { declaresMember, type DbCall } from "./orm.js";
import { isPropertyNameNode, walk } from "./syntax.js";

// Shapes of JavaScript work done on fetched rows: accumulation, column filters, plucked fields.

export const ROW_OPERATION_METHODS = new Set(["reduce", "reduceRight", "filter", "find", "findLast", "forEach"]);

/** `rows.reduce((sum, r) => sum + r.total, 0)`: a numeric accumulator, not a Map or object builder. */
export function isNumericReducer(call: ts.CallExpression, fn: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const initial = call.arguments[1] && unwrapExpression(call.arguments[1]);
  if (initial && ts.isNumericLiteral(initial)) return true;
  if (initial && !ts.isNumericLiteral(initial)) return false;
  const body = fn.body;
  const result = ts.isBlock(body) ? body.statements.find(ts.isReturnStatement)?.expression : body;
  if (!result) return false;
  const expr = unwrapExpression(result);
  return (ts.isBinaryExpression(expr) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken].includes(expr.operatorToken.kind)) || /^Math\.(max|min)\(/.test(expr.getText());
}

/** The callback compares row columns: `p => p.stock < p.reorderAt`, `({ status }) => status === "paid"`. */
/**
 * `r._count.posts`, `r.group._count.events`: Prisma's relation counts, and `r.memberships.length`, the size of an
 * included relation or list: a `where` cannot compare them.
 */
function readsRelationCount(access: ts.PropertyAccessExpression): boolean {
  for (let node: ts.Node = access; ts.isPropertyAccessExpression(node); node = node.parent) {
    if (node.name.text === "_count" || (node !== access && node.name.text === "length")) return true;
    if (!ts.isPropertyAccessExpression(node.parent) || node.parent.expression !== node) break;
  }
  return false;
}

export function callbackReadsColumns(fn: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const param = fn.parameters[0];
  if (!param) return false;
  if (ts.isObjectBindingPattern(param.name)) return true;
  if (!ts.isIdentifier(param.name)) return false;
  const name = param.name.text;
  let reads = false;
  let membership = false;
  walk(fn.body, (node) => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name && !readsRelationCount(node)) reads = true;
    // `ids.has(r.id)`, `allowed.includes(r.role)`: matching rows against another collection is a join in JS
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(has|includes)$/.test(node.expression.name.text) && node.arguments.some((a) => a.getText().startsWith(`${name}.`))) membership = true;
  });
  return reads && !membership;
}

/** `total += o.amount` or `total = total + o.amount` over the loop element. */
export function accumulates(body: ts.Node, element: ts.VariableDeclaration | ts.ParameterDeclaration | undefined): boolean {
  if (!element || !ts.isIdentifier(element.name)) return false;
  const name = element.name.text;
  let found = false;
  walk(body, (node) => {
    if (found || !ts.isBinaryExpression(node)) return;
    const op = node.operatorToken.kind;
    const readsElement = () => {
      let reads = false;
      walk(node.right, (child) => {
        if (ts.isPropertyAccessExpression(child) && ts.isIdentifier(child.expression) && child.expression.text === name) reads = true;
      });
      return reads;
    };
    if ((op === ts.SyntaxKind.PlusEqualsToken || op === ts.SyntaxKind.MinusEqualsToken) && ts.isIdentifier(node.left) && readsElement()) found = true;
    const right = unwrapExpression(node.right);
    if (op === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && ts.isBinaryExpression(right) && right.operatorToken.kind === ts.SyntaxKind.PlusToken && right.left.getText() === node.left.text && readsElement()) found = true;
    if (op === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && /^Math\.(max|min)\(/.test(node.right.getText()) && readsElement()) found = true;
  });
  return found;
}

export function mathSpread(mapCall: ts.CallExpression): ts.CallExpression | undefined {
  const spread = mapCall.parent;
  if (spread && ts.isSpreadElement(spread) && spread.parent && ts.isCallExpression(spread.parent) && /^Math\.(max|min)$/.test(spread.parent.expression.getText())) return spread.parent;
  return undefined;
}

/** `r => r.id`, `({ id }) => id`: the fields a map callback reads; null when it uses the row otherwise. */
export function pluckedFields(fn: ts.ArrowFunction | ts.FunctionExpression): string[] | null {
  const param = fn.parameters[0];
  if (!param) return null;
  if (ts.isObjectBindingPattern(param.name)) {
    // `({ id, ...rest }) => …` keeps the whole row
    if (param.name.elements.some((e) => e.dotDotDotToken)) return null;
    const fields = param.name.elements.map((e) => (e.propertyName ?? e.name).getText());
    return nonEmpty(fields);
  }
  if (!ts.isIdentifier(param.name)) return null;
  const name = param.name.text;
  const fields = new Set<string>();
  let bare = false;
  walk(fn.body, (node) => {
    if (ts.isIdentifier(node) && node.text === name && !isPropertyNameNode(node)) {
      const parent = node.parent;
      const isMethodCall = ts.isPropertyAccessExpression(parent) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node && !isMethodCall) fields.add(parent.name.text);
      else bare = true;
    }
  });
  return bare ? null : nonEmpty([...fields]);
}

export function nonEmpty(fields: string[]): string[] | null {
  return fields.length > 0 ? fields : null;
}

/** The mapped values are consumed as plain values (ids for a later query), not rows sent back whole. */
export function isPluckOnlyUse(mapCall: ts.CallExpression): boolean {
  return mapCall.parent !== undefined && !ts.isReturnStatement(mapCall.parent);
}

/**
 * A field the rows carry that no projection could list: an included association (`include: [{ as: "user" }]`,
 * `include: { author: true }`, `include: [User]`) or a getter/method of the model class (`get redirectUrl()`).
 */
/** Members every ORM row has that stand for the whole record, not one column. */
const WHOLE_RECORD_MEMBERS = new Set(["dataValues", "_previousDataValues", "toJSON", "get"]);

export function isNotAColumn(call: DbCall, field: string): boolean {
  if (WHOLE_RECORD_MEMBERS.has(field)) return true;
  if (includedNames(call).has(field)) return true;
  const cls = call.modelClass?.node;
  return cls !== undefined && declaresMember(cls, field, true);
}

function includedNames(call: DbCall): Set<string> {
  const names = new Set<string>();
  const options = call.options && ts.isObjectLiteralExpression(call.options) ? call.options : undefined;
  const include = options?.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === "include");
  if (!include) return names;
  const value = include.initializer;
  if (ts.isObjectLiteralExpression(value)) for (const p of value.properties) if (p.name) names.add(p.name.getText());
  if (ts.isArrayLiteralExpression(value)) {
    for (const element of value.elements) {
      if (ts.isIdentifier(element)) names.add(element.text.charAt(0).toLowerCase() + element.text.slice(1));
      if (!ts.isObjectLiteralExpression(element)) continue;
      const alias = element.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === "as");
      if (alias && ts.isStringLiteralLike(alias.initializer)) names.add(alias.initializer.text);
      const model = element.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === "model");
      if (model && ts.isIdentifier(model.initializer)) names.add(model.initializer.text.charAt(0).toLowerCase() + model.initializer.text.slice(1));
    }
  }
  return names;
}

/**
 * `rows.map((r) => ({ r, plan: planFor(r) })).filter(({ plan }) => …)`: the filter reads only values the map
 * computed in JavaScript (calls, not the row's columns), which no `where` can express. `mapped` is the receiver
 * of the filter (the `.map(…)` call, or a const holding one, which `initializerOf` reads).
 */
export function filtersComputedValues(mapped: ts.Expression, filter: ts.ArrowFunction | ts.FunctionExpression, initializerOf: (name: ts.Identifier) => ts.Expression | undefined): boolean {
  let receiver = unwrapExpression(mapped);
  if (ts.isIdentifier(receiver)) {
    const initializer = initializerOf(receiver);
    if (initializer) receiver = unwrapExpression(initializer);
  }
  if (!ts.isCallExpression(receiver) || !ts.isPropertyAccessExpression(receiver.expression) || receiver.expression.name.text !== "map") return false;
  const mapper = receiver.arguments[0];
  if (!mapper || !(ts.isArrowFunction(mapper) || ts.isFunctionExpression(mapper))) return false;
  const result = ts.isBlock(mapper.body) ? undefined : unwrapExpression(mapper.body);
  if (!result || !ts.isObjectLiteralExpression(result)) return false;
  const computed = new Set<string>();
  for (const property of result.properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
    if (ts.isCallExpression(unwrapExpression(property.initializer))) computed.add(property.name.text);
  }
  const read = propertiesRead(filter);
  return read !== null && read.length > 0 && read.every((name) => computed.has(name));
}

/** The properties a callback reads of its first parameter, or null when it uses the parameter some other way. */
function propertiesRead(fn: ts.ArrowFunction | ts.FunctionExpression): string[] | null {
  const param = fn.parameters[0];
  if (!param) return null;
  if (ts.isObjectBindingPattern(param.name)) {
    const names = param.name.elements.map((element) => (element.propertyName ?? element.name));
    return names.every(ts.isIdentifier) ? names.map((name) => (name as ts.Identifier).text) : null;
  }
  if (!ts.isIdentifier(param.name)) return null;
  const name = param.name.text;
  const read: string[] = [];
  let other = false;
  walk(fn.body, (node) => {
    if (!ts.isIdentifier(node) || node.text !== name || isPropertyNameNode(node)) return;
    if (ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) read.push(node.parent.name.text);
    else other = true;
  });
  return other ? null : read;
}
