// What one chat remembers between questions, so follow-ups ("còn năm 2030 thì sao?", "nguồn ở đâu?",
// or a suggestion number) make sense. Channels keep one per chat and never look inside.
import type { Focus } from "./focus.js";
import type { Slots } from "./understand.js";

export interface ConversationTurn {
  /** The search doc the last answer was about, re-composed with new slots for follow-ups. */
  readonly docId?: string;
  readonly slots: Slots;
  /** The folded topic the answer was found for, asked again with new slots by "còn năm 2030?". */
  readonly topic?: string;
  readonly sourceIds: readonly string[];
  readonly suggestions: readonly string[];
  /** Short name of the topic, for "Nguồn của câu trả lời về …". */
  readonly about?: string;
  /** The person, document, office and indicator the conversation is about, for "ông ấy", "văn bản đó", "ai ký?". */
  readonly focus?: Focus;
  /** The two years asked of the same entry one after the other ("2022?", "còn 2021?"): what "tăng hay giảm?" compares. */
  readonly years?: readonly number[];
  readonly at: number;
}

export interface Conversation {
  last?: ConversationTurn;
}

/** A follow-up more than half an hour later is treated as a new question. */
export const CONVERSATION_TTL_MS = 30 * 60_000;

export function createConversation(): Conversation {
  return {};
}

export function recentTurn(conversation: Conversation, now: number): ConversationTurn | undefined {
  const last = conversation.last;
  return last && now - last.at <= CONVERSATION_TTL_MS ? last : undefined;
}
