// Starting and stopping the Telegram channel: command list, then long polling, or a webhook when WEBHOOK_URL
// is set. main.ts owns the process (signals) and the WebServer (listen/close); this module only uses them.
import { createHash, randomBytes } from "node:crypto";
import { GrammyError, webhookCallback, type Bot } from "grammy";
import { BlockedRecipientError } from "../../admin/notifier.js";
import type { BotCommand } from "grammy/types";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import { sendJson, type WebServer } from "../../server/http-server.js";
import { ALLOWED_UPDATES, createTelegramBot, type ChatHandler } from "./bot.js";

export const BOT_COMMANDS: readonly BotCommand[] = [
  { command: "help", description: "Hướng dẫn sử dụng và các lệnh" },
  { command: "muctieu", description: "Mục tiêu của Nghị quyết 16 (thêm 2025 hoặc 2030)" },
  { command: "chitieu", description: "Tình hình thực hiện các chỉ tiêu" },
  { command: "sosanh", description: "So sánh với Quyết định 749 của cả nước" },
  { command: "lotrinh", description: "Lộ trình và các mốc thời gian" },
  { command: "linhvuc", description: "Các lĩnh vực ưu tiên chuyển đổi số" },
  { command: "nguon", description: "Nguồn của câu trả lời gần nhất" },
];

export interface TelegramOptions {
  readonly config: Config;
  readonly chat: ChatHandler;
  readonly logger: Logger;
  /** Required in webhook mode: the webhook path is routed on it. */
  readonly server?: WebServer;
}

export interface TelegramChannel {
  readonly mode: "polling" | "webhook";
  /** Stops taking updates and resolves when the ones in flight are answered. Safe to call twice. */
  stop(): Promise<void>;
  /** A plain message to a chat (subscription notices); BlockedRecipientError when the user blocked the bot. */
  send(chatId: string, text: string): Promise<void>;
}

type ChannelControl = Omit<TelegramChannel, "send">;

/**
 * Where Telegram posts updates: WEBHOOK_URL + /telegram/<segment>. The segment is derived from the secret, so
 * it is unguessable and stays the same across restarts when WEBHOOK_SECRET is set. Never the token: paths
 * end up in proxy and access logs.
 */
export function telegramWebhookUrl(webhookUrl: string, secret: string): URL {
  const segment = createHash("sha256").update(`telegram-webhook:${secret}`).digest("base64url").slice(0, 32);
  const url = new URL(webhookUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/telegram/${segment}`;
  return url;
}

async function startPolling(bot: Bot, logger: Logger): Promise<ChannelControl> {
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  // bot.start() first calls deleteWebhook: a webhook left from an earlier deployment would make Telegram
  // refuse getUpdates (409).
  const polling = bot.start({ allowed_updates: ALLOWED_UPDATES, onStart: () => markStarted() });
  await Promise.race([started, polling]);
  const finished = polling.catch((error: unknown) => logger.error({ err: error }, "Telegram: long polling stopped on an error"));
  return {
    mode: "polling",
    async stop() {
      // bot.stop() cancels the pending getUpdates and confirms the offset; `finished` waits for the update in hand.
      await bot.stop().catch((error: unknown) => logger.warn({ err: error }, "Telegram: could not confirm the last update"));
      await finished;
    },
  };
}

async function startWebhook(bot: Bot, webhookUrl: string, configuredSecret: string | undefined, server: WebServer, logger: Logger): Promise<ChannelControl> {
  // Without WEBHOOK_SECRET a fresh one per start is fine: setWebhook below registers it (and the new path).
  const secret = configuredSecret ?? randomBytes(32).toString("base64url");
  const url = telegramWebhookUrl(webhookUrl, secret);
  // A wrong or missing X-Telegram-Bot-Api-Secret-Token gets 401 from grammY before anything is processed.
  // A slow update is acknowledged after 10 s rather than failed, or Telegram would deliver it again.
  const handle = webhookCallback(bot, "http", {
    secretToken: secret,
    onTimeout: () => logger.warn("Telegram: an update took over 10 s; acknowledged, still answering"),
  });
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  server.route(url.pathname, async (request, response) => {
    // 503 makes Telegram keep the update and deliver it again after the restart.
    if (stopping) return sendJson(response, 503, { ok: false, error: "stopping" });
    const task = handle(request, response);
    inFlight.add(task);
    try {
      await task;
    } finally {
      inFlight.delete(task);
    }
  });
  await bot.api.setWebhook(url.href, { secret_token: secret, allowed_updates: ALLOWED_UPDATES });
  return {
    mode: "webhook",
    async stop() {
      stopping = true;
      await Promise.allSettled(inFlight);
    },
  };
}

/** Starts the Telegram channel; rejects when the token is missing or refused, or the webhook cannot be set. */
export async function startTelegram({ config, chat, logger, server }: TelegramOptions): Promise<TelegramChannel> {
  if (!config.telegramToken) throw new Error("Telegram: TELEGRAM_BOT_TOKEN is not set");
  const { webhookUrl } = config;
  if (webhookUrl && !server) throw new Error("Telegram: webhook mode (WEBHOOK_URL) needs the web server");
  const bot = createTelegramBot({ token: config.telegramToken, apiRoot: config.telegramApiRoot, chat, logger });
  await bot.init();
  // Only the "/" menu depends on it, so a failure is logged rather than fatal.
  await bot.api
    .setMyCommands(BOT_COMMANDS)
    .catch((error: unknown) => logger.warn({ err: error }, "Telegram: could not register the command list"));
  const channel =
    webhookUrl && server
      ? await startWebhook(bot, webhookUrl, config.webhookSecret, server, logger)
      : await startPolling(bot, logger);
  logger.info({ bot: bot.botInfo.username, mode: channel.mode }, "Telegram: started");
  return {
    ...channel,
    async send(chatId, text) {
      try {
        await bot.api.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } });
      } catch (error) {
        // 403: the user blocked the bot or the bot left the group; retrying cannot help.
        if (error instanceof GrammyError && error.error_code === 403) throw new BlockedRecipientError(error.description);
        throw error;
      }
    },
  };
}
