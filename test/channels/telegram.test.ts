// The Telegram channel end to end: the real grammY client talks HTTP to a fake Bot API (test/support/fake-telegram.ts),
// and the answers come from the real engine over the shipped knowledge, unless a test is about transport only.
import { Writable } from "node:stream";
import { HttpError } from "grammy";
import type { Chat, Message, Update, User } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatService, type IncomingMessage, type IncomingText, type Reply } from "../../src/channels/chat-service.js";
import { FloodGuard, SLOW_DOWN_MESSAGE } from "../../src/channels/flood-guard.js";
import { NOT_TEXT_REPLIES } from "../../src/channels/not-text.js";
import { createTelegramBot, STALE_BUTTON_NOTE, APOLOGY, type ChatHandler } from "../../src/channels/telegram/bot.js";
import { TOPICS } from "../../src/channels/telegram/keyboards.js";
import { retryNetworkFailures } from "../../src/channels/telegram/network-retry.js";
import { BOT_COMMANDS, startTelegram, webhookReplyEnvelope, type TelegramChannel } from "../../src/channels/telegram/run.js";
import { readConfig } from "../../src/config.js";
import type { Answer } from "../../src/engine/answer.js";
import { createEngine } from "../../src/engine/ask.js";
import { createConversation } from "../../src/engine/conversation.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { defaultKnowledgeDir } from "../../src/paths.js";
import { renderTelegram } from "../../src/render/telegram.js";
import { WebServer } from "../../src/server/http-server.js";
import { FakeTelegram, type RecordedCall } from "../support/fake-telegram.js";

const loaded = await loadKnowledge(defaultKnowledgeDir());
if (!loaded.ok) throw new Error("the shipped knowledge must load");
const engine = createEngine(loaded.knowledge);

const LAN: User = { id: 1001, is_bot: false, first_name: "Lan", language_code: "vi" };
const MINH: User = { id: 1002, is_bot: false, first_name: "Minh" };
const LAN_CHAT: Chat.PrivateChat = { id: 1001, type: "private", first_name: "Lan" };
const MINH_CHAT: Chat.PrivateChat = { id: 1002, type: "private", first_name: "Minh" };
const GROUP: Chat.SupergroupChat = { id: -100777, type: "supergroup", title: "Tổ chuyển đổi số" };

let fake: FakeTelegram;
let channel: TelegramChannel | undefined;
let webServer: WebServer | undefined;
let logLines: string[];
let logger: Logger;
let nextMessageId = 1;
let nextQueryId = 1;

beforeEach(async () => {
  fake = await FakeTelegram.start();
  logLines = [];
  // No secrets given to the logger on purpose: the channel itself must never log the token.
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(String(chunk));
      callback();
    },
  });
  logger = createLogger({ level: "trace", destination });
});

afterEach(async () => {
  await channel?.stop();
  channel = undefined;
  await webServer?.close();
  webServer = undefined;
  await fake.close();
});

/** An admin list far over any platform's message limit (/chuatraloi with a long review queue). */
const LONG_NOTICE = Array.from({ length: 120 }, (_, i) => `• Câu hỏi chưa trả lời được số ${i + 1}: ${"vì sao tỷ lệ hồ sơ trực tuyến thấp ".repeat(2)}(${i % 7} lần)`).join("\n");

function config(env: Record<string, string> = {}) {
  return readConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ...env });
}

async function startPolling(chat: ChatHandler = new ChatService({ ask: engine.ask })): Promise<void> {
  channel = await startTelegram({ config: config(), chat, logger });
}

/** Entities as Telegram attaches them: commands at the start, @mentions anywhere. */
function entitiesOf(text: string): Message["entities"] {
  const entities: NonNullable<Message["entities"]> = [];
  const command = /^\/\w+(@\w+)?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const mention of text.matchAll(/@\w+/g)) {
    if (!command || mention.index >= command[0].length) entities.push({ type: "mention", offset: mention.index, length: mention[0].length });
  }
  return entities.length > 0 ? entities : undefined;
}

function userMessage(chat: Chat, content: Partial<Message>, from: User = LAN): Message & Update.NonChannel {
  return { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from, ...content } as Message & Update.NonChannel;
}

function sendText(text: string, chat: Chat = LAN_CHAT, from: User = LAN, extra: Partial<Message> = {}): Message {
  const entities = entitiesOf(text);
  const message = userMessage(chat, { text, ...(entities ? { entities } : {}), ...extra }, from);
  fake.queueUpdate({ message });
  return message;
}

function tap(data: string, chat: Chat = LAN_CHAT, from: User = LAN): string {
  const id = `q${nextQueryId++}`;
  const botMessage = { message_id: 9000 + nextQueryId, date: Math.floor(Date.now() / 1000), chat, from: { ...fake.botInfo }, text: "…" } as Message;
  fake.queueUpdate({ callback_query: { id, from, chat_instance: `ci${chat.id}`, data, message: botMessage } });
  return id;
}

const texts = (calls: RecordedCall[]) => calls.map((call) => call.payload.text as string);
const toChat = (chat: Chat) => (call: RecordedCall) => call.payload.chat_id === chat.id;
const buttonsOf = (call: RecordedCall) =>
  ((call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

const FILE = { file_id: "f1", file_unique_id: "u1" };
const STICKER = { ...FILE, type: "regular", width: 512, height: 512, is_animated: false, is_video: false } as const;
const PHOTO = [{ ...FILE, width: 90, height: 90 }];
const LINK = "https://khanhhoa.gov.vn/cds";

/** Every kind of message a person can send, each in a private chat of its own, and the replies it must get. */
function everyKind(): { chat: Chat.PrivateChat; content: Partial<Message>; replies: string[] }[] {
  const video = { ...FILE, width: 640, height: 360, duration: 5 };
  const cases: [Partial<Message>, string[]][] = [
    [{ voice: { ...FILE, duration: 3 } }, [NOT_TEXT_REPLIES.voice]],
    [{ audio: { ...FILE, duration: 60 } }, [NOT_TEXT_REPLIES.audio]],
    [{ video }, [NOT_TEXT_REPLIES.video]],
    [{ video_note: { ...FILE, length: 240, duration: 5 } }, [NOT_TEXT_REPLIES.video]],
    [{ document: { ...FILE, file_name: "bao-cao.pdf" } }, [NOT_TEXT_REPLIES.file]],
    [{ animation: video, document: FILE }, [NOT_TEXT_REPLIES.photo]],
    [{ photo: PHOTO }, [NOT_TEXT_REPLIES.photo]],
    [{ sticker: STICKER }, [NOT_TEXT_REPLIES.sticker]],
    [{ location: { latitude: 12.24, longitude: 109.19 } }, [NOT_TEXT_REPLIES.location]],
    [{ venue: { location: { latitude: 12.24, longitude: 109.19 }, title: "UBND tỉnh", address: "Nha Trang" }, location: { latitude: 12.24, longitude: 109.19 } }, [NOT_TEXT_REPLIES.location]],
    [{ contact: { phone_number: "0912345678", first_name: "Lan" } }, [NOT_TEXT_REPLIES.contact]],
    [{ dice: { emoji: "🎲", value: 3 } }, [NOT_TEXT_REPLIES.other]],
    [{ photo: PHOTO, caption: "muc tieu 2030 la gi" }, expectedMessages("muc tieu 2030 la gi")],
    [{ video, caption: "lộ trình năm 2025" }, expectedMessages("lộ trình năm 2025")],
    [{ document: FILE, caption: "/chitieu" }, expectedMessages("/chitieu")],
    [{ text: LINK, entities: [{ type: "url", offset: 0, length: LINK.length }] }, [NOT_TEXT_REPLIES.link]],
    [{ text: `muc tieu 2025 ${LINK}` }, expectedMessages("muc tieu 2025")],
  ];
  return cases.map(([content, replies], i) => ({ chat: { id: 3000 + i, type: "private", first_name: `Người ${i}` }, content, replies }));
}

const warnings = () => logLines.join("").split("\n").filter((line) => /"level":(40|50|60)/.test(line));

/** What the engine renders for these questions asked in order in one chat: the messages the bot must send. */
function expectedMessages(...questions: string[]): string[] {
  const conversation = createConversation();
  return questions.flatMap((question) => renderTelegram(engine.ask(question, conversation)));
}

describe("Telegram channel over the Bot API (long polling)", () => {
  it("registers the Vietnamese command list, removes a stale webhook, and asks only for messages and button taps", async () => {
    fake.webhook = { url: "https://old.example.vn/hook" };
    await startPolling();
    expect(channel?.mode).toBe("polling");
    expect(fake.commands).toEqual(BOT_COMMANDS);
    expect((fake.commands as { command: string }[]).map((c) => c.command)).toEqual(["help", "muctieu", "chitieu", "sosanh", "lotrinh", "linhvuc", "nguon"]);
    expect(fake.succeeded("deleteWebhook")).toHaveLength(1);
    expect(fake.webhook).toBeUndefined();
    sendText("/help");
    await fake.waitFor("sendMessage", 1);
    expect(fake.succeeded("getUpdates")[0]!.payload.allowed_updates).toEqual(["message", "callback_query"]);
  });

  it("/start welcomes in Vietnamese with the topic menu as inline buttons carrying short ids", async () => {
    await startPolling();
    sendText("/start");
    const [welcome] = await fake.waitFor("sendMessage", 1);
    expect(welcome!.payload.text).toBe(expectedMessages("/start")[0]);
    expect(welcome!.payload.text).toContain("Nghị quyết 16");
    expect(welcome!.payload.parse_mode).toBe("HTML");
    expect(buttonsOf(welcome!)).toEqual(TOPICS.map((topic) => ({ text: topic.label, callback_data: `t:${topic.id}` })));
    expect(buttonsOf(welcome!).map((b) => b.text)).toContain("So sánh với QĐ 749");
  });

  it("answers every command and a deep link exactly as the engine renders them, in order", async () => {
    // Ten questions at once would trip the default flood limit (8 per 10 s).
    await startPolling(new ChatService({ ask: engine.ask, flood: new FloodGuard(20) }));
    const questions = ["/help", "/muctieu", "/muctieu 2030", "/chitieu", "/sosanh", "/lotrinh", "/linhvuc", "/nguon", "/muctieu 2040", "/start muctieu_2030"];
    for (const question of questions) sendText(question);
    const expected = expectedMessages(...questions);
    const sent = await fake.waitFor("sendMessage", expected.length);
    expect(texts(sent)).toEqual(expected);
    expect(sent.every((call) => call.payload.parse_mode === "HTML")).toBe(true);
    expect(texts(sent).join("\n")).toContain("Lệnh chưa đúng");
  });

  it("answers a question typed without diacritics, with follow-ups as id buttons and no typing flash", async () => {
    await startPolling();
    sendText("muc tieu 2030 la gi");
    const [answer] = await fake.waitFor("sendMessage", 1);
    const engineAnswer = engine.ask("muc tieu 2030 la gi", createConversation());
    expect(answer!.payload.text).toBe(renderTelegram(engineAnswer)[0]);
    expect(answer!.payload.text).toContain("2030");
    const buttons = buttonsOf(answer!);
    const [suggestions, votes] = [buttons.slice(0, -2), buttons.slice(-2)];
    expect(suggestions.map((b) => b.text)).toEqual(engineAnswer.suggestions);
    for (const button of suggestions) expect(button.callback_data).toMatch(/^s:\d+:\d$/);
    expect(votes.map((b) => b.text)).toEqual(["👍", "👎"]);
    for (const button of buttons) expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
    expect(fake.calls.filter((call) => call.method === "sendChatAction")).toEqual([]);
  });

  it("a topic button answers its command and answers the callback query", async () => {
    await startPolling();
    const queryId = tap("t:muctieu_2030");
    const [answer] = await fake.waitFor("sendMessage", 1);
    expect(answer!.payload.text).toBe(expectedMessages("/muctieu 2030")[0]);
    expect(fake.succeeded("answerCallbackQuery").map((call) => call.payload)).toEqual([{ callback_query_id: queryId }]);
  });

  it("a follow-up button asks its suggestion in the same conversation", async () => {
    await startPolling();
    sendText("mục tiêu 2025");
    const [first] = await fake.waitFor("sendMessage", 1);
    const [button] = buttonsOf(first!);
    tap(button!.callback_data);
    const sent = await fake.waitFor("sendMessage", 2);
    expect(texts(sent)).toEqual(expectedMessages("mục tiêu 2025", button!.text));
    expect(fake.succeeded("answerCallbackQuery")).toHaveLength(1);
  });

  it("stale or foreign buttons get a short note on the callback query and no message", async () => {
    await startPolling();
    const stale = tap("s:1:0");
    const foreign = tap("buy:premium");
    const answered = await fake.waitFor("answerCallbackQuery", 2);
    expect(answered.map((call) => call.payload)).toEqual([
      { callback_query_id: stale, text: STALE_BUTTON_NOTE },
      { callback_query_id: foreign, text: STALE_BUTTON_NOTE },
    ]);
    sendText("/help", MINH_CHAT, MINH);
    const sent = await fake.waitFor("sendMessage", 1, toChat(MINH_CHAT));
    expect(sent.every(toChat(MINH_CHAT))).toBe(true);
  });

  it("understands a follow-up in context: \"còn năm 2030 thì sao?\" after \"mục tiêu 2025\"", async () => {
    await startPolling();
    sendText("mục tiêu 2025");
    sendText("còn năm 2030 thì sao?");
    const expected = expectedMessages("mục tiêu 2025", "còn năm 2030 thì sao?");
    const sent = await fake.waitFor("sendMessage", expected.length);
    expect(texts(sent)).toEqual(expected);
    expect(sent.at(-1)!.payload.text).toContain("Đến năm 2030");
  });

  it("keeps each chat's conversation apart", async () => {
    await startPolling();
    sendText("xếp hạng DTI của tỉnh?");
    sendText("còn năm 2025 thì sao?", MINH_CHAT, MINH);
    sendText("còn năm 2025 thì sao?");
    const followUp = expectedMessages("xếp hạng DTI của tỉnh?", "còn năm 2025 thì sao?");
    const fresh = expectedMessages("còn năm 2025 thì sao?");
    expect(fresh).not.toEqual(followUp.slice(-fresh.length));
    const sent = await fake.waitFor("sendMessage", followUp.length, toChat(LAN_CHAT));
    expect(texts(sent.filter(toChat(LAN_CHAT)))).toEqual(followUp);
    expect(texts(sent.filter(toChat(MINH_CHAT)))).toEqual(fresh);
  });

  it("in a group answers commands for this bot, mentions and replies to the bot, and stays out of the rest", async () => {
    const asked: IncomingMessage[] = [];
    const service = new ChatService({ ask: engine.ask });
    await startPolling({ handle: (message) => (asked.push(message), service.handle(message)), feedback: (id, vote) => service.feedback(id, vote) });
    sendText("mọi người họp lúc mấy giờ?", GROUP);
    sendText("/help@other_bot", GROUP);
    const mention = sendText("@nq16_test_bot, muc tieu 2030 la gi", GROUP);
    const command = sendText("/muctieu@nq16_test_bot 2025", GROUP, MINH);
    const botMessage = userMessage(GROUP, { text: "…" }, { id: fake.botInfo.id, is_bot: true, first_name: fake.botInfo.first_name });
    const reply = sendText("còn năm 2030 thì sao?", GROUP, LAN, { reply_to_message: botMessage } as Partial<Message>);
    sendText("/help", LAN_CHAT); // answered after every group message: polling is sequential
    const sent = await fake.waitFor("sendMessage", 1, toChat(LAN_CHAT));
    expect(asked.map((message) => [message.chatId, message.userId, (message as IncomingText).text])).toEqual([
      [String(GROUP.id), String(LAN.id), "muc tieu 2030 la gi"],
      [String(GROUP.id), String(MINH.id), "/muctieu@nq16_test_bot 2025"],
      [String(GROUP.id), String(LAN.id), "còn năm 2030 thì sao?"],
      [String(LAN_CHAT.id), String(LAN.id), "/help"],
    ]);
    const inGroup = sent.filter(toChat(GROUP));
    const quoted = inGroup.flatMap((call) => (call.payload.reply_parameters as { message_id: number } | undefined)?.message_id ?? []);
    expect(quoted).toEqual([mention.message_id, command.message_id, reply.message_id]);
    expect(inGroup[0]!.payload.text).toBe(expectedMessages("muc tieu 2030 la gi")[0]);
  });

  it("gives every kind of message one fitting reply: a note by kind, or the answer to its caption or the words around its link", async () => {
    await startPolling();
    const kinds = everyKind();
    for (const { chat, content } of kinds) fake.queueUpdate({ message: userMessage(chat, content, { id: chat.id, is_bot: false, first_name: chat.first_name }) });
    sendText("/help", MINH_CHAT, MINH);
    const sent = await fake.waitFor("sendMessage", 1, toChat(MINH_CHAT));
    for (const { chat, replies } of kinds) expect(texts(sent.filter(toChat(chat)))).toEqual(replies);
    expect(warnings()).toEqual([]);
  });

  it("in a group notes only what is sent to the bot, and answers a caption that mentions it", async () => {
    await startPolling();
    const botMessage = userMessage(GROUP, { text: "…" }, { id: fake.botInfo.id, is_bot: true, first_name: fake.botInfo.first_name });
    fake.queueUpdate({ message: userMessage(GROUP, { sticker: STICKER }) });
    fake.queueUpdate({ message: userMessage(GROUP, { photo: PHOTO, caption: "ảnh buổi họp" }) });
    const reply = userMessage(GROUP, { voice: { ...FILE, duration: 2 }, reply_to_message: botMessage } as Partial<Message>);
    fake.queueUpdate({ message: reply });
    fake.queueUpdate({ message: userMessage(GROUP, { photo: PHOTO, caption: "@nq16_test_bot muc tieu 2030 la gi" }) });
    sendText("/help", MINH_CHAT, MINH);
    const sent = await fake.waitFor("sendMessage", 1, toChat(MINH_CHAT));
    const inGroup = sent.filter(toChat(GROUP));
    expect(texts(inGroup)).toEqual([NOT_TEXT_REPLIES.voice, ...expectedMessages("muc tieu 2030 la gi")]);
    expect((inGroup[0]!.payload.reply_parameters as { message_id: number }).message_id).toBe(reply.message_id);
  });

  it("ignores edited messages and channel posts even when they are delivered", async () => {
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, chat: new ChatService({ ask: engine.ask }), logger, botInfo: fake.botInfo });
    const edited = { ...userMessage(LAN_CHAT, { text: "mục tiêu 2030" }), edit_date: Math.floor(Date.now() / 1000) };
    await bot.handleUpdate({ update_id: 1, edited_message: edited });
    const channelChat: Chat.ChannelChat = { id: -100555, type: "channel", title: "Tin tức" };
    await bot.handleUpdate({ update_id: 2, channel_post: { message_id: 1, date: 0, chat: channelChat, sender_chat: channelChat, text: "mục tiêu 2030" } as Message & Update.Channel });
    expect(fake.calls).toEqual([]);
  });

  it("splits a 5,000-character answer into two HTML messages with the buttons on the last one", async () => {
    const long = "Chuyển đổi số <toàn diện> & bền vững cho mọi người dân trong tỉnh. ".repeat(40);
    const answer: Answer = {
      answered: true,
      intent: "faq",
      confidence: 1,
      blocks: [{ kind: "headline", text: "Câu trả lời dài" }, { kind: "paragraph", text: long }, { kind: "paragraph", text: long }],
      sources: [],
      suggestions: ["Mục tiêu đến năm 2030?", "Tình hình các chỉ tiêu hiện nay?"],
      entries: [],
    };
    expect(long.length * 2).toBeGreaterThan(5000);
    await startPolling(new ChatService({ ask: () => answer }));
    sendText("câu hỏi dài");
    const sent = await fake.waitFor("sendMessage", 2);
    expect(sent).toHaveLength(2);
    expect(texts(sent)).toEqual(renderTelegram(answer));
    expect(sent[0]!.payload.reply_markup).toBeUndefined();
    expect(buttonsOf(sent[1]!).map((b) => b.text)).toEqual([...answer.suggestions, "👍", "👎"]);
    expect(texts(sent).join("")).toContain("&lt;toàn diện&gt; &amp; bền vững");
  });

  it("shows typing while a slow answer is being prepared", async () => {
    const slow: ChatHandler = {
      feedback: async () => "",
      handle: async (message: IncomingText): Promise<Reply> => {
        await new Promise((resolve) => setTimeout(resolve, 450));
        return { kind: "answer", answer: engine.ask(message.text, createConversation()), answerId: "tg:test:1" };
      },
    };
    await startPolling(slow);
    sendText("/help");
    await fake.waitFor("sendMessage", 1);
    const order = fake.calls.filter((call) => call.ok && call.method !== "getUpdates").map((call) => call.method);
    expect(order.slice(-2)).toEqual(["sendChatAction", "sendMessage"]);
    expect(fake.succeeded("sendChatAction")[0]!.payload).toEqual({ chat_id: LAN_CHAT.id, action: "typing" });
  });

  it("stop() lets the update in hand finish before it resolves", async () => {
    let started!: () => void;
    const handling = new Promise<void>((resolve) => (started = resolve));
    const service = new ChatService({ ask: engine.ask });
    await startPolling({
      feedback: (id, vote) => service.feedback(id, vote),
      handle: async (message) => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 200));
        return service.handle(message);
      },
    });
    sendText("/help");
    await handling;
    await channel!.stop();
    channel = undefined;
    expect(texts(fake.succeeded("sendMessage"))).toEqual(expectedMessages("/help"));
    const confirm = fake.succeeded("getUpdates").at(-1)!;
    expect(confirm.payload.offset).toBe(2);
  });

  it("splits a notice longer than a message (an admin list) into messages under 4,096 characters", async () => {
    await startPolling({ handle: async (): Promise<Reply> => ({ kind: "notice", text: LONG_NOTICE }), feedback: async () => "" });
    sendText("/chuatraloi");
    const sent = texts(await fake.waitFor("sendMessage", Math.ceil(LONG_NOTICE.length / 4096), toChat(LAN_CHAT)));
    expect(sent.every((text) => text.length <= 4096)).toBe(true);
    expect(sent.join("\n")).toBe(LONG_NOTICE);
  });

  it("honours the flood limit: one plain notice, then silence, per user", async () => {
    await startPolling(new ChatService({ ask: engine.ask, flood: new FloodGuard(2, 60_000) }));
    for (let i = 0; i < 4; i++) sendText("/help");
    sendText("/help", MINH_CHAT, MINH);
    const perHelp = expectedMessages("/help").length;
    const sent = await fake.waitFor("sendMessage", perHelp, toChat(MINH_CHAT));
    const toLan = sent.filter(toChat(LAN_CHAT));
    expect(texts(toLan).at(-1)).toBe(SLOW_DOWN_MESSAGE);
    expect(toLan.at(-1)!.payload.parse_mode).toBeUndefined();
    expect(toLan).toHaveLength(2 * perHelp + 1);
    expect(sent.filter(toChat(MINH_CHAT))).toHaveLength(perHelp);
  });

  it("counts stickers, photos and other non-text messages toward the flood limit", async () => {
    await startPolling(new ChatService({ ask: engine.ask, flood: new FloodGuard(2, 60_000) }));
    const sticker = { file_id: "s1", file_unique_id: "u1", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } as const;
    for (let i = 0; i < 3; i++) fake.queueUpdate({ message: userMessage(LAN_CHAT, { sticker }) });
    fake.queueUpdate({ message: userMessage(LAN_CHAT, { photo: [{ file_id: "p1", file_unique_id: "u2", width: 90, height: 90 }] }) });
    sendText("/help");
    sendText("/help", MINH_CHAT, MINH);
    const sent = await fake.waitFor("sendMessage", 1, toChat(MINH_CHAT));
    const toLan = texts(sent.filter(toChat(LAN_CHAT)));
    expect(toLan).toHaveLength(3);
    expect(toLan.at(-1)).toBe(SLOW_DOWN_MESSAGE);
  });

  it("waits out a 429 retry_after and delivers the reply exactly once", async () => {
    await startPolling();
    fake.failNext("sendMessage", 1, { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 });
    const started = Date.now();
    sendText("/help");
    const sent = await fake.waitFor("sendMessage", 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(sent).toHaveLength(expectedMessages("/help").length);
    expect(fake.calls.filter((call) => call.method === "sendMessage" && !call.ok)).toHaveLength(1);
  });

  it("tries a 5xx again after auto-retry's pause and delivers the reply exactly once", async () => {
    await startPolling();
    fake.failNext("sendMessage", 1, { error_code: 500, description: "Internal Server Error" });
    sendText("/help");
    const sent = await fake.waitFor("sendMessage", 1, () => true, 8_000);
    expect(texts(sent)).toEqual(expectedMessages("/help"));
    expect(fake.calls.filter((call) => call.method === "sendMessage" && !call.ok)).toHaveLength(1);
  });

  it("abandons a request that hangs past the client timeout and sends it again: the reply arrives once", async () => {
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, chat: new ChatService({ ask: engine.ask }), logger, botInfo: fake.botInfo, apiTimeoutSeconds: 0.3 });
    bot.api.config.use(retryNetworkFailures(logger));
    fake.faultNext("sendMessage", 1, "hang");
    const started = Date.now();
    await bot.handleUpdate({ update_id: 1, message: userMessage(LAN_CHAT, { text: "/help" }) });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(texts(fake.succeeded("sendMessage"))).toEqual(expectedMessages("/help"));
    expect(fake.calls.filter((call) => call.method === "sendMessage" && !call.ok)).toHaveLength(1);
    expect(logLines.join("")).toContain("failed on the network; retrying");
  });

  it("keeps its connections to the Bot API open: many calls, few connections", async () => {
    await startPolling();
    for (let i = 0; i < 5; i++) {
      sendText("/help");
      await fake.waitFor("sendMessage", (i + 1) * expectedMessages("/help").length);
    }
    expect(fake.calls.length).toBeGreaterThan(10);
    // Without keep-alive, one connection per call.
    expect(fake.connections).toBeLessThanOrEqual(3);
  });

  it("holds the long poll under the client timeout, and stop() cancels it at once", async () => {
    await startPolling();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await channel!.stop();
    channel = undefined;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fake.calls.filter((call) => call.method === "getUpdates").map((call) => call.payload.timeout)).toContain(10);
  });

  it("when the Bot API cannot be reached, gives up after the retries without the token in the error or the log", async () => {
    const unreachable = fake.apiRoot;
    await fake.close();
    fake = await FakeTelegram.start();
    const bot = createTelegramBot({ token: fake.token, apiRoot: unreachable, chat: new ChatService({ ask: engine.ask }), logger, botInfo: fake.botInfo });
    bot.api.config.use(retryNetworkFailures(logger));
    const failure: unknown = await bot.api.sendMessage(LAN_CHAT.id, "chào").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HttpError);
    const { message, stack } = failure as HttpError;
    expect(`${message}\n${stack}`).not.toContain(fake.token.split(":")[1]);
    // An update whose reply cannot be sent: logged as failed, and the apology cannot be sent either.
    await bot.handleUpdate({ update_id: 1, message: userMessage(LAN_CHAT, { text: "/help" }) });
    const log = logLines.join("");
    expect(log).toContain("Telegram: update failed");
    expect(log).toContain("Telegram: apology could not be sent");
    expect(logLines.filter((line) => line.includes("failed on the network; retrying"))).toHaveLength(6);
    expect(log).not.toContain(fake.token.split(":")[1]);
  });

  it("logs a failed update, apologises, keeps running, and never logs the token", async () => {
    await startPolling();
    fake.failNext("sendMessage", 1, { error_code: 400, description: "Bad Request: chat not found" });
    sendText("/help");
    await fake.waitFor("sendMessage", 1);
    expect(texts(fake.succeeded("sendMessage"))).toEqual([APOLOGY]);
    sendText("/help");
    await fake.waitFor("sendMessage", 1 + expectedMessages("/help").length);
    await channel!.stop();
    channel = undefined;
    const log = logLines.join("");
    expect(log).toContain("Telegram: update failed");
    expect(log).toContain("chat not found");
    expect(log).not.toContain(fake.token);
    expect(log).not.toContain(fake.token.split(":")[1]);
  });

  it("every line about an update carries its id: a network retry warning, a failed update", async () => {
    await startPolling();
    const entries = () => logLines.flatMap((chunk) => chunk.split("\n").filter(Boolean)).map((line) => JSON.parse(line) as Record<string, unknown>);
    fake.faultNext("sendMessage", 1, "drop");
    const first = fake.queueUpdate({ message: userMessage(LAN_CHAT, { text: "/help" }) });
    await fake.waitFor("sendMessage", expectedMessages("/help").length);
    fake.failNext("sendMessage", 1, { error_code: 400, description: "Bad Request: chat not found" });
    const second = fake.queueUpdate({ message: userMessage(LAN_CHAT, { text: "/help" }) });
    await fake.waitFor("sendMessage", expectedMessages("/help").length + 1);
    expect(entries().find((entry) => String(entry.msg).includes("failed on the network; retrying"))).toMatchObject({ channel: "tg", updateId: first.update_id, method: "sendMessage" });
    expect(entries().find((entry) => entry.msg === "Telegram: update failed")).toMatchObject({ channel: "tg", updateId: second.update_id, level: 50 });
  });

  it("refuses to start with a token the Bot API rejects, without revealing it", async () => {
    const wrong = "987654321:AAWrongTokenForTests_zyxwvutsrqponm";
    await expect(startTelegram({ config: readConfig({ TELEGRAM_BOT_TOKEN: wrong, TELEGRAM_API_ROOT: fake.apiRoot }), chat: new ChatService({ ask: engine.ask }), logger })).rejects.toThrow(
      /401: Unauthorized/,
    );
    expect(logLines.join("")).not.toContain(wrong);
  });
});

describe("Telegram channel in webhook mode", () => {
  const SECRET = "test-webhook-secret-0123456789";

  async function startWebhook(env: Record<string, string> = {}): Promise<URL> {
    webServer = new WebServer();
    const { port } = await webServer.listen(0, "127.0.0.1");
    channel = await startTelegram({
      config: config({ WEBHOOK_URL: `http://127.0.0.1:${port}/hooks`, WEBHOOK_SECRET: SECRET, ...env }),
      chat: new ChatService({ ask: engine.ask }),
      logger,
      server: webServer,
    });
    return new URL(fake.webhook!.url);
  }

  function post(url: URL, update: Update, secret?: string): Promise<Response> {
    return fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }) },
      body: JSON.stringify(update),
    });
  }

  it("registers a webhook on a secret-derived path (never the token) with the secret token", async () => {
    const url = await startWebhook();
    expect(channel?.mode).toBe("webhook");
    expect(url.pathname).toMatch(/^\/hooks\/telegram\/[A-Za-z0-9_-]{32}$/);
    expect(url.href).not.toContain(fake.token.split(":")[1]);
    expect(url.href).not.toContain(SECRET);
    expect(fake.webhook).toMatchObject({ secret_token: SECRET, allowed_updates: ["message", "callback_query"] });
    expect(fake.commands).toEqual(BOT_COMMANDS);
    expect(fake.calls.filter((call) => call.method === "getUpdates" || call.method === "deleteWebhook")).toEqual([]);
  });

  it("handles a redelivered update once (a /capnhat delivered twice is recorded once)", async () => {
    webServer = new WebServer();
    const { port } = await webServer.listen(0, "127.0.0.1");
    const handled: string[] = [];
    const ids = new Set<string>();
    channel = await startTelegram({
      config: config({ WEBHOOK_URL: `http://127.0.0.1:${port}/hooks`, WEBHOOK_SECRET: SECRET }),
      chat: { handle: async (message: IncomingMessage): Promise<Reply> => (handled.push("text" in message ? message.text : ""), { kind: "silent" }), feedback: async () => "" },
      logger,
      server: webServer,
      seenUpdates: { has: (id) => ids.has(id), add: (id) => void ids.add(id) },
    });
    const url = new URL(fake.webhook!.url);
    const update = { update_id: 77, message: userMessage(LAN_CHAT, { text: "/capnhat ho-so-truc-tuyen 91 2025 Báo cáo" }) };
    expect((await post(url, update, SECRET)).status).toBe(200);
    expect((await post(url, update, SECRET)).status).toBe(200);
    expect((await post(url, { ...update, update_id: 78 }, SECRET)).status).toBe(200);
    expect(handled).toEqual(["/capnhat ho-so-truc-tuyen 91 2025 Báo cáo", "/capnhat ho-so-truc-tuyen 91 2025 Báo cáo"]);
  });

  it("answers an update that carries the right secret", async () => {
    const url = await startWebhook();
    const response = await post(url, { update_id: 1, message: userMessage(LAN_CHAT, { text: "muc tieu 2030 la gi" }) }, SECRET);
    expect(response.status).toBe(200);
    const sent = fake.succeeded("sendMessage");
    expect(texts(sent)).toEqual(expectedMessages("muc tieu 2030 la gi"));
  });

  it("with TELEGRAM_WEBHOOK_REPLY the first message comes back in the webhook response, the rest by sendMessage", async () => {
    const url = await startWebhook({ TELEGRAM_WEBHOOK_REPLY: "true" });
    const long = engine.ask("muc tieu 2030 la gi", createConversation());
    const expected = renderTelegram(long);
    const response = await post(url, { update_id: 4, message: userMessage(LAN_CHAT, { text: "muc tieu 2030 la gi" }) }, SECRET);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ method: "sendMessage", chat_id: LAN_CHAT.id, text: expected[0], parse_mode: "HTML" });
    // Not a request to the API: only Telegram, reading the response, carries it out.
    expect(texts(fake.succeeded("sendMessage"))).toEqual(expected.slice(1));
    await fake.takeWebhookReply(body);
    expect(texts(fake.succeeded("sendMessage"))).toEqual([...expected.slice(1), expected[0]]);
    expect(fake.calls.filter((call) => call.method === "sendChatAction")).toEqual([]);
  });

  it("without TELEGRAM_WEBHOOK_REPLY the webhook response carries no call", async () => {
    const url = await startWebhook();
    const response = await post(url, { update_id: 5, message: userMessage(LAN_CHAT, { text: "/help" }) }, SECRET);
    expect(await response.json()).toEqual({ ok: true });
    expect(fake.succeeded("sendMessage")).toHaveLength(expectedMessages("/help").length);
  });

  it("a webhook reply that can no longer be sent in the response (acknowledged late) goes through the API", async () => {
    const bot = createTelegramBot({ token: fake.token, apiRoot: fake.apiRoot, chat: new ChatService({ ask: engine.ask }), logger, botInfo: fake.botInfo });
    await webhookReplyEnvelope(bot, () => false).send(JSON.stringify({ method: "sendMessage", chat_id: LAN_CHAT.id, text: "Trả lời muộn" }));
    expect(fake.succeeded("sendMessage").map((call) => call.payload)).toEqual([{ chat_id: LAN_CHAT.id, text: "Trả lời muộn" }]);
  });

  it("gives a voice message its note and answers a photo's caption", async () => {
    const url = await startWebhook();
    expect((await post(url, { update_id: 1, message: userMessage(LAN_CHAT, { voice: { ...FILE, duration: 3 } }) }, SECRET)).status).toBe(200);
    expect((await post(url, { update_id: 2, message: userMessage(MINH_CHAT, { photo: PHOTO, caption: "muc tieu 2030 la gi" }, MINH) }, SECRET)).status).toBe(200);
    expect(texts(fake.succeeded("sendMessage").filter(toChat(LAN_CHAT)))).toEqual([NOT_TEXT_REPLIES.voice]);
    expect(texts(fake.succeeded("sendMessage").filter(toChat(MINH_CHAT)))).toEqual(expectedMessages("muc tieu 2030 la gi"));
  });

  it("rejects a wrong or missing secret with 401 and processes nothing", async () => {
    const url = await startWebhook();
    const update = { update_id: 2, message: userMessage(LAN_CHAT, { text: "/help" }) };
    expect((await post(url, update, "wrong-secret-0123456789")).status).toBe(401);
    expect((await post(url, update)).status).toBe(401);
    expect(fake.calls.filter((call) => call.method !== "getMe" && call.method !== "setMyCommands" && call.method !== "setWebhook")).toEqual([]);
    expect(logLines.join("")).not.toContain(SECRET);
  });

  it("after stop() turns updates away with 503 so Telegram delivers them again later", async () => {
    const url = await startWebhook();
    await channel!.stop();
    channel = undefined;
    const response = await post(url, { update_id: 3, message: userMessage(LAN_CHAT, { text: "/help" }) }, SECRET);
    expect(response.status).toBe(503);
    expect(fake.succeeded("sendMessage")).toEqual([]);
  });
});
