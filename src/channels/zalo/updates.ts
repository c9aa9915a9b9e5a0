// Zalo update shapes → what the bot acts on. Everything here is defensive: field names and wrapping
// differ between the docs and live traffic (see the uncertainty register of the Zalo spec).
import type { IncomingText } from "../chat-service.js";

export type ZaloEvent =
  | { readonly kind: "text"; readonly messageId: string; readonly incoming: IncomingText }
  /** Something the user sent that is not text (image, sticker, voice, unsupported content…). */
  | { readonly kind: "non-text"; readonly eventName: string; readonly messageId?: string; readonly chatId: string }
  | { readonly kind: "ignored"; readonly eventName: string; readonly reason: string };

type Json = Record<string, unknown>;

const TEXT_EVENTS = new Set(["message.text.received", "message.link.received"]);
/** Reactions are not messages to answer. */
const NOT_MESSAGES = new Set(["message.reaction.received"]);

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** getUpdates gives one update per call (docs), but an array is accepted too; {} and null mean "nothing". */
export function updatesFromResult(result: unknown): Json[] {
  const list = Array.isArray(result) ? result : [result];
  return list.filter((item): item is Json => isObject(item) && Object.keys(item).length > 0);
}

/** Webhook bodies arrive wrapped ({ok:true, result:{…}}, per the docs) or bare ({event_name, message}, per live reports). */
export function unwrapWebhookBody(body: unknown): unknown {
  return isObject(body) && body.ok === true && isObject(body.result) ? body.result : body;
}

export function isUpdate(value: unknown): value is Json & { event_name: string } {
  return isObject(value) && typeof value.event_name === "string";
}

/**
 * Removes a leading "@<bot name>" and the spaces, colons or commas after it. In groups Zalo only delivers
 * messages that mention the bot (or reply to it), and the mention shows up only as that text prefix.
 */
export function stripMention(message: string, names: readonly string[]): string {
  const lower = message.toLowerCase();
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const prefix = `@${name.normalize("NFC")}`.toLowerCase();
    const next = message.charAt(prefix.length);
    if (lower.startsWith(prefix) && (next === "" || /[\s:,]/.test(next))) {
      return message.slice(prefix.length).replace(/^[\s:,]+/, "");
    }
  }
  return message;
}

/**
 * The rule for what gets an answer:
 * - text from a person → the question (in groups without the leading @mention);
 * - any other `message.*.received` (image, sticker, voice, unsupported, link without text…) → a short note
 *   that only text is understood, when the chat is known; `message.unsupported.received` may come without
 *   a `message`, and then there is nobody to tell, so it is ignored;
 * - reactions, messages from bots and unknown events → ignored (logged by the caller).
 */
export function parseUpdate(update: unknown, botNames: readonly string[]): ZaloEvent {
  if (!isUpdate(update)) return { kind: "ignored", eventName: "?", reason: "not an update" };
  const eventName = update.event_name;
  if (NOT_MESSAGES.has(eventName) || !/^message\..+\.received$/.test(eventName)) {
    return { kind: "ignored", eventName, reason: "not a message event" };
  }
  const message = isObject(update.message) ? update.message : {};
  const chat = isObject(message.chat) ? message.chat : {};
  const from = isObject(message.from) ? message.from : {};
  const chatId = text(chat.id);
  if (!chatId) return { kind: "ignored", eventName, reason: "no chat to answer" };
  if (from.is_bot === true) return { kind: "ignored", eventName, reason: "sent by a bot" };
  const messageId = text(message.message_id);
  const body = text(message.text)?.normalize("NFC");
  if (!body || !TEXT_EVENTS.has(eventName)) return { kind: "non-text", eventName, chatId, ...(messageId ? { messageId } : {}) };
  if (!messageId) return { kind: "ignored", eventName, reason: "text without message_id" };
  const isGroup = chat.chat_type === "GROUP";
  return {
    kind: "text",
    messageId,
    incoming: {
      channel: "zalo",
      chatId,
      // In a private chat chat.id is the user's id.
      userId: text(from.id) ?? chatId,
      text: isGroup ? stripMention(body, botNames) : body,
      updateId: messageId.slice(0, 64),
    },
  };
}
