// The Zalo Bot Platform HTTP API: POST JSON to <base>/bot<TOKEN>/<method>, the {ok, result, error_code,
// description} envelope parsed on every HTTP status, retries on 429/5xx/network errors.
// The token is part of every URL, so no URL and no axios error ever leaves this module.
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import type { Logger } from "../../logger.js";
import { createScrubber } from "../../logger.js";
import { ZALO_MESSAGE_LIMIT } from "../../render/plain.js";
import { cutText, packLines } from "../../render/split.js";
import { backoffDelay, sleep as realSleep, type Backoff, type Sleep } from "./backoff.js";
import { updatesFromResult } from "./updates.js";

export interface BotInfo {
  readonly id: string;
  readonly account_name: string;
  readonly account_type?: string;
  readonly can_join_groups?: boolean;
  /** Not documented, read when present. */
  readonly display_name?: string;
}

export interface WebhookInfo {
  readonly url: string;
  readonly updated_at?: number;
}

export interface SentMessage {
  readonly message_id: string;
  readonly date: number;
}

export class ZaloApiError extends Error {
  override readonly name = "ZaloApiError";

  constructor(
    readonly method: string,
    /** body.error_code, else the HTTP status; undefined when no response came (network error, timeout). */
    readonly errorCode: number | undefined,
    readonly description: string,
    readonly httpStatus: number | undefined,
  ) {
    super(`Zalo ${method} failed: ${errorCode ?? "network error"} ${description}`);
  }

  get unauthorized(): boolean {
    return this.errorCode === 401 || this.httpStatus === 401;
  }

  /** Worth another try: rate limit, server trouble, timeout, or no response at all. */
  get retryable(): boolean {
    const transient = (code: number | undefined) => code === 408 || code === 429 || (code !== undefined && code >= 500);
    return this.httpStatus === undefined || transient(this.httpStatus) || transient(this.errorCode);
  }

  get timedOut(): boolean {
    return this.errorCode === 408 || this.httpStatus === 408;
  }
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ZaloApiError && error.unauthorized;
}

/** Splits text into ≤ max-character messages at paragraph, then line, then space boundaries. */
export function chunkText(text: string, max = ZALO_MESSAGE_LIMIT): string[] {
  return packLines(text.split("\n"), max, (line) => line, cutText, (line) => line.trim() === "");
}

export interface ZaloClientOptions {
  readonly token: string;
  readonly apiBase: string;
  readonly logger: Logger;
  /** Per request; a long poll adds its own hold time on top. */
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  readonly retryBackoff?: Backoff;
  readonly sleep?: Sleep;
  readonly random?: () => number;
}

interface CallOptions {
  readonly retry?: boolean;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** For the retry warnings: the logger of the update the call is made for (it carries the update id). */
  readonly logger?: Logger;
}

type Json = Record<string, unknown>;

const DEFAULT_TIMEOUT_MS = 15_000;
/** The long poll is held up to `timeout` seconds; allow this much more before giving up on the socket. */
const LONG_POLL_MARGIN_MS = 15_000;
const CHAT_ACTION_TIMEOUT_MS = 5_000;
/**
 * axios turns TCP keep-alive on for each request's socket with a 60 s delay, and the agent again, with its own
 * delay, each time the socket goes back to the pool. With the same delay on both, Node sees nothing to change
 * and makes no system call; with the agent's default of 1 s, every request cost two rounds of setsockopt.
 */
const SOCKET_KEEP_ALIVE_DELAY_MS = 60_000;

export class ZaloClient {
  private readonly http: AxiosInstance;
  private readonly endpoint: string;
  private readonly scrub: (text: string) => string;
  private readonly logger: Logger;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly retryBackoff: Backoff;
  private readonly sleep: Sleep;
  private readonly random: () => number;

  constructor(options: ZaloClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // axios's Node adapter on keep-alive connections. No redirects to follow (axios then skips follow-redirects)
    // and no proxy from the environment, as for Telegram's client. What every call shares is set here once:
    // axios merges the instance's defaults into each request, and the fewer keys a request brings, the less work.
    const agentOptions = { keepAlive: true, keepAliveMsecs: SOCKET_KEEP_ALIVE_DELAY_MS };
    this.http = axios.create({
      adapter: "http",
      httpAgent: new HttpAgent(agentOptions),
      httpsAgent: new HttpsAgent(agentOptions),
      maxRedirects: 0,
      proxy: false,
      timeout: this.timeoutMs,
      // Zalo answers errors with a JSON envelope and a matching HTTP status (408 idle poll, 404 no webhook…).
      validateStatus: () => true,
    });
    this.endpoint = `${options.apiBase.replace(/\/+$/, "")}/bot${options.token}`;
    this.scrub = createScrubber([options.token, options.token.split(":")[1]]);
    this.logger = options.logger;
    this.maxRetries = options.maxRetries ?? 3;
    this.retryBackoff = options.retryBackoff ?? { baseMs: 500, maxMs: 5_000 };
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
  }

  getMe(): Promise<BotInfo> {
    return this.call<BotInfo>("getMe");
  }

  /** One long poll: the updates it brought, [] when Zalo answered 408 (nothing new) or an empty result. */
  async getUpdates(options: { timeoutSeconds: number; signal?: AbortSignal }): Promise<Json[]> {
    try {
      // The docs type `timeout` as a string of seconds.
      const result = await this.call<unknown>("getUpdates", { timeout: String(options.timeoutSeconds) }, {
        retry: false,
        timeoutMs: options.timeoutSeconds * 1000 + LONG_POLL_MARGIN_MS,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return updatesFromResult(result);
    } catch (error) {
      if (error instanceof ZaloApiError && error.timedOut) return [];
      throw error;
    }
  }

  setWebhook(url: string, secretToken: string): Promise<WebhookInfo> {
    return this.call<WebhookInfo>("setWebhook", { url, secret_token: secretToken });
  }

  deleteWebhook(): Promise<WebhookInfo> {
    return this.call<WebhookInfo>("deleteWebhook");
  }

  /** The registered webhook, or undefined when none is set (Zalo answers 404, or an empty url). */
  async getWebhookInfo(): Promise<WebhookInfo | undefined> {
    try {
      const info = await this.call<WebhookInfo | undefined>("getWebhookInfo");
      return info?.url ? info : undefined;
    } catch (error) {
      if (error instanceof ZaloApiError && (error.errorCode === 404 || error.httpStatus === 404)) return undefined;
      throw error;
    }
  }

  /** Sends text as one or more messages of at most 2000 characters, in order. */
  async sendMessage(chatId: string, text: string, options: Pick<CallOptions, "logger"> = {}): Promise<SentMessage[]> {
    const sent: SentMessage[] = [];
    for (const chunk of chunkText(text)) sent.push(await this.call<SentMessage>("sendMessage", { chat_id: chatId, text: chunk }, options));
    return sent;
  }

  /** Shows "typing…". Best effort: one quick try, the caller ignores failures. */
  async sendChatAction(chatId: string, action: "typing" = "typing"): Promise<void> {
    await this.call<unknown>("sendChatAction", { chat_id: chatId, action }, { retry: false, timeoutMs: CHAT_ACTION_TIMEOUT_MS });
  }

  /** `photo` must be a public image URL (Zalo downloads it; there is no upload). */
  async sendPhoto(chatId: string, photo: string, caption?: string, options: Pick<CallOptions, "logger"> = {}): Promise<SentMessage> {
    if (!/^https?:\/\//.test(photo)) throw new RangeError("sendPhoto needs a public http(s) image URL");
    if (caption !== undefined && caption.length > ZALO_MESSAGE_LIMIT) throw new RangeError(`caption longer than ${ZALO_MESSAGE_LIMIT} characters`);
    return this.call<SentMessage>("sendPhoto", { chat_id: chatId, photo, ...(caption ? { caption } : {}) }, options);
  }

  private async call<T>(method: string, params: Json = {}, options: CallOptions = {}): Promise<T> {
    const retries = options.retry === false ? 0 : this.maxRetries;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return (await this.request(method, params, options)) as T;
      } catch (error) {
        if (!(error instanceof ZaloApiError) || !error.retryable || attempt >= retries || options.signal?.aborted) throw error;
        const delayMs = backoffDelay(attempt, this.retryBackoff, this.random);
        (options.logger ?? this.logger).warn({ method, errorCode: error.errorCode, attempt: attempt + 1, delayMs }, "Zalo API call failed; retrying");
        await this.sleep(delayMs, options.signal);
      }
    }
  }

  private async request(method: string, params: Json, options: CallOptions): Promise<unknown> {
    let response: AxiosResponse<unknown>;
    try {
      // request() rather than post(): post() merges its arguments into a config first, one merge more per call.
      // axios sends the object as JSON with its content type.
      response = await this.http.request({
        method: "post",
        url: `${this.endpoint}/${method}`,
        data: params,
        ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      // Deliberately not wrapped as `cause`: axios errors carry the request URL, and with it the token.
      const code = axios.isAxiosError(error) ? error.code : undefined;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ZaloApiError(method, undefined, this.scrub(code ? `${code}: ${reason}` : reason), undefined);
    }
    const body = response.data;
    if (isJson(body) && body.ok === true) return body.result;
    const status = response.status;
    if (!isJson(body)) throw new ZaloApiError(method, status, `HTTP ${status} without a JSON envelope`, status);
    const errorCode = typeof body.error_code === "number" && body.error_code !== 0 ? body.error_code : status;
    const description = typeof body.description === "string" ? this.scrub(body.description) : `HTTP ${status}`;
    throw new ZaloApiError(method, errorCode, description, status);
  }
}

function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
