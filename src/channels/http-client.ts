// The HTTP client of both platform APIs (Telegram's through grammY's `fetch`, Zalo's as axios's adapter):
// node:http(s) with one keep-alive agent per API origin, a text body out and the text of the answer back.
// General-purpose clients cost about as much CPU per request as the exchange itself under load (node-fetch's
// Request/Headers/stream objects; axios's http adapter with its proxy lookup, redirect and decompression
// plumbing, and a keep-alive system call on every request).
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";

/** What both callers pass as a cancel signal (grammY polyfills AbortController on Node). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

export interface HttpRequest {
  /** Default POST. */
  readonly method?: string;
  /** Path and query, e.g. "/bot<token>/sendMessage". */
  readonly path: string;
  readonly headers?: OutgoingHttpHeaders;
  /** Text (its Content-Length is set here) or a stream (multipart uploads). */
  readonly body?: string | Readable;
  readonly signal?: AbortSignalLike;
  /** The whole exchange; no limit when unset (the caller has its own). */
  readonly timeoutMs?: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export class AbortedError extends Error {
  override readonly name = "AbortError";
}

export class TimedOutError extends Error {
  override readonly name = "TimeoutError";
}

export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

/** A client for one origin ("https://api.telegram.org"); paths are relative to it. */
export function createHttpClient(origin: string): HttpClient {
  const url = new URL(origin);
  const secure = url.protocol === "https:";
  const send = secure ? httpsRequest : httpRequest;
  // Parsed once here rather than on every request; IPv6 literals lose their brackets as node:http wants.
  const target = {
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port || (secure ? 443 : 80),
    agent: secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true }),
  };

  return (request) =>
    new Promise((resolve, reject) => {
      const { body, signal, timeoutMs } = request;
      let req: ClientRequest | undefined;
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => req?.destroy(new AbortedError("the request was aborted"));
      const settle = () => {
        signal?.removeEventListener("abort", onAbort);
        clearTimeout(timer);
      };
      const fail = (error: Error) => {
        settle();
        reject(error);
      };
      if (signal?.aborted) return fail(new AbortedError("the request was aborted"));
      const headers = typeof body === "string" ? { ...request.headers, "content-length": Buffer.byteLength(body) } : request.headers;
      req = send({ ...target, method: request.method ?? "POST", path: request.path, ...(headers ? { headers } : {}) }, (res: IncomingMessage) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("error", fail);
        res.on("end", () => {
          settle();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
        });
      });
      req.on("error", fail);
      signal?.addEventListener("abort", onAbort);
      if (timeoutMs !== undefined && timeoutMs > 0) {
        timer = setTimeout(() => req?.destroy(new TimedOutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }
      if (typeof body === "string" || body === undefined) req.end(body);
      else body.on("error", (error) => req?.destroy(error)).pipe(req);
    });
}
