// GET /healthz and GET /metrics on the shared server.
import { sendJson, type WebServer } from "./http-server.js";
import type { Metrics } from "./metrics.js";

export interface HealthSources {
  readonly metrics: Metrics;
  /** Knowledge version and load time, store status, channel status, uptime. */
  readonly health: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** False while shutting down: /healthz answers 503 so a proxy or orchestrator stops sending traffic. */
  readonly ready?: () => boolean;
}

export function serveHealthAndMetrics(server: WebServer, { metrics, health, ready = () => true }: HealthSources): void {
  server.route(
    "/healthz",
    async (_request, response) => {
      response.setHeader("cache-control", "no-store");
      const details = await health();
      const up = ready();
      sendJson(response, up ? 200 : 503, { status: up ? "ok" : "stopping", ...details });
    },
    { methods: ["GET", "HEAD"], name: "healthz" },
  );
  server.route(
    "/metrics",
    (_request, response) => {
      const body = metrics.render();
      response.writeHead(200, {
        "content-type": "text/plain; version=0.0.4; charset=utf-8",
        "content-length": Buffer.byteLength(body),
        "cache-control": "no-store",
      });
      response.end(body);
    },
    { methods: ["GET", "HEAD"], name: "metrics" },
  );
}
