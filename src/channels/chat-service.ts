// The channel-neutral heart of every chat: flood limit, admin and subscription commands, feedback, then
// ask() with the chat's conversation — and a record of what was asked. Telegram and Zalo turn their updates
// into an IncomingMessage (text, or the kind of thing sent when it is not text) and render the Reply.
import { performance } from "node:perf_hooks";
import type { AdminCommands } from "../admin/admin-commands.js";
import type { Answer } from "../engine/answer.js";
import type { Ask } from "../engine/ask.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../server/metrics.js";
import type { Store } from "../store/store.js";
import { fold } from "../text/normalize.js";
import { ConversationStore } from "./conversations.js";
import { FloodGuard, SLOW_DOWN_MESSAGE } from "./flood-guard.js";
import { isOnlyLinks, NOT_TEXT_REPLIES, withoutLinks, type NotTextKind } from "./not-text.js";

/** "console": the terminal chat in local admin mode; "web": the public web page. */
export type ChannelName = "tg" | "zalo" | "console" | "web";
export type Vote = "up" | "down";

interface Incoming {
  readonly channel: ChannelName;
  readonly chatId: string;
  readonly userId: string;
  /** The platform update it came in, for log lines about it. */
  readonly updateId?: string | number;
}

/** Words the person wrote: a message, or the caption of a photo, video or file. */
export interface IncomingText extends Incoming {
  readonly text: string;
}

/** Something sent without any words: a voice message, a photo without a caption, a sticker… */
export interface IncomingNotText extends Incoming {
  readonly notText: NotTextKind;
}

export type IncomingMessage = IncomingText | IncomingNotText;

export type Reply =
  /** `answerId` names the answer for feedback ("tg:123:7"). */
  | { readonly kind: "answer"; readonly answer: Answer; readonly answerId: string }
  /** A short notice that is not an answer (flood warning, not-text note, admin results, confirmations). */
  | { readonly kind: "notice"; readonly text: string }
  /** Nothing to send (a flood beyond the one warning). */
  | { readonly kind: "silent" };

export interface ChatServiceOptions {
  readonly ask: Ask;
  readonly store?: Store;
  readonly admin?: AdminCommands;
  readonly metrics?: Metrics;
  readonly logger?: Logger;
  readonly flood?: FloodGuard;
  readonly conversations?: ConversationStore;
}

export const THANKS_FOR_FEEDBACK = "Cảm ơn bạn đã góp ý! Ý kiến của bạn giúp trợ lý trả lời tốt hơn.";
export const FEEDBACK_ALREADY = "Bạn đã góp ý cho câu trả lời này rồi, cảm ơn bạn.";
export const FEEDBACK_LIMIT = "Cảm ơn bạn! Hôm nay bạn đã góp ý nhiều rồi, mình ghi nhận tiếp từ ngày mai nhé.";

/** On Zalo there are no buttons: a reply like this right after an answer is a vote on it. */
const ZALO_VOTES: ReadonlyMap<string, Vote> = new Map([
  ["👍", "up"],
  ["👎", "down"],
  ["dung", "up"],
  ["dung roi", "up"],
  ["chinh xac", "up"],
  ["sai", "down"],
  ["sai roi", "down"],
  ["chua dung", "down"],
  ["khong dung", "down"],
]);

interface AnswerRecord {
  readonly question: string;
  readonly entry?: string;
  readonly channel: ChannelName;
}

const ANSWERS_REMEMBERED = 5_000;

export class ChatService {
  private readonly ask: Ask;
  private readonly flood: FloodGuard;
  private readonly conversations: ConversationStore;
  private readonly answers = new Map<string, AnswerRecord>();
  private readonly lastAnswerOfChat = new Map<string, string>();
  private answerCounter = 0;

  constructor(private readonly options: ChatServiceOptions) {
    this.ask = options.ask;
    this.flood = options.flood ?? new FloodGuard();
    this.conversations = options.conversations ?? new ConversationStore();
  }

  /** Every message a person sends comes here, text or not, so every one counts toward the flood limit. */
  async handle(message: IncomingMessage): Promise<Reply> {
    this.options.metrics?.updatesReceived.inc({ channel: message.channel });
    const user = `${message.channel}:${message.userId}`;
    // Admins at work (a run of /capnhat, checking each answer) are no flood.
    const decision = this.options.admin?.isAdmin(user) ? "allow" : this.flood.check(user);
    if (decision === "warn") return { kind: "notice", text: SLOW_DOWN_MESSAGE };
    if (decision === "drop") return { kind: "silent" };
    return "notText" in message ? this.notText(message.channel, message.notText) : this.answer(message);
  }

  private notText(channel: ChannelName, kind: NotTextKind): Reply {
    this.options.metrics?.notText.inc({ channel, kind });
    return { kind: "notice", text: NOT_TEXT_REPLIES[kind] };
  }

  private async answer(message: IncomingText): Promise<Reply> {
    // A message of links alone is no question (and no command); the words around a link are.
    if (isOnlyLinks(message.text)) return this.notText(message.channel, "link");
    const chatKey = `${message.channel}:${message.chatId}`;
    const adminReply = await this.options.admin?.handle(message);
    if (adminReply !== undefined) return { kind: "notice", text: adminReply };
    const vote = message.channel === "zalo" ? ZALO_VOTES.get(fold(message.text)) ?? ZALO_VOTES.get(message.text.trim()) : undefined;
    const lastAnswer = this.lastAnswerOfChat.get(chatKey);
    if (vote && lastAnswer) {
      this.lastAnswerOfChat.delete(chatKey);
      return { kind: "notice", text: await this.feedback(lastAnswer, vote) };
    }

    const question = withoutLinks(message.text);
    const started = performance.now();
    let answer: Answer;
    try {
      answer = this.ask(question, this.conversations.get(chatKey));
    } catch (error) {
      this.options.metrics?.errors.inc({ channel: message.channel });
      throw error;
    }
    this.options.metrics?.latency.observe((performance.now() - started) / 1000);
    this.options.metrics?.answers.inc({ intent: answer.intent });
    if (!answer.answered) this.options.metrics?.fallbacks.inc();
    // The reply does not wait for the statistics to reach the disk.
    this.record(message, question, answer);

    const answerId = `${chatKey}:${(++this.answerCounter).toString(36)}`;
    this.remember(answerId, { question, channel: message.channel, ...(answer.entries[0] ? { entry: answer.entries[0] } : {}) });
    if (answer.answered) this.lastAnswerOfChat.set(chatKey, answerId);
    else this.lastAnswerOfChat.delete(chatKey);
    return { kind: "answer", answer, answerId };
  }

  /** A 👍/👎 on an answer; one vote per answer. Returns the text to show the user. */
  async feedback(answerId: string, vote: Vote): Promise<string> {
    const known = this.answers.get(answerId);
    const store = this.options.store;
    if (!store) return THANKS_FOR_FEEDBACK;
    const channel = known?.channel ?? (answerId.startsWith("zalo:") ? "zalo" : "tg");
    const result = await store.recordFeedback({
      answerKey: answerId,
      channel,
      vote,
      question: known?.question ?? "",
      ...(known?.entry ? { entry: known.entry } : {}),
      // The chat the answer went to ("tg:123" of "tg:123:7"): votes count against its daily share.
      user: answerId.slice(0, answerId.lastIndexOf(":")),
    });
    return { recorded: THANKS_FOR_FEEDBACK, duplicate: FEEDBACK_ALREADY, limit: FEEDBACK_LIMIT }[result];
  }

  private remember(answerId: string, record: AnswerRecord): void {
    this.answers.set(answerId, record);
    if (this.answers.size > ANSWERS_REMEMBERED) this.answers.delete(this.answers.keys().next().value!);
    if (this.lastAnswerOfChat.size > ANSWERS_REMEMBERED) this.lastAnswerOfChat.delete(this.lastAnswerOfChat.keys().next().value!);
  }

  /**
   * Usage counters and, for what the bot could not answer well, the question text for the review queue. Not
   * awaited, and nothing of the message or the answer is held until the write ends: under load writes come
   * every ~100 ms, and whatever waits for one that long outlives V8's young generation and costs a full GC.
   */
  private record(message: IncomingText, question: string, answer: Answer): void {
    const store = this.options.store;
    if (!store || answer.intent === "invalid") return;
    const { channel, updateId } = message;
    const logger = this.options.logger;
    store
      .recordQuestion({
        channel,
        user: `${channel}:${message.userId}`,
        text: question,
        intent: answer.intent,
        answered: answer.answered,
        confidence: answer.confidence,
        ...(answer.entries[0] ? { entry: answer.entries[0] } : {}),
      })
      // Statistics must never cost the user the answer.
      .catch((error: unknown) => logger?.warn({ channel, updateId, err: error }, "could not record the question"));
  }
}
