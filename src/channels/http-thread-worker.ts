// The second thread of http-thread.ts: requests arrive as messages, go out on the lean client, and their
// answers (or failures) go back as messages.
import { parentPort } from "node:worker_threads";
import { createHttpClient, type AbortSignalLike, type HttpClient } from "./http-client.js";
import type { ThreadAnswer, ThreadMessage } from "./http-thread.js";

const port = parentPort;
if (!port) throw new Error("http-thread-worker runs as a worker thread");

const clients = new Map<string, HttpClient>();
/** The abort of each request under way, for the main thread's "abort" message. */
const aborts = new Map<number, () => void>();

function clientFor(origin: string): HttpClient {
  let client = clients.get(origin);
  if (!client) clients.set(origin, (client = createHttpClient(origin)));
  return client;
}

/** A signal for the lean client, which adds one listener per request. */
function abortSignalFor(id: number): AbortSignalLike {
  let listener: (() => void) | undefined;
  const signal = {
    aborted: false,
    addEventListener: (_type: "abort", added: () => void) => void (listener = added),
    removeEventListener: () => void (listener = undefined),
  };
  aborts.set(id, () => {
    signal.aborted = true;
    listener?.();
  });
  return signal;
}

port.on("message", (message: ThreadMessage) => {
  if (message.type === "abort") return aborts.get(message.id)?.();
  const { id, origin, request } = message;
  clientFor(origin)({ ...request, signal: abortSignalFor(id) })
    .then(
      (response) => port.postMessage({ id, response } satisfies ThreadAnswer),
      (error: Error & { code?: unknown }) =>
        port.postMessage({ id, failure: { name: error.name, message: error.message, ...(typeof error.code === "string" ? { code: error.code } : {}) } } satisfies ThreadAnswer),
    )
    .finally(() => aborts.delete(id));
});
