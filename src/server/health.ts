// GET /healthz and GET /metrics on the shared server.
import { sendJson, type WebServer } from "./http-server.js";
import type { Metrics } from "./metrics.js";

export interface HealthSources {
  readonly metrics: Metrics;
  readonly health: () => Record<string, unknown>;
}

export function serveHealthAndMetrics(server: WebServer, { metrics, health }: HealthSources): void {
  server.route("/healthz", (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") return sendJson(response, 405, { ok: false, error: "method not allowed" });
    sendJson(response, 200, { status: "ok", ...health() });
  });
  server.route("/metrics", (request, response) => {
    if (request.method !== "GET") return sendJson(response, 405, { ok: false, error: "method not allowed" });
    const body = metrics.render();
    response.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8", "content-length": Buffer.byteLength(body) });
    response.end(body);
  });
}
