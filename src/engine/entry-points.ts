import { ts } from "ts-morph";
import type { Handler } from "./http.js";
import type { ModuleInfo } from "./project.js";
import { enclosingFunctions, walk } from "./syntax.js";

/** How a piece of code is run: by a request (an endpoint), by a job or script, or by code the scan cannot place. */
export type EntryPoint = { kind: "request"; endpoint: string | null; handler: HandlerSite } | { kind: "job" } | { kind: "unknown" };

/** Where the handler of an endpoint is registered. */
export interface HandlerSite {
  file: string;
  line: number;
}

/** Background code by its location: cron routes, job/queue/worker directories. */
const JOB_FILE = /(^|\/)(cron|crons|jobs?|workers?|queues?|tasks?|processors?|consumers?|schedulers?)(\/|$)|(^|\/)api\/cron\/|\.(job|worker|cron|processor|task)\.[cm]?[jt]sx?$/i;
const GRAPHQL_OPERATION = /^(Query|Mutation|Subscription|ResolveField|FieldResolver|ResolveProperty)$/;

/** Which code runs on a request (and for which endpoint), given the functions reachable from each handler. */
export class EntryPoints {
  constructor(private readonly reachable: Map<ts.Node, Handler>) {}

  of(node: ts.Node, relPath: string): EntryPoint {
    for (const fn of enclosingFunctions(node)) {
      const handler = this.reachable.get(fn);
      if (handler) return { kind: "request", endpoint: handler.endpoint, handler: siteOf(handler) };
    }
    return JOB_FILE.test(relPath) ? { kind: "job" } : { kind: "unknown" };
  }
}

function siteOf(handler: Handler): HandlerSite {
  const node = handler.registration;
  return { file: handler.fn.module.relPath, line: node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1 };
}

/** `@Query() orders()`, `@ResolveField() author()`: GraphQL operations answer requests like route handlers. */
export function graphqlHandlers(modules: ModuleInfo[]): Handler[] {
  const handlers: Handler[] = [];
  for (const module of modules) {
    walk(module.sourceFile, (node) => {
      if (!ts.isMethodDeclaration(node) || !node.body) return;
      const operation = graphqlOperation(node);
      if (operation) handlers.push({ fn: { node, module }, framework: "nestjs", endpoint: `graphql ${operation}`, registration: node });
    });
  }
  return handlers;
}

/** `@Query() orders()` → `Query.orders`; a field resolver `author()` → `field.author`. */
function graphqlOperation(method: ts.MethodDeclaration): string | null {
  for (const decorator of ts.getDecorators(method) ?? []) {
    const expr = decorator.expression;
    const callee = ts.isCallExpression(expr) ? expr.expression : expr;
    if (!ts.isIdentifier(callee) || !GRAPHQL_OPERATION.test(callee.text)) continue;
    const kind = callee.text === "Query" || callee.text === "Mutation" || callee.text === "Subscription" ? callee.text : "field";
    return `${kind}.${method.name.getText()}`;
  }
  return null;
}
