// One HTTP server for everything the process exposes (webhooks of both channels, later health and metrics).
// Routes are exact paths; anything else is a 404 that reveals nothing.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export class BodyTooLargeError extends Error {}

/** Reads a request body up to `maxBytes`; rejects with BodyTooLargeError beyond that. */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new BodyTooLargeError(`body larger than ${maxBytes} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

export class WebServer {
  private readonly routes = new Map<string, RouteHandler>();
  readonly server: Server;

  constructor(private readonly onError: (error: unknown) => void = () => {}) {
    this.server = createServer((request, response) => {
      const path = (request.url ?? "/").split("?")[0]!;
      const handler = this.routes.get(path);
      if (!handler) return sendJson(response, 404, { ok: false, error: "not found" });
      Promise.resolve()
        .then(() => handler(request, response))
        .catch((error: unknown) => {
          this.onError(error);
          sendJson(response, 500, { ok: false, error: "internal error" });
        });
    });
    this.server.requestTimeout = 15_000;
    this.server.headersTimeout = 10_000;
  }

  route(path: string, handler: RouteHandler): void {
    this.routes.set(path, handler);
  }

  listen(port: number, host = "0.0.0.0"): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => resolve(this.server.address() as AddressInfo));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
  }
}
