// The Telegram channel as a thin adapter: update in → ChatService.handle() → rendered reply out.
// No knowledge here; createTelegramBot returns an un-started Bot so run.ts (or a test) decides how it runs.
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, type Context, type FilterQuery } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { DEFAULT_TELEGRAM_API_ROOT } from "../../config.js";
import type { Logger } from "../../logger.js";
import type { ChatService } from "../chat-service.js";
import { questionFor } from "./addressing.js";
import { parseButtonData, withoutFeedback } from "./keyboards.js";
import { logCallsTo } from "./network-retry.js";
import { sendReply, type ReplyTarget } from "./send-reply.js";
import { SuggestionMemory } from "./suggestion-memory.js";
import { withTypingIndicator } from "../typing.js";

/** What the bot needs of ChatService (tests may pass a slower or failing stand-in). */
export type ChatHandler = Pick<ChatService, "handle" | "feedback">;

/** Each update's context carries a logger whose lines name the update. */
export type BotContext = Context & { log: Logger };
export type TelegramBot = Bot<BotContext>;

export interface TelegramBotOptions {
  readonly token: string;
  /** Bot API root; a self-hosted Bot API server or a test fake. Default: the public Bot API. */
  readonly apiRoot?: string;
  readonly chat: ChatHandler;
  readonly logger: Logger;
  /** Lets the first sendMessage of an update go back in the webhook response (see TELEGRAM_WEBHOOK_REPLY). */
  readonly webhookReply?: boolean;
  /** Skips getMe at start (tests, or a caller that already knows the bot). */
  readonly botInfo?: UserFromGetMe;
  /** Default API_TIMEOUT_SECONDS; tests shorten it. */
  readonly apiTimeoutSeconds?: number;
}

/**
 * The only updates the bot handles, also sent as allowed_updates so Telegram does not deliver the rest.
 * Edited messages and channel posts are ignored on purpose: answering an edit would post a second answer
 * under an old question, and the bot has no role in channels.
 */
export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

/**
 * How long one Bot API request may take before grammY abandons it (and network-retry.ts tries it again); grammY's
 * default is 500 s. The long poll is held for less than this (run.ts).
 */
export const API_TIMEOUT_SECONDS = 15;

export const TEXT_ONLY_NOTE =
  'Mình chỉ đọc được tin nhắn chữ thôi. Bạn gõ câu hỏi về Nghị quyết 16 giúp mình nhé, ví dụ: "mục tiêu 2030 là gì?"';
export const STALE_BUTTON_NOTE = "Nút này đã cũ. Bạn gõ lại câu hỏi hoặc dùng /start để xem các chủ đề nhé.";
export const APOLOGY = "Xin lỗi, mình đang gặp trục trặc nên chưa trả lời được. Bạn vui lòng thử lại sau ít phút nhé.";

/** Content a person sends that is not text; service messages (pins, timers, joins) are not in this list. */
const NON_TEXT_CONTENT: FilterQuery[] = [
  "message:file",
  "message:paid_media",
  "message:story",
  "message:location",
  "message:contact",
  "message:poll",
  "message:dice",
  "message:game",
];

export function createTelegramBot(options: TelegramBotOptions): TelegramBot {
  const { chat, logger } = options;
  // grammY joins apiRoot and "/bot<token>/<method>" itself; a trailing slash would double it.
  const apiRoot = (options.apiRoot ?? DEFAULT_TELEGRAM_API_ROOT).replace(/\/+$/, "");
  const bot = new Bot<BotContext>(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    // grammY's own client: node-fetch with a keep-alive agent per API root, which grammY sets up itself on Node.
    client: {
      apiRoot,
      timeoutSeconds: options.apiTimeoutSeconds ?? API_TIMEOUT_SECONDS,
      // Only the answer itself: everything else (typing, callback answers) stays a request whose result is seen.
      ...(options.webhookReply ? { canUseWebhookReply: (method: string) => method === "sendMessage" } : {}),
    },
  });
  // Capped, so a long rate limit fails the update (and is logged) instead of blocking polling or outliving
  // the webhook request. auto-retry would retry network errors forever, hence rethrowHttpErrors.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 5, rethrowHttpErrors: true }));

  const memory = new SuggestionMemory();

  async function answer(ctx: BotContext, target: ReplyTarget, userId: number, text: string): Promise<void> {
    const reply = await withTypingIndicator(
      () => chat.handle({ channel: "tg", chatId: String(target.chatId), userId: String(userId), text, updateId: ctx.update.update_id }),
      () => ctx.api.sendChatAction(target.chatId, "typing"),
      (error) => ctx.log.debug({ err: error }, "Telegram: typing indicator failed"),
    );
    await sendReply(ctx.api, target, reply, memory);
  }

  /** What a tapped button asks, or undefined for a stale or foreign button. */
  function buttonQuestion(data: string | undefined, chatKey: string): string | undefined {
    const action = data === undefined ? undefined : parseButtonData(data);
    if (action?.kind === "topic") return action.command;
    return action?.kind === "suggestion" ? memory.recall(chatKey, action.answerNo, action.index) : undefined;
  }

  bot.use((ctx, next) => {
    ctx.log = logger.child({ channel: "tg", updateId: ctx.update.update_id });
    ctx.api.config.use(logCallsTo(ctx.log));
    return next();
  });

  // Every update runs inside this boundary, in polling and webhook mode alike: log, apologise if there is
  // a chat to apologise in, and never let one bad update stop the bot.
  const guarded = bot.errorBoundary(async ({ error, ctx }) => {
    ctx.log.error({ err: error }, "Telegram: update failed");
    if (!ctx.chat) return;
    try {
      await ctx.api.sendMessage(ctx.chat.id, APOLOGY);
    } catch (sendError) {
      ctx.log.warn({ err: sendError }, "Telegram: apology could not be sent");
    }
  });

  guarded.on("message:text", async (ctx) => {
    const question = questionFor(ctx.message, ctx.me);
    if (question === undefined) return;
    const isPrivate = ctx.chat.type === "private";
    // Anonymous admins and linked channels write as a chat, with a placeholder bot shared by all of them
    // as `from`; the sender chat keeps them from sharing one flood limit.
    const userId = ctx.message.sender_chat?.id ?? ctx.from?.id ?? ctx.chat.id;
    await answer(ctx, { chatId: ctx.chat.id, ...(isPrivate ? {} : { replyTo: ctx.message.message_id }) }, userId, question);
  });

  // In groups people share photos and stickers with each other: only a private chat gets the note.
  guarded.chatType("private").on(NON_TEXT_CONTENT, (ctx) => ctx.reply(TEXT_ONLY_NOTE));

  guarded.on("callback_query", async (ctx) => {
    const action = ctx.callbackQuery.data === undefined ? undefined : parseButtonData(ctx.callbackQuery.data);
    if (action?.kind === "feedback") {
      await ctx.answerCallbackQuery({ text: await chat.feedback(action.answerId, action.vote) });
      const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [];
      await ctx
        .editMessageReplyMarkup({ reply_markup: { inline_keyboard: withoutFeedback(rows) as typeof rows } })
        .catch((error: unknown) => ctx.log.debug({ err: error }, "Telegram: could not remove the feedback buttons"));
      return;
    }
    const chatId = ctx.chat?.id;
    const question = chatId === undefined ? undefined : buttonQuestion(ctx.callbackQuery.data, String(chatId));
    if (chatId === undefined || question === undefined) {
      await ctx.answerCallbackQuery({ text: STALE_BUTTON_NOTE });
      return;
    }
    // Answered first: the client shows a spinner on the button until then.
    await ctx.answerCallbackQuery();
    await answer(ctx, { chatId }, ctx.from.id, question);
  });

  return bot;
}
