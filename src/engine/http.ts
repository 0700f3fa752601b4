import ts from "#typescript";
import type { ModuleInfo } from "./project.js";
import type { Resolver } from "./resolve.js";
import { isFunctionLike, unwrapExpression } from "./resolve.js";
import type { FunctionRef } from "./values.js";
import type { FrameworkName } from "../types.js";

/** `graphql`: decorator-based GraphQL operations (`@Query`, `@Mutation`, `@ResolveField`), whatever server runs them. */
export type Framework = FrameworkName;

/** Frameworks whose routes are registered by calls that look alike (`app.get("/x", handler)`), most specific first, with their packages. */
const ROUTER_PACKAGES: readonly [Framework, readonly string[]][] = [
  ["hapi", ["@hapi/hapi", "hapi"]],
  ["fastify", ["fastify"]],
  ["hono", ["hono"]],
  ["koa", ["koa", "@koa/router", "koa-router"]],
  ["express", ["express"]],
];

/**
 * The framework route calls (`app.get("/x", handler)`) belong to: the first router the dependencies name, else
 * Express. When the config's `frameworks` leaves that one out but lists another router the project depends on (a
 * project with two routers), the listed one: the config says which serves the requests.
 */
export function routeFramework(hasDependency: (name: string) => boolean, allowed: readonly Framework[] | undefined): Framework {
  const dependedOn = ROUTER_PACKAGES.filter(([, packages]) => packages.some(hasDependency)).map(([framework]) => framework);
  const detected = dependedOn[0] ?? "express";
  if (!allowed || allowed.includes(detected)) return detected;
  return dependedOn.find((framework) => allowed.includes(framework)) ?? detected;
}

/** Whether a handler counts as one under the config's `frameworks` (default: every framework). */
export function isAllowedHandler(handler: Handler, allowed: readonly Framework[] | undefined): boolean {
  return !allowed || allowed.includes(handler.framework);
}

/** A function that runs once per HTTP request (or tRPC call). */
export interface Handler {
  fn: FunctionRef;
  framework: Framework;
  /** `GET /api/users/:id`, `trpc user.list`, or null when it cannot be stated. */
  endpoint: string | null;
  /** The node that registers the handler (route call, decorator, export). */
  registration: ts.Node;
}

const REMIX_PACKAGES = ["@remix-run/node", "@remix-run/server-runtime", "@remix-run/cloudflare", "@remix-run/deno", "@remix-run/react", "@react-router/node", "@react-router/dev", "@react-router/cloudflare"];

/**
 * A route module's URL under Remix v2 / React Router flat routes: `api.v1.projects.$projectRef.ts` is
 * `/api/v1/projects/:projectRef`, `_index` the index, `_auth.login` (a pathless layout) `/login`, `$` a splat,
 * `[.]` a literal dot, `folder/route.tsx` the folder's name.
 */
export function remixRoutePath(file: string): string {
  const name = file.replace(/\/route$/, "").replace(/\//g, ".");
  const segments = name.split(/\.(?![^[]*\])/).flatMap((segment) => {
    if (segment === "_index" || segment === "index" || (segment.startsWith("_") && segment !== "_")) return [];
    const plain = segment.replace(/_$/, "").replace(/\[(.*?)\]/g, "$1").replace(/^\((.*)\)$/, "$1");
    if (plain === "$") return ["*"];
    return [plain.startsWith("$") ? `:${plain.slice(1)}` : plain];
  });
  return `/${segments.join("/")}`;
}

const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete", "del", "all", "options", "head"]);
const NEST_METHOD_DECORATORS = new Set(["Get", "Post", "Put", "Patch", "Delete", "All", "Options", "Head"]);
const NEXT_ROUTE_EXPORTS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

/** What one module registers: route handlers, GraphQL operations, and the mounts that prefix routes. */
export interface ModuleRoutes {
  handlers: Handler[];
  /** `@Query()`, `@Mutation()`, `@ResolveField()` methods: they answer requests, but are not list endpoints. */
  graphql: Handler[];
  /** `app.use("/prefix", router)`, `fastify.register(plugin, { prefix })`, `app.setGlobalPrefix("api")`. */
  mounts: ts.CallExpression[];
}

/** Finds request handlers in one module. `dependencies` tells which framework a route call belongs to. */
export function findHandlers(module: ModuleInfo, resolver: Resolver, frameworkOf: (registration: ts.CallExpression) => Framework): ModuleRoutes {
  const handlers: Handler[] = [];
  const graphql: Handler[] = [];
  const mounts: ts.CallExpression[] = [];
  const fnRef = (node: ts.Node | undefined): FunctionRef | undefined => {
    if (!node) return undefined;
    // router.get("/x", asyncHandler(async (req, res) => …)): the wrapped function is the handler
    // controller.list.bind(controller): the bound method is the handler
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "bind") return fnRef(node.expression.expression);
    const wrapped = ts.isCallExpression(node) ? wrappedHandler(node) : undefined;
    if (wrapped && isFunctionLike(wrapped)) return { node: wrapped, module };
    const expr = ts.isExpression(node) ? unwrapExpression(node) : node;
    if (isFunctionLike(expr)) return { node: expr, module };
    if (ts.isExpression(expr)) {
      const value = resolver.evaluate(expr);
      if (value.kind === "function") return value.fn;
    }
    return undefined;
  };

  // Next.js route handlers and pages/api.
  const path = module.relPath;
  const appRoute = /(^|\/)app\/(.*\/)?route\.(ts|js|mts|mjs|tsx|jsx)$/.exec(path);
  const pagesApi = /(^|\/)pages\/api\/(.*)\.(ts|js|tsx|jsx|mts|mjs)$/.exec(path);
  if (appRoute || pagesApi) {
    for (const [name, target] of module.exports) {
      const isRouteExport = appRoute ? NEXT_ROUTE_EXPORTS.has(name) : name === "default";
      if (!isRouteExport) continue;
      const node = target.kind === "node" ? target.node : target.kind === "local" ? module.topLevel.get(target.name) : undefined;
      const declaration = node && ts.isVariableDeclaration(node) ? node.initializer : node;
      // export const GET = withWorkspace(async (req) => …): the wrapped function is the handler
      const fn = fnRef(declaration) ?? fnRef(wrappedHandler(declaration));
      if (!fn || !node) continue;
      const route = appRoute ? nextAppRoute(appRoute[2] ?? "") : nextPagesRoute(pagesApi![2]!);
      handlers.push({ fn, framework: "nextjs", endpoint: `${appRoute ? name : "ANY"} ${route}`, registration: node });
    }
  }

  // Remix and React Router framework mode: a route module's `loader` (GET) and `action` (the other methods).
  const remixRoute = /(^|\/)app\/routes\/(.+)\.(ts|js|tsx|jsx|mts|mjs)$/.exec(path);
  if (remixRoute && REMIX_PACKAGES.some((name) => resolver.project.hasDependency(name))) {
    for (const [name, target] of module.exports) {
      if (name !== "loader" && name !== "action") continue;
      const node = target.kind === "node" ? target.node : target.kind === "local" ? module.topLevel.get(target.name) : undefined;
      const fn = fnRef(node && ts.isVariableDeclaration(node) ? node.initializer : node);
      if (!fn || !node) continue;
      handlers.push({ fn, framework: "remix", endpoint: `${name === "loader" ? "GET" : "POST"} ${remixRoutePath(remixRoute[2]!)}`, registration: node });
    }
  }

  // The fact sites hold every call and decorator in walk order; a decorated method or class is met at its first
  // decorator, which a walk meets right after the declaration itself.
  for (const node of module.factSites) {
    if (ts.isDecorator(node)) {
      const declaration = node.parent;
      if (!ts.canHaveDecorators(declaration) || ts.getDecorators(declaration)?.[0] !== node) continue;
      if (ts.isMethodDeclaration(declaration) && declaration.body) {
        const operation = graphqlOperation(declaration);
        if (operation) graphql.push({ fn: { node: declaration, module }, framework: "graphql", endpoint: `graphql ${operation}`, registration: declaration });
      }
      if (ts.isClassDeclaration(declaration)) handlers.push(...nestHandlers(declaration, module));
      continue;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const first = node.arguments[0];
      if (MOUNT_METHODS.has(method) && first && (ts.isStringLiteralLike(first) || method === "register")) mounts.push(node);
      // app.get("/path", ...middleware, handler) — Express, Router, Fastify, Koa router, Hono.
      // RPC-style routers name routes without a slash: router.post("documents.list", auth(), handler)
      const rpcRoute = first !== undefined && ts.isStringLiteralLike(first) && /^[\w.:-]+$/.test(first.text) && /(^|\.)(router|app|api|server)$/i.test(node.expression.expression.getText());
      if (HTTP_METHODS.has(method) && first && (isRoutePath(first) || rpcRoute) && node.arguments.length >= 2) {
        const fn = fnRef(node.arguments[node.arguments.length - 1]);
        if (fn) handlers.push({ fn, framework: frameworkOf(node), endpoint: `${method === "del" ? "DELETE" : method.toUpperCase()} ${routeText(first)}`, registration: node });
      }
      // app.route("/path").get(handler)
      if (HTTP_METHODS.has(method) && node.arguments.length >= 1 && ts.isCallExpression(node.expression.expression)) {
        const routeCall = node.expression.expression;
        if (ts.isPropertyAccessExpression(routeCall.expression) && routeCall.expression.name.text === "route" && routeCall.arguments[0] && isRoutePath(routeCall.arguments[0])) {
          const fn = fnRef(node.arguments[node.arguments.length - 1]);
          if (fn) handlers.push({ fn, framework: frameworkOf(node), endpoint: `${method.toUpperCase()} ${routeText(routeCall.arguments[0])}`, registration: node });
        }
      }
      // fastify.route({ method, url, handler })
      if (method === "route" && first && ts.isObjectLiteralExpression(first)) {
        const handler = objectProperty(first, "handler");
        const url = objectProperty(first, "url") ?? objectProperty(first, "path");
        const verb = objectProperty(first, "method");
        const fn = fnRef(handler);
        // fastify.route({ method, url, handler }) and Hapi's server.route({ method, path, handler })
        if (fn) handlers.push({ fn, framework: frameworkOf(node) === "hapi" ? "hapi" : "fastify", endpoint: `${verb && ts.isStringLiteralLike(verb) ? verb.text.toUpperCase() : "ANY"} ${url && isRoutePath(url) ? routeText(url) : "?"}`, registration: node });
      }
      // oRPC: protectedProcedure.route({ method: "GET", path: "/typebots" }).input(schema).handler(({ input }) => …)
      if (method === "handler" && node.arguments.length === 1 && isProcedureChain(node.expression.expression, ORPC_ROOT)) {
        const fn = fnRef(node.arguments[0]);
        if (fn) handlers.push({ fn, framework: "orpc", endpoint: orpcRoute(node.expression.expression) ?? `orpc ${procedurePath(node) ?? "handler"}`, registration: node });
      }
      // tRPC: publicProcedure.input(...).query(({ ctx, input }) => ...)
      if ((method === "query" || method === "mutation" || method === "subscription") && node.arguments.length === 1 && isProcedureChain(node.expression.expression)) {
        const fn = fnRef(node.arguments[0]);
        if (fn) handlers.push({ fn, framework: "trpc", endpoint: `trpc ${procedurePath(node) ?? method}`, registration: node });
      }
    }
  }
  return { handlers, graphql, mounts };
}

const MOUNT_METHODS = new Set(["use", "register", "setGlobalPrefix"]);
const GRAPHQL_OPERATION = /^(Query|Mutation|Subscription|ResolveField|FieldResolver|ResolveProperty)$/;

/** `@Query() orders()` → `Query.orders`; a field resolver `author()` → `field.author`. */
function graphqlOperation(method: ts.MethodDeclaration): string | null {
  for (const decorator of ts.getDecorators(method) ?? []) {
    const name = decoratorName(decorator);
    if (!name || !GRAPHQL_OPERATION.test(name)) continue;
    const kind = name === "Query" || name === "Mutation" || name === "Subscription" ? name : "field";
    return `${kind}.${method.name.getText()}`;
  }
  return null;
}

function wrappedHandler(node: ts.Node | undefined): ts.Node | undefined {
  let current = node && ts.isExpression(node) ? unwrapExpression(node) : undefined;
  for (let depth = 0; current && ts.isCallExpression(current) && depth < 4; depth++) {
    const fnArgument = [...current.arguments].reverse().find((a) => isFunctionLike(unwrapExpression(a)));
    if (fnArgument) return unwrapExpression(fnArgument);
    const inner: ts.Expression | undefined = current.arguments[0];
    current = inner ? unwrapExpression(inner) : undefined;
  }
  return undefined;
}

function nestHandlers(cls: ts.ClassDeclaration, module: ModuleInfo): Handler[] {
  const controller = (ts.getDecorators(cls) ?? []).find((d) => decoratorName(d) === "Controller");
  if (!controller) return [];
  const prefix = decoratorPath(controller);
  const handlers: Handler[] = [];
  for (const member of cls.members) {
    if (!ts.isMethodDeclaration(member)) continue;
    for (const decorator of ts.getDecorators(member) ?? []) {
      const name = decoratorName(decorator);
      if (!name || !NEST_METHOD_DECORATORS.has(name)) continue;
      const route = joinRoute(prefix, decoratorPath(decorator));
      handlers.push({ fn: { node: member, module }, framework: "nestjs", endpoint: `${name.toUpperCase()} ${route}`, registration: decorator });
    }
  }
  return handlers;
}

/** `@Body()` → "Body", `@Nest.Body()` → "Body". */
export function decoratorName(decorator: ts.Decorator): string | undefined {
  const expr = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
  return ts.isIdentifier(expr) ? expr.text : ts.isPropertyAccessExpression(expr) ? expr.name.text : undefined;
}

function decoratorPath(decorator: ts.Decorator): string {
  if (!ts.isCallExpression(decorator.expression)) return "";
  const arg = decorator.expression.arguments[0];
  if (arg && ts.isStringLiteralLike(arg)) return arg.text;
  if (arg && ts.isObjectLiteralExpression(arg)) {
    const path = objectProperty(arg, "path");
    if (path && ts.isStringLiteralLike(path)) return path.text;
  }
  return "";
}

function joinRoute(prefix: string, path: string): string {
  const joined = `/${[prefix, path].map((p) => p.replace(/^\/+|\/+$/g, "")).filter(Boolean).join("/")}`;
  return joined;
}

function isRoutePath(node: ts.Expression): boolean {
  return (ts.isStringLiteralLike(node) && node.text.startsWith("/")) || (ts.isTemplateExpression(node) && node.head.text.startsWith("/")) || ts.isRegularExpressionLiteral(node);
}

function routeText(node: ts.Expression): string {
  if (ts.isStringLiteralLike(node)) return node.text;
  return node.getText();
}

function objectProperty(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === name) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
    if (ts.isMethodDeclaration(property) && property.name.getText() === name) return property as unknown as ts.Expression;
  }
  return undefined;
}

/** `publicProcedure`, `protectedProcedure.input(z)`, `t.procedure.use(auth)`: a chain rooted at a name ending in "procedure". */
function isProcedureChain(expression: ts.Expression, root: RegExp = PROCEDURE_ROOT): boolean {
  let current: ts.Expression = expression;
  for (let depth = 0; depth < 12; depth++) {
    if (ts.isCallExpression(current)) current = current.expression;
    else if (ts.isPropertyAccessExpression(current)) {
      if (PROCEDURE_ROOT.test(current.name.text)) return true;
      current = current.expression;
    } else if (ts.isIdentifier(current)) return root.test(current.text);
    else return false;
  }
  return false;
}

const PROCEDURE_ROOT = /procedure$/i;
/** oRPC's builder is `os` (`os.input(z).handler(…)`), or procedures derived from it. */
const ORPC_ROOT = /procedure$|^os$/i;

/** `.route({ method: "GET", path: "/typebots" })` in an oRPC chain: `GET /typebots`. */
function orpcRoute(expression: ts.Expression): string | null {
  for (let current: ts.Expression = expression, depth = 0; depth < 12 && (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)); depth++) {
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && current.expression.name.text === "route") {
      const options = current.arguments[0];
      const path = options && ts.isObjectLiteralExpression(options) ? objectProperty(options, "path") : undefined;
      const verb = options && ts.isObjectLiteralExpression(options) ? objectProperty(options, "method") : undefined;
      if (path && ts.isStringLiteralLike(path)) return `${verb && ts.isStringLiteralLike(verb) ? verb.text.toUpperCase() : "POST"} ${path.text}`;
    }
    current = current.expression;
  }
  return null;
}

/** The key path of a procedure inside `router({ user: router({ list: … }) })`. */
function procedurePath(node: ts.Node): string | null {
  const keys: string[] = [];
  let current: ts.Node | undefined = node;
  while (current) {
    if (ts.isPropertyAssignment(current)) keys.unshift(current.name.getText());
    // `export const updateItemsRoute = authenticatedProcedure.input(…).mutation(…)`, merged into a router elsewhere
    if (keys.length === 0 && ts.isVariableDeclaration(current) && ts.isIdentifier(current.name)) return current.name.text;
    current = current.parent;
  }
  return keys.length > 0 ? keys.join(".") : null;
}

function nextAppRoute(dir: string): string {
  const segments = dir.split("/").filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return "/" + segments.map((s) => s.replace(/^\[\.\.\.(.+)\]$/, "*$1").replace(/^\[(.+)\]$/, ":$1")).join("/");
}

function nextPagesRoute(file: string): string {
  const route = ("api/" + file).replace(/\/index$/, "");
  return "/" + route.split("/").map((s) => s.replace(/^\[\.\.\.(.+)\]$/, "*$1").replace(/^\[(.+)\]$/, ":$1")).join("/");
}

/**
 * Expressions whose value is sent to the client: `return x`, `res.json(x)`, `res.send(x)`, `reply.send(x)`,
 * `c.json(x)`, `NextResponse.json(x)`, `Response.json(x)`, `ctx.body = x`. `returns: false`: only what is sent.
 */
export function responseValues(fn: FunctionRef, { returns = true }: { returns?: boolean } = {}): ts.Expression[] {
  const found: ts.Expression[] = [];
  const body = fn.node.body;
  if (!body) return found;
  if (!ts.isBlock(body) && returns) found.push(body);
  // Returns count only in the handler itself; `res.json(x)` counts in nested callbacks too (`.then(rows => res.json(rows))`).
  const visit = (node: ts.Node, nested: boolean): void => {
    if (isFunctionLike(node)) {
      if (node.body) visit(node.body, true);
      return;
    }
    if (!nested && returns && ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if ((name === "json" || name === "send" || name === "jsonp") && node.arguments[0]) found.push(node.arguments[0]);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.name.text === "body") {
      found.push(node.right);
    }
    ts.forEachChild(node, (child) => visit(child, nested));
  };
  ts.forEachChild(body, (child) => visit(child, false));
  return found;
}

/**
 * `app.use("/api/admin", dashboardRouter)`, `fastify.register(routes, { prefix: "/api" })`,
 * `app.setGlobalPrefix("api")`: the path a router or plugin is mounted at, put in front of its routes' endpoints.
 */
export function withMountPrefixes(handlers: Handler[], mountCalls: ts.CallExpression[], resolver: Resolver): Handler[] {
  const mounts = new Map<ts.Node, { prefix: string; parent: ts.Expression }>();
  let globalPrefix: string | null = null;
  const declarationOf = (expression: ts.Expression, depth = 0): ts.Node | undefined => {
    const expr = unwrapExpression(expression);
    if (!ts.isIdentifier(expr)) return undefined;
    const binding = resolver.lookup(expr);
    if (binding?.kind !== "node") return undefined;
    // `export default routes`: the export is the identifier; follow it to the declaration.
    if (ts.isIdentifier(binding.node) && binding.node !== expr && depth < 3) return declarationOf(binding.node, depth + 1);
    return binding.node;
  };
  for (const node of mountCalls) {
    if (!ts.isPropertyAccessExpression(node.expression)) continue;
    const method = node.expression.name.text;
    const [first, second] = node.arguments;
    if (method === "setGlobalPrefix" && first && ts.isStringLiteralLike(first)) globalPrefix = first.text;
    if (method === "use" && first && ts.isStringLiteralLike(first) && first.text.startsWith("/")) {
      for (const argument of node.arguments.slice(1)) {
        const declaration = declarationOf(argument);
        if (declaration) mounts.set(declaration, { prefix: first.text, parent: node.expression.expression });
      }
    }
    if (method === "register" && first && second && ts.isObjectLiteralExpression(second)) {
      const prefix = objectProperty(second, "prefix");
      const declaration = declarationOf(first);
      if (prefix && ts.isStringLiteralLike(prefix) && declaration) mounts.set(declaration, { prefix: prefix.text, parent: node.expression.expression });
    }
  }
  if (mounts.size === 0 && globalPrefix === null) return handlers;

  /** The prefix of the router a route is registered on, through nested mounts (three levels). */
  const prefixOf = (receiver: ts.Expression, depth: number): string => {
    if (depth > 3) return "";
    let declaration = declarationOf(receiver);
    // A Fastify plugin registers on its parameter: the plugin is the function, named by its variable.
    if (declaration && ts.isParameter(declaration) && isFunctionLike(declaration.parent)) {
      const fn = declaration.parent;
      declaration = ts.isVariableDeclaration(fn.parent) ? fn.parent : fn;
    }
    const mount = declaration ? mounts.get(declaration) : undefined;
    return mount ? joinRoute(prefixOf(mount.parent, depth + 1), mount.prefix) : "";
  };

  return handlers.map((handler) => {
    if (!handler.endpoint || handler.framework === "nextjs" || handler.framework === "remix" || handler.framework === "trpc" || handler.framework === "orpc") return handler;
    const [verb, route] = handler.endpoint.split(" ", 2) as [string, string | undefined];
    if (route === undefined || !route.startsWith("/")) return handler;
    const registration = handler.registration;
    const prefix =
      handler.framework === "nestjs"
        ? (globalPrefix ?? "")
        : ts.isCallExpression(registration) && ts.isPropertyAccessExpression(registration.expression)
          ? prefixOf(rootReceiver(registration.expression.expression), 0)
          : "";
    return prefix ? { ...handler, endpoint: `${verb} ${joinRoute(prefix, route)}` } : handler;
  });
}

/** `router.route("/x").get(…)` registers on `router`. */
function rootReceiver(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) current = current.expression.expression;
  return current;
}
