// Starting and stopping the Telegram channel: command list, then long polling, or a webhook when WEBHOOK_URL
// is set. main.ts owns the process (signals) and the WebServer (listen/close); this module only uses them.
import { createHash, randomBytes } from "node:crypto";
import { GrammyError } from "grammy";
import { BlockedRecipientError } from "../../admin/notifier.js";
import type { BotCommand } from "grammy/types";
import type { ChartSource } from "../../charts/charts.js";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import type { WebServer } from "../../server/http-server.js";
import { createTelegramWebhook, type WebhookReply } from "../../server/telegram-webhook.js";
import { ALLOWED_UPDATES, API_TIMEOUT_SECONDS, createTelegramBot, type ChatHandler, type TelegramBot } from "./bot.js";
import { retryNetworkFailures } from "./network-retry.js";
import type { SeenMessages } from "../zalo/seen-messages.js";

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
  /** Update ids already handled: a redelivered update (a lost acknowledgement, a restart) is skipped. */
  readonly seenUpdates?: Pick<SeenMessages, "has" | "add">;
  readonly charts?: ChartSource;
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

/** Telegram holds a getUpdates this long when nothing is new: under grammY's timeout for every request. */
const LONG_POLL_SECONDS = API_TIMEOUT_SECONDS - 5;

async function startPolling(bot: TelegramBot, logger: Logger): Promise<ChannelControl> {
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  // bot.start() first calls deleteWebhook: a webhook left from an earlier deployment would make Telegram
  // refuse getUpdates (409).
  const polling = bot.start({ allowed_updates: ALLOWED_UPDATES, timeout: LONG_POLL_SECONDS, onStart: () => markStarted() });
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

/**
 * grammY's webhook reply envelope over the intake's `reply`. When the request was already answered (an update
 * acknowledged after the timeout), the call it carried is made through the API instead, so it is not lost.
 */
export function webhookReplyEnvelope(bot: TelegramBot, reply: WebhookReply) {
  return {
    async send(json: string) {
      if (reply(json)) return;
      // canUseWebhookReply admits sendMessage only.
      const { method: _method, ...payload } = JSON.parse(json) as Parameters<TelegramBot["api"]["raw"]["sendMessage"]>[0] & { method: string };
      await bot.api.raw.sendMessage(payload);
    },
  };
}

async function startWebhook(
  bot: TelegramBot,
  config: Pick<Config, "webhookSecret" | "telegramWebhookReply"> & { webhookUrl: string },
  server: WebServer,
  logger: Logger,
): Promise<ChannelControl> {
  const { webhookUrl, webhookSecret: configuredSecret } = config;
  // Without WEBHOOK_SECRET a fresh one per start is fine: setWebhook below registers it (and the new path).
  const secret = configuredSecret ?? randomBytes(32).toString("base64url");
  const url = telegramWebhookUrl(webhookUrl, secret);
  // Secret header (401), body limit (413), JSON and update shape (400) are checked before grammY sees the
  // update; a slow update is acknowledged after 10 s rather than failed, or Telegram would deliver it again.
  let stopping = false;
  const webhook = createTelegramWebhook({
    secret,
    handleUpdate: config.telegramWebhookReply ? (update, reply) => bot.handleUpdate(update, webhookReplyEnvelope(bot, reply)) : (update) => bot.handleUpdate(update),
    isOpen: () => !stopping,
    logger,
  });
  server.route(url.pathname, webhook.handler);
  await bot.api.setWebhook(url.href, { secret_token: secret, allowed_updates: ALLOWED_UPDATES });
  return {
    mode: "webhook",
    async stop() {
      // 503 from now on makes Telegram keep new updates and deliver them again after the restart.
      stopping = true;
      await webhook.drain();
    },
  };
}

/** Starts the Telegram channel; rejects when the token is missing or refused, or the webhook cannot be set. */
export async function startTelegram({ config, chat, logger, server, seenUpdates, charts }: TelegramOptions): Promise<TelegramChannel> {
  if (!config.telegramToken) throw new Error("Telegram: TELEGRAM_BOT_TOKEN is not set");
  const { webhookUrl } = config;
  if (webhookUrl && !server) throw new Error("Telegram: webhook mode (WEBHOOK_URL) needs the web server");
  const bot = createTelegramBot({
    token: config.telegramToken,
    apiRoot: config.telegramApiRoot,
    chat,
    logger,
    webhookReply: Boolean(webhookUrl) && config.telegramWebhookReply,
    ...(seenUpdates ? { seenUpdates } : {}),
    ...(charts ? { charts } : {}),
  });
  bot.api.config.use(retryNetworkFailures(logger));
  await bot.init();
  // Only the "/" menu depends on it, so a failure is logged rather than fatal.
  await bot.api
    .setMyCommands(BOT_COMMANDS)
    .catch((error: unknown) => logger.warn({ err: error }, "Telegram: could not register the command list"));
  const channel =
    webhookUrl && server
      ? await startWebhook(bot, { ...config, webhookUrl }, server, logger)
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
