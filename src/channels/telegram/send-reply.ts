// One ChatService Reply → Telegram messages: the answer as HTML (split by renderTelegram) with its buttons on
// the last message only, a notice as plain text, nothing for silence. The dashboard answer (/chitieu) comes with
// its picture first; an indicator's status offers its chart with a "📈 Biểu đồ" button.
import { InlineKeyboard, InputFile, type Api } from "grammy";
import type { ChartImage, ChartSource } from "../../charts/charts.js";
import { DASHBOARD_CHART } from "../../engine/chart-fit.js";
import type { Logger } from "../../logger.js";
import type { Reply } from "../chat-service.js";
import { splitNotice } from "../../render/split.js";
import { renderTelegram, TELEGRAM_MESSAGE_LIMIT } from "../../render/telegram.js";
import { addChartRow, addFeedbackRow, fitsChartButton, suggestionKeyboard, topicKeyboard } from "./keyboards.js";
import type { SuggestionMemory } from "./suggestion-memory.js";

export interface ReplyTarget {
  readonly chatId: number;
  /** In groups the first message quotes the question, so it is clear whom the bot answers. */
  readonly replyTo?: number;
}

/** What sending a reply needs besides the reply: the follow-ups' memory and, where charts are drawn, the charts. */
export interface ReplyContext {
  readonly memory: SuggestionMemory;
  readonly charts?: ChartSource;
  /** The update's logger: a picture that fails is logged, and the text still goes. */
  readonly log?: Logger;
}

function keyboardFor(reply: Extract<Reply, { kind: "answer" }>, chatKey: string, context: ReplyContext) {
  const { answer } = reply;
  // A greeting (/start, "xin chào") opens the topic menu; every other answer offers its follow-ups.
  if (answer.intent === "greeting") return topicKeyboard();
  const chart = answer.chart !== undefined && answer.chart !== DASHBOARD_CHART && context.charts && fitsChartButton(answer.chart) ? answer.chart : undefined;
  const start = chart ? addChartRow(new InlineKeyboard(), chart) : undefined;
  const keyboard = answer.suggestions.length === 0 ? start : suggestionKeyboard(context.memory.remember(chatKey, answer.suggestions), answer.suggestions, start);
  // Votes are asked only on real answers, never on help, small talk or "not sure".
  const votable = answer.answered && !["help", "about", "thanks", "sources"].includes(answer.intent);
  return votable ? addFeedbackRow(keyboard ?? new InlineKeyboard(), reply.answerId) : keyboard;
}

/** A chart as an uploaded photo with its caption (scope, "số liệu đến …", source). */
export async function sendChartPhoto(api: Api, chatId: number, image: ChartImage, extra: Parameters<Api["sendPhoto"]>[2] = {}): Promise<void> {
  await api.sendPhoto(chatId, new InputFile(image.png, `bieu-do-${image.name}.png`), { caption: image.caption, ...extra });
}

export async function sendReply(api: Api, target: ReplyTarget, reply: Reply, context: ReplyContext): Promise<void> {
  const quote = target.replyTo === undefined ? {} : { reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true } };
  if (reply.kind === "silent") return;
  if (reply.kind === "notice") {
    for (const [i, text] of splitNotice(reply.text, TELEGRAM_MESSAGE_LIMIT).entries()) await api.sendMessage(target.chatId, text, i === 0 ? quote : {});
    return;
  }
  let quoted = false;
  if (reply.answer.chart === DASHBOARD_CHART && context.charts) {
    try {
      const image = await context.charts.chart(DASHBOARD_CHART);
      if (image) {
        await sendChartPhoto(api, target.chatId, image, quote);
        quoted = true;
      }
    } catch (error) {
      context.log?.warn({ err: error }, "Telegram: the dashboard picture could not be sent; sending the text alone");
    }
  }
  const messages = renderTelegram(reply.answer);
  const keyboard = keyboardFor(reply, String(target.chatId), context);
  for (const [i, text] of messages.entries()) {
    const last = i === messages.length - 1;
    await api.sendMessage(target.chatId, text, {
      parse_mode: "HTML",
      // Source links would otherwise unfold into a large preview under every answer.
      link_preview_options: { is_disabled: true },
      ...(i === 0 && !quoted ? quote : {}),
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
  }
}
