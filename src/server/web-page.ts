// The public web page on the shared server: GET / (plain HTML, CSS, a small script and an icon from web/), POST /api/ask
// (the same ChatService and conversation rules as the chat apps, JSON in and out) and GET /api/dashboard (the
// dashboard image's address). No cookies: the page keeps the conversation id the first answer gives it.
// Refusals are JSON with a Vietnamese message a person can act on.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import type { ChartSource } from "../charts/charts.js";
import { ChatService, type ChatServiceOptions } from "../channels/chat-service.js";
import { FloodGuard, SLOW_DOWN_MESSAGE } from "../channels/flood-guard.js";
import { DASHBOARD_CHART } from "../engine/chart-fit.js";
import type { Logger } from "../logger.js";
import { BodyTooLargeError, readBody, sendJson, type WebServer } from "./http-server.js";

/** Questions from one address: 10 in 10 s, then a polite 429 (an office behind one address shares it). */
const WEB_FLOOD = { limit: 10, windowMs: 10_000 };

/**
 * The web page's ChatService: the same ask() and conversation rules as the chat apps, the question log the
 * channels keep, its own per-address limit, and no admin commands at all (web visitors are never admins).
 */
export function createWebChat(options: Pick<ChatServiceOptions, "ask" | "store" | "metrics" | "logger">): ChatService {
  return new ChatService({ ...options, flood: new FloodGuard(WEB_FLOOD.limit, WEB_FLOOD.windowMs) });
}

/** A question is a sentence or two; the engine's own limit (1,000) is for pasted text in the chat apps. */
export const MAX_WEB_QUESTION_CHARS = 500;
export const MAX_WEB_BODY_BYTES = 4 * 1024;
/** Conversation ids the server hands out: 128 random bits, URL-safe. */
const CONVERSATION_ID = /^[A-Za-z0-9_-]{22}$/;

export const WEB_MESSAGES = {
  onlyPost: "Hãy gửi câu hỏi bằng POST.",
  notJson: "Yêu cầu phải gửi dạng JSON (Content-Type: application/json).",
  tooLarge: `Nội dung gửi lên quá lớn (tối đa ${MAX_WEB_BODY_BYTES} byte).`,
  invalid: 'Yêu cầu không hợp lệ: cần một đối tượng JSON có trường "question" là chuỗi.',
  empty: "Bạn chưa nhập câu hỏi.",
  tooLong: `Câu hỏi dài quá: tối đa ${MAX_WEB_QUESTION_CHARS} ký tự. Bạn rút gọn giúp mình nhé.`,
  slowDown: SLOW_DOWN_MESSAGE,
  failed: "Xin lỗi, trợ lý đang gặp trục trặc nên chưa trả lời được. Bạn vui lòng thử lại sau ít phút nhé.",
  noChart: "Biểu đồ tạm thời chưa có.",
} as const;

/**
 * Only what the page's own files need: scripts, styles, images and requests from this origin; no inline script,
 * no framing by other sites, no plugins, no forms posting elsewhere.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

const STATIC_FILES = [
  { path: "/", file: "index.html", type: "text/html; charset=utf-8" },
  { path: "/app.js", file: "app.js", type: "text/javascript; charset=utf-8" },
  { path: "/style.css", file: "style.css", type: "text/css; charset=utf-8" },
  { path: "/favicon.svg", file: "favicon.svg", type: "image/svg+xml" },
] as const;

export interface WebPageOptions {
  /** A ChatService of its own (createWebChat), without admin commands: web visitors are never admins. */
  readonly chat: Pick<ChatService, "handle">;
  readonly charts: ChartSource;
  /** The folder holding index.html, app.js and style.css. */
  readonly webDir: string;
  readonly logger?: Logger;
}

function send(response: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  for (const [name, value] of Object.entries({ ...SECURITY_HEADERS, "cache-control": "no-store", ...headers })) response.setHeader(name, value);
  sendJson(response, status, body);
}

const refuse = (response: ServerResponse, status: number, error: string, headers: Readonly<Record<string, string>> = {}) =>
  send(response, status, { ok: false, error }, headers);

/**
 * Who is asking, for the per-address limit: the peer, or behind a reverse proxy on this machine the address the
 * proxy saw (the last one it appended to X-Forwarded-For). A header from anyone else is not believed.
 */
export function clientAddress(request: IncomingMessage): string {
  const peer = request.socket.remoteAddress ?? "";
  const loopback = peer === "::1" || peer.startsWith("127.") || peer.startsWith("::ffff:127.");
  const forwarded = request.headers["x-forwarded-for"];
  const last = typeof forwarded === "string" ? forwarded.split(",").at(-1)?.trim() : undefined;
  return loopback && last ? last : peer;
}

type Parsed = { readonly ok: true; readonly question: string; readonly conversation?: string } | { readonly ok: false; readonly status: number; readonly error: string };

async function readQuestion(request: IncomingMessage): Promise<Parsed> {
  if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) return { ok: false, status: 415, error: WEB_MESSAGES.notJson };
  let raw: Buffer;
  try {
    raw = await readBody(request, MAX_WEB_BODY_BYTES);
  } catch (error) {
    return error instanceof BodyTooLargeError ? { ok: false, status: 413, error: WEB_MESSAGES.tooLarge } : { ok: false, status: 400, error: WEB_MESSAGES.invalid };
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    return { ok: false, status: 400, error: WEB_MESSAGES.invalid };
  }
  const { question, conversation } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof question !== "string") return { ok: false, status: 400, error: WEB_MESSAGES.invalid };
  const text = question.normalize("NFC").trim();
  if (text === "") return { ok: false, status: 400, error: WEB_MESSAGES.empty };
  if ([...text].length > MAX_WEB_QUESTION_CHARS) return { ok: false, status: 400, error: WEB_MESSAGES.tooLong };
  return { ok: true, question: text, ...(typeof conversation === "string" && CONVERSATION_ID.test(conversation) ? { conversation } : {}) };
}

export function serveWebPage(server: WebServer, options: WebPageOptions): void {
  const { chat, charts, logger } = options;
  // Read once: three small files, served from memory.
  for (const { path, file, type } of STATIC_FILES) {
    const body = readFileSync(join(options.webDir, file));
    server.route(
      path,
      (request, response) => {
        response.writeHead(200, { ...SECURITY_HEADERS, "content-type": type, "content-length": body.length, "cache-control": "no-cache" });
        response.end(request.method === "HEAD" ? undefined : body);
      },
      { methods: ["GET", "HEAD"], name: "web" },
    );
  }

  server.route(
    "/api/ask",
    async (request, response) => {
      if (request.method !== "POST") return refuse(response, 405, WEB_MESSAGES.onlyPost, { allow: "POST" });
      const parsed = await readQuestion(request);
      // A body left unread (too large, not JSON) must not be taken for the next request on the connection.
      if (!parsed.ok) return refuse(response, parsed.status, parsed.error, parsed.status === 413 || parsed.status === 415 ? { connection: "close" } : {});
      const conversation = parsed.conversation ?? randomBytes(16).toString("base64url");
      try {
        const reply = await chat.handle({ channel: "web", chatId: conversation, userId: clientAddress(request), text: parsed.question });
        if (reply.kind === "silent" || (reply.kind === "notice" && reply.text === SLOW_DOWN_MESSAGE)) {
          return refuse(response, 429, WEB_MESSAGES.slowDown, { "retry-after": "10" });
        }
        if (reply.kind === "notice") return send(response, 200, { ok: true, conversation, notice: reply.text });
        const { answered, intent, blocks, sources, suggestions, chart: chartName } = reply.answer;
        const chart = chartName ? await charts.chart(chartName) : undefined;
        send(response, 200, {
          ok: true,
          conversation,
          answer: { answered, intent, blocks, sources, suggestions },
          ...(chart ? { chart: { url: chart.path, alt: chart.alt, caption: chart.caption } } : {}),
        });
      } catch (error) {
        logger?.error({ err: error }, "web: answering failed");
        refuse(response, 500, WEB_MESSAGES.failed);
      }
    },
    { name: "api-ask" },
  );

  server.route(
    "/api/dashboard",
    async (_request, response) => {
      const chart = await charts.chart(DASHBOARD_CHART);
      if (!chart) return refuse(response, 404, WEB_MESSAGES.noChart);
      send(response, 200, { ok: true, url: chart.path, alt: chart.alt, caption: chart.caption }, { "cache-control": "no-cache" });
    },
    { methods: ["GET"], name: "api-dashboard" },
  );
}
