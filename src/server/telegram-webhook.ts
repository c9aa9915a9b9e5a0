// The Telegram webhook receiver, in front of grammY: secret header, body limit, JSON and update shape are
// checked here, so a bad request gets a clear 4xx (grammY's own http adapter reads any size and turns
// invalid JSON into a rejected promise). A valid update is handled while Telegram waits, like grammY's
// webhookCallback; one that takes longer than `ackAfterMs` is acknowledged and finished in the background.
//
// Rules, in order: wrong method 405 (WebServer) · wrong or missing secret 401 · stopping 503 (Telegram
// delivers it again later) · body over the limit 413 · not JSON 400 · not an update 400 · otherwise 200,
// also when handling failed (a poison update must not come back forever; the failure is logged and counted).
// The 200 may carry one Bot API call as its body (Telegram's "webhook reply"), when the handler uses `reply`.
import type { Update } from "grammy/types";
import { z } from "../zod.js";
import type { Logger } from "../logger.js";
import { readJsonBody, secretMatcher, sendError, sendJson, type RouteHandler } from "./http-server.js";

export const TELEGRAM_SECRET_HEADER = "x-telegram-bot-api-secret-token";
/** Telegram updates are a few kilobytes (a 4096-character message with entities); 1 MiB is plenty. */
export const MAX_TELEGRAM_BODY_BYTES = 1024 * 1024;
/** Like grammY's webhookCallback: Telegram gives up on a webhook request after about a minute. */
export const ACK_AFTER_MS = 10_000;

const int = z.number().int();
const chat = z.looseObject({ id: int, type: z.string() });
const user = z.looseObject({ id: int, is_bot: z.boolean().optional(), first_name: z.string().optional(), username: z.string().optional() });
const message = z.looseObject({
  message_id: int,
  date: int,
  chat,
  from: user.optional(),
  sender_chat: chat.optional(),
  text: z.string().optional(),
  reply_to_message: z.looseObject({ from: user.optional() }).optional(),
});
/**
 * What the bot reads of an update, with the types it relies on. Other update kinds (not requested through
 * allowed_updates, but harmless) pass with any object as their payload and are ignored by the bot.
 */
export const telegramUpdate = z
  .looseObject({
    update_id: int.nonnegative(),
    message: message.optional(),
    callback_query: z
      .looseObject({ id: z.string(), from: user, data: z.string().optional(), message: message.optional(), chat_instance: z.string().optional() })
      .optional(),
  })
  .refine((update) => Object.keys(update).some((key) => key !== "update_id"), "an update carries one payload")
  .refine((update) => Object.entries(update).every(([key, value]) => key === "update_id" || (typeof value === "object" && value !== null && !Array.isArray(value))));

/**
 * Answers the webhook request with this JSON body, a Bot API call (`{"method":"sendMessage",…}`) that Telegram
 * then carries out. False when the request was already answered (acknowledged after `ackAfterMs`, or the
 * client went away): the call must then be made through the API.
 */
export type WebhookReply = (json: string) => boolean;

export interface TelegramWebhookOptions {
  readonly secret: string;
  /** bot.handleUpdate (after bot.init()); `reply` may be used once, for the first API call of the update. */
  readonly handleUpdate: (update: Update, reply: WebhookReply) => Promise<void>;
  /** False once the channel is stopping: 503, and Telegram keeps the update. */
  readonly isOpen: () => boolean;
  readonly logger: Logger;
  /** Handling threw past grammY's error boundary (the update is acknowledged anyway). */
  readonly onFailure?: (error: unknown) => void;
  readonly maxBodyBytes?: number;
  readonly ackAfterMs?: number;
}

export interface TelegramWebhook {
  readonly handler: RouteHandler;
  /** Resolves when every update taken so far is handled, including those acknowledged after the timeout. */
  drain(): Promise<void>;
}

export function createTelegramWebhook(options: TelegramWebhookOptions): TelegramWebhook {
  const { logger } = options;
  const maxBytes = options.maxBodyBytes ?? MAX_TELEGRAM_BODY_BYTES;
  const ackAfterMs = options.ackAfterMs ?? ACK_AFTER_MS;
  const inFlight = new Set<Promise<void>>();
  const secretMatches = secretMatcher(options.secret);

  const handler: RouteHandler = Object.assign(
    async (request: Parameters<RouteHandler>[0], response: Parameters<RouteHandler>[1]) => {
      if (!secretMatches(request.headers[TELEGRAM_SECRET_HEADER])) {
        logger.warn("Telegram webhook request with a wrong or missing secret token rejected");
        return sendError(response, 401);
      }
      if (!options.isOpen()) return sendError(response, 503);
      const body = await readJsonBody(request, response, maxBytes);
      if (!body.ok) {
        logger.warn({ status: response.statusCode }, "Telegram webhook body rejected");
        return;
      }
      const parsed = telegramUpdate.safeParse(body.value);
      if (!parsed.success) {
        logger.warn("Telegram webhook body is not an update; rejected");
        return sendError(response, 400);
      }
      const update = parsed.data as unknown as Update;
      // The lines about this update carry its id (the bot's own lines get it from its per-update logger).
      const ids = { channel: "tg", updateId: update.update_id };
      // Message text only at debug level.
      if (logger.isLevelEnabled("debug")) {
        const kind = Object.keys(update).find((key) => key !== "update_id");
        logger.debug({ ...ids, kind, text: update.message?.text ?? update.callback_query?.data }, "Telegram update received");
      }
      const reply: WebhookReply = (json) => {
        if (response.headersSent || response.destroyed) return false;
        response.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
        response.end(json);
        return true;
      };
      const task = options.handleUpdate(update, reply).catch((error: unknown) => {
        logger.error({ ...ids, err: error }, "Telegram: update could not be handled");
        options.onFailure?.(error);
      });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), ackAfterMs)));
      const outcome = await Promise.race([task, late]);
      clearTimeout(timer);
      if (outcome === "late") logger.warn(ids, `Telegram: update took over ${ackAfterMs / 1000} s; acknowledged, still answering`);
      sendJson(response, 200, { ok: true });
    },
    { routeOptions: { methods: ["POST"], name: "telegram" } },
  );

  return {
    handler,
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
