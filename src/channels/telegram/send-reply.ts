// One ChatService Reply → Telegram messages: the answer as HTML (split by renderTelegram) with its buttons on
// the last message only, a notice as plain text, nothing for silence.
import { InlineKeyboard, type Api } from "grammy";
import type { Reply } from "../chat-service.js";
import { splitNotice } from "../../render/split.js";
import { renderTelegram, TELEGRAM_MESSAGE_LIMIT } from "../../render/telegram.js";
import { addFeedbackRow, suggestionKeyboard, topicKeyboard } from "./keyboards.js";
import type { SuggestionMemory } from "./suggestion-memory.js";

export interface ReplyTarget {
  readonly chatId: number;
  /** In groups the first message quotes the question, so it is clear whom the bot answers. */
  readonly replyTo?: number;
}

function keyboardFor(reply: Extract<Reply, { kind: "answer" }>, chatKey: string, memory: SuggestionMemory) {
  const { answer } = reply;
  // A greeting (/start, "xin chào") opens the topic menu; every other answer offers its follow-ups.
  if (answer.intent === "greeting") return topicKeyboard();
  const keyboard = answer.suggestions.length === 0 ? undefined : suggestionKeyboard(memory.remember(chatKey, answer.suggestions), answer.suggestions);
  // Votes are asked only on real answers, never on help, small talk or "not sure".
  const votable = answer.answered && !["help", "about", "thanks", "sources"].includes(answer.intent);
  return votable ? addFeedbackRow(keyboard ?? new InlineKeyboard(), reply.answerId) : keyboard;
}

export async function sendReply(api: Api, target: ReplyTarget, reply: Reply, memory: SuggestionMemory): Promise<void> {
  const quote = target.replyTo === undefined ? {} : { reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true } };
  if (reply.kind === "silent") return;
  if (reply.kind === "notice") {
    for (const [i, text] of splitNotice(reply.text, TELEGRAM_MESSAGE_LIMIT).entries()) await api.sendMessage(target.chatId, text, i === 0 ? quote : {});
    return;
  }
  const messages = renderTelegram(reply.answer);
  const keyboard = keyboardFor(reply, String(target.chatId), memory);
  for (const [i, text] of messages.entries()) {
    const last = i === messages.length - 1;
    await api.sendMessage(target.chatId, text, {
      parse_mode: "HTML",
      // Source links would otherwise unfold into a large preview under every answer.
      link_preview_options: { is_disabled: true },
      ...(i === 0 ? quote : {}),
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
  }
}
