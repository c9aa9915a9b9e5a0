// The `fetch` grammY calls the Bot API with, on the shared lean HTTP client. grammY's default on Node is
// node-fetch (Request/Headers/Body objects, stream plumbing): under load that wrapping cost about as much CPU
// as the HTTP exchange itself, and grammY only needs the status and `json()`.
import type { Readable } from "node:stream";
import type { ApiClientOptions } from "grammy";
import type { AbortSignalLike } from "../http-client.js";
import { createThreadedHttpClient } from "../http-thread.js";

export { AbortedError } from "../http-client.js";

/** What grammY passes (see grammY's ApiClient.call): JSON as a string, uploads as a multipart stream. */
interface BotApiRequest {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Readable;
  readonly signal?: AbortSignalLike;
}

/** Enough of a fetch Response for grammY: it reads `json()` whatever the status (errors are JSON too). */
interface BotApiResponse {
  readonly status: number;
  readonly ok: boolean;
  json(): Promise<unknown>;
}

/** One Bot API request may take this long before it is abandoned (and tried again, see network-retry.ts). */
export const API_TIMEOUT_MS = 15_000;

const pathOf = (url: URL) => `${url.pathname}${url.search}`;

export function createBotApiFetch(apiRoot: string): NonNullable<ApiClientOptions["fetch"]> {
  const client = createThreadedHttpClient(apiRoot);
  const origin = new URL(apiRoot).origin;
  const fetch = async (url: string, init: BotApiRequest = {}): Promise<BotApiResponse> => {
    // grammY builds every URL from apiRoot, so it starts with the origin.
    const path = url.startsWith(origin) ? url.slice(origin.length) : pathOf(new URL(url));
    // The long poll is held by Telegram for its own `timeout`; everything else should answer at once.
    const timeoutMs = path.endsWith("/getUpdates") ? undefined : API_TIMEOUT_MS;
    const { status, text } = await client({ path, method: init.method, headers: init.headers, body: init.body, signal: init.signal, timeoutMs });
    return { status, ok: status >= 200 && status < 300, json: async () => JSON.parse(text) as unknown };
  };
  return fetch as unknown as NonNullable<ApiClientOptions["fetch"]>;
}
