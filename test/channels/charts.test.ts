// Chart pictures in the chat apps, end to end: the real grammY client uploads to the fake Bot API, the real Zalo
// client sends a URL that the real WebServer then answers with the PNG.
import { Writable } from "node:stream";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Chat, Message, Update, User } from "grammy/types";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ChatService } from "../../src/channels/chat-service.js";
import { STALE_BUTTON_NOTE } from "../../src/channels/telegram/bot.js";
import { CHART_BUTTON } from "../../src/channels/telegram/keyboards.js";
import { startTelegram, type TelegramChannel } from "../../src/channels/telegram/run.js";
import { startZalo, type ZaloChannel } from "../../src/channels/zalo/run.js";
import { Charts } from "../../src/charts/charts.js";
import { readConfig } from "../../src/config.js";
import { createEngine, type Engine } from "../../src/engine/ask.js";
import { createConversation } from "../../src/engine/conversation.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { defaultKnowledgeDir } from "../../src/paths.js";
import { renderPlain } from "../../src/render/plain.js";
import { renderTelegram } from "../../src/render/telegram.js";
import { serveChartImages } from "../../src/server/chart-images.js";
import { WebServer } from "../../src/server/http-server.js";
import { FakeTelegram, type RecordedCall, type UploadedFile } from "../support/fake-telegram.js";
import { FakeZalo, updates } from "../support/fake-zalo.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const LAN: User = { id: 1001, is_bot: false, first_name: "Lan" };
const LAN_CHAT: Chat.PrivateChat = { id: 1001, type: "private", first_name: "Lan" };
const ZALO_TOKEN = "1459232241454765289:Zk3q-secret_TOKEN-value";

let knowledge: Knowledge;
let engine: Engine;
let charts: Charts;
let logger: Logger;
const stops: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  const loaded = await loadKnowledge(defaultKnowledgeDir());
  if (!loaded.ok) throw new Error("the shipped knowledge must load");
  knowledge = loaded.knowledge;
  engine = createEngine(knowledge);
  charts = new Charts({ knowledge: () => knowledge });
});

beforeEach(() => {
  logger = createLogger({ level: "silent", destination: new Writable({ write: (_c, _e, done) => done() }) });
});

afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const uploaded = (call: RecordedCall) => call.payload.photo as UploadedFile;
const buttonsOf = (call: RecordedCall) =>
  ((call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

describe("charts on Telegram", () => {
  let fake: FakeTelegram;
  let nextId = 1;

  async function startBot(withCharts = true): Promise<TelegramChannel> {
    fake = await FakeTelegram.start();
    stops.push(() => fake.close());
    const config = readConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
    const channel = await startTelegram({ config, chat: new ChatService({ ask: engine.ask }), logger, ...(withCharts ? { charts } : {}) });
    stops.push(() => channel.stop());
    return channel;
  }

  function send(text: string): void {
    const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] : undefined;
    fake.queueUpdate({ message: { message_id: nextId++, date: 1, chat: LAN_CHAT, from: LAN, text, ...(entities ? { entities } : {}) } as Message & Update.NonChannel });
  }

  function tap(data: string): string {
    const id = `q${nextId++}`;
    const message = { message_id: nextId++, date: 1, chat: LAN_CHAT, from: { ...fake.botInfo }, text: "…" } as Message;
    fake.queueUpdate({ callback_query: { id, from: LAN, chat_instance: "ci", data, message } });
    return id;
  }

  it("/chitieu sends the dashboard picture with its caption first, then the text answer", async () => {
    await startBot();
    send("/chitieu");
    const [text] = await fake.waitFor("sendMessage", 1);
    const methods = fake.calls.filter((call) => call.method === "sendPhoto" || call.method === "sendMessage").map((call) => call.method);
    expect(methods).toEqual(["sendPhoto", "sendMessage"]);
    const [photo] = fake.succeeded("sendPhoto");
    expect(uploaded(photo!).bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(uploaded(photo!).bytes).toEqual((await charts.chart("dashboard"))!.png);
    expect(photo!.payload.caption).toMatch(/^Các chỉ tiêu của Nghị quyết 16\nPhạm vi: .*\nSố liệu đến .*\nNguồn: /);
    expect(text!.payload.text).toBe(renderTelegram(engine.ask("/chitieu"))[0]);
  });

  it("offers an indicator's chart with a 📈 Biểu đồ button; tapping it sends the picture", async () => {
    await startBot();
    send("xếp hạng DTI của tỉnh");
    const [answer] = await fake.waitFor("sendMessage", 1);
    expect(fake.succeeded("sendPhoto")).toEqual([]);
    const [first] = buttonsOf(answer!);
    expect(first).toEqual({ text: CHART_BUTTON, callback_data: "c:xep-hang-dti" });
    const queryId = tap(first!.callback_data);
    const [photo] = await fake.waitFor("sendPhoto", 1);
    expect(uploaded(photo!).bytes).toEqual((await charts.chart("xep-hang-dti"))!.png);
    expect(photo!.payload.caption).toMatch(/Số liệu đến năm 2024\./);
    expect(fake.succeeded("answerCallbackQuery").map((call) => call.payload)).toEqual([{ callback_query_id: queryId }]);
  });

  it("no button where no chart fits, a note for a chart that is gone, and text only without charts", async () => {
    await startBot();
    send("tỷ lệ hồ sơ nộp trực tuyến tại trung tâm hành chính công");
    const [answer] = await fake.waitFor("sendMessage", 1);
    expect(buttonsOf(answer!).map((button) => button.text)).not.toContain(CHART_BUTTON);
    const queryId = tap("c:khong-con-chi-tieu-nay");
    await fake.waitFor("answerCallbackQuery", 1);
    expect(fake.succeeded("answerCallbackQuery").map((call) => call.payload)).toEqual([{ callback_query_id: queryId, text: STALE_BUTTON_NOTE }]);
    expect(fake.succeeded("sendPhoto")).toEqual([]);

    await fake.close();
    await startBot(false);
    send("/chitieu");
    send("xếp hạng DTI của tỉnh");
    const sent = await fake.waitFor("sendMessage", 2);
    expect(fake.calls.some((call) => call.method === "sendPhoto")).toBe(false);
    expect(sent.flatMap(buttonsOf).map((button) => button.text)).not.toContain(CHART_BUTTON);
  });

  it("still sends the text when the picture is refused", async () => {
    await startBot();
    fake.failNext("sendPhoto", 1, { error_code: 400, description: "Bad Request: IMAGE_PROCESS_FAILED" });
    send("/chitieu");
    const [text] = await fake.waitFor("sendMessage", 1);
    expect(text!.payload.text).toBe(renderTelegram(engine.ask("/chitieu"))[0]);
  });
});

describe("charts on Zalo", () => {
  let fake: FakeZalo;
  let dataDir: string;

  beforeEach(async () => {
    fake = await FakeZalo.start({ token: ZALO_TOKEN });
    fake.pollHoldCapSeconds = 0.2;
    dataDir = await mkdtemp(join(tmpdir(), "zalo-charts-"));
    stops.push(() => fake.close(), () => rm(dataDir, { recursive: true, force: true }));
  });

  async function startBot(env: Record<string, string>): Promise<ZaloChannel> {
    const config = readConfig({ ZALO_BOT_TOKEN: ZALO_TOKEN, ZALO_API_BASE: fake.baseUrl, DATA_DIR: dataDir, ...env });
    const channel = await startZalo({ config, chat: new ChatService({ ask: engine.ask }), logger, charts, tuning: { pollTimeoutSeconds: 1 } });
    stops.push(() => channel.stop());
    return channel;
  }

  it("with a public URL sends the picture by a URL that the server answers with the PNG, then the text", async () => {
    const server = new WebServer();
    const { port } = await server.listen(0, "127.0.0.1");
    stops.push(() => server.close());
    // A public URL with a path, as behind a reverse proxy that forwards /nq16/… to the bot.
    const publicUrl = `http://127.0.0.1:${port}/nq16`;
    serveChartImages(server, charts, publicUrl);
    await startBot({ PUBLIC_URL: publicUrl });
    await fake.inject(updates.text("/chitieu"));
    const expected = renderPlain(engine.ask("/chitieu", createConversation()));
    await fake.waitFor(() => fake.sent.length === expected.length, "the answer");
    const photos = fake.calls.filter((call) => call.method === "sendPhoto");
    expect(photos).toHaveLength(1);
    const url = String(photos[0]!.body.photo);
    expect(url).toMatch(new RegExp(`^${publicUrl}/charts/[0-9a-f]{20}\\.png$`));
    expect(photos[0]!.body.caption).toMatch(/^Các chỉ tiêu của Nghị quyết 16\n/);
    const order = fake.calls.map((call) => call.method).filter((method) => method === "sendPhoto" || method === "sendMessage");
    expect(order[0]).toBe("sendPhoto");

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toMatch(/immutable/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual((await charts.chart("dashboard"))!.png);
  });

  it("without a public URL sends text only", async () => {
    await startBot({});
    await fake.inject(updates.text("/chitieu"));
    const expected = renderPlain(engine.ask("/chitieu", createConversation()));
    await fake.waitFor(() => fake.sent.length === expected.length, "the answer");
    expect(fake.calls.some((call) => call.method === "sendPhoto")).toBe(false);
    expect(fake.sent.map((message) => message.text)).toEqual(expected);
  });
});
