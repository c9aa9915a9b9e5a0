// One Zalo update → at most one reply: dedupe by message_id, ask the ChatService, send the plain rendering.
// Polling and webhook both feed handle(); replies to one chat are sent in order. An answer that names a chart
// gets its picture first, by URL, when the server has a public address (Zalo has no upload, and no buttons).
import type { ChartSource } from "../../charts/charts.js";
import { publicChartUrl } from "../../server/chart-images.js";
import type { ChatService, Reply } from "../chat-service.js";
import type { Logger } from "../../logger.js";
import { renderPlain, ZALO_MESSAGE_LIMIT } from "../../render/plain.js";
import { splitNotice } from "../../render/split.js";
import { withTypingIndicator } from "../typing.js";
import { isUnauthorized, type ZaloClient } from "./client.js";
import type { SeenMessages } from "./seen-messages.js";
import { parseUpdate, type ZaloEvent } from "./updates.js";

export interface ZaloBotOptions {
  readonly client: Pick<ZaloClient, "sendMessage" | "sendChatAction" | "sendPhoto">;
  readonly chat: Pick<ChatService, "handle">;
  readonly seen: SeenMessages;
  /** Names a group mention may use (from getMe). */
  readonly botNames: readonly string[];
  readonly logger: Logger;
  readonly onUnauthorized: (error: unknown) => void;
  /** Chart pictures, sent by URL below `publicUrl`; without both, text only. */
  readonly charts?: ChartSource;
  readonly publicUrl?: string;
}

export class ZaloBot {
  /** The tail of each chat's reply queue. */
  private readonly chats = new Map<string, Promise<void>>();

  constructor(private readonly options: ZaloBotOptions) {}

  /** Never rejects; resolves when the reply (if any) has been sent. */
  handle(update: unknown): Promise<void> {
    const { seen, logger } = this.options;
    const event = parseUpdate(update, this.options.botNames);
    if (event.kind === "ignored") {
      logger.debug({ eventName: event.eventName, reason: event.reason }, "Zalo update ignored");
      return Promise.resolve();
    }
    // Every line about this update carries its id (the message id), including the client's retry warnings.
    const log = event.messageId === undefined ? logger : logger.child({ updateId: event.messageId.slice(0, 64) });
    if (event.messageId !== undefined) {
      // Checked and marked before any await, so a redelivery arriving meanwhile is already a duplicate.
      if (seen.has(event.messageId)) {
        log.debug("Zalo message already handled");
        return Promise.resolve();
      }
      seen.add(event.messageId);
    }
    const { chatId } = event.incoming;
    const previous = this.chats.get(chatId) ?? Promise.resolve();
    const next = previous.then(() => this.respond(event, log));
    this.chats.set(chatId, next);
    return next.finally(() => {
      if (this.chats.get(chatId) === next) this.chats.delete(chatId);
    });
  }

  /** Resolves when every reply under way has been sent. */
  async drain(): Promise<void> {
    while (this.chats.size > 0) await Promise.all(this.chats.values());
  }

  /** The picture before the text; a picture that cannot be sent costs nothing but itself. */
  private async sendChart(chatId: string, name: string, log: Logger): Promise<void> {
    const { charts, publicUrl, client } = this.options;
    if (!charts || !publicUrl) return;
    try {
      const image = await charts.chart(name);
      if (image) await client.sendPhoto(chatId, publicChartUrl(publicUrl, image), image.caption, { logger: log });
    } catch (error) {
      if (isUnauthorized(error)) throw error;
      log.warn({ err: error }, "Zalo: the chart could not be sent; sending the text alone");
    }
  }

  private async respond(event: Extract<ZaloEvent, { kind: "message" }>, log: Logger): Promise<void> {
    const { client, chat } = this.options;
    try {
      const { chatId } = event.incoming;
      const reply = await withTypingIndicator(
        () => chat.handle(event.incoming),
        () => client.sendChatAction(chatId),
        (error) => log.debug({ err: error }, "Zalo typing action failed"),
      );
      if (reply.kind === "answer" && reply.answer.chart !== undefined) await this.sendChart(chatId, reply.answer.chart, log);
      for (const text of replyTexts(reply)) await client.sendMessage(chatId, text, { logger: log });
    } catch (error) {
      if (isUnauthorized(error)) this.options.onUnauthorized(error);
      else log.error({ err: error }, "could not answer a Zalo message");
    }
  }
}

function replyTexts(reply: Reply): string[] {
  switch (reply.kind) {
    case "answer":
      return renderPlain(reply.answer);
    case "notice":
      return splitNotice(reply.text, ZALO_MESSAGE_LIMIT);
    case "silent":
      return [];
  }
}
