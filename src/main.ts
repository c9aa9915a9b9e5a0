// Composition root: configuration → knowledge → assistant → (terminal chat | store, HTTP server, channels).
import { randomBytes } from "node:crypto";
import { AdminCommands } from "./admin/admin-commands.js";
import { Notifier } from "./admin/notifier.js";
import { Assistant } from "./assistant.js";
import { loadKnowledgeOrExit } from "./bootstrap.js";
import { ChatService } from "./channels/chat-service.js";
import { runConsole } from "./channels/console.js";
import { ConfigError, loadDotEnv, readConfig, type Config } from "./config.js";
import { formatProblem } from "./knowledge/problems.js";
import { summarizeKnowledge } from "./knowledge/summary.js";
import { watchKnowledge } from "./knowledge/watch.js";
import { createLogger, type Logger } from "./logger.js";
import { serveHealthAndMetrics } from "./server/health.js";
import { WebServer } from "./server/http-server.js";
import { Metrics } from "./server/metrics.js";
import { Store } from "./store/store.js";

/** Longest a shutdown may take before the process gives up waiting and exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

interface RunningChannel {
  readonly name: "telegram" | "zalo";
  readonly mode: string;
  stop(): Promise<void>;
}

async function serveBots(config: Config, assistant: Assistant, logger: Logger): Promise<void> {
  const store = await Store.open({ dataDir: config.dataDir, logger });
  assistant.setRuntimeMeasurements(store.measurements());
  const metrics = new Metrics();
  const notifier = new Notifier({ store, logger });
  const admin = new AdminCommands({ assistant, store, notifier, adminIds: config.adminIds, logger });
  const chat = new ChatService({ ask: assistant.ask, store, admin, metrics, logger });
  const server = new WebServer((error) => logger.error({ err: error }, "HTTP handler failed"));
  const channels: RunningChannel[] = [];
  const startedAt = Date.now();
  serveHealthAndMetrics(server, {
    metrics,
    health: () => ({
      knowledge: { version: assistant.knowledge.version, loadedAt: assistant.knowledge.loadedAt },
      store: store.status,
      channels: Object.fromEntries(channels.map((c) => [c.name, c.mode])),
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    }),
  });
  await server.listen(config.port);
  logger.info({ port: config.port }, "HTTP server listening (webhooks, /healthz, /metrics)");

  if (config.telegramToken) {
    const { startTelegram } = await import("./channels/telegram/run.js");
    const telegram = await startTelegram({ config, chat, logger, server });
    notifier.register("tg", telegram.send);
    channels.push({ name: "telegram", ...telegram });
  }
  if (config.zaloToken) {
    const { startZalo } = await import("./channels/zalo/run.js");
    const { seenMessagesInStore } = await import("./channels/zalo/seen-in-store.js");
    try {
      const zalo = await startZalo({ config, chat, logger, server, seen: seenMessagesInStore(store, logger) });
      notifier.register("zalo", zalo.send);
      channels.push({ name: "zalo", ...zalo });
    } catch (error) {
      // Zalo down or its token refused must not take Telegram down with it.
      if (channels.length === 0) throw error;
      logger.error({ err: error }, "Zalo channel did not start; continuing with Telegram only");
    }
  }

  const watcher = watchKnowledge(config.knowledgeDir, () => {
    void assistant.reload().then((result) => {
      if (result.ok) logger.info({ version: result.knowledge.version }, `knowledge reloaded: ${summarizeKnowledge(result.knowledge)}`);
      else logger.error({ problems: result.problems.map(formatProblem) }, "knowledge files are invalid; keeping the last good version");
    });
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    watcher.close();
    await Promise.allSettled(channels.map((channel) => channel.stop()));
    await server.close();
    await store.flush().catch((error: unknown) => logger.error({ err: error }, "could not flush the store"));
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

try {
  loadDotEnv();
  const config = readConfig();
  const assistant = new Assistant(await loadKnowledgeOrExit(config.knowledgeDir), config.knowledgeDir);
  if (!config.telegramToken && !config.zaloToken) {
    await runConsole({ ask: assistant.ask, input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true });
  } else {
    const webhookSecret = config.webhookSecret ?? randomBytes(24).toString("base64url");
    const logger = createLogger({ level: config.logLevel, secrets: [config.telegramToken, config.zaloToken, webhookSecret] });
    await serveBots({ ...config, webhookSecret }, assistant, logger).catch((error: unknown) => {
      logger.fatal({ err: error }, "could not start the bot");
      process.exit(1);
    });
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
