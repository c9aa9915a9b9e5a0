// Starts the Zalo channel: validate the token, then either register a webhook on the shared WebServer
// (when ZALO_WEBHOOK_URL or WEBHOOK_URL is set) or long-poll. A rejected token (401) stops the channel.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { ChartSource } from "../../charts/charts.js";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import type { WebServer } from "../../server/http-server.js";
import type { ChatService } from "../chat-service.js";
import { sleep as realSleep, type Sleep } from "./backoff.js";
import { ZaloBot } from "./bot.js";
import { isUnauthorized, ZaloApiError, ZaloClient } from "./client.js";
import { Poller } from "./poller.js";
import { JsonFileSeenMessages, type SeenMessages } from "./seen-messages.js";
import { BlockedRecipientError } from "../../admin/notifier.js";
import { createWebhookHandler, webhookPathSegment } from "./webhook.js";

export interface ZaloChannel {
  readonly mode: "polling" | "webhook";
  /** A plain message to a chat (subscription notices); BlockedRecipientError when Zalo refuses the chat. */
  send(chatId: string, text: string): Promise<void>;
  /** Stops taking updates, finishes the replies under way and saves the seen ids. Idempotent. */
  stop(): Promise<void>;
  /** Resolves once the channel has stopped: after stop(), or by itself when Zalo rejects the token. */
  readonly done: Promise<void>;
}

/** Knobs for tests; production uses the defaults. */
export interface ZaloTuning {
  readonly pollTimeoutSeconds?: number;
  readonly sleep?: Sleep;
}

export interface StartZaloOptions {
  readonly config: Config;
  /** What the channel needs of ChatService (tests may pass a slower stand-in). */
  readonly chat: Pick<ChatService, "handle">;
  readonly logger: Logger;
  /** Required in webhook mode: the route is added here; the caller listens. */
  readonly server?: WebServer;
  readonly tuning?: ZaloTuning;
  /** Where seen message ids are kept; default a JSON file in DATA_DIR. */
  readonly seen?: SeenMessages;
  /** Chart pictures, sent by URL when the configuration has a public URL (PUBLIC_URL or WEBHOOK_URL). */
  readonly charts?: ChartSource;
}

export const SEEN_FILE = "zalo-seen.json";

const UNAUTHORIZED_LINE =
  "Zalo rejected the bot token (401 Unauthorized): the Zalo channel has stopped. Check ZALO_BOT_TOKEN; it changes when the token is reset in Zalo Bot Creator.";

/** Rejects (with a token-free ZaloApiError) when the token is refused or Zalo cannot be reached at start. */
export async function startZalo(options: StartZaloOptions): Promise<ZaloChannel> {
  const { config, chat } = options;
  const logger = options.logger.child({ channel: "zalo" });
  if (!config.zaloToken) throw new Error("startZalo needs ZALO_BOT_TOKEN");
  const sleep = options.tuning?.sleep ?? realSleep;
  const client = new ZaloClient({ token: config.zaloToken, apiBase: config.zaloApiBase, logger, sleep });

  const me = await client.getMe().catch((error: unknown) => {
    if (isUnauthorized(error)) logger.error(UNAUTHORIZED_LINE);
    throw error;
  });
  const seen = options.seen ?? (await JsonFileSeenMessages.open(join(config.dataDir, SEEN_FILE), logger));
  const send = async (chatId: string, text: string) => {
    try {
      await client.sendMessage(chatId, text);
    } catch (error) {
      // 403: the user blocked the bot or the chat is gone; retrying cannot help.
      if (error instanceof ZaloApiError && (error.errorCode === 403 || error.httpStatus === 403)) throw new BlockedRecipientError(error.description);
      throw error;
    }
  };

  let stopping: Promise<void> | undefined;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  let poller: Poller | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await poller?.stop();
      await bot.drain();
      await seen.flush();
      logger.info("Zalo channel stopped");
      finished();
    })());
  const onUnauthorized = () => {
    if (stopping) return;
    logger.error(UNAUTHORIZED_LINE);
    void stop();
  };

  const botNames = [me.account_name, me.display_name].filter((name): name is string => typeof name === "string" && name !== "");
  const pictures = options.charts && config.publicUrl ? { charts: options.charts, publicUrl: config.publicUrl } : {};
  const bot = new ZaloBot({ client, chat, seen, botNames, logger, onUnauthorized, ...pictures });

  if (config.zaloWebhookUrl) {
    if (!options.server) throw new Error("Zalo webhook mode needs the WebServer");
    // Zalo accepts 8–256 characters; a generated secret changes on every start, which is fine: it is re-registered.
    const secret = config.webhookSecret ?? randomBytes(32).toString("base64url");
    const url = new URL(config.zaloWebhookUrl);
    // Served under the same path as the public URL (a proxy in front must not strip the prefix).
    const path = `${url.pathname.replace(/\/+$/, "")}/zalo/${webhookPathSegment(secret)}`;
    options.server.route(
      path,
      createWebhookHandler({ secret, onUpdate: (update) => bot.handle(update), isOpen: () => !stopping, logger }),
    );
    // The route exists before Zalo is told about it, so the first delivery already finds it.
    await client.setWebhook(`${url.origin}${path}`, secret);
    logger.info({ origin: url.origin }, "Zalo webhook registered");
    return { mode: "webhook", stop, done, send };
  }

  // getUpdates does not work while a webhook is set.
  if (await client.getWebhookInfo()) {
    logger.warn("a Zalo webhook was registered; deleting it to use polling");
    await client.deleteWebhook();
  }
  poller = new Poller({
    client,
    onUpdate: (update) => bot.handle(update),
    onUnauthorized,
    logger,
    sleep,
    ...(options.tuning?.pollTimeoutSeconds ? { pollTimeoutSeconds: options.tuning.pollTimeoutSeconds } : {}),
  });
  poller.start();
  logger.info({ bot: me.account_name }, "Zalo channel polling");
  return { mode: "polling", stop, done, send };
}
