// The `fetch` grammY calls the Bot API with, on node:http(s) and one keep-alive agent. grammY's default on Node
// is node-fetch (Request/Headers/Body objects, an AbortController polyfill, stream plumbing): under load that
// wrapping cost about as much CPU as the HTTP exchange itself, and grammY only needs status and `json()`.
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";
import type { ApiClientOptions } from "grammy";

/** What grammY passes (see grammY's ApiClient.call): JSON as a string, uploads as a multipart stream. */
interface BotApiRequest {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Readable;
  readonly signal?: { readonly aborted: boolean; addEventListener(type: "abort", listener: () => void): void; removeEventListener(type: "abort", listener: () => void): void };
}

/** Enough of a fetch Response for grammY: it reads `json()` whatever the status (errors are JSON too). */
interface BotApiResponse {
  readonly status: number;
  readonly ok: boolean;
  json(): Promise<unknown>;
}

export class AbortedError extends Error {
  override readonly name = "AbortError";
}

export function createBotApiFetch(apiRoot: string): NonNullable<ApiClientOptions["fetch"]> {
  const secure = apiRoot.startsWith("https:");
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  const send = secure ? httpsRequest : httpRequest;

  const fetch = (url: string, init: BotApiRequest = {}): Promise<BotApiResponse> =>
    new Promise((resolve, reject) => {
      const { body, signal } = init;
      let req: ClientRequest | undefined;
      const onAbort = () => req?.destroy(new AbortedError("the request was aborted"));
      const fail = (error: Error) => {
        signal?.removeEventListener("abort", onAbort);
        reject(error);
      };
      if (signal?.aborted) return fail(new AbortedError("the request was aborted"));
      const headers = typeof body === "string" ? { ...init.headers, "content-length": String(Buffer.byteLength(body)) } : init.headers;
      req = send(url, { method: init.method ?? "POST", agent, ...(headers ? { headers } : {}) }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", fail);
        res.on("end", () => {
          signal?.removeEventListener("abort", onAbort);
          const text = Buffer.concat(chunks).toString("utf8");
          const status = res.statusCode ?? 0;
          resolve({ status, ok: status >= 200 && status < 300, json: async () => JSON.parse(text) as unknown });
        });
      });
      req.on("error", fail);
      signal?.addEventListener("abort", onAbort);
      if (typeof body === "string" || body === undefined) req.end(body);
      else body.on("error", (error) => req?.destroy(error)).pipe(req);
    });
  return fetch as unknown as NonNullable<ApiClientOptions["fetch"]>;
}
