// The Telegram channel as a thin adapter: update in → ChatService.handle() → rendered reply out.
// No knowledge here; createTelegramBot returns an un-started Bot so run.ts (or a test) decides how it runs.
import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, type Context } from "grammy";
import type { Message, UserFromGetMe } from "grammy/types";
import type { ChartSource } from "../../charts/charts.js";
import { DEFAULT_TELEGRAM_API_ROOT } from "../../config.js";
import type { Logger } from "../../logger.js";
import type { ChatService } from "../chat-service.js";
import type { SeenMessages } from "../zalo/seen-messages.js";
import type { NotTextKind } from "../not-text.js";
import { isForTheBot, questionFor } from "./addressing.js";
import { parseButtonData, withoutFeedback } from "./keyboards.js";
import { logCallsTo } from "./network-retry.js";
import { sendChartPhoto, sendReply, type ReplyTarget } from "./send-reply.js";
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
  /** Update ids already handled: a redelivered update (a lost acknowledgement, a restart) is skipped. */
  readonly seenUpdates?: Pick<SeenMessages, "has" | "add">;
  /** Chart pictures: the dashboard with /chitieu, an indicator's behind its "📈 Biểu đồ" button. None: text only. */
  readonly charts?: ChartSource;
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

export const STALE_BUTTON_NOTE = "Nút này đã cũ. Bạn gõ lại câu hỏi hoặc dùng /start để xem các chủ đề nhé.";
export const APOLOGY = "Xin lỗi, mình đang gặp trục trặc nên chưa trả lời được. Bạn vui lòng thử lại sau ít phút nhé.";

/** What a message gives ChatService: its words, or the kind of thing it is when it has none. */
type Content = { readonly text: string } | { readonly notText: NotTextKind };

/** Content a person sends that is not text, by the note it gets; service messages (pins, timers, joins) are undefined. */
function notTextKind(message: Message): NotTextKind | undefined {
  if (message.voice) return "voice";
  if (message.audio) return "audio";
  if (message.video || message.video_note) return "video";
  // Before the document: a GIF carries one too.
  if (message.photo || message.animation) return "photo";
  if (message.document) return "file";
  if (message.sticker) return "sticker";
  // A venue carries its location.
  if (message.location) return "location";
  if (message.contact) return "contact";
  if (message.poll || message.dice || message.game || message.story || message.paid_media) return "other";
  return undefined;
}

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

  async function answer(ctx: BotContext, target: ReplyTarget, userId: number, content: Content): Promise<void> {
    const reply = await withTypingIndicator(
      () => chat.handle({ channel: "tg", chatId: String(target.chatId), userId: String(userId), updateId: ctx.update.update_id, ...content }),
      () => ctx.api.sendChatAction(target.chatId, "typing"),
      (error) => ctx.log.debug({ err: error }, "Telegram: typing indicator failed"),
    );
    await sendReply(ctx.api, target, reply, { memory, log: ctx.log, ...(options.charts ? { charts: options.charts } : {}) });
  }

  /** What a tapped button asks, or undefined for a stale or foreign button. */
  function buttonQuestion(data: string | undefined, chatKey: string): string | undefined {
    const action = data === undefined ? undefined : parseButtonData(data);
    if (action?.kind === "topic") return action.command;
    return action?.kind === "suggestion" ? memory.recall(chatKey, action.answerNo, action.index) : undefined;
  }

  const seen = options.seenUpdates;
  if (seen) {
    // Checked and marked before any await, so a redelivery arriving meanwhile is already a duplicate: a
    // /capnhat delivered twice is recorded once.
    bot.use((ctx, next) => {
      const id = String(ctx.update.update_id);
      if (seen.has(id)) {
        logger.debug({ channel: "tg", updateId: ctx.update.update_id }, "Telegram update already handled");
        return;
      }
      seen.add(id);
      return next();
    });
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

  /** A message in a chat; in a group the reply quotes it. */
  function answerMessage(ctx: BotContext, message: Message, content: Content): Promise<void> {
    const isPrivate = message.chat.type === "private";
    // Anonymous admins and linked channels write as a chat, with a placeholder bot shared by all of them
    // as `from`; the sender chat keeps them from sharing one flood limit.
    const userId = message.sender_chat?.id ?? message.from?.id ?? message.chat.id;
    return answer(ctx, { chatId: message.chat.id, ...(isPrivate ? {} : { replyTo: message.message_id }) }, userId, content);
  }

  // A caption is a question like a text: a photo, video or file sent with words is answered from them.
  guarded.on(["message:text", "message:caption"], async (ctx) => {
    const question = questionFor(ctx.message, ctx.message.text ?? ctx.message.caption ?? "", ctx.me);
    if (question !== undefined) await answerMessage(ctx, ctx.message, { text: question });
  });

  // In groups people share photos and stickers with each other: only those sent to the bot get the note.
  guarded.on("message", async (ctx) => {
    const kind = notTextKind(ctx.message);
    if (kind !== undefined && isForTheBot(ctx.message, ctx.me)) await answerMessage(ctx, ctx.message, { notText: kind });
  });

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
    if (action?.kind === "chart") {
      // A chart of the knowledge as it is now: after an update the button shows the new figures.
      const image = chatId === undefined ? undefined : await options.charts?.chart(action.chart);
      if (chatId === undefined || !image) {
        await ctx.answerCallbackQuery({ text: STALE_BUTTON_NOTE });
        return;
      }
      await ctx.answerCallbackQuery();
      await sendChartPhoto(ctx.api, chatId, image);
      return;
    }
    const question = chatId === undefined ? undefined : buttonQuestion(ctx.callbackQuery.data, String(chatId));
    if (chatId === undefined || question === undefined) {
      await ctx.answerCallbackQuery({ text: STALE_BUTTON_NOTE });
      return;
    }
    // Answered first: the client shows a spinner on the button until then.
    await ctx.answerCallbackQuery();
    await answer(ctx, { chatId }, ctx.from.id, { text: question });
  });

  return bot;
}
