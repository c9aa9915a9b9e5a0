// One HTTP server for everything the process exposes: the webhooks of both channels, /healthz and /metrics, the
// public web page and the chart images. Routes are exact paths (or, for the images, a prefix) with the methods
// they accept. Every refusal is a short JSON body with a fixed message per status (nothing from the request, no
// stack, no path echoed back); anything else is a 404.
import { hash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { performance } from "node:perf_hooks";

export type RouteHandler = ((request: IncomingMessage, response: ServerResponse) => void | Promise<void>) & {
  /** Defaults for route(): a handler made elsewhere (a channel's webhook) can say what it accepts and its name. */
  readonly routeOptions?: RouteOptions;
};

export interface RouteOptions {
  /** Methods the route accepts; anything else gets 405 with an Allow header. Default: every method. */
  readonly methods?: readonly string[];
  /**
   * The route's name in metrics. Webhook paths hold a secret segment, so the path itself is never used as
   * a label. Default: "unnamed".
   */
  readonly name?: string;
}

export interface WebServerOptions {
  /** A handler threw or rejected (the client got a 500). */
  readonly onError?: (error: unknown) => void;
  /** Every response, after it was sent: the route name ("unknown" for 404s, "invalid" for unparsable requests). */
  readonly onResponse?: (route: string, status: number, seconds: number) => void;
  /** Whole request (headers and body) must arrive within this; Node answers 408 otherwise. Default 15 s. */
  readonly requestTimeoutMs?: number;
  /** Headers must arrive within this. Default 10 s. */
  readonly headersTimeoutMs?: number;
  /** Open connections at most; further ones are closed at once. Default 1,024. */
  readonly maxConnections?: number;
  /**
   * Open connections from one client address at most. Default 256: far above what Telegram (≤ 40 per bot) or a
   * reverse proxy in front keeps open, far below what it takes to crowd everyone else out.
   */
  readonly maxConnectionsPerAddress?: number;
}

/** The one message each refusal carries; the same for every client and every cause. */
export const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  400: "bad request",
  401: "unauthorized",
  403: "forbidden",
  404: "not found",
  405: "method not allowed",
  408: "request timeout",
  413: "payload too large",
  415: "unsupported media type",
  431: "request header fields too large",
  500: "internal error",
  503: "unavailable",
};

export class BodyTooLargeError extends Error {}

/**
 * Beyond this many bytes a refused body is no longer read to its end: the connection is cut. Below it, the
 * rest of a body that is too large is read and discarded, so the client finishes sending and then reads the
 * 413 (cutting it off at once makes most clients report a broken pipe instead of the answer).
 */
export const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;

/** Reads a request body up to `maxBytes`; rejects with BodyTooLargeError beyond that (the rest is discarded). */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
      request.off("aborted", onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        discardRest(request, size);
        reject(new BodyTooLargeError(`body larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onAborted = () => onError(new Error("request aborted"));
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
    request.on("aborted", onAborted);
  });
}

/** Reads and drops the rest of a body, up to DISCARD_LIMIT_BYTES in all; then cuts the connection. */
function discardRest(request: IncomingMessage, alreadyRead: number): void {
  let total = alreadyRead;
  request.on("data", (chunk: Buffer) => {
    total += chunk.length;
    if (total > DISCARD_LIMIT_BYTES) request.socket.destroy();
  });
  request.on("error", () => undefined);
  request.resume();
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** A refusal: `{"ok":false,"error":"<fixed message>"}`. Client errors that leave a body unread close the connection. */
export function sendError(response: ServerResponse, status: number, headers: Readonly<Record<string, string>> = {}): void {
  if (response.headersSent || response.destroyed) return;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  sendJson(response, status, { ok: false, error: STATUS_MESSAGES[status] ?? "error" });
}

// One-shot hash (Node ≥ 20.12): a third cheaper than a createHash() object on every request.
const digest = (text: string) => hash("sha256", text, "buffer");

/**
 * A check of a received secret header against `secret`: constant time, and without revealing the length, as
 * both sides are hashed to 32 bytes first (the expected side once, not on every request).
 */
export function secretMatcher(secret: string): (received: string | string[] | undefined) => boolean {
  const expected = digest(secret);
  return (received) => typeof received === "string" && timingSafeEqual(digest(received), expected);
}

export type JsonBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/**
 * Reads and parses a JSON request body of at most `maxBytes`. On failure the response has been sent
 * (413 for too large, 400 for anything that is not JSON) and `{ok: false}` is returned.
 */
export async function readJsonBody(request: IncomingMessage, response: ServerResponse, maxBytes: number): Promise<JsonBody> {
  // Refused before reading when the sender announces it. The rest is read and dropped (up to
  // DISCARD_LIMIT_BYTES), so the sender can finish and read the 413; an absurd size is cut off at once.
  const announced = Number(request.headers["content-length"]);
  if (Number.isFinite(announced) && announced > maxBytes) {
    if (announced > DISCARD_LIMIT_BYTES) sendError(response, 413, { connection: "close" });
    else {
      discardRest(request, 0);
      sendError(response, 413);
    }
    return { ok: false };
  }
  let raw: Buffer;
  try {
    raw = await readBody(request, maxBytes);
  } catch (error) {
    // Too large: readBody keeps discarding the rest. A broken stream: nothing more to read.
    if (error instanceof BodyTooLargeError) sendError(response, 413);
    else sendError(response, 400, { connection: "close" });
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(raw.toString("utf8")) as unknown };
  } catch {
    sendError(response, 400);
    return { ok: false };
  }
}

interface Route {
  readonly handler: RouteHandler;
  readonly methods?: ReadonlySet<string>;
  readonly allow?: string;
  readonly name: string;
}

function routeOf(handler: RouteHandler, options: RouteOptions): Route {
  const methods = options.methods?.map((method) => method.toUpperCase());
  return { handler, name: options.name ?? "unnamed", ...(methods ? { methods: new Set(methods), allow: methods.join(", ") } : {}) };
}

export class WebServer {
  private readonly routes = new Map<string, Route>();
  /** Routes for every path under a prefix ("/charts/"), tried after the exact paths. */
  private readonly prefixRoutes: (Route & { readonly prefix: string })[] = [];
  private readonly options: WebServerOptions;
  private inFlight = 0;
  private closing = false;
  private closed: Promise<void> | undefined;
  private idleWaiters: (() => void)[] = [];
  private readonly connectionsByAddress = new Map<string, number>();
  readonly server: Server;

  /** `onError` alone (the older form) or the full options. */
  constructor(options: WebServerOptions | ((error: unknown) => void) = {}) {
    this.options = typeof options === "function" ? { onError: options } : options;
    // Timeouts are checked every 2 s (Node's default is 30 s, which lets a stalled request live that much longer).
    this.server = createServer({ connectionsCheckingInterval: 2_000 }, (request, response) => this.dispatch(request, response));
    this.server.requestTimeout = this.options.requestTimeoutMs ?? 15_000;
    this.server.headersTimeout = this.options.headersTimeoutMs ?? 10_000;
    this.server.keepAliveTimeout = 5_000;
    this.server.maxConnections = this.options.maxConnections ?? 1_024;
    this.server.on("connection", (socket: Socket) => this.admit(socket));
    // Malformed HTTP (bad request line, oversized headers, timeouts) never reaches a route: answer it here
    // with the same JSON shape, and only when the socket can still take it.
    this.server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
      const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
      this.options.onResponse?.("invalid", status, 0);
      if (error.code === "ECONNRESET" || !socket.writable) {
        socket.destroy();
        return;
      }
      const body = JSON.stringify({ ok: false, error: STATUS_MESSAGES[status] });
      socket.end(
        `HTTP/1.1 ${status} ${status === 431 ? "Request Header Fields Too Large" : status === 408 ? "Request Timeout" : "Bad Request"}\r\n` +
          `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    });
  }

  /** Counts a new connection against its address's share, or closes it when the address already has its share. */
  private admit(socket: Socket): void {
    const address = socket.remoteAddress ?? "";
    const open = (this.connectionsByAddress.get(address) ?? 0) + 1;
    if (open > (this.options.maxConnectionsPerAddress ?? 256)) {
      this.options.onResponse?.("refused-connection", 503, 0);
      socket.destroy();
      return;
    }
    this.connectionsByAddress.set(address, open);
    socket.once("close", () => {
      const left = (this.connectionsByAddress.get(address) ?? 1) - 1;
      if (left === 0) this.connectionsByAddress.delete(address);
      else this.connectionsByAddress.set(address, left);
    });
  }

  route(path: string, handler: RouteHandler, options: RouteOptions = handler.routeOptions ?? {}): void {
    this.routes.set(path, routeOf(handler, options));
  }

  /** Every path starting with `prefix` (which ends with "/"); the handler reads the rest of the path itself. */
  routePrefix(prefix: string, handler: RouteHandler, options: RouteOptions = handler.routeOptions ?? {}): void {
    if (!prefix.endsWith("/")) throw new RangeError(`a route prefix ends with "/": ${prefix}`);
    this.prefixRoutes.push({ prefix, ...routeOf(handler, options) });
  }

  /** Requests being handled right now. */
  get activeRequests(): number {
    return this.inFlight;
  }

  listen(port: number, host = "0.0.0.0"): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  /**
   * Stops accepting connections at once, lets the requests under way finish (keep-alive connections are
   * closed as they become idle), and force-closes whatever is still open after `graceMs`. Idempotent.
   */
  close(graceMs = 5_000): Promise<void> {
    if (this.closed) return this.closed;
    this.closing = true;
    this.closed = new Promise<void>((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.server.closeAllConnections();
        finish();
      }, graceMs);
      timer.unref();
      if (this.server.listening) this.server.close(() => finish());
      this.server.closeIdleConnections();
      void this.whenIdle().then(() => {
        this.server.closeIdleConnections();
        if (!this.server.listening) finish();
      });
    });
    return this.closed;
  }

  /** Resolves when no request is being handled. */
  whenIdle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private dispatch(request: IncomingMessage, response: ServerResponse): void {
    const started = performance.now();
    const queryAt = (request.url ?? "/").indexOf("?");
    const path = queryAt === -1 ? (request.url ?? "/") : request.url!.slice(0, queryAt);
    const route = this.routes.get(path) ?? this.prefixRoutes.find((candidate) => path.startsWith(candidate.prefix));
    const name = route?.name ?? "unknown";
    this.inFlight += 1;
    let counted = false;
    const settle = () => {
      if (counted) return;
      counted = true;
      this.inFlight -= 1;
      // Closed before the answer was complete: the client went away (499, as nginx calls it).
      const status = response.writableFinished ? response.statusCode : 499;
      this.options.onResponse?.(name, status, (performance.now() - started) / 1000);
      if (this.inFlight === 0 && this.idleWaiters.length > 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const wake of waiters) wake();
      }
    };
    response.once("finish", settle);
    response.once("close", settle);
    // While shutting down, every answer closes its connection so keep-alive clients move on.
    if (this.closing) response.setHeader("connection", "close");

    if (!route) return sendError(response, 404);
    if (route.methods && !route.methods.has(request.method ?? "")) return sendError(response, 405, { allow: route.allow! });
    let result: void | Promise<void>;
    try {
      result = route.handler(request, response);
    } catch (error) {
      return this.failed(response, error);
    }
    if (result instanceof Promise) result.catch((error: unknown) => this.failed(response, error));
  }

  private failed(response: ServerResponse, error: unknown): void {
    this.options.onError?.(error);
    if (response.headersSent) {
      // Half an answer cannot be fixed; cut the connection so the client sees the failure.
      response.destroy();
      return;
    }
    sendError(response, 500);
  }
}
