import ts from "#typescript";
import type { Handler } from "./http.js";
import { enclosingFunctions } from "./syntax.js";

/** How a piece of code is run: by a request (an endpoint), by a job or script, or by code the scan cannot place. */
export type EntryPoint = { kind: "request"; endpoint: string | null; handler: HandlerSite } | { kind: "job" } | { kind: "unknown" };

/** Where the handler of an endpoint is registered. */
export interface HandlerSite {
  file: string;
  line: number;
}

/** Background code by its location: cron routes, job/queue/worker directories. */
const JOB_FILE = /(^|\/)(cron|crons|jobs?|workers?|queues?|tasks?|processors?|consumers?|schedulers?)(\/|$)|(^|\/)api\/cron\/|\.(job|worker|cron|processor|task)\.[cm]?[jt]sx?$/i;

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
