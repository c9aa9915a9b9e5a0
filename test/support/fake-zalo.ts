// A fake Zalo Bot Platform over real HTTP (127.0.0.1, random port), following §8 of the Zalo spec:
// POST /bot<token>/<method>, the {ok,result,error_code,description} envelope with mirrored HTTP statuses,
// held getUpdates long polls ending in 408, webhook delivery, and knobs for the uncertain behaviours.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type WebhookShape = "wrapped" | "bare";
type Json = Record<string, unknown>;

export interface ZaloUpdate {
  readonly event_name: string;
  readonly message?: Json;
}

export interface RecordedCall {
  readonly method: string;
  readonly body: Json;
  readonly status: number;
}

export interface SentText {
  readonly chat_id: string;
  readonly text: string;
}

type Failure = { method: string; status: number | "reset" | "hang"; remaining: number };

export const hex20 = () => randomBytes(10).toString("hex");

export class FakeZalo {
  /** Calls with another token get 401; change it to simulate a token reset in Zalo Bot Creator. */
  acceptedToken: string;
  readonly botName: string;
  readonly botId = "1459232241454765289";
  /** Knob: webhook bodies as documented ({ok,result}) or as reported live (bare update). */
  webhookShape: WebhookShape = "wrapped";
  /** Knob: "replay" re-delivers already returned updates on later polls, answering at once while any exist. */
  updatesMode: "consume" | "replay" = "consume";
  /** Knob: success envelopes also carry error_code: 0 (seen in real payloads). */
  successErrorCode = false;
  /** Knob: every webhook delivery is POSTed twice. */
  redeliver = false;
  /** Tests shrink the long-poll hold; requested timeouts above this are cut to it. */
  pollHoldCapSeconds = 30;
  /** Webhook deliveries go to the registered URL with its origin replaced by this (the registered one must be https). */
  webhookOrigin: string | undefined;

  readonly calls: RecordedCall[] = [];
  /** Knob: false keeps `calls` empty (long load runs); `onCall` still sees every call. */
  recordCalls = true;
  /** Called for every call as it is answered (also when not recorded), e.g. to time replies. */
  onCall: ((call: RecordedCall) => void) | undefined;
  webhook: { url: string; secret: string; updatedAt: number } | undefined;
  /** TCP connections the client opened so far (a keep-alive client reuses them). */
  connections = 0;

  private readonly queue: ZaloUpdate[] = [];
  private replayNext = 0;
  private readonly waiters = new Set<() => void>();
  private readonly failures: Failure[] = [];
  private readonly server: Server;

  private constructor(token: string, botName: string) {
    this.acceptedToken = token;
    this.botName = botName;
    this.server = createServer((request, response) => void this.route(request, response));
    this.server.on("connection", () => (this.connections += 1));
  }

  static async start(options: { token: string; botName?: string }): Promise<FakeZalo> {
    const fake = new FakeZalo(options.token, options.botName ?? "bot.NQ16");
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Messages the bot sent with sendMessage (successful calls only), in order. */
  get sent(): SentText[] {
    return this.calls
      .filter((call) => call.method === "sendMessage" && call.status === 200)
      .map((call) => ({ chat_id: String(call.body.chat_id), text: String(call.body.text) }));
  }

  count(method: string): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  /**
   * The next `times` calls of `method` ("*" for any) fail with that HTTP status, a dropped connection
   * ("reset"), or no answer at all until the client gives up ("hang"); none of them is carried out.
   */
  failNext(method: string, status: number | "reset" | "hang", times = 1): void {
    this.failures.push({ method, status, remaining: times });
  }

  /**
   * A user sends something: queued for getUpdates, or POSTed to the webhook when one is set (twice with
   * `redeliver`). Resolves to the webhook's HTTP statuses ([] when queued).
   */
  async inject(update: ZaloUpdate): Promise<number[]> {
    if (!this.webhook) {
      this.queue.push(update);
      for (const wake of [...this.waiters]) wake();
      return [];
    }
    const target = new URL(this.webhook.url);
    const url = this.webhookOrigin ? `${this.webhookOrigin}${target.pathname}` : target.href;
    const statuses: number[] = [];
    for (let i = 0; i < (this.redeliver ? 2 : 1); i += 1) {
      statuses.push((await postUpdate(url, update, { secret: this.webhook.secret, shape: this.webhookShape })).status);
    }
    return statuses;
  }

  /** Resolves when `predicate` holds, checking every few milliseconds; rejects after `timeoutMs`. */
  async waitFor(predicate: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`fake Zalo: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((request.url ?? "").split("?")[0]!);
    let body: Json = {};
    try {
      const text = await readAll(request);
      body = text === "" ? {} : (JSON.parse(text) as Json);
    } catch {
      return this.fail(response, "?", {}, 400, "Bad request: body is not JSON");
    }
    if (!match) return this.fail(response, "?", body, 404, "Not Found");
    const [, token, method] = match as unknown as [string, string, string];
    if (token !== this.acceptedToken) return this.fail(response, method, body, 401, "Unauthorized");
    const failure = this.failures.find((f) => f.remaining > 0 && (f.method === method || f.method === "*"));
    if (failure) {
      failure.remaining -= 1;
      if (failure.status === "reset" || failure.status === "hang") {
        this.record({ method, body, status: 0 });
        if (failure.status === "reset") request.socket.destroy();
        return;
      }
      return this.fail(response, method, body, failure.status, failure.status === 429 ? "Quota exceeded" : "Internal server error");
    }
    switch (method) {
      case "getMe":
        return this.ok(response, method, body, { id: this.botId, account_name: this.botName, account_type: "BASIC", can_join_groups: true });
      case "getUpdates":
        return this.getUpdates(request, response, body);
      case "sendMessage":
        if (!nonEmpty(body.chat_id) || typeof body.text !== "string" || body.text.length < 1 || body.text.length > 2000) {
          return this.fail(response, method, body, 400, "Bad request: chat_id and text (1-2000 characters) are required");
        }
        return this.ok(response, method, body, { message_id: hex20(), date: Date.now() });
      case "sendPhoto":
        if (!nonEmpty(body.chat_id) || typeof body.photo !== "string" || !/^https?:\/\//.test(body.photo) || !textUpTo(body.caption, 2000)) {
          return this.fail(response, method, body, 400, "Bad request: chat_id and a photo URL are required");
        }
        return this.ok(response, method, body, { message_id: hex20(), date: Date.now() });
      case "sendSticker":
        if (!nonEmpty(body.chat_id) || !nonEmpty(body.sticker)) return this.fail(response, method, body, 400, "Bad request: chat_id and sticker are required");
        return this.ok(response, method, body, { message_id: hex20(), date: Date.now() });
      case "sendChatAction":
        if (!nonEmpty(body.chat_id)) return this.fail(response, method, body, 400, "Bad request: chat_id is required");
        return this.ok(response, method, body, undefined);
      case "setWebhook": {
        const secret = body.secret_token;
        if (typeof body.url !== "string" || !body.url.startsWith("https://") || typeof secret !== "string" || secret.length < 8 || secret.length > 256) {
          return this.fail(response, method, body, 400, "Bad request: an https url and a secret_token of 8-256 characters are required");
        }
        this.webhook = { url: body.url, secret, updatedAt: Date.now() };
        return this.ok(response, method, body, { url: body.url, updated_at: this.webhook.updatedAt });
      }
      case "deleteWebhook":
        this.webhook = undefined;
        return this.ok(response, method, body, { url: "", updated_at: Date.now() });
      case "getWebhookInfo":
        if (!this.webhook) return this.fail(response, method, body, 404, "Not Found");
        return this.ok(response, method, body, { url: this.webhook.url, updated_at: this.webhook.updatedAt });
      default:
        return this.fail(response, method, body, 400, "Bad request: invalid API name");
    }
  }

  private async getUpdates(request: IncomingMessage, response: ServerResponse, body: Json): Promise<void> {
    if (this.webhook) return this.fail(response, "getUpdates", body, 400, "Bad request: a webhook is set; call deleteWebhook before getUpdates");
    const requested = Number(body.timeout ?? 30);
    const holdMs = Math.min(Number.isFinite(requested) && requested > 0 ? requested : 30, this.pollHoldCapSeconds) * 1000;
    const update = this.take() ?? (await this.hold(request, holdMs));
    if (response.destroyed) return;
    if (!update) return this.fail(response, "getUpdates", body, 408, "Request timeout");
    return this.ok(response, "getUpdates", body, update);
  }

  /** Waits for an injected update; gives up at the deadline or when the client hangs up (nothing is taken then). */
  private hold(request: IncomingMessage, ms: number): Promise<ZaloUpdate | undefined> {
    return new Promise((resolve) => {
      const finish = (update: ZaloUpdate | undefined) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        request.socket.off("close", hangUp);
        resolve(update);
      };
      const wake = () => {
        const update = this.take();
        if (update) finish(update);
      };
      const hangUp = () => finish(undefined);
      const timer = setTimeout(() => finish(undefined), ms);
      this.waiters.add(wake);
      request.socket.once("close", hangUp);
    });
  }

  private take(): ZaloUpdate | undefined {
    if (this.updatesMode === "consume") return this.queue.shift();
    if (this.queue.length === 0) return undefined;
    return this.queue[this.replayNext++ % this.queue.length];
  }

  private record(call: RecordedCall): void {
    if (this.recordCalls) this.calls.push(call);
    this.onCall?.(call);
  }

  private ok(response: ServerResponse, method: string, body: Json, result: unknown): void {
    this.record({ method, body, status: 200 });
    const envelope = { ok: true, ...(result === undefined ? {} : { result }), ...(this.successErrorCode ? { error_code: 0 } : {}) };
    send(response, 200, envelope);
  }

  private fail(response: ServerResponse, method: string, body: Json, status: number, description: string): void {
    this.record({ method, body, status });
    send(response, status, { ok: false, error_code: status, description });
  }
}

/** POSTs an update to a webhook URL the way Zalo would, wrapped or bare; `secret` undefined sends no header. */
export async function postUpdate(
  url: string,
  update: ZaloUpdate,
  options: { secret?: string; shape?: WebhookShape },
): Promise<{ status: number; body: string }> {
  const payload = options.shape === "bare" ? update : { ok: true, result: update };
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(options.secret === undefined ? {} : { "x-bot-api-secret-token": options.secret }) },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: await response.text() };
}

// Update builders. A private chat's id equals the user's id.

interface Sender {
  readonly userId?: string;
  readonly chatId?: string;
  readonly group?: boolean;
  readonly messageId?: string;
}

function message(sender: Sender, fields: Json): Json {
  const userId = sender.userId ?? "6ede9afa66b88fe6d6a9";
  return {
    message_id: sender.messageId ?? hex20(),
    date: Date.now(),
    from: { id: userId, display_name: "Người dùng thử", is_bot: false },
    chat: { id: sender.chatId ?? userId, chat_type: sender.group ? "GROUP" : "PRIVATE" },
    ...fields,
  };
}

/** Shapes recorded from live traffic by open-source integrations (see the Zalo spec, §3, and its sources). */
export const updates = {
  text: (text: string, sender: Sender = {}): ZaloUpdate => ({ event_name: "message.text.received", message: message(sender, { text }) }),
  /** As captured live: a top-level `photo_url` with `message_type: CHAT_PHOTO`. */
  image: (sender: Sender = {}, caption = ""): ZaloUpdate => ({
    event_name: "message.image.received",
    message: message(sender, { photo_url: "https://f21-zpc.zdn.vn/jpg/0000/anh.jpg", caption, message_type: "CHAT_PHOTO" }),
  }),
  /** `photo` as an object with `media_url`. */
  photoObject: (sender: Sender = {}, caption?: string): ZaloUpdate => ({
    event_name: "message.image.received",
    message: message(sender, { photo: { media_url: "https://f21-zpc.zdn.vn/jpg/0000/anh.jpg" }, ...(caption === undefined ? {} : { caption }) }),
  }),
  /** The image as an attachment. */
  imageAttachment: (sender: Sender = {}): ZaloUpdate => ({
    event_name: "message.image.received",
    message: message(sender, { attachments: [{ type: "image", payload: { url: "https://f21-zpc.zdn.vn/jpg/0000/anh.png" } }] }),
  }),
  /** A shared link: its preview as a link attachment, and whatever the person wrote with it (or only blanks). */
  link: (text: string, sender: Sender = {}): ZaloUpdate => ({
    event_name: "message.link.received",
    message: message(sender, {
      text,
      attachments: [{ type: "link", payload: { title: "Chuyển đổi số Khánh Hòa", url: "https://khanhhoa.gov.vn/cds", description: "Cổng thông tin" } }],
    }),
  }),
  sticker: (sender: Sender = {}): ZaloUpdate => ({
    event_name: "message.sticker.received",
    message: message(sender, { sticker: "0e078a2fb66a5f34067b", url: "https://zalo-api.zadn.vn/api/emoticon/oasticker?eid=1&size=130", message_type: "CHAT_STICKER" }),
  }),
  voice: (sender: Sender = {}): ZaloUpdate => ({
    event_name: "message.voice.received",
    message: message(sender, { voice_url: "https://voice-aac.zdn.vn/0000/ghi-am.aac" }),
  }),
  /** Sent instead of the content for protected users, and for files, contact cards…; may have no message at all. */
  unsupported: (sender?: Sender, fields: Json = {}): ZaloUpdate => ({
    event_name: "message.unsupported.received",
    ...(sender ? { message: message(sender, fields) } : {}),
  }),
  /** Any other event name, e.g. one Zalo adds later. */
  other: (eventName: string, sender: Sender = {}, fields: Json = {}): ZaloUpdate => ({ event_name: eventName, message: message(sender, fields) }),
};

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.destroyed || response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

function readAll(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

function textUpTo(value: unknown, max: number): boolean {
  return value === undefined || (typeof value === "string" && value.length >= 1 && value.length <= max);
}
