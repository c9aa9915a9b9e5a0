// Which messages are meant for the bot, and what question their text (or caption) asks.
// Private chats: everything. Groups: commands (bare or /cmd@ThisBot), messages that mention @ThisBot
// (the mention is removed before asking) and replies to the bot's own messages; the rest is conversation
// between people and the bot stays out of it.
import type { Message, UserFromGetMe } from "grammy/types";

const COMMAND = /^\/[A-Za-z0-9_]+(?:@(\w+))?/;

export function questionFor(message: Message, text: string, me: UserFromGetMe): string | undefined {
  if (message.chat.type === "private") return text;
  const command = COMMAND.exec(text);
  if (command) {
    const target = command[1];
    return target === undefined || target.toLowerCase() === me.username.toLowerCase() ? text : undefined;
  }
  // Usernames are [A-Za-z0-9_] only, so the name needs no escaping; \b keeps @bot from matching @bot_fan.
  const withoutMention = text.replace(new RegExp(`@${me.username}\\b`, "gi"), " ");
  if (withoutMention !== text) return withoutMention.replace(/^[\s,:;.!-]+/, "").replace(/\s+/g, " ").trim();
  return isForTheBot(message, me) ? text : undefined;
}

/** For a message without words (a photo, a sticker…): anything in a private chat, a reply to the bot in a group. */
export function isForTheBot(message: Message, me: UserFromGetMe): boolean {
  return message.chat.type === "private" || message.reply_to_message?.from?.id === me.id;
}
