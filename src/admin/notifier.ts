// Notices sent without being asked: to subscribers when a figure changes (chats that blocked the bot are dropped
// from the subscriptions) and to admins when the knowledge files are invalid. Sent at a gentle rate, retried on
// failure, cut into messages every platform accepts.
import type { ChannelName } from "../channels/chat-service.js";
import type { Logger } from "../logger.js";
import { ZALO_MESSAGE_LIMIT } from "../render/plain.js";
import { splitNotice } from "../render/split.js";
import type { Store } from "../store/store.js";

export type SendText = (chatId: string, text: string) => Promise<void>;

/** Thrown by a channel's send when the recipient blocked the bot or left: retrying cannot help. */
export class BlockedRecipientError extends Error {}

export interface NotifierOptions {
  readonly store: Store;
  readonly logger?: Logger;
  /** Pause between two messages: well under Telegram's and Zalo's per-bot limits. */
  readonly intervalMs?: number;
  readonly attempts?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface Delivery {
  readonly sent: number;
  readonly failed: number;
  readonly dropped: number;
}

type Outcome = "sent" | "blocked" | "failed";

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Notifier {
  private readonly senders = new Map<ChannelName, SendText>();

  constructor(private readonly options: NotifierOptions) {}

  register(channel: ChannelName, send: SendText): void {
    this.senders.set(channel, send);
  }

  async notify(indicator: string, text: string): Promise<Delivery> {
    const delivery = await this.deliver(this.options.store.subscribersOf(indicator), text, (chatKey) => this.options.store.dropSubscriber(chatKey));
    this.options.logger?.info({ indicator, ...delivery }, "subscription notices sent");
    return delivery;
  }

  /** To each admin ("tg:123", "zalo:abc") in their private chat with the bot, whose id is the admin's own. */
  async notifyAdmins(adminIds: Iterable<string>, text: string): Promise<Delivery> {
    const delivery = await this.deliver([...adminIds], text, async () => {});
    this.options.logger?.info(delivery, "admin notices sent");
    return delivery;
  }

  private async deliver(chatKeys: readonly string[], text: string, onBlocked: (chatKey: string) => Promise<unknown>): Promise<Delivery> {
    const sleep = this.options.sleep ?? defaultSleep;
    const interval = this.options.intervalMs ?? 50;
    const attempts = this.options.attempts ?? 3;
    const delivery = { sent: 0, failed: 0, dropped: 0 };
    const messages = splitNotice(text, ZALO_MESSAGE_LIMIT);
    for (const chatKey of chatKeys) {
      const [channel, ...rest] = chatKey.split(":");
      const send = this.senders.get(channel as ChannelName);
      if (!send) continue;
      let outcome: Outcome = "sent";
      for (const message of messages) {
        outcome = await this.sendWithRetry(send, rest.join(":"), message, attempts, sleep);
        if (outcome !== "sent") break;
      }
      if (outcome === "blocked") await onBlocked(chatKey);
      delivery[outcome === "sent" ? "sent" : outcome === "blocked" ? "dropped" : "failed"] += 1;
      await sleep(interval);
    }
    return delivery;
  }

  private async sendWithRetry(
    send: SendText,
    chatId: string,
    text: string,
    attempts: number,
    sleep: (ms: number) => Promise<void>,
  ): Promise<Outcome> {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await send(chatId, text);
        return "sent";
      } catch (error) {
        if (error instanceof BlockedRecipientError) return "blocked";
        this.options.logger?.warn({ err: error, attempt }, "subscription notice failed");
        if (attempt < attempts) await sleep(500 * 2 ** (attempt - 1));
      }
    }
    return "failed";
  }
}
