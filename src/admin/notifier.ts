// Subscription notices: one short message per subscriber, sent at a gentle rate, retried on failure;
// chats that blocked the bot are dropped from the subscriptions.
import type { ChannelName } from "../channels/chat-service.js";
import type { Logger } from "../logger.js";
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

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Notifier {
  private readonly senders = new Map<ChannelName, SendText>();

  constructor(private readonly options: NotifierOptions) {}

  register(channel: ChannelName, send: SendText): void {
    this.senders.set(channel, send);
  }

  async notify(indicator: string, text: string): Promise<Delivery> {
    const sleep = this.options.sleep ?? defaultSleep;
    const interval = this.options.intervalMs ?? 50;
    const attempts = this.options.attempts ?? 3;
    const delivery = { sent: 0, failed: 0, dropped: 0 };
    for (const chatKey of this.options.store.subscribersOf(indicator)) {
      const [channel, ...rest] = chatKey.split(":");
      const send = this.senders.get(channel as ChannelName);
      if (!send) continue;
      const outcome = await this.sendWithRetry(send, rest.join(":"), text, attempts, sleep);
      if (outcome === "blocked") await this.options.store.dropSubscriber(chatKey);
      delivery[outcome === "sent" ? "sent" : outcome === "blocked" ? "dropped" : "failed"] += 1;
      await sleep(interval);
    }
    this.options.logger?.info({ indicator, ...delivery }, "subscription notices sent");
    return delivery;
  }

  private async sendWithRetry(
    send: SendText,
    chatId: string,
    text: string,
    attempts: number,
    sleep: (ms: number) => Promise<void>,
  ): Promise<"sent" | "blocked" | "failed"> {
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
