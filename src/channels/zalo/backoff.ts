// Waiting between attempts: an abortable sleep (injectable so tests never really wait) and exponential
// backoff with jitter, shared by the client's retries and the poller's error backoff.
import { setTimeout as delay } from "node:timers/promises";

/** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  delay(ms, undefined, signal ? { signal } : {}).catch((error: unknown) => {
    if (!signal?.aborted) throw error;
  });

export interface Backoff {
  readonly baseMs: number;
  readonly maxMs: number;
}

/** Delay before retry number `attempt` (0-based): base·2^attempt capped at max, half of it randomised. */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
