import { ts } from "ts-morph";
import type { Handler } from "./http.js";
import type { Resolver } from "./resolve.js";
import { isFunctionLike } from "./resolve.js";
import { enclosingFunctions, walk } from "./syntax.js";

/** How a piece of code is run: by a request (an endpoint), by a job or script, or by code the scan cannot place. */
export type EntryPoint = { kind: "request"; endpoint: string | null; handler: HandlerSite | null } | { kind: "job" } | { kind: "unknown" };

/** Where the handler of an endpoint is written. */
export interface HandlerSite {
  file: string;
  line: number;
}

/** Background code by its location: cron routes, job/queue/worker directories, scripts. */
const JOB_FILE = /(^|\/)(cron|crons|jobs?|workers?|queues?|tasks?|processors?|consumers?|schedulers?)(\/|$)|(^|\/)api\/cron\/|\.(job|worker|cron|processor|task)\.[cm]?[jt]sx?$/i;
const GRAPHQL_OPERATION = /^(Query|Mutation|Subscription|ResolveField|FieldResolver|ResolveProperty)$/;
/** How far calls are followed from an entry point: deep enough for controller → service → repository → helper. */
const MAX_CALL_DEPTH = 8;

/** Which functions run on a request, found once by following calls from every handler. */
export class EntryPoints {
  private reached: Map<ts.Node, Reach> | null = null;

  constructor(
    private readonly resolver: Resolver,
    private readonly handlers: Handler[],
    private readonly sourceFiles: { sourceFile: ts.SourceFile; relPath: string }[],
  ) {}

  of(node: ts.Node, relPath: string): EntryPoint {
    const reached = this.reachedFunctions();
    for (const fn of enclosingFunctions(node)) {
      const reach = reached.get(fn);
      if (reach) return { kind: "request", endpoint: reach.endpoint, handler: reach.handler };
    }
    return JOB_FILE.test(relPath) ? { kind: "job" } : { kind: "unknown" };
  }

  private reachedFunctions(): Map<ts.Node, Reach> {
    if (this.reached) return this.reached;
    const reached = new Map<ts.Node, Reach>();
    let frontier: { fn: ts.FunctionLikeDeclaration; reach: Reach }[] = [];
    const enter = (fn: ts.FunctionLikeDeclaration, reach: Reach): void => {
      if (reached.has(fn)) return;
      reached.set(fn, reach);
      frontier.push({ fn, reach });
    };
    for (const handler of this.handlers) enter(handler.fn.node, { endpoint: handler.endpoint, handler: siteOf(handler.fn.node, handler.fn.module.relPath) });
    for (const { sourceFile, relPath } of this.sourceFiles) {
      walk(sourceFile, (node) => {
        if (ts.isMethodDeclaration(node) && graphqlOperation(node)) enter(node, { endpoint: `graphql ${graphqlOperation(node)}`, handler: siteOf(node, relPath) });
      });
    }
    for (let depth = 0; depth < MAX_CALL_DEPTH && frontier.length > 0; depth++) {
      const current = frontier;
      frontier = [];
      for (const { fn, reach } of current) {
        if (!fn.body) continue;
        walk(fn.body, (node) => {
          // Callbacks inside the function run as part of it.
          if (isFunctionLike(node) && !reached.has(node)) reached.set(node, reach);
          if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return;
          const callee = this.resolver.calleeFunction(node);
          if (callee) enter(callee.node, reach);
        });
      }
    }
    this.reached = reached;
    return reached;
  }
}

interface Reach {
  endpoint: string | null;
  handler: HandlerSite | null;
}

function siteOf(node: ts.Node, file: string): HandlerSite {
  return { file, line: node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1 };
}

/** `@Query() orders()` → `Query.orders`; `@ResolveField() author()` in `@Resolver(() => Post)` → `Post.author`. */
function graphqlOperation(method: ts.MethodDeclaration): string | null {
  for (const decorator of ts.getDecorators(method) ?? []) {
    const expr = decorator.expression;
    const callee = ts.isCallExpression(expr) ? expr.expression : expr;
    if (!ts.isIdentifier(callee) || !GRAPHQL_OPERATION.test(callee.text)) continue;
    const field = method.name.getText();
    const kind = callee.text === "Query" || callee.text === "Mutation" || callee.text === "Subscription" ? callee.text : "field";
    return `${kind}.${field}`;
  }
  return null;
}
