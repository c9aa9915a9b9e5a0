// Which text messages are meant for the bot, and what question they ask.
// Private chats: everything. Groups: commands (bare or /cmd@ThisBot), messages that mention @ThisBot
// (the mention is removed before asking) and replies to the bot's own messages; the rest is conversation
// between people and the bot stays out of it.
import type { Message, UserFromGetMe } from "grammy/types";

const COMMAND = /^\/[A-Za-z0-9_]+(?:@(\w+))?/;

export function questionFor(message: Message & { readonly text: string }, me: UserFromGetMe): string | undefined {
  const { text } = message;
  if (message.chat.type === "private") return text;
  const command = COMMAND.exec(text);
  if (command) {
    const target = command[1];
    return target === undefined || target.toLowerCase() === me.username.toLowerCase() ? text : undefined;
  }
  // Usernames are [A-Za-z0-9_] only, so the name needs no escaping; \b keeps @bot from matching @bot_fan.
  const withoutMention = text.replace(new RegExp(`@${me.username}\\b`, "gi"), " ");
  if (withoutMention !== text) return withoutMention.replace(/^[\s,:;.!-]+/, "").replace(/\s+/g, " ").trim();
  if (message.reply_to_message?.from?.id === me.id) return text;
  return undefined;
}
