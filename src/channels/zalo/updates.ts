// Zalo update shapes → what the bot acts on. Everything here is defensive: field names and wrapping
// differ between the docs and live traffic (see the uncertainty register of the Zalo spec).
import type { IncomingMessage } from "../chat-service.js";
import type { NotTextKind } from "../not-text.js";

export type ZaloEvent =
  /** Text (or a caption) to answer, or something without words (image, sticker, voice, unsupported content…). */
  | { readonly kind: "message"; readonly messageId?: string; readonly incoming: IncomingMessage }
  | { readonly kind: "ignored"; readonly eventName: string; readonly reason: string };

type Json = Record<string, unknown>;

const MESSAGE_EVENT = /^message\.(.+)\.received$/;
/** Reactions are not messages to answer. */
const NOT_MESSAGES = new Set(["message.reaction.received"]);

/**
 * `message.<name>.received` and attachment types → the note they get. Besides the documented names (image,
 * sticker, voice, link) the names of the Official Account API's events, should the Bot Platform adopt them.
 */
const KIND_BY_NAME: ReadonlyMap<string, NotTextKind> = new Map([
  ["image", "photo"],
  ["photo", "photo"],
  ["gif", "photo"],
  ["sticker", "sticker"],
  ["voice", "voice"],
  ["audio", "audio"],
  ["video", "video"],
  ["file", "file"],
  ["location", "location"],
  ["contact", "contact"],
  ["business_card", "contact"],
  ["link", "link"],
]);

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
 * What was sent when there are no words: the event's name says it, else (`message.unsupported.received`, a
 * text event without text, a name not known yet) the fields do: `voice_url`, `photo_url` or `photo` (a URL or
 * an object with `media_url`), `sticker`, the type of the first attachment, `link`/`links`.
 */
function notTextKind(name: string, message: Json): NotTextKind {
  const byName = KIND_BY_NAME.get(name);
  if (byName) return byName;
  if (message.voice_url !== undefined || message.voice !== undefined) return "voice";
  if (message.photo_url !== undefined || message.photo !== undefined || message.message_type === "CHAT_PHOTO") return "photo";
  if (message.sticker !== undefined || message.message_type === "CHAT_STICKER") return "sticker";
  const attachments = Array.isArray(message.attachments) ? message.attachments.filter(isObject) : [];
  const attachmentType = attachments.map((attachment) => text(attachment.type) ?? text(attachment.media_type)).find(Boolean);
  const byAttachment = attachmentType === undefined ? undefined : KIND_BY_NAME.get(attachmentType.toLowerCase());
  if (byAttachment) return byAttachment;
  if (message.link !== undefined || message.links !== undefined) return "link";
  return "other";
}

/**
 * The rule for what gets an answer:
 * - words from a person, as `text` or as the `caption` of an image, whatever the event → the question (in
 *   groups without the leading @mention); a link among them is left to ChatService;
 * - any other `message.*.received` (image, sticker, voice, a link without words, unsupported, a name not
 *   known yet…) → the kind of thing it is, for a short note, when the chat is known; an update without a
 *   `message` (`message.unsupported.received` may come so) has nobody to tell, so it is ignored;
 * - reactions, messages from bots and other events → ignored (logged by the caller at debug level).
 */
export function parseUpdate(update: unknown, botNames: readonly string[]): ZaloEvent {
  if (!isUpdate(update)) return { kind: "ignored", eventName: "?", reason: "not an update" };
  const eventName = update.event_name;
  const name = MESSAGE_EVENT.exec(eventName)?.[1];
  if (name === undefined || NOT_MESSAGES.has(eventName)) return { kind: "ignored", eventName, reason: "not a message event" };
  const message = isObject(update.message) ? update.message : {};
  const chat = isObject(message.chat) ? message.chat : {};
  const from = isObject(message.from) ? message.from : {};
  const chatId = text(chat.id);
  if (!chatId) return { kind: "ignored", eventName, reason: "no chat to answer" };
  if (from.is_bot === true) return { kind: "ignored", eventName, reason: "sent by a bot" };
  const messageId = text(message.message_id);
  // In a private chat chat.id is the user's id.
  const sender = { channel: "zalo", chatId, userId: text(from.id) ?? chatId } as const;
  const words = (text(message.text) ?? text(message.caption))?.normalize("NFC");
  if (!words) {
    const incoming = { ...sender, notText: notTextKind(name, message), ...(messageId ? { updateId: messageId.slice(0, 64) } : {}) };
    return { kind: "message", ...(messageId ? { messageId } : {}), incoming };
  }
  if (!messageId) return { kind: "ignored", eventName, reason: "text without message_id" };
  const isGroup = chat.chat_type === "GROUP";
  return {
    kind: "message",
    messageId,
    incoming: { ...sender, text: isGroup ? stripMention(words, botNames) : words, updateId: messageId.slice(0, 64) },
  };
}
