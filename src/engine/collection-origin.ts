import ts from "#typescript";
import type { Resolver } from "./resolve.js";
import { unwrapExpression } from "./resolve.js";
import { decoratorName } from "./http.js";
import { isResolverMapField, iteratedCollection } from "./loop-shapes.js";

/**
 * Where the collection of a per-element loop comes from, which says how large N gets:
 * - `request`: the request body, query or GraphQL/tRPC input (the caller chooses N);
 * - `field-resolver`: a GraphQL field resolver, run once per row of the parent list;
 * - `table-rows`: rows of a read not scoped to one parent (grows with the table);
 * - `child-rows`: rows of a read scoped to one parent key, or a relation array of one loaded row
 *   (grows with that parent: often a handful, sometimes thousands);
 * - `capped`: a read or slice with a small constant limit;
 * - `unknown`: anything else (a computed list, an API response, a parameter no caller explains).
 */
export type CollectionOrigin = "request" | "field-resolver" | "table-rows" | "child-rows" | "capped" | "unknown";

/** How strongly each origin suggests a large N, for choosing among several callers. */
const WEIGHT: Record<CollectionOrigin, number> = { request: 5, "field-resolver": 5, "table-rows": 4, unknown: 2, "child-rows": 1, capped: 0 };

/** How far assignments, properties and callers are followed. */
const MAX_DEPTH = 6;

/** `post.body`: a column of a loaded row, not a request body. */
function isRowValue(resolver: Resolver, expression: ts.Expression): boolean {
  const kind = resolver.evaluate(expression).kind;
  return kind === "orm-instance" || kind === "rows" || kind === "instances";
}

/** Largest constant limit that still reads as "a few" (a preview, a small batch). */
const SMALL_LIMIT = 10;

/** Request objects and their payload members: `req.body`, `request.query`, `ctx.request.body`, `event.body`. */
const REQUEST_MEMBER = /^(body|query|payload|searchParams|input|args|variables)$/;
/** Members that only a request has: `args.body`, `event.body`, hapi `request.payload`. */
const REQUEST_BODY = /^(body|payload|searchParams)$/;
/** Parameters that carry a request payload by convention: tRPC `input`, GraphQL `args`, Nest DTOs. */
const REQUEST_PARAMETER = /^(input|args|body|payload|dto|params|query|variables|data)$/;
const REQUEST_DECORATOR = /^(Body|Query|Args|Param|Payload|Input|Arg)$/;
/** `await req.json()`, `await request.formData()`, `c.req.valid("json")`. */
const REQUEST_READER = /^(json|formData|valid|text)$/;
/** Validation and parsing wrappers whose result is their argument, checked: `schema.parse(body)`. */
const PASS_THROUGH_CALL = /^(parse|safeParse|parseAsync|safeParseAsync|validate|validateSync|validateAsync|plainToInstance|plainToClass|assert|cast|from|uniq|uniqBy|compact|flatten|sortBy|orderBy|groupBy|chunk|values|keys|entries|structuredClone)$/;
/** Array methods whose result has (at most) the elements of the receiver. */
const ELEMENT_PRESERVING = new Set(["filter", "map", "flatMap", "flat", "sort", "toSorted", "reverse", "concat", "values", "keys", "entries", "slice", "splice", "toArray"]);

export class CollectionOrigins {
  private readonly cache = new Map<ts.Node, CollectionOrigin>();
  private readonly inProgress = new Set<ts.Node>();
  /** Times a walk stopped early (depth or cycle); results computed across one are not cached. */
  private cutOffs = 0;

  constructor(
    private readonly resolver: Resolver,
    /** Functions that answer a request (route handlers, tRPC procedures, resolvers, server actions). */
    private readonly handlerFunctions: Set<ts.Node>,
  ) {}

  /** The origin of what a loop (`for…of`, `xs.map(…)`, a field resolver decorator) iterates. */
  ofLoop(loop: ts.Node): CollectionOrigin {
    if (ts.isDecorator(loop) || isResolverMapField(loop)) return "field-resolver";
    const collection = iteratedCollection(loop);
    if (!collection) return this.ofCountedLoop(loop);
    return this.of(collection, 0);
  }

  /** `for (let i = 0; i < xs.length; i++)`: the origin of `xs`. */
  private ofCountedLoop(loop: ts.Node): CollectionOrigin {
    if (!ts.isForStatement(loop) || !loop.condition || !ts.isBinaryExpression(loop.condition)) return "unknown";
    const bound = unwrapExpression(loop.condition.right);
    if (ts.isPropertyAccessExpression(bound) && bound.name.text === "length") return this.of(bound.expression, 0);
    return "unknown";
  }

  of(expression: ts.Expression, depth: number): CollectionOrigin {
    const expr = unwrapExpression(expression);
    const cached = this.cache.get(expr);
    if (cached) return cached;
    if (depth > MAX_DEPTH || this.inProgress.has(expr)) return this.cutOff();
    this.inProgress.add(expr);
    const cutOffsBefore = this.cutOffs;
    const origin = this.classify(expr, depth);
    this.inProgress.delete(expr);
    // A result that hit the depth limit or a cycle depends on where the walk started: not cached.
    if (this.cutOffs === cutOffsBefore) this.cache.set(expr, origin);
    return origin;
  }

  private cutOff(): CollectionOrigin {
    this.cutOffs++;
    return "unknown";
  }

  private classify(expr: ts.Expression, depth: number): CollectionOrigin {
    if (ts.isCallExpression(expr)) return this.ofCall(expr, depth);
    if (ts.isArrayLiteralExpression(expr)) {
      const spread = expr.elements.find(ts.isSpreadElement);
      return spread ? this.of(spread.expression, depth + 1) : "capped";
    }
    if (ts.isNewExpression(expr) && expr.arguments?.[0] && /^(Set|Map)$/.test(expr.expression.getText())) return this.of(expr.arguments[0], depth + 1);
    if (ts.isConditionalExpression(expr)) return strongest([this.of(expr.whenTrue, depth + 1), this.of(expr.whenFalse, depth + 1)]);
    if (ts.isBinaryExpression(expr) && (expr.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || expr.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return this.of(expr.left, depth + 1);

    const value = this.resolver.evaluate(expr);
    if (value.kind === "rows") {
      const call = value.call;
      // A page of a list (`take` from the request, `take: 50`) is as large as a page; `take: 5` is a preview.
      if (call.limit !== null && call.limit <= SMALL_LIMIT) return "capped";
      if (call.bounded) return "table-rows";
      if (value.capped || call.filteredByUnique) return "capped";
      return call.scopedByKey ? "child-rows" : "table-rows";
    }
    if (value.kind === "constant") return "capped";

    if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) return this.ofMember(expr, depth);
    if (ts.isIdentifier(expr)) return this.ofIdentifier(expr, depth);
    return "unknown";
  }

  private ofCall(call: ts.CallExpression, depth: number): CollectionOrigin {
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (REQUEST_READER.test(method) && this.isRequestObject(callee.expression, depth)) return "request";
      if (ELEMENT_PRESERVING.has(method)) {
        if (method === "slice" && isSmallConstant(call.arguments[1]) && isSmallConstant(call.arguments[0] ?? undefined, true)) return "capped";
        return this.of(callee.expression, depth + 1);
      }
    }
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
    if (/^(all|allSettled)$/.test(name) && callee.getText().startsWith("Promise") && call.arguments[0]) return this.of(call.arguments[0], depth + 1);
    // `Object.values(body.items)`, `Array.from(ids)`, `schema.parse(await req.json())`, `_.uniq(xs)`
    if (PASS_THROUGH_CALL.test(name) && call.arguments.length > 0) {
      return strongest(call.arguments.slice(0, 2).map((argument) => this.of(argument, depth + 1)));
    }
    return "unknown";
  }

  private ofMember(expr: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): CollectionOrigin {
    const object = expr.expression;
    if (ts.isPropertyAccessExpression(expr) && ((REQUEST_BODY.test(expr.name.text) && !isRowValue(this.resolver, object)) || (REQUEST_MEMBER.test(expr.name.text) && this.isRequestObject(object, depth)))) return "request";
    if (ts.isPropertyAccessExpression(expr)) {
      const member = this.ofProperty(object, expr.name.text, depth + 1);
      if (member !== "unknown") return member;
    }
    const inner = this.of(object, depth + 1);
    if (inner === "request") return "request";
    // `order.lines`, `envelope.items`: a relation array of one loaded row.
    const owner = this.resolver.evaluate(object);
    if (owner.kind === "orm-instance") return "child-rows";
    if (inner === "table-rows" || inner === "child-rows") return "child-rows";
    return "unknown";
  }

  private ofIdentifier(identifier: ts.Identifier, depth: number): CollectionOrigin {
    const binding = this.resolver.lookup(identifier);
    if (binding?.kind !== "node") return "unknown";
    const node = binding.node;
    if (ts.isVariableDeclaration(node)) return node.initializer ? this.of(node.initializer, depth + 1) : "unknown";
    if (ts.isBindingElement(node)) return this.ofBindingElement(node, depth);
    if (ts.isParameter(node)) return this.ofParameter(node, depth);
    return "unknown";
  }

  /** `const { items } = body`, `({ input }) => …`: the destructured member of what is destructured. */
  private ofBindingElement(element: ts.BindingElement, depth: number): CollectionOrigin {
    const container = element.parent.parent;
    const name = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : ts.isIdentifier(element.name) ? element.name.text : null;
    if (!name || !ts.isObjectBindingPattern(element.parent)) return "unknown";
    if (ts.isVariableDeclaration(container)) return container.initializer ? this.ofProperty(container.initializer, name, depth + 1) : "unknown";
    if (ts.isParameter(container)) return this.ofParameterProperty(container, name, depth);
    return "unknown";
  }

  /** The origin of `expression.name`: follows object literals, variables and the callers of parameters. */
  private ofProperty(expression: ts.Expression, name: string, depth: number): CollectionOrigin {
    if (depth > MAX_DEPTH) return this.cutOff();
    const expr = unwrapExpression(expression);
    if (ts.isObjectLiteralExpression(expr)) {
      for (const property of expr.properties) {
        if (ts.isPropertyAssignment(property) && property.name.getText() === name) return this.of(property.initializer, depth + 1);
        if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return this.of(property.name, depth + 1);
      }
      const spreads = expr.properties.filter(ts.isSpreadAssignment);
      return spreads.length > 0 ? strongest(spreads.map((spread) => this.ofProperty(spread.expression, name, depth + 1))) : "unknown";
    }
    if (ts.isIdentifier(expr)) {
      const binding = this.resolver.lookup(expr);
      if (binding?.kind === "node" && ts.isVariableDeclaration(binding.node) && binding.node.initializer) return this.ofProperty(binding.node.initializer, name, depth + 1);
      if (binding?.kind === "node" && ts.isParameter(binding.node)) return this.ofParameterProperty(binding.node, name, depth);
    }
    if (REQUEST_MEMBER.test(name) && this.isRequestObject(expr, depth)) return "request";
    const whole = this.of(expr, depth + 1);
    if (whole === "request" || whole === "capped") return whole;
    const owner = this.resolver.evaluate(expr);
    return owner.kind === "orm-instance" || whole === "table-rows" || whole === "child-rows" ? "child-rows" : "unknown";
  }

  /** `function f({ ids }) {…}` or `function f(params) { const { ids } = params }`: what callers pass as `ids`. */
  private ofParameterProperty(parameter: ts.ParameterDeclaration, name: string, depth: number): CollectionOrigin {
    if (this.isRequestParameter(parameter) || (REQUEST_PARAMETER.test(name) && name !== "data" && this.handlerFunctions.has(parameter.parent))) return "request";
    const callers = this.resolver.argumentsFor(parameter).slice(0, 8);
    if (callers.length === 0) return REQUEST_PARAMETER.test(name) && name !== "data" ? "request" : "unknown";
    return strongest(callers.map((argument) => this.ofProperty(argument, name, depth + 1)));
  }

  /** A handler's request payload: `@Body() dto`, `@Args() args`, or a request-named parameter of a handler. */
  private isRequestParameter(parameter: ts.ParameterDeclaration): boolean {
    if (ts.canHaveDecorators(parameter) && (ts.getDecorators(parameter) ?? []).some((d) => REQUEST_DECORATOR.test(decoratorName(d) ?? ""))) return true;
    const fn = parameter.parent;
    const name = ts.isIdentifier(parameter.name) ? parameter.name.text : "";
    return this.handlerFunctions.has(fn) && (REQUEST_PARAMETER.test(name) || fn.parameters.indexOf(parameter) > 0);
  }

  private ofParameter(parameter: ts.ParameterDeclaration, depth: number): CollectionOrigin {
    if (this.isRequestParameter(parameter)) return "request";
    // A plain function's parameter: as large as what its callers pass.
    const callers = this.resolver.argumentsFor(parameter).slice(0, 8);
    const name = ts.isIdentifier(parameter.name) ? parameter.name.text : "";
    if (callers.length === 0) return REQUEST_PARAMETER.test(name) && name !== "data" ? "request" : "unknown";
    return strongest(callers.map((argument) => this.of(argument, depth + 1)));
  }

  /** `req`, `request`, `ctx.request`, `c.req`, `event`: the first parameter of a handler, or named so. */
  private isRequestObject(expression: ts.Expression, depth: number): boolean {
    const expr = unwrapExpression(expression);
    if (ts.isPropertyAccessExpression(expr)) return /^(req|request)$/.test(expr.name.text) || this.isRequestObject(expr.expression, depth);
    if (!ts.isIdentifier(expr)) return false;
    if (/^(req|request)$/.test(expr.text)) return true;
    const binding = this.resolver.lookup(expr);
    if (binding?.kind !== "node") return false;
    if (ts.isParameter(binding.node)) return this.handlerFunctions.has(binding.node.parent);
    if (ts.isVariableDeclaration(binding.node) && binding.node.initializer && depth < 6) return this.of(binding.node.initializer, depth + 1) === "request";
    return false;
  }
}


function isSmallConstant(expression: ts.Expression | undefined, allowZero = false): boolean {
  if (!expression) return false;
  const expr = unwrapExpression(expression);
  if (!ts.isNumericLiteral(expr)) return false;
  const value = Number(expr.text);
  return allowZero ? value === 0 : value <= SMALL_LIMIT;
}


function strongest(origins: CollectionOrigin[]): CollectionOrigin {
  return origins.reduce<CollectionOrigin>((best, origin) => (WEIGHT[origin] > WEIGHT[best] ? origin : best), "capped");
}
