// Bot API calls that fail on the network are tried again: a dropped connection or a request that hangs past
// API_TIMEOUT_SECONDS (grammY gives up on it, see bot.ts), up to three times. auto-retry (installed first, so it
// runs inside this) handles 429 and 5xx; it would retry network errors too, but without end and from 3 s on.
// The long poll is left alone.
import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../../logger.js";

const NETWORK_ATTEMPTS = 3;

/**
 * The logger of the update each call is made for, keyed by the call's payload (the same object passes through
 * every transformer), so a retry warning carries the update id. Calls made outside an update use the bot's logger.
 */
const updateLoggers = new WeakMap<object, Logger>();

/** Installed on the bot's API: every call, inside an update or not, gets the network retries. */
export function retryNetworkFailures(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        // grammY turns every failure of the fetch (dropped, timed out, aborted) into an HttpError.
        if (!(error instanceof HttpError) || signal?.aborted || attempt >= NETWORK_ATTEMPTS) throw error;
        (updateLoggers.get(payload) ?? logger).warn({ method, attempt, reason: error.error instanceof Error ? error.error.name : undefined }, "Telegram: API request failed on the network; retrying");
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  };
}

/** Installed on an update's own API (ctx.api): the retry warnings of its calls go to the update's logger. */
export function logCallsTo(log: Logger): Transformer {
  return (prev, method, payload, signal) => {
    updateLoggers.set(payload, log);
    return prev(method, payload, signal);
  };
}
