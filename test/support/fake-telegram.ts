// A fake Telegram Bot API over real HTTP (127.0.0.1, random port), so tests run the real grammY client against it
// through `client: { apiRoot }`. It speaks the protocol at /bot<token>/<method> with JSON, form or query bodies,
// and is stricter than Telegram where that catches our bugs (HTML that would not parse, callback data > 64 bytes,
// a callback query answered twice). Webhook URLs may be plain http so tests can use a local server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Chat, Update, UserFromGetMe } from "grammy/types";

type Payload = Record<string, unknown>;

export interface RecordedCall {
  readonly method: string;
  readonly payload: Payload;
  /** False when the fake answered with an error (a queued failure or a validation error). */
  readonly ok: boolean;
}

export interface ApiFailure {
  readonly error_code: number;
  readonly description: string;
  readonly retry_after?: number;
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

const badRequest = (description: string) => new ApiError(400, `Bad Request: ${description}`);

export const FAKE_BOT_TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnop";

export function fakeBotInfo(overrides: Partial<UserFromGetMe> = {}): UserFromGetMe {
  return {
    id: 123456789,
    is_bot: true,
    first_name: "Trợ lý NQ16",
    username: "nq16_test_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
    ...overrides,
  };
}

const ALLOWED_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span", "tg-spoiler", "tg-emoji", "blockquote",
]);
const HTML_TOKEN = /<(\/?)([a-z][a-z-]*)((?:\s[^<>]*)?)>|&(?:lt|gt|amp|quot|#\d+|#x[0-9a-f]+);|[^<>&]+|[<>&]/giy;

/** The text a user sees for a parse_mode "HTML" message, or an error like Telegram's "can't parse entities". */
export function visibleHtmlText(html: string): string {
  const open: string[] = [];
  let visible = "";
  for (const [token, closing, tag] of html.matchAll(HTML_TOKEN)) {
    if (tag !== undefined) {
      const name = tag.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) throw badRequest(`can't parse entities: Unsupported start tag "${name}"`);
      if (!closing) open.push(name);
      else if (open.pop() !== name) throw badRequest(`can't parse entities: Unexpected end tag "${name}"`);
    } else if (token.startsWith("&") && token.length > 1) visible += "x";
    else if (token === "<" || token === ">" || token === "&") throw badRequest(`can't parse entities: unescaped "${token}"`);
    else visible += token;
  }
  if (open.length > 0) throw badRequest(`can't parse entities: Can't find end tag corresponding to start tag "${open.at(-1)}"`);
  return visible;
}

function validateKeyboard(markup: unknown): void {
  const rows = (markup as { inline_keyboard?: unknown[][] } | undefined)?.inline_keyboard;
  for (const button of rows?.flat() ?? []) {
    const { text, callback_data: data } = button as { text?: string; callback_data?: string };
    if (!text) throw badRequest("BUTTON_TEXT_EMPTY");
    if (data !== undefined && (data.length === 0 || Buffer.byteLength(data) > 64)) throw badRequest("BUTTON_DATA_INVALID");
  }
}

function updateType(update: Update): string {
  return Object.keys(update).find((key) => key !== "update_id")!;
}

/** Form values that hold JSON (reply_markup, allowed_updates …) are JSON-serialised, as in Telegram's API. */
function parseFormValue(value: string): unknown {
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/** An uploaded file as the fake keeps it (sendPhoto with grammY's InputFile). */
export interface UploadedFile {
  readonly filename: string;
  readonly bytes: Buffer;
}

/**
 * multipart/form-data as grammY sends uploads: one part per field, the file in a part of its own named by the
 * "attach://<name>" the field holds; the field is replaced by the file.
 */
function parseMultipart(body: Buffer, boundary: string): Payload {
  const parts = new Map<string, string | UploadedFile>();
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString("utf8");
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    // grammY writes the file name unquoted ("filename=bieu-do.png").
    const filename = /filename="?([^"\r\n;]*)"?/.exec(headers)?.[1];
    if (name) parts.set(name, filename !== undefined ? { filename, bytes: content } : content.toString("utf8"));
    start = next;
  }
  const payload: Payload = {};
  for (const [name, value] of parts) {
    if (typeof value !== "string") continue;
    const attached = /^attach:\/\/(.+)$/.exec(value);
    payload[name] = attached ? parts.get(attached[1]!) : parseFormValue(value);
  }
  return payload;
}

async function readPayload(request: IncomingMessage, query: URLSearchParams): Promise<Payload> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const type = request.headers["content-type"] ?? "";
  const boundary = /^multipart\/form-data;\s*boundary=(.+)$/.exec(type)?.[1];
  if (boundary) return parseMultipart(Buffer.concat(chunks), boundary);
  const body = Buffer.concat(chunks).toString("utf8");
  if (type.includes("application/json") && body !== "") return JSON.parse(body) as Payload;
  const form = type.includes("application/x-www-form-urlencoded") ? new URLSearchParams(body) : query;
  return Object.fromEntries([...form].map(([key, value]) => [key, parseFormValue(value)]));
}

/** Faults below the API: no answer until the client gives up, or the connection cut without an answer. */
export type NetworkFault = "hang" | "drop";

export class FakeTelegram {
  readonly calls: RecordedCall[] = [];
  /** Knob: false keeps `calls` empty (long load runs); `onCall` still sees every call. */
  recordCalls = true;
  /** Called for every call as it is answered (also when not recorded), e.g. to time replies. */
  onCall: ((call: RecordedCall) => void) | undefined;
  /** What the bot registered with setMyCommands, if anything. */
  commands: unknown;
  webhook: { url: string; secret_token?: string; allowed_updates?: string[] } | undefined;
  /** TCP connections the client opened so far (a keep-alive client reuses them). */
  connections = 0;

  private readonly queue: Update[] = [];
  private readonly chats = new Map<number, Chat>();
  private readonly openCallbackQueries = new Set<string>();
  private readonly failures = new Map<string, { remaining: number; failure: ApiFailure }>();
  private readonly networkFaults = new Map<string, { remaining: number; fault: NetworkFault }>();
  private readonly wakeups = new Set<() => void>();
  private allowedUpdates: string[] | undefined;
  private nextUpdateId = 1;
  private nextMessageId = 1;

  private constructor(
    private readonly server: Server,
    readonly token: string,
    readonly botInfo: UserFromGetMe,
  ) {}

  static async start(options: { token?: string; botInfo?: UserFromGetMe } = {}): Promise<FakeTelegram> {
    let fake!: FakeTelegram;
    const server = createServer((request, response) => void fake.serve(request, response));
    fake = new FakeTelegram(server, options.token ?? FAKE_BOT_TOKEN, options.botInfo ?? fakeBotInfo());
    server.on("connection", () => (fake.connections += 1));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  /** For grammY's `client.apiRoot` or TELEGRAM_API_ROOT. */
  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Queues an update as if a user had acted; a pending long poll returns it at once. */
  queueUpdate(update: Omit<Update, "update_id">): Update {
    const full = { update_id: this.nextUpdateId++, ...update } as Update;
    const message = full.message ?? full.edited_message ?? full.channel_post ?? full.callback_query?.message;
    if (message) this.chats.set(message.chat.id, message.chat);
    if (full.callback_query) this.openCallbackQueries.add(full.callback_query.id);
    this.queue.push(full);
    for (const wake of this.wakeups) wake();
    return full;
  }

  /** The next `times` calls of `method` fail with this error (e.g. 429 with retry_after). */
  failNext(method: string, times: number, failure: ApiFailure): void {
    this.failures.set(method, { remaining: times, failure });
  }

  /**
   * The next `times` calls of `method` get no API answer: "hang" holds the request until the client gives up
   * (nothing is done), "drop" cuts the connection at once (nothing is done).
   */
  faultNext(method: string, times: number, fault: NetworkFault): void {
    this.networkFaults.set(method, { remaining: times, fault });
  }

  /** Successful calls of one method, in order. */
  succeeded(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.ok && call.method === method);
  }

  /**
   * Resolves with all successful calls of `method` once at least `count` of them match `match`
   * (by default every call matches).
   */
  async waitFor(method: string, count: number, match: (call: RecordedCall) => boolean = () => true, timeoutMs = 5_000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.succeeded(method).filter(match).length < count) {
      if (Date.now() > deadline) {
        const seen = this.calls.map((call) => `${call.method}${call.ok ? "" : " (failed)"}`).join(", ");
        throw new Error(`expected ${count} matching ${method} call(s) within ${timeoutMs} ms; calls so far: ${seen}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.succeeded(method);
  }

  /**
   * The body of a webhook response, as Telegram reads it: when it carries a method call (a "webhook reply"),
   * the call is carried out like an API request, queued failures included, except that nobody sees its
   * result. `{"ok":true}` and anything else without a method is ignored.
   */
  async takeWebhookReply(body: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (typeof parsed !== "object" || parsed === null || typeof (parsed as { method?: unknown }).method !== "string") return;
    const { method, ...payload } = parsed as Payload & { method: string };
    try {
      await this.call(method, payload);
      this.record({ method, payload, ok: true });
    } catch {
      this.record({ method, payload, ok: false });
    }
  }

  async close(): Promise<void> {
    for (const wake of this.wakeups) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake");
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const reply = (status: number, body: unknown) => {
      if (response.headersSent || response.destroyed) return;
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (!match) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    if (match[1] !== this.token) return reply(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = match[2]!;
    let payload: Payload = {};
    try {
      payload = await readPayload(request, url.searchParams);
      const fault = this.networkFaults.get(method);
      if (fault && fault.remaining > 0) {
        fault.remaining -= 1;
        this.record({ method, payload, ok: false });
        if (fault.fault === "drop") request.socket.destroy();
        // "hang": never answered; the socket stays open until the client aborts or close() cuts it.
        return;
      }
      const result = await this.call(method, payload, response);
      this.record({ method, payload, ok: true });
      reply(200, { ok: true, result });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${String(error)}`);
      this.record({ method, payload, ok: false });
      reply(apiError.code, {
        ok: false,
        error_code: apiError.code,
        description: apiError.description,
        ...(apiError.retryAfter === undefined ? {} : { parameters: { retry_after: apiError.retryAfter } }),
      });
    }
  }

  private record(call: RecordedCall): void {
    if (this.recordCalls) this.calls.push(call);
    this.onCall?.(call);
  }

  /** `response` is absent for a webhook reply (no long poll can arrive that way). */
  private async call(method: string, payload: Payload, response?: ServerResponse): Promise<unknown> {
    const failure = this.failures.get(method);
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      throw new ApiError(failure.failure.error_code, failure.failure.description, failure.failure.retry_after);
    }
    switch (method) {
      case "getMe":
        return this.botInfo;
      case "getUpdates":
        if (!response) throw badRequest("getUpdates cannot be a webhook reply");
        return this.getUpdates(payload, response);
      case "sendMessage":
        return this.sendMessage(payload);
      case "sendPhoto":
        return this.sendPhoto(payload);
      case "answerCallbackQuery": {
        const id = String(payload.callback_query_id ?? "");
        if (!this.openCallbackQueries.delete(id)) throw badRequest("query is too old and response timeout expired or query ID is invalid");
        return true;
      }
      case "editMessageReplyMarkup":
        if (payload.chat_id === undefined || payload.message_id === undefined) throw badRequest("chat_id and message_id are required");
        return true;
      case "sendChatAction":
        if (payload.chat_id === undefined || typeof payload.action !== "string") throw badRequest("chat_id and action are required");
        return true;
      case "setMyCommands":
        for (const { command, description } of (payload.commands ?? []) as { command: string; description: string }[]) {
          if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
          if (!description || description.length > 256) throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
        }
        this.commands = payload.commands;
        return true;
      case "setWebhook":
        if (typeof payload.url !== "string" || !/^https?:\/\//.test(payload.url)) throw badRequest("bad webhook: invalid URL");
        this.webhook = {
          url: payload.url,
          ...(typeof payload.secret_token === "string" ? { secret_token: payload.secret_token } : {}),
          ...(Array.isArray(payload.allowed_updates) ? { allowed_updates: payload.allowed_updates as string[] } : {}),
        };
        return true;
      case "deleteWebhook":
        this.webhook = undefined;
        if (payload.drop_pending_updates === true) this.queue.length = 0;
        return true;
      case "getWebhookInfo":
        return {
          url: this.webhook?.url ?? "",
          has_custom_certificate: false,
          pending_update_count: this.queue.length,
          ...(this.webhook?.allowed_updates ? { allowed_updates: this.webhook.allowed_updates } : {}),
        };
      default:
        throw new ApiError(404, "Not Found: method not found");
    }
  }

  private sendMessage(payload: Payload): unknown {
    const chatId = Number(payload.chat_id);
    const text = payload.text;
    if (!Number.isFinite(chatId)) throw badRequest("chat not found");
    if (typeof text !== "string" || text.trim() === "") throw badRequest("message text is empty");
    const visible = payload.parse_mode === "HTML" ? visibleHtmlText(text) : text;
    if (visible.length > 4096) throw badRequest("message is too long");
    validateKeyboard(payload.reply_markup);
    return {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: this.chats.get(chatId) ?? { id: chatId, type: "private", first_name: "Người dùng" },
      from: { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username },
      text: visible,
    };
  }

  /** A photo uploaded (multipart) or named by URL or file id; a caption is at most 1,024 characters. */
  private sendPhoto(payload: Payload): unknown {
    const chatId = Number(payload.chat_id);
    if (!Number.isFinite(chatId)) throw badRequest("chat not found");
    const photo = payload.photo;
    const uploaded = typeof photo === "object" && photo !== null && Buffer.isBuffer((photo as UploadedFile).bytes);
    if (!uploaded && (typeof photo !== "string" || photo === "")) throw badRequest("there is no photo in the request");
    if (uploaded && (photo as UploadedFile).bytes.length === 0) throw badRequest("IMAGE_PROCESS_FAILED");
    if (payload.caption !== undefined && String(payload.caption).length > 1024) throw badRequest("message caption is too long");
    validateKeyboard(payload.reply_markup);
    return {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: this.chats.get(chatId) ?? { id: chatId, type: "private", first_name: "Người dùng" },
      photo: [{ file_id: `photo${this.nextMessageId}`, file_unique_id: `u${this.nextMessageId}`, width: 1080, height: 720 }],
      ...(payload.caption !== undefined ? { caption: String(payload.caption) } : {}),
    };
  }

  /** Offset confirms earlier updates; with `timeout` the request is held until an update arrives or time runs out. */
  private async getUpdates(payload: Payload, response: ServerResponse): Promise<Update[]> {
    if (this.webhook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = Number(payload.offset ?? 0);
    if (offset > 0) while (this.queue.length > 0 && this.queue[0]!.update_id < offset) this.queue.shift();
    if (Array.isArray(payload.allowed_updates)) this.allowedUpdates = payload.allowed_updates.length > 0 ? (payload.allowed_updates as string[]) : undefined;
    const limit = Math.min(Math.max(Number(payload.limit ?? 100), 1), 100);
    const deliverable = () => {
      // Telegram never stores updates of types the bot did not ask for.
      for (let i = this.queue.length - 1; i >= 0; i--) {
        if (this.allowedUpdates && !this.allowedUpdates.includes(updateType(this.queue[i]!))) this.queue.splice(i, 1);
      }
      return this.queue.slice(0, limit);
    };
    const timeoutMs = Number(payload.timeout ?? 0) * 1000;
    if (deliverable().length > 0 || timeoutMs <= 0) return deliverable();
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeups.delete(done);
        response.off("close", done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.wakeups.add(done);
      // grammY aborts the pending long poll on bot.stop().
      response.on("close", done);
    });
    return deliverable();
  }
}
