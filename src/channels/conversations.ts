// One Conversation per chat, kept in memory and bounded: the least recently used chats are forgotten first.
import { createConversation, type Conversation } from "../engine/conversation.js";

export class ConversationStore {
  private readonly chats = new Map<string, Conversation>();

  constructor(private readonly maxChats = 10_000) {}

  /** The conversation of a chat ("tg:123", "zalo:abc"), created on first use. */
  get(chatKey: string): Conversation {
    const existing = this.chats.get(chatKey);
    if (existing) {
      // Re-insert so Map order doubles as recency order.
      this.chats.delete(chatKey);
      this.chats.set(chatKey, existing);
      return existing;
    }
    const conversation = createConversation();
    this.chats.set(chatKey, conversation);
    if (this.chats.size > this.maxChats) this.chats.delete(this.chats.keys().next().value!);
    return conversation;
  }

  get size(): number {
    return this.chats.size;
  }
}
