// The channel-neutral heart of every chat: per-chat conversation, flood limit, then ask().
// Telegram, Zalo and the console turn their updates into an IncomingText and render the Reply.
import type { Answer } from "../engine/answer.js";
import type { Ask } from "../engine/ask.js";
import { ConversationStore } from "./conversations.js";
import { FloodGuard, SLOW_DOWN_MESSAGE } from "./flood-guard.js";

export type ChannelName = "tg" | "zalo";

export interface IncomingText {
  readonly channel: ChannelName;
  readonly chatId: string;
  readonly userId: string;
  readonly text: string;
}

export type Reply =
  | { readonly kind: "answer"; readonly answer: Answer }
  /** A short notice that is not an answer (flood warning, admin confirmations). */
  | { readonly kind: "notice"; readonly text: string }
  /** Nothing to send (a flood beyond the one warning). */
  | { readonly kind: "silent" };

export interface ChatServiceOptions {
  readonly ask: Ask;
  readonly flood?: FloodGuard;
  readonly conversations?: ConversationStore;
}

export class ChatService {
  private readonly ask: Ask;
  private readonly flood: FloodGuard;
  private readonly conversations: ConversationStore;

  constructor(options: ChatServiceOptions) {
    this.ask = options.ask;
    this.flood = options.flood ?? new FloodGuard();
    this.conversations = options.conversations ?? new ConversationStore();
  }

  async handle(message: IncomingText): Promise<Reply> {
    const decision = this.flood.check(`${message.channel}:${message.userId}`);
    if (decision === "warn") return { kind: "notice", text: SLOW_DOWN_MESSAGE };
    if (decision === "drop") return { kind: "silent" };
    const conversation = this.conversations.get(`${message.channel}:${message.chatId}`);
    return { kind: "answer", answer: this.ask(message.text, conversation) };
  }
}
