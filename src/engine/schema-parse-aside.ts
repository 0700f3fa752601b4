import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";

/**
 * Parses Prisma schemas on a worker thread while the scan parses TypeScript on its own. Loading the schema parser
 * (a Chevrotain grammar) costs more than a quarter of a second, which the second core can pay. The scan is
 * synchronous (ESLint rules cannot await), so the result is waited for with `Atomics.wait`, never with a promise.
 * Anything unusual (one core, a worker that cannot start, a parse error, a timeout) falls back to the caller's own
 * parse, which says what went wrong: the worker only ever saves time, it never decides an outcome.
 */
export interface SchemasParsedAside {
  /** Each text's `getSchema(text).list`, or null where the caller must parse it itself. */
  take(): (unknown[] | null)[];
}

/** Worth a thread only when the scan has enough files of its own to parse meanwhile. */
const MIN_FILES_FOR_A_THREAD = 200;
const WAIT_MS = 30_000;

// CommonJS, evaluated in the worker: it loads the parser from where this package resolves it.
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
let lists = null;
try {
  const { getSchema } = require(workerData.parser);
  lists = workerData.texts.map((text) => { try { return getSchema(text).list; } catch { return null; } });
} catch {}
workerData.port.postMessage(lists);
Atomics.store(workerData.signal, 0, 1);
Atomics.notify(workerData.signal, 0);
`;

export function parseSchemasAside(texts: string[], scannedFiles: number): SchemasParsedAside | null {
  if (texts.length === 0 || scannedFiles < MIN_FILES_FOR_A_THREAD || availableParallelism() < 2) return null;
  let worker: Worker;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  try {
    const parser = createRequire(import.meta.url).resolve("@mrleebo/prisma-ast");
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { parser, texts, signal, port: port2 }, transferList: [port2], stdout: true, stderr: true });
  } catch {
    return null;
  }
  worker.unref();
  worker.on("error", () => undefined); // a failed worker is a missing answer, handled in take()
  return {
    take() {
      Atomics.wait(signal, 0, 0, WAIT_MS);
      const lists = receiveMessageOnPort(port1)?.message as (unknown[] | null)[] | null | undefined;
      port1.close();
      void worker.terminate();
      return lists ?? texts.map(() => null);
    },
  };
}
