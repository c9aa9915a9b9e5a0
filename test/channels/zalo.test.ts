import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ChatService, type IncomingMessage, type Reply } from "../../src/channels/chat-service.js";
import { FloodGuard, SLOW_DOWN_MESSAGE } from "../../src/channels/flood-guard.js";
import { NOT_TEXT_REPLIES } from "../../src/channels/not-text.js";
import type { Sleep } from "../../src/channels/zalo/backoff.js";
import { chunkText, ZaloApiError, ZaloClient } from "../../src/channels/zalo/client.js";
import { Poller } from "../../src/channels/zalo/poller.js";
import { SEEN_FILE, startZalo, type ZaloChannel } from "../../src/channels/zalo/run.js";
import { JsonFileSeenMessages } from "../../src/channels/zalo/seen-messages.js";
import { parseUpdate, stripMention, unwrapWebhookBody, updatesFromResult } from "../../src/channels/zalo/updates.js";
import { readConfig } from "../../src/config.js";
import type { Answer } from "../../src/engine/answer.js";
import { createEngine, type Engine } from "../../src/engine/ask.js";
import { createConversation } from "../../src/engine/conversation.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { defaultKnowledgeDir } from "../../src/paths.js";
import { renderPlain } from "../../src/render/plain.js";
import { WebServer } from "../../src/server/http-server.js";
import { Metrics } from "../../src/server/metrics.js";
import { FakeZalo, postUpdate, updates, type ZaloUpdate } from "../support/fake-zalo.js";

const TOKEN = "1459232241454765289:Zk3q-secret_TOKEN-value";
const TOKEN_SECRET_PART = TOKEN.split(":")[1]!;
const BOT_NAME = "Trợ lý NQ16";
const USER = "6ede9afa66b88fe6d6a9";
const GROUP = "a1b2c3d4e5f6a7b8c9d0";
const WEBHOOK_SECRET = "webhook-secret-0123456789";

let engine: Engine;
let fake: FakeZalo;
let dataDir: string;
let logLines: string[];
let logger: Logger;
let sleeps: number[];
let channels: ZaloChannel[];
let servers: WebServer[];

/** Records what would be waited and waits almost nothing, so backoff and poll spacing cost no test time. */
const fastSleep: Sleep = async (ms, signal) => {
  sleeps.push(ms);
  if (!signal?.aborted) await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 2)));
};

function answerOf(paragraphs: readonly string[]): Answer {
  return {
    answered: true,
    intent: "faq",
    confidence: 1,
    blocks: paragraphs.map((text) => ({ kind: "paragraph", text })),
    sources: [],
    suggestions: [],
    entries: [],
  };
}

/** A ChatService whose "engine" repeats the question, recording what it was asked. */
function echoChat(asked: string[], metrics?: Metrics): ChatService {
  return new ChatService({
    ask: (question) => {
      asked.push(question);
      return answerOf([`Bạn hỏi: ${question}`]);
    },
    ...(metrics ? { metrics } : {}),
  });
}

/** Each shape from its own user (the flood limit stays out of it), and the one reply it must get, if any. */
function everyShape(): { update: ZaloUpdate; reply?: string }[] {
  let users = 0;
  const from = () => ({ userId: `c0ffee${String(++users).padStart(14, "0")}` });
  const link = "https://khanhhoa.gov.vn/cds";
  return [
    { update: updates.voice(from()), reply: NOT_TEXT_REPLIES.voice },
    { update: updates.image(from()), reply: NOT_TEXT_REPLIES.photo },
    { update: updates.image(from(), "mục tiêu 2030?"), reply: "Bạn hỏi: mục tiêu 2030?" },
    { update: updates.photoObject(from()), reply: NOT_TEXT_REPLIES.photo },
    { update: updates.photoObject(from(), "chỉ tiêu năm 2025"), reply: "Bạn hỏi: chỉ tiêu năm 2025" },
    { update: updates.imageAttachment(from()), reply: NOT_TEXT_REPLIES.photo },
    { update: updates.sticker(from()), reply: NOT_TEXT_REPLIES.sticker },
    { update: updates.link("   ", from()), reply: NOT_TEXT_REPLIES.link },
    { update: updates.link(link, from()), reply: NOT_TEXT_REPLIES.link },
    { update: updates.link(`lộ trình đến 2025 thế nào? ${link}`, from()), reply: "Bạn hỏi: lộ trình đến 2025 thế nào?" },
    { update: updates.text(`👉 ${link}`, from()), reply: NOT_TEXT_REPLIES.link },
    { update: updates.unsupported(from()), reply: NOT_TEXT_REPLIES.other },
    { update: updates.unsupported(from(), { attachments: [{ type: "file", payload: { url: "https://f21-zpc.zdn.vn/0000/bao-cao.pdf" } }] }), reply: NOT_TEXT_REPLIES.file },
    { update: updates.other("message.location.received", from(), { location: { latitude: 12.24, longitude: 109.19 } }), reply: NOT_TEXT_REPLIES.location },
    { update: updates.other("message.video.received", from(), { caption: "tầm nhìn 2030" }), reply: "Bạn hỏi: tầm nhìn 2030" },
    { update: updates.other("message.something-new.received", from()), reply: NOT_TEXT_REPLIES.other },
    { update: updates.other("message.text.received", from(), { text: " " }), reply: NOT_TEXT_REPLIES.other },
    // Nobody to answer, or nothing to answer: no reply, and no warning either.
    { update: updates.unsupported() },
    { update: { event_name: "message.text.received" } },
    { update: updates.other("message.reaction.received", from(), { reaction: "👍" }) },
    { update: updates.other("bot.added.group", from()) },
    { update: updates.other("message.text.received", from(), { text: "tôi là bot", from: { id: "b0b", is_bot: true } }) },
  ];
}

const warnings = () => logLines.filter((line) => /"level":(40|50|60)/.test(line));

async function start(options: { chat: Pick<ChatService, "handle">; env?: Record<string, string>; server?: WebServer; apiBase?: string }): Promise<ZaloChannel> {
  const config = readConfig({ ZALO_BOT_TOKEN: TOKEN, ZALO_API_BASE: options.apiBase ?? fake.baseUrl, DATA_DIR: dataDir, ...options.env });
  const channel = await startZalo({
    config,
    chat: options.chat,
    logger,
    ...(options.server ? { server: options.server } : {}),
    tuning: { pollTimeoutSeconds: 1, sleep: fastSleep },
  });
  channels.push(channel);
  return channel;
}

async function listeningServer(): Promise<{ server: WebServer; origin: string }> {
  const server = new WebServer();
  servers.push(server);
  const address = await server.listen(0, "127.0.0.1");
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

beforeAll(async () => {
  const loaded = await loadKnowledge(defaultKnowledgeDir());
  if (!loaded.ok) throw new Error("the bundled knowledge does not load");
  engine = createEngine(loaded.knowledge);
});

beforeEach(async () => {
  fake = await FakeZalo.start({ token: TOKEN, botName: BOT_NAME });
  fake.pollHoldCapSeconds = 0.2;
  dataDir = await mkdtemp(join(tmpdir(), "zalo-test-"));
  logLines = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  // No secrets given to the logger: the channel itself must keep the token out of every line.
  logger = createLogger({ level: "trace", destination });
  sleeps = [];
  channels = [];
  servers = [];
});

afterEach(async () => {
  await Promise.all(channels.map((channel) => channel.stop()));
  await Promise.all(servers.map((server) => server.close()));
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
  const log = logLines.join("\n");
  expect(log).not.toContain(TOKEN);
  expect(log).not.toContain(TOKEN_SECRET_PART);
});

describe("Zalo channel, polling", () => {
  it("shows typing while a slow answer is being prepared", async () => {
    const slow = {
      handle: async (): Promise<Reply> => {
        await new Promise((resolve) => setTimeout(resolve, 450));
        return { kind: "notice", text: "Chậm mà chắc." };
      },
    };
    await start({ chat: slow });
    await fake.inject(updates.text("muc tieu 2030"));
    await fake.waitFor(() => fake.sent.length === 1, "the answer");
    const methods = fake.calls.map((call) => call.method).filter((method) => method !== "getUpdates");
    expect(methods.slice(-2)).toEqual(["sendChatAction", "sendMessage"]);
    expect(fake.calls.find((call) => call.method === "sendChatAction")?.body).toEqual({ chat_id: USER, action: "typing" });
  });

  it("splits a notice longer than a message (an admin list) into messages under 2,000 characters", async () => {
    const notice = Array.from({ length: 60 }, (_, i) => `• Câu hỏi chưa trả lời được số ${i + 1}: ${"vì sao tỷ lệ hồ sơ trực tuyến thấp ".repeat(2)}`).join("\n");
    await start({ chat: { handle: async (): Promise<Reply> => ({ kind: "notice", text: notice }) } });
    await fake.inject(updates.text("/chuatraloi"));
    await fake.waitFor(() => fake.sent.length >= 3, "the notice in pieces");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.sent.every((message) => message.text.length <= 2000)).toBe(true);
    expect(fake.sent.map((message) => message.text).join("\n")).toBe(notice);
  });

  it("answers a question with the engine's plain rendering, with no typing flash before a quick answer", async () => {
    const channel = await start({ chat: new ChatService({ ask: engine.ask }) });
    expect(channel.mode).toBe("polling");
    await fake.inject(updates.text("muc tieu 2030"));
    const expected = renderPlain(engine.ask("muc tieu 2030"));
    await fake.waitFor(() => fake.sent.length === expected.length, "the answer");
    expect(fake.sent).toEqual(expected.map((text) => ({ chat_id: USER, text })));
    expect(expected[0]).toContain("2030");
    const methods = fake.calls.map((call) => call.method).filter((method) => method !== "getUpdates");
    expect(methods).toEqual(["getMe", "getWebhookInfo", ...expected.map(() => "sendMessage")]);
    expect(fake.calls.find((call) => call.method === "getUpdates")?.body).toEqual({ timeout: "1" });
    // An idle poll (HTTP 408) is "nothing new", not a failure.
    await fake.waitFor(() => fake.calls.some((call) => call.method === "getUpdates" && call.status === 408), "an idle poll");
    expect(logLines.filter((line) => line.includes('"level":40') || line.includes('"level":50'))).toEqual([]);
  });

  it("deletes a registered webhook before polling and accepts success envelopes with error_code 0", async () => {
    fake.successErrorCode = true;
    fake.webhook = { url: "https://old.example.vn/zalo", secret: "old-secret", updatedAt: 1 };
    const asked: string[] = [];
    await start({ chat: echoChat(asked) });
    expect(fake.webhook).toBeUndefined();
    expect(fake.count("deleteWebhook")).toBe(1);
    await fake.inject(updates.text("xin chào"));
    await fake.waitFor(() => fake.sent.length === 1, "the answer");
    expect(asked).toEqual(["xin chào"]);
  });

  it("sends a 3,000-character answer as two messages split between paragraphs", async () => {
    const paragraphs = [31, 31, 42].map((words, n) => `Đoạn ${n + 1}: ${"chuyển đổi số tỉnh Khánh Hòa ".repeat(words).trim()}`);
    expect(paragraphs.join("\n\n").length).toBeGreaterThan(3000);
    await start({ chat: new ChatService({ ask: () => answerOf(paragraphs) }) });
    await fake.inject(updates.text("câu hỏi dài"));
    await fake.waitFor(() => fake.sent.length === 2, "two messages");
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fake.sent.map((message) => message.text)).toEqual([`${paragraphs[0]}\n\n${paragraphs[1]}`, paragraphs[2]]);
    expect(fake.sent.every((message) => message.text.length <= 2000)).toBe(true);
  });

  it("answers a numbered reply with the suggestion it picks", async () => {
    await start({ chat: new ChatService({ ask: engine.ask }) });
    const conversation = createConversation();
    const first = renderPlain(engine.ask("muc tieu 2030", conversation));
    const suggestion = conversation.last!.suggestions[1]!;
    const second = renderPlain(engine.ask("2", conversation));
    expect(second).toEqual(renderPlain(engine.ask(suggestion)));
    expect(second).not.toEqual(renderPlain(engine.ask("2")));

    await fake.inject(updates.text("muc tieu 2030"));
    await fake.waitFor(() => fake.sent.length === first.length, "the first answer");
    await fake.inject(updates.text("2"));
    await fake.waitFor(() => fake.sent.length === first.length + second.length, "the follow-up");
    expect(fake.sent.slice(first.length).map((message) => message.text)).toEqual(second);
  });

  it("answers each message once when getUpdates replays them, also after a restart", async () => {
    fake.updatesMode = "replay";
    const asked: string[] = [];
    const channel = await start({ chat: echoChat(asked) });
    const one = updates.text("câu một");
    await fake.inject(one);
    await fake.inject(updates.text("câu hai"));
    await fake.waitFor(() => fake.count("getUpdates") >= 12, "replayed polls");
    expect(asked).toEqual(["câu một", "câu hai"]);
    // ≥1 s between polls that brought something, however fast Zalo answers.
    expect(sleeps.filter((ms) => ms >= 500).length).toBeGreaterThanOrEqual(8);
    await channel.stop();
    await channel.done;
    const saved = JSON.parse(readFileSync(join(dataDir, SEEN_FILE), "utf8")) as { seen: [string, number][] };
    expect(saved.seen.map(([id]) => id)).toContain(one.message!.message_id);

    const polls = fake.count("getUpdates");
    await start({ chat: echoChat(asked) });
    await fake.waitFor(() => fake.count("getUpdates") >= polls + 6, "polls after the restart");
    await fake.inject(updates.text("câu ba"));
    await fake.waitFor(() => fake.sent.length === 3, "the answer to the new question");
    expect(asked).toEqual(["câu một", "câu hai", "câu ba"]);
    expect(fake.sent).toHaveLength(3);
  });

  it("answers a group mention without the @name, in the group", async () => {
    const asked: string[] = [];
    await start({ chat: echoChat(asked) });
    await fake.inject(updates.text(`@${BOT_NAME} /muctieu 2030`, { group: true, chatId: GROUP }));
    await fake.inject(updates.text("@trợ lý nq16: muc tieu 2025", { group: true, chatId: GROUP }));
    await fake.waitFor(() => fake.sent.length === 2, "both answers");
    expect(asked).toEqual(["/muctieu 2030", "muc tieu 2025"]);
    expect(fake.sent.map((message) => message.chat_id)).toEqual([GROUP, GROUP]);
  });

  it("gives every update shape one fitting reply: a note by kind, or the answer to its caption or the words around its link", async () => {
    const asked: string[] = [];
    const metrics = new Metrics();
    await start({ chat: echoChat(asked, metrics) });
    const shapes = everyShape();
    for (const { update } of shapes) await fake.inject(update);
    await fake.inject(updates.text("xin chào"));
    await fake.waitFor(() => fake.sent.some((message) => message.chat_id === USER), "the answer after every shape");
    const expected = shapes.flatMap(({ update, reply }) => (reply === undefined ? [] : [{ chat_id: String((update.message!.chat as { id: string }).id), text: reply }]));
    expect(fake.sent).toEqual([...expected, { chat_id: USER, text: "Bạn hỏi: xin chào" }]);
    expect(asked).toEqual(["mục tiêu 2030?", "chỉ tiêu năm 2025", "lộ trình đến 2025 thế nào?", "tầm nhìn 2030", "xin chào"]);
    expect(metrics.notText.get({ channel: "zalo", kind: "photo" })).toBe(3);
    expect(metrics.notText.get({ channel: "zalo", kind: "link" })).toBe(3);
    expect(metrics.render()).toContain('bot_not_text_total{channel="zalo",kind="voice"} 1');
    expect(warnings()).toEqual([]);
  });

  it("notes a sticker in a group in the group", async () => {
    await start({ chat: echoChat([]) });
    await fake.inject(updates.sticker({ group: true, chatId: GROUP }));
    await fake.waitFor(() => fake.sent.length === 1, "the note");
    expect(fake.sent).toEqual([{ chat_id: GROUP, text: NOT_TEXT_REPLIES.sticker }]);
  });

  it("counts stickers, photos and other non-text messages toward the flood limit", async () => {
    const asked: string[] = [];
    await start({ chat: new ChatService({ ask: (question) => (asked.push(question), answerOf([question])), flood: new FloodGuard(2, 60_000) }) });
    for (let i = 0; i < 3; i++) await fake.inject(updates.sticker());
    await fake.inject(updates.image());
    await fake.inject(updates.text("mục tiêu 2030"));
    await fake.inject(updates.text("còn người khác", { userId: "0000000000000000000b" }));
    await fake.waitFor(() => fake.sent.some((message) => message.chat_id === "0000000000000000000b"), "the other user's answer");
    const toUser = fake.sent.filter((message) => message.chat_id === USER).map((message) => message.text);
    expect(toUser).toHaveLength(3);
    expect(toUser.at(-1)).toBe(SLOW_DOWN_MESSAGE);
    expect(asked).toEqual(["còn người khác"]);
  });

  it("retries 429, 5xx and dropped connections with backoff", async () => {
    fake.failNext("getUpdates", 500, 2);
    fake.failNext("sendMessage", 429);
    fake.failNext("sendMessage", "reset");
    fake.failNext("sendMessage", 503);
    const asked: string[] = [];
    await start({ chat: echoChat(asked) });
    await fake.inject(updates.text("xin chào"));
    await fake.waitFor(() => fake.sent.length === 1, "the answer");
    expect(fake.calls.filter((call) => call.method === "sendMessage").map((call) => call.status)).toEqual([429, 0, 503, 200]);
    expect(fake.calls.filter((call) => call.method === "getUpdates").slice(0, 2).map((call) => call.status)).toEqual([500, 500]);
    // Poller: 1 s then 2 s; client: 0.5 s, 1 s, 2 s; each with up to half of it as jitter.
    const delays = (msg: string) => logLines.map((line) => JSON.parse(line) as { msg: string; delayMs?: number }).filter((entry) => entry.msg === msg).map((entry) => entry.delayMs!);
    const [poll1, poll2] = delays("Zalo getUpdates failed; polling again after a pause");
    expect(poll1).toBeGreaterThanOrEqual(500);
    expect(poll1).toBeLessThanOrEqual(1000);
    expect(poll2).toBeGreaterThanOrEqual(1000);
    expect(poll2).toBeLessThanOrEqual(2000);
    const sends = delays("Zalo API call failed; retrying");
    expect(sends.map((ms, attempt) => ms >= 250 * 2 ** attempt && ms <= 500 * 2 ** attempt)).toEqual([true, true, true]);
    expect(logLines.filter((line) => line.includes("retrying"))).toHaveLength(3);
    // Each retry warning names the update (its message id) and the channel.
    const retries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === "Zalo API call failed; retrying");
    expect(retries.every((entry) => entry.channel === "zalo" && typeof entry.updateId === "string" && entry.updateId !== "")).toBe(true);
  });
});

describe("Zalo client on axios", () => {
  it("abandons a request that hangs past its timeout and sends it again: the message arrives once", async () => {
    const client = new ZaloClient({ token: TOKEN, apiBase: fake.baseUrl, logger, sleep: fastSleep, timeoutMs: 200 });
    fake.failNext("sendMessage", "hang");
    const started = Date.now();
    await client.sendMessage(USER, "chào bạn");
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(fake.calls.filter((call) => call.method === "sendMessage").map((call) => call.status)).toEqual([0, 200]);
    expect(fake.sent).toEqual([{ chat_id: USER, text: "chào bạn" }]);
    expect(logLines.filter((line) => line.includes("retrying"))).toHaveLength(1);
  });

  it("keeps its connection to the API open across calls", async () => {
    const client = new ZaloClient({ token: TOKEN, apiBase: fake.baseUrl, logger, sleep: fastSleep });
    await client.getMe();
    for (let i = 0; i < 5; i++) await client.sendMessage(USER, `tin ${i}`);
    expect(fake.sent).toHaveLength(5);
    expect(fake.connections).toBe(1);
  });

  it("sends every call as a JSON body with Content-Type application/json, as the spec's clients do", async () => {
    const received: { contentType: string | undefined; body: string }[] = [];
    const api = createServer((request, response) => {
      let body = "";
      request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      request.on("end", () => {
        received.push({ contentType: request.headers["content-type"], body });
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result: { message_id: "m1", date: 1 } }));
      });
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    try {
      const client = new ZaloClient({ token: TOKEN, apiBase: `http://127.0.0.1:${(api.address() as AddressInfo).port}`, logger, sleep: fastSleep });
      await client.sendMessage(USER, "chào bạn");
      expect(received).toEqual([{ contentType: "application/json", body: JSON.stringify({ chat_id: USER, text: "chào bạn" }) }]);
    } finally {
      api.closeAllConnections();
      await new Promise((resolve) => api.close(resolve));
    }
  });

  it("stop() cancels the long poll under way at once", async () => {
    fake.pollHoldCapSeconds = 30;
    const config = readConfig({ ZALO_BOT_TOKEN: TOKEN, ZALO_API_BASE: fake.baseUrl, DATA_DIR: dataDir });
    const channel = await startZalo({ config, chat: echoChat([]), logger, tuning: { pollTimeoutSeconds: 30, sleep: fastSleep } });
    channels.push(channel);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await channel.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe("Zalo channel, token trouble", () => {
  it("stops the channel with a clear log line when Zalo starts refusing the token", async () => {
    const channel = await start({ chat: echoChat([]) });
    await fake.waitFor(() => fake.count("getUpdates") >= 1, "a poll");
    fake.acceptedToken = "1459232241454765289:new-token-after-reset";
    await channel.done;
    const polls = fake.count("getUpdates");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.count("getUpdates")).toBe(polls);
    expect(logLines.filter((line) => line.includes("401 Unauthorized") && line.includes("has stopped"))).toHaveLength(1);
  });

  it("refuses to start with a wrong token and keeps it out of the error", async () => {
    fake.acceptedToken = "1:another";
    const failure = await start({ chat: echoChat([]) }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ZaloApiError);
    expect(failure).toMatchObject({ method: "getMe", errorCode: 401, httpStatus: 401 });
    expect(String((failure as Error).stack)).not.toContain(TOKEN_SECRET_PART);
    expect(logLines.some((line) => line.includes("401 Unauthorized"))).toBe(true);
  });

  it("never logs or throws the token, even for network errors", async () => {
    const gone = fake;
    const deadBase = gone.baseUrl;
    fake = await FakeZalo.start({ token: TOKEN });
    await gone.close();
    const failure = await start({ chat: echoChat([]), apiBase: deadBase }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ method: "getMe", errorCode: undefined, httpStatus: undefined });
    expect(JSON.stringify({ ...(failure as object), message: (failure as Error).message, stack: (failure as Error).stack })).not.toContain(TOKEN_SECRET_PART);
    expect(logLines.filter((line) => line.includes("retrying"))).toHaveLength(3);
    // The caller logging the error as it is must not leak the token either (checked after each test).
    logger.error({ err: failure }, "Zalo channel could not start");
  });
});

describe("Zalo channel, webhook", () => {
  it("registers a secret-derived path, answers 200 at once and processes afterwards, also through stop()", async () => {
    const { server, origin } = await listeningServer();
    fake.webhookOrigin = origin;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    class GatedChat extends ChatService {
      override async handle(message: IncomingMessage) {
        await gate;
        return super.handle(message);
      }
    }
    const asked: string[] = [];
    const channel = await start({
      chat: new GatedChat({ ask: (question) => (asked.push(question), answerOf([question])) }),
      env: { ZALO_WEBHOOK_URL: "https://bot.example.vn/hooks/", WEBHOOK_SECRET },
      server,
    });
    expect(channel.mode).toBe("webhook");
    expect(fake.webhook?.url).toMatch(/^https:\/\/bot\.example\.vn\/hooks\/zalo\/[A-Za-z0-9_-]{32}$/);
    expect(fake.webhook?.url).not.toContain(WEBHOOK_SECRET);
    expect(fake.webhook?.secret).toBe(WEBHOOK_SECRET);
    expect(await fake.inject(updates.text("chờ một chút"))).toEqual([200]);
    expect(fake.sent).toEqual([]);
    // stop() refuses new deliveries but finishes the reply under way.
    const stopping = channel.stop();
    open();
    await stopping;
    expect(asked).toEqual(["chờ một chút"]);
    expect(fake.sent.map((message) => message.text)).toEqual(["chờ một chút"]);
  });

  it("gives every update shape, wrapped or bare, the same one reply as in polling, without a warning", async () => {
    const { server, origin } = await listeningServer();
    fake.webhookOrigin = origin;
    const asked: string[] = [];
    const channel = await start({ chat: echoChat(asked), env: { ZALO_WEBHOOK_URL: "https://bot.example.vn", WEBHOOK_SECRET }, server });
    const shapes = everyShape();
    const statuses: number[] = [];
    for (const [i, { update }] of shapes.entries()) {
      fake.webhookShape = i % 2 === 0 ? "bare" : "wrapped";
      statuses.push(...(await fake.inject(update)));
    }
    await channel.stop();
    expect(statuses).toEqual(shapes.map(() => 200));
    const byChat = (messages: { chat_id: string; text: string }[]) => [...messages].sort((a, b) => a.chat_id.localeCompare(b.chat_id));
    const expected = shapes.flatMap(({ update, reply }) => (reply === undefined ? [] : [{ chat_id: String((update.message!.chat as { id: string }).id), text: reply }]));
    expect(byChat(fake.sent)).toEqual(byChat(expected));
    expect(warnings()).toEqual([]);
  });

  it("rejects a wrong or missing secret with 403, accepts wrapped and bare bodies, and dedupes redeliveries", async () => {
    const { server, origin } = await listeningServer();
    fake.webhookOrigin = origin;
    const asked: string[] = [];
    const channel = await start({ chat: echoChat(asked), env: { ZALO_WEBHOOK_URL: "https://bot.example.vn", WEBHOOK_SECRET }, server });
    const local = `${origin}${new URL(fake.webhook!.url).pathname}`;

    expect((await postUpdate(local, updates.text("sai mật khẩu"), { secret: "webhook-secret-012345678X" })).status).toBe(403);
    expect((await postUpdate(local, updates.text("không mật khẩu"), { shape: "bare" })).status).toBe(403);
    fake.webhookShape = "wrapped";
    expect(await fake.inject(updates.text("bọc trong ok/result"))).toEqual([200]);
    fake.webhookShape = "bare";
    expect(await fake.inject(updates.text("không bọc"))).toEqual([200]);
    fake.redeliver = true;
    expect(await fake.inject(updates.text("gửi hai lần"))).toEqual([200, 200]);
    expect((await postUpdate(local, { event_name: "message.text.received", message: { text: "x".repeat(1100 * 1024) } }, { secret: WEBHOOK_SECRET })).status).toBe(413);
    expect((await postUpdate(origin + "/hooks/zalo/other", updates.text("đường khác"), { secret: WEBHOOK_SECRET })).status).toBe(404);

    await channel.stop();
    expect(asked).toEqual(["bọc trong ok/result", "không bọc", "gửi hai lần"]);
    expect(fake.sent.map((message) => message.text)).toEqual(asked.map((question) => `Bạn hỏi: ${question}`));
    expect((await postUpdate(local, updates.text("sau khi dừng"), { secret: WEBHOOK_SECRET })).status).toBe(503);
  });
});

describe("Zalo pieces", () => {
  it("client: webhook info, photos by public URL, long text in chunks", async () => {
    const client = new ZaloClient({ token: TOKEN, apiBase: `${fake.baseUrl}/`, logger, sleep: fastSleep });
    expect(await client.getWebhookInfo()).toBeUndefined();
    await client.setWebhook("https://bot.example.vn/zalo/abc", WEBHOOK_SECRET);
    expect(await client.getWebhookInfo()).toMatchObject({ url: "https://bot.example.vn/zalo/abc" });
    expect(await client.sendPhoto(USER, "https://example.vn/bieu-do.png", "Biểu đồ")).toMatchObject({ message_id: expect.stringMatching(/^[0-9a-f]{20}$/) });
    await expect(client.sendPhoto(USER, "/tmp/bieu-do.png")).rejects.toThrow(RangeError);
    await client.deleteWebhook();
    expect(await client.sendMessage(USER, "chữ ".repeat(750))).toHaveLength(2);
    expect(fake.sent.map((message) => message.text.length)).toEqual([1999, 1000]);
  });

  it("normalises update shapes: wrapped or bare, one or many, empty results", () => {
    const update = updates.text("xin chào");
    expect(unwrapWebhookBody({ ok: true, result: update })).toBe(update);
    expect(unwrapWebhookBody(update)).toBe(update);
    expect(updatesFromResult(update)).toEqual([update]);
    expect(updatesFromResult([update, update])).toHaveLength(2);
    expect(updatesFromResult({})).toEqual([]);
    expect(updatesFromResult(null)).toEqual([]);
    expect(parseUpdate({ event_name: "message.reaction.received", message: update.message }, [])).toMatchObject({ kind: "ignored" });
    expect(parseUpdate(updates.text("hi", { messageId: "m1" }), [])).toMatchObject({ kind: "message", messageId: "m1", incoming: { channel: "zalo", chatId: USER, userId: USER, text: "hi" } });
    expect(stripMention("@Trợ lý NQ16, mục tiêu?", [BOT_NAME])).toBe("mục tiêu?");
    expect(stripMention("@Trợ lý NQ160 mục tiêu?", [BOT_NAME])).toBe("@Trợ lý NQ160 mục tiêu?");
  });

  it("chunks raw text at ≤2000 characters, at spaces when a paragraph is too long", () => {
    const words = "số ".repeat(1000).trim();
    const chunks = chunkText(words);
    expect(chunks).toHaveLength(2);
    expect(chunks.every((chunk) => chunk.length <= 2000 && !chunk.startsWith(" ") && !chunk.endsWith(" "))).toBe(true);
    expect(chunks.join(" ")).toBe(words);
    expect(chunkText("")).toEqual([]);
  });

  it("spaces non-idle polls ≥1 s apart and re-polls at once after a held idle poll", async () => {
    let clock = 0;
    const results: unknown[][] = [[updates.text("a")], [], [updates.text("b")]];
    const handled: unknown[] = [];
    const poller = new Poller({
      client: {
        getUpdates: async ({ signal }) => {
          const next = results.shift();
          // Nothing scripted left: hold like a long poll until stop() cancels it.
          if (!next) return new Promise((_, reject) => signal?.addEventListener("abort", () => reject(new Error("aborted"))));
          clock += next.length === 0 ? 30_000 : 5;
          return next as Record<string, unknown>[];
        },
      },
      onUpdate: async (update) => void handled.push(update),
      onUnauthorized: () => {},
      logger,
      sleep: fastSleep,
      now: () => clock,
    });
    poller.start();
    await fake.waitFor(() => sleeps.length === 3, "three pauses");
    await poller.stop();
    expect(handled).toHaveLength(2);
    expect(sleeps).toEqual([995, 0, 995]);
  });

  it("moves a corrupted seen file aside loudly and keeps the set bounded", async () => {
    const file = join(dataDir, "nested", SEEN_FILE);
    const first = await JsonFileSeenMessages.open(file, logger);
    first.add("m0");
    await first.flush();
    writeFileSync(file, "{ not json");
    const seen = await JsonFileSeenMessages.open(file, logger, { maxEntries: 3 });
    const aside = readdirSync(join(dataDir, "nested")).filter((name) => name.startsWith(`${SEEN_FILE}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, "nested", aside[0]!), "utf8")).toBe("{ not json");
    expect(logLines.some((line) => line.includes('"level":50') && line.includes("CORRUPTED"))).toBe(true);
    expect(seen.has("m0")).toBe(false);

    for (const id of ["m1", "m2", "m3", "m4"]) seen.add(id);
    await seen.flush();
    expect(["m1", "m2", "m3", "m4"].map((id) => seen.has(id))).toEqual([false, true, true, true]);
    const reopened = await JsonFileSeenMessages.open(file, logger);
    expect(reopened.has("m4") && !reopened.has("m1")).toBe(true);
    expect(readdirSync(join(dataDir, "nested")).some((name) => name.endsWith(".tmp"))).toBe(false);
    expect(existsSync(file)).toBe(true);
  });
});
