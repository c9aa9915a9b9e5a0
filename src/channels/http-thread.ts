// The platform APIs' HTTP exchanges on a second thread. One thread runs everything else — webhooks, grammY, the
// answer engine, the store — and under load it was the bottleneck, at 100% of a core while the second core had
// room; the outgoing requests (building them, their system calls, reading the answers) were about a fifth of its
// time. On a second thread: ~15% more updates/s under load, for ~25–30 MB more memory (README, Load).
// Text requests go to the thread as messages; streamed uploads (multipart) stay on the lean client here.
import { Worker } from "node:worker_threads";
import { AbortedError, createHttpClient, TimedOutError, type AbortSignalLike, type HttpClient, type HttpRequest, type HttpResponse } from "./http-client.js";

/** A request as it crosses to the thread: a text body, and no signal (an abort is a message of its own). */
type ThreadRequest = Omit<HttpRequest, "signal" | "body"> & { readonly body?: string };

/** What the main thread sends: a request, or the abort of one under way. */
export type ThreadMessage =
  | { readonly type: "request"; readonly id: number; readonly origin: string; readonly request: ThreadRequest }
  | { readonly type: "abort"; readonly id: number };

/** How a request failed: an Error does not cross threads as itself. */
interface ThreadFailure {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

/** What comes back: the response, or how the request failed. */
export type ThreadAnswer = { readonly id: number; readonly response: HttpResponse } | { readonly id: number; readonly failure: ThreadFailure };

/**
 * The thread only parses and sends small requests; a bounded heap keeps its share of the memory small (it uses
 * a few MB; 16/3 instead of 24/8 MB: ~4 MB less at peak under load, same throughput). Should it still run out,
 * its requests fail as network errors and the next one starts a new thread.
 */
const THREAD_LIMITS = { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 3 };

interface Waiting {
  resolve(response: HttpResponse): void;
  reject(error: Error): void;
}

let thread: Worker | undefined;
let nextId = 1;
const waiting = new Map<number, Waiting>();

function errorOf(failure: ThreadFailure): Error {
  if (failure.name === "AbortError") return new AbortedError(failure.message);
  if (failure.name === "TimeoutError") return new TimedOutError(failure.message);
  return Object.assign(new Error(failure.message), failure.code ? { code: failure.code } : {});
}

function failAllWaiting(error: Error): void {
  for (const caller of waiting.values()) caller.reject(error);
  waiting.clear();
}

function startThread(): Worker {
  // Built (dist/), the worker is JavaScript. Under tsx (npm start) and vitest a worker does not inherit the
  // TypeScript loader, so it registers tsx itself before loading the TypeScript file.
  const typescript = import.meta.url.endsWith(".ts");
  const file = new URL(`./http-thread-worker.${typescript ? "ts" : "js"}`, import.meta.url).href;
  const source = typescript
    ? `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(file)}); })`
    : `import(${JSON.stringify(file)})`;
  const worker = new Worker(source, { eval: true, execArgv: [], resourceLimits: THREAD_LIMITS });
  // Only requests under way keep the process alive (see send()).
  worker.unref();
  worker.on("message", (answer: ThreadAnswer) => {
    const caller = waiting.get(answer.id);
    if (!caller) return;
    waiting.delete(answer.id);
    if (waiting.size === 0) worker.unref();
    if ("response" in answer) caller.resolve(answer.response);
    else caller.reject(errorOf(answer.failure));
  });
  worker.on("error", (error) => failAllWaiting(Object.assign(new Error(`the HTTP thread failed: ${error.message}`), { code: "ETHREAD" })));
  worker.on("exit", () => {
    if (thread === worker) thread = undefined;
    failAllWaiting(Object.assign(new Error("the HTTP thread stopped"), { code: "ETHREAD" }));
  });
  return worker;
}

function send(origin: string, request: ThreadRequest, signal: AbortSignalLike | undefined): Promise<HttpResponse> {
  if (signal?.aborted) return Promise.reject(new AbortedError("the request was aborted"));
  const worker = (thread ??= startThread());
  const id = nextId++;
  return new Promise<HttpResponse>((resolve, reject) => {
    const onAbort = () => worker.postMessage({ type: "abort", id } satisfies ThreadMessage);
    signal?.addEventListener("abort", onAbort);
    const settled = () => signal?.removeEventListener("abort", onAbort);
    waiting.set(id, {
      resolve: (response) => (settled(), resolve(response)),
      reject: (error) => (settled(), reject(error)),
    });
    if (waiting.size === 1) worker.ref();
    worker.postMessage({ type: "request", id, origin, request } satisfies ThreadMessage);
  });
}

/** Like createHttpClient(origin), with text requests sent from the HTTP thread. */
export function createThreadedHttpClient(origin: string): HttpClient {
  const local = createHttpClient(origin);
  return (request) => {
    const { body, signal, ...rest } = request;
    if (body !== undefined && typeof body !== "string") return local(request);
    return send(origin, body === undefined ? rest : { ...rest, body }, signal);
  };
}
