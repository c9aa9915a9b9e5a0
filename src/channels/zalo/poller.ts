// The getUpdates long-poll loop. Zalo may answer at once while its queue is non-empty (and may replay
// old updates), so polls are spaced ≥1 s apart; errors back off 1→30 s; a 401 ends the loop for good.
import type { Logger } from "../../logger.js";
import { backoffDelay, type Sleep } from "./backoff.js";
import { isUnauthorized, type ZaloClient } from "./client.js";

export interface PollerOptions {
  readonly client: Pick<ZaloClient, "getUpdates">;
  /** Handles one update; must not reject. Awaited, so updates are handled one after another. */
  readonly onUpdate: (update: unknown) => Promise<void>;
  /** The token was rejected; the poller has stopped itself. */
  readonly onUnauthorized: (error: unknown) => void;
  readonly logger: Logger;
  readonly sleep: Sleep;
  readonly pollTimeoutSeconds?: number;
  readonly minIntervalMs?: number;
  readonly random?: () => number;
  readonly now?: () => number;
}

const ERROR_BACKOFF = { baseMs: 1_000, maxMs: 30_000 };

export class Poller {
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly options: PollerOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Ends the loop: an in-flight long poll is cancelled, an update being handled is finished first. */
  stop(): Promise<void> {
    this.abort.abort();
    return this.loop ?? Promise.resolve();
  }

  private async run(): Promise<void> {
    const { client, onUpdate, logger, sleep } = this.options;
    const { signal } = this.abort;
    const timeoutSeconds = this.options.pollTimeoutSeconds ?? 30;
    const minIntervalMs = this.options.minIntervalMs ?? 1_000;
    const now = this.options.now ?? Date.now;
    let failures = 0;
    while (!signal.aborted) {
      const started = now();
      let updates: unknown[];
      try {
        updates = await client.getUpdates({ timeoutSeconds, signal });
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        if (isUnauthorized(error)) {
          this.abort.abort();
          this.options.onUnauthorized(error);
          break;
        }
        const delayMs = backoffDelay(failures, ERROR_BACKOFF, this.options.random);
        failures += 1;
        logger.warn({ err: error, delayMs }, "Zalo getUpdates failed; polling again after a pause");
        await sleep(delayMs, signal);
        continue;
      }
      for (const update of updates) await onUpdate(update);
      // Also spaces out idle answers that come back at once (an empty result instead of a held 408).
      await sleep(Math.max(0, minIntervalMs - (now() - started)), signal);
    }
  }
}
