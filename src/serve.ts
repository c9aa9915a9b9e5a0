// Serving the bots and the web page: store, HTTP server (webhooks, health, metrics, the public page, chart images),
// channels, reload, graceful shutdown. Loaded only when a bot token is configured or `npm run web` asks for the
// page, so the terminal chat starts without any of it.
import { randomBytes } from "node:crypto";
import { AdminCommands } from "./admin/admin-commands.js";
import { KnowledgeAlerts } from "./admin/knowledge-alerts.js";
import { Notifier } from "./admin/notifier.js";
import type { Assistant } from "./assistant.js";
import { ChatService } from "./channels/chat-service.js";
import { seenInStore } from "./channels/seen-in-store.js";
import { Charts } from "./charts/charts.js";
import type { Config } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import { defaultWebDir } from "./paths.js";
import { serveChartImages } from "./server/chart-images.js";
import { serveHealthAndMetrics } from "./server/health.js";
import { WebServer } from "./server/http-server.js";
import { Metrics } from "./server/metrics.js";
import { createWebChat, serveWebPage } from "./server/web-page.js";
import { platformSecret } from "./server/webhook-secrets.js";
import { Store } from "./store/store.js";

/** How long a shutdown waits for the updates under way (and open connections) before it moves on. */
const SHUTDOWN_GRACE_MS = 8_000;
/** Last resort: a shutdown that has not finished by then (a hung store write) exits 1. */
const SHUTDOWN_HARD_LIMIT_MS = 15_000;

interface RunningChannel {
  readonly name: "telegram" | "zalo";
  readonly mode: string;
  /** Set when the channel stopped by itself (Zalo after its token was rejected). */
  stopped?: boolean;
  stop(): Promise<void>;
}

/** Resolves when `task` settles or after `ms`, whichever comes first; true when it settled. */
async function within(task: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = await Promise.race([task.then(() => true, () => true), expired]);
  clearTimeout(timer);
  return settled;
}

/** The configuration a channel sees: its own platform's webhook secret in place of the shared one. */
function withSecretOf(config: Config, platform: "telegram" | "zalo"): Config {
  return config.webhookSecret === undefined ? config : { ...config, webhookSecret: platformSecret(config.webhookSecret, platform) };
}

async function serveBots(config: Config, assistant: Assistant, logger: Logger, metrics: Metrics): Promise<void> {
  const store = await Store.open({ dataDir: config.dataDir, logger, retentionDays: config.retentionDays });
  assistant.setRuntimeMeasurements(store.measurements());
  const notifier = new Notifier({ store, logger });
  const admin = new AdminCommands({ assistant, store, notifier, adminIds: config.adminIds, logger });
  const chat = new ChatService({ ask: assistant.ask, store, admin, metrics, logger });
  const webChat = createWebChat({ ask: assistant.ask, store, metrics, logger });
  const charts = new Charts({ knowledge: () => assistant.knowledge, onError: (error, name) => logger.error({ err: error, chart: name }, "a chart could not be drawn") });
  const server = new WebServer({
    onError: (error) => {
      metrics.errors.inc({ channel: "http" });
      logger.error({ err: error }, "HTTP handler failed");
    },
    onResponse: (route, status, seconds) => {
      metrics.httpResponses.inc({ route, code: String(status) });
      metrics.httpSeconds.observe(seconds, { route });
    },
  });
  const channels: RunningChannel[] = [];
  const startedAt = Date.now();
  let stopping = false;
  serveHealthAndMetrics(server, {
    metrics,
    ready: () => !stopping,
    // No paths or file names: /healthz may be reachable from outside.
    health: async () => ({
      // "older-copy": the files are invalid and the last good knowledge is served; "nothing": the maintenance reply.
      knowledge: {
        version: assistant.knowledge.version,
        loadedAt: assistant.knowledge.loadedAt,
        serving: assistant.status.serving,
        ...(assistant.status.serving === "files" ? {} : { problems: assistant.status.problems.length }),
      },
      store: {
        // "ok" when the last write reached the disk; a corrupt file found at start was moved aside.
        status: await store.flush().then(() => "ok", () => "write-failed"),
        ...(store.status.recoveredFrom ? { recoveredFromCorruptFile: true } : {}),
      },
      // "webhook" or "polling" while it runs; "stopped" when it gave up (e.g. a rejected token).
      channels: Object.fromEntries(channels.map((c) => [c.name, c.stopped ? "stopped" : c.mode])),
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    }),
  });
  serveChartImages(server, charts, config.publicUrl);
  serveWebPage(server, { chat: webChat, charts, webDir: defaultWebDir(), logger });
  const address = await server.listen(config.port, config.host);
  logger.info({ host: config.host, port: address.port }, "HTTP server listening (web page, webhooks, /healthz, /metrics)");
  logger.info(`Trang web: http://localhost:${address.port}/`);

  if (config.telegramToken) {
    const { startTelegram } = await import("./channels/telegram/run.js");
    const telegram = await startTelegram({ config: withSecretOf(config, "telegram"), chat, logger, server, seenUpdates: seenInStore(store, "tg", logger), charts });
    notifier.register("tg", telegram.send);
    channels.push({ name: "telegram", ...telegram });
  }
  if (config.zaloToken) {
    const { startZalo } = await import("./channels/zalo/run.js");
    try {
      const zalo = await startZalo({ config: withSecretOf(config, "zalo"), chat, logger, server, seen: seenInStore(store, "zalo", logger), charts });
      notifier.register("zalo", zalo.send);
      const channel: RunningChannel = { name: "zalo", ...zalo };
      channels.push(channel);
      void zalo.done.then(() => {
        if (!stopping) channel.stopped = true;
      });
    } catch (error) {
      // Zalo down or its token refused must not take Telegram down with it.
      if (channels.length === 0) throw error;
      logger.error({ err: error }, "Zalo channel did not start; continuing with Telegram only");
    }
  }

  const alerts = new KnowledgeAlerts({
    assistant,
    knowledgeDir: config.knowledgeDir,
    logger,
    tellAdmins: (text) => void notifier.notifyAdmins(config.adminIds, text).catch((error: unknown) => logger.error({ err: error }, "admin notices failed")),
  });
  alerts.announceStart();
  const watcher = alerts.watch();

  // Stop accepting connections; answer new requests on open connections with 503 (the platforms deliver
  // those again later); finish the updates under way; close the connections; flush the store; exit 0.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    logger.info({ signal, activeRequests: server.activeRequests }, "shutting down");
    setTimeout(() => {
      logger.error("shutdown did not finish in time; exiting");
      process.exit(1);
    }, SHUTDOWN_HARD_LIMIT_MS).unref();
    watcher.close();
    const closing = server.close(SHUTDOWN_GRACE_MS);
    const drained = await within(Promise.allSettled(channels.map((channel) => channel.stop())), SHUTDOWN_GRACE_MS);
    if (!drained) logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, "updates still under way after the grace period; not waiting for them");
    await closing;
    await store.flush().catch((error: unknown) => logger.error({ err: error }, "could not flush the store"));
    logger.info({ ms: Date.now() - started }, "stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

export async function serve(config: Config, assistant: Assistant): Promise<void> {
  const webhookSecret = config.webhookSecret ?? randomBytes(24).toString("base64url");
  const metrics = new Metrics();
  const logger = createLogger({
    level: config.logLevel,
    secrets: [config.telegramToken, config.zaloToken, webhookSecret, platformSecret(webhookSecret, "telegram"), platformSecret(webhookSecret, "zalo")],
    onError: (level) => metrics.logErrors.inc({ level }),
  });
  // A promise nobody awaited must not take the process (and every chat) down: log it, count it, go on.
  process.on("unhandledRejection", (reason) => {
    metrics.errors.inc({ channel: "process" });
    logger.error({ err: reason }, "unhandled rejection");
  });
  // After an exception nothing is known to be consistent: log it and exit 1 (systemd or Docker restarts).
  process.on("uncaughtException", (error) => {
    logger.fatal({ err: error }, "uncaught exception; exiting");
    process.exit(1);
  });
  await serveBots({ ...config, webhookSecret }, assistant, logger, metrics).catch((error: unknown) => {
    logger.fatal({ err: error }, "could not start the bot");
    process.exit(1);
  });
}
