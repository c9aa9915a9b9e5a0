// Admin tools and everyone's feedback and subscriptions, through the real ChatService, Store and Assistant;
// the subscription notice goes out through the real Telegram and Zalo channels to their fake servers.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AdminCommands, NOT_ADMIN } from "../../src/admin/admin-commands.js";
import { BlockedRecipientError, Notifier } from "../../src/admin/notifier.js";
import { Assistant } from "../../src/assistant.js";
import { ChatService, FEEDBACK_ALREADY, THANKS_FOR_FEEDBACK, type Reply } from "../../src/channels/chat-service.js";
import { readConfig } from "../../src/config.js";
import { renderPlain } from "../../src/render/plain.js";
import { createLogger } from "../../src/logger.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { defaultKnowledgeDir } from "../../src/paths.js";
import { Store } from "../../src/store/store.js";
import { FakeTelegram, FAKE_BOT_TOKEN } from "../support/fake-telegram.js";
import { FakeZalo, updates } from "../support/fake-zalo.js";
import { runCli } from "../support/cli.js";
import { TODAY } from "../support/engine.js";

const ADMIN = { channel: "tg", userId: "1001", chatId: "1001" } as const;
const CITIZEN = { channel: "tg", userId: "2002", chatId: "2002" } as const;
const logger = createLogger({ level: "silent" });

let dir: string;
let knowledgeDir: string;
let store: Store;
let assistant: Assistant;
let chat: ChatService;
let notifier: Notifier;

const say = (from: typeof ADMIN | typeof CITIZEN | { channel: "zalo"; userId: string; chatId: string }, text: string) =>
  chat.handle({ ...from, text });
const textOf = (reply: Reply) =>
  reply.kind === "notice" ? reply.text : reply.kind === "answer" ? renderPlain(reply.answer).join("\n\n") : "";

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "admin-test-"));
  knowledgeDir = join(dir, "knowledge");
  await cp(defaultKnowledgeDir(), knowledgeDir, { recursive: true });
  const loaded = await loadKnowledge(knowledgeDir);
  if (!loaded.ok) throw new Error("the bundled knowledge does not load");
  store = await Store.open({ dataDir: join(dir, "data"), logger, now: () => TODAY });
  assistant = new Assistant({ knowledge: loaded.knowledge, knowledgeDir, engine: { now: () => TODAY } });
  notifier = new Notifier({ store, logger, intervalMs: 0, sleep: async () => {} });
  const admin = new AdminCommands({ assistant, store, notifier, adminIds: new Set(["tg:1001"]), logger, now: () => TODAY });
  chat = new ChatService({ ask: assistant.ask, store, admin, logger });
});

afterEach(async () => {
  await store.flush();
  await rm(dir, { recursive: true, force: true });
});

describe("authorization", () => {
  it("refuses every admin command to everyone else and changes nothing", async () => {
    const version = assistant.knowledge.version;
    for (const command of ["/capnhat ho-so-truc-tuyen 99", "/lichsu ho-so-truc-tuyen", "/xoa m1", "/chuatraloi", "/thongke", "/reload"]) {
      expect(textOf(await say(CITIZEN, command)), command).toBe(NOT_ADMIN);
      expect(textOf(await say({ channel: "zalo", userId: "1001", chatId: "1001" }, command)), `zalo ${command}`).toBe(NOT_ADMIN);
    }
    expect(store.measurements()).toEqual([]);
    expect(assistant.knowledge.version).toBe(version);
    expect(textOf(await say(CITIZEN, "tỷ lệ hồ sơ trực tuyến hiện nay"))).toContain("87,6%");
  });

  it("tells anyone their id for ADMIN_IDS", async () => {
    expect(textOf(await say(CITIZEN, "/id"))).toBe("Mã của bạn: tg:2002");
  });
});

describe("/capnhat, /lichsu, /xoa", () => {
  it("records a measurement that the next status answer uses, and removes it again", async () => {
    const recorded = textOf(await say(ADMIN, "/capnhat ho-so-truc-tuyen 91,5 Q4/2025 Báo cáo của Sở KH&CN"));
    expect(recorded).toContain("Đã ghi số liệu m1");
    expect(recorded).toContain("Trước: 87,6% (quý III/2025, tỉnh mới)");
    expect(recorded).toContain("Sau: 91,5% (quý IV/2025, tỉnh mới)");

    const status = textOf(await say(CITIZEN, "tỷ lệ hồ sơ trực tuyến hiện nay"));
    expect(status).toContain("91,5% (quý IV/2025, Khánh Hòa mới)");
    expect(status).toContain("Báo cáo của Sở KH&CN");

    const history = textOf(await say(ADMIN, "/lichsu hồ sơ trực tuyến"));
    expect(history).toContain("[tệp] 2025-Q3: 87.6");
    expect(history).toMatch(/\[m1\] 2025-Q4: 91\.5 \(province-after-merger\) — Báo cáo của Sở KH&CN; tg:1001/);

    expect(textOf(await say(ADMIN, "/xoa m1"))).toContain("Đã xóa m1");
    expect(textOf(await say(CITIZEN, "tỷ lệ hồ sơ trực tuyến hiện nay"))).not.toContain("91,5%");
  });

  it("explains bad arguments instead of recording anything", async () => {
    expect(textOf(await say(ADMIN, "/capnhat"))).toContain("Cách dùng");
    expect(textOf(await say(ADMIN, "/capnhat khong-co-chi-tieu 5"))).toContain('Không tìm thấy chỉ tiêu "khong-co-chi-tieu"');
    expect(textOf(await say(ADMIN, "/capnhat dvc-muc-4 nhieu"))).toContain("không phải là số");
    expect(textOf(await say(ADMIN, "/capnhat dvc-muc-4 50 13/2025 Báo cáo"))).toContain('Không hiểu kỳ "13/2025"');
    expect(store.measurements()).toEqual([]);
  });

  it("refuses figures that cannot be true, ambiguous names, hidden characters and over-long sources", async () => {
    const refusals: [string, string][] = [
      ["/capnhat ho-so-truc-tuyen 187,6 2025 Báo cáo", "Tỷ lệ phải từ 0 đến 100 (%), không thể là 187.6"],
      ["/capnhat ho-so-truc-tuyen -5 2025 Báo cáo", "không thể là -5"],
      ["/capnhat xep-hang-dti 9,5 2025 Báo cáo", "Thứ hạng phải là số nguyên từ 1 đến 34"],
      ["/capnhat xep-hang-dti 40 2025 Báo cáo", "từ 1 đến 34, không thể là 40"],
      ["/capnhat ho-so-truc-tuyen 90 2035 Báo cáo", "Năm 2035 nằm ngoài khoảng có số liệu của Nghị quyết 16 (2020–2026)"],
      ["/capnhat ho-so-truc-tuyen 90 2019 Báo cáo", "Năm 2019 nằm ngoài"],
      ["/capnhat dvc-muc 90 2025 Báo cáo", '"dvc-muc" ứng với nhiều chỉ tiêu: dvc-muc-4, dvc-muc-3-4'],
      ["/capnhat ho-so-truc-tuyen 90 2025 Báo cáo \u202Etxt.exe", "ký tự ẩn đảo chiều chữ"],
      ["/capnhat ho-so-truc-tuyen 90 2025 Báo\u0007cáo", "ký tự điều khiển"],
      [`/capnhat ho-so-truc-tuyen 90 2025 ${"Báo cáo ".repeat(40)}`, "Nguồn dài quá"],
    ];
    for (const [command, refusal] of refusals) expect(textOf(await say(ADMIN, command)), command).toContain(refusal);
    expect(store.measurements()).toEqual([]);
    expect(textOf(await say(ADMIN, "/lichsu dvc muc"))).toContain("ứng với nhiều chỉ tiêu");
  });
});

describe("/capnhat confirms and never guesses", () => {
  const recorded = () => store.measurements().map((m) => `${m.indicator} ${m.period} ${m.value} ${m.source}`);

  it("takes a name of several words in quotes, straight or curly, and refuses it without them", async () => {
    expect(textOf(await say(ADMIN, '/capnhat "hồ sơ trực tuyến" 91,5 quý 4/2025 Báo cáo Sở KH&CN'))).toContain("Đã ghi số liệu m1 cho chỉ tiêu");
    expect(textOf(await say(ADMIN, "/capnhat “dịch vụ công trực tuyến mức 4” 95 năm 2025 Báo cáo Sở KH&CN"))).toContain("(dvc-muc-4)");
    const unquoted = textOf(await say(ADMIN, "/capnhat hồ sơ trực tuyến 91,5 quý 4/2025 Báo cáo"));
    expect(unquoted).toContain("Tên chỉ tiêu có dấu cách phải đặt trong ngoặc kép");
    expect(unquoted).toContain("Chưa ghi gì.");
    expect(recorded()).toEqual(["ho-so-truc-tuyen 2025-Q4 91.5 Báo cáo Sở KH&CN", "dvc-muc-4 2025 95 Báo cáo Sở KH&CN"]);
  });

  it("lists the indicators a name fits instead of picking one", async () => {
    const reply = textOf(await say(ADMIN, '/capnhat "dvc mức" 90 năm 2025 Báo cáo'));
    expect(reply).toContain('"dvc mức" ứng với nhiều chỉ tiêu: dvc-muc-4, dvc-muc-3-4');
    expect(reply).toContain("Chưa ghi gì.");
    expect(store.measurements()).toEqual([]);
  });

  it("reads periods the ways people write them", async () => {
    const periods: [string, string, string][] = [
      ["quý 4/2025", "2025-Q4", "quý IV/2025"],
      ["Q3 2025", "2025-Q3", "quý III/2025"],
      ["quý II năm 2025", "2025-Q2", "quý II/2025"],
      ["tháng 11/2025", "2025-11", "tháng 11/2025"],
      ["10/2025", "2025-10", "tháng 10/2025"],
      ["năm 2024", "2024", "năm 2024"],
      ["13/9/2025", "2025-09-13", "13/9/2025"],
      ["2025-Q1", "2025-Q1", "quý I/2025"],
    ];
    for (const [written, period, shown] of periods) {
      const reply = textOf(await say(ADMIN, `/capnhat ho-so-truc-tuyen 80 ${written} Báo cáo Sở KH&CN`));
      expect(reply, written).toContain(`• Kỳ: ${shown}\n`);
      expect(store.measurements().at(-1), written).toMatchObject({ period, source: "Báo cáo Sở KH&CN" });
    }
  });

  it("never takes today's date for a missing period: it refuses and shows the forms it reads", async () => {
    for (const [command, refusal] of [
      ["/capnhat ho-so-truc-tuyen 90", "Thiếu kỳ số liệu: mình không tự lấy ngày hôm nay"],
      ["/capnhat ho-so-truc-tuyen 90 Báo cáo Sở KH&CN", 'Không hiểu kỳ "Báo"'],
      ["/capnhat ho-so-truc-tuyen 90 quý 5/2025 Báo cáo", 'Không hiểu kỳ "quý 5/2025"'],
      ["/capnhat ho-so-truc-tuyen 90 6 tháng đầu năm 2025 Báo cáo", 'Không hiểu kỳ "6 tháng đầu năm 2025"'],
    ]) {
      const reply = textOf(await say(ADMIN, command!));
      expect(reply, command).toContain(refusal);
      expect(reply, command).toContain("năm 2025 · quý 4/2025 (hoặc Q4 2025, 2025-Q4) · tháng 11/2025");
    }
    expect(store.measurements()).toEqual([]);
  });

  it("requires a source, text or link, and citizens see it — never an admin's account id", async () => {
    expect(textOf(await say(ADMIN, "/capnhat ho-so-truc-tuyen 90 quý 4/2025"))).toContain("Thiếu nguồn");
    expect(textOf(await say(ADMIN, "/capnhat ho-so-truc-tuyen 90 quý 4/2025 ..."))).toContain("Thiếu nguồn");
    expect(store.measurements()).toEqual([]);

    await say(ADMIN, "/capnhat ho-so-truc-tuyen 90 quý 4/2025 https://sokhcn.khanhhoa.gov.vn/bao-cao-q4");
    const reply = await say(CITIZEN, "tỷ lệ hồ sơ trực tuyến hiện nay");
    if (reply.kind !== "answer") throw new Error("expected an answer");
    expect(reply.answer.sources[0]).toMatchObject({ url: "https://sokhcn.khanhhoa.gov.vn/bao-cao-q4" });

    // A figure recorded before a source was required carried the admin's account id as its source.
    await store.addMeasurement({ indicator: "dvc-muc-4", value: 96, period: "2025-Q4", scope: "province-after-merger", source: "Quản trị viên tg:1001", by: "tg:1001" });
    assistant.setRuntimeMeasurements(store.measurements());
    const answers = [textOf(await say(CITIZEN, "tỷ lệ dvc mức 4 hiện nay")), textOf(await say(CITIZEN, "/nguon")), textOf(await say(CITIZEN, "tình hình các chỉ tiêu"))];
    for (const text of answers) expect(text).not.toMatch(/tg:1001|console:local|zalo:/);
    expect(answers[0]).toContain("Số liệu do quản trị viên cập nhật (chưa ghi nguồn)");
  });

  it("npm run kb:export writes sources as citizens see them, without who recorded a figure", async () => {
    await store.addMeasurement({ indicator: "dvc-muc-4", value: 96, period: "2025-Q4", scope: "province-after-merger", source: "Quản trị viên tg:1001", by: "tg:1001" });
    await say(ADMIN, "/capnhat ho-so-truc-tuyen 90 quý 4/2025 Báo cáo Sở KH&CN https://sokhcn.khanhhoa.gov.vn/bc");
    await store.flush();
    const run = await runCli("src/cli/kb-export.ts", [], { env: { DATA_DIR: join(dir, "data") } });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/tg:1001|console:/);
    expect(run.stdout).toContain("title: Số liệu do quản trị viên cập nhật (chưa ghi nguồn)");
    expect(run.stdout).toContain("title: Báo cáo Sở KH&CN\n  url: https://sokhcn.khanhhoa.gov.vn/bc");
  });

  it("repeats exactly what was recorded and shows the answer citizens now get", async () => {
    const reply = textOf(await say(ADMIN, '/capnhat ho-so-truc-tuyen 91,5 "quý 4/2025" Báo cáo Sở KH&CN'));
    expect(reply).toContain(
      [
        'Đã ghi số liệu m1 cho chỉ tiêu "Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến tại Trung tâm Phục vụ hành chính công tỉnh" (ho-so-truc-tuyen):',
        "• Giá trị: 91,5%",
        "• Kỳ: quý IV/2025",
        "• Phạm vi: tỉnh Khánh Hòa mới (sau sáp nhập với Ninh Thuận)",
        "• Nguồn: Báo cáo Sở KH&CN",
        "Trước: 87,6% (quý III/2025, tỉnh mới)",
        "Sau: 91,5% (quý IV/2025, tỉnh mới)",
      ].join("\n"),
    );
    const rank = textOf(await say(ADMIN, "/capnhat xep-hang-dti 12 năm 2025 Bộ KH&CN công bố DTI 2025"));
    expect(rank).toContain("• Giá trị: hạng 12/34\n");
    expect(rank).toContain("Thứ hạng chỉ số chuyển đổi số (DTI) của tỉnh Khánh Hòa: hạng 12/34 (năm 2025, Khánh Hòa mới).");
    const citizenSees = textOf(await say(CITIZEN, "/chitieu ho-so-truc-tuyen"));
    expect(citizenSees).toContain("91,5% (quý IV/2025, Khánh Hòa mới)");
    expect(reply).toContain(`Người dân hỏi về chỉ tiêu này sẽ thấy:\n\n${citizenSees}\n\nGhi nhầm thì gõ /xoa m1.`);
  });

  it("notifies followers only when the figure they are shown changes", async () => {
    const notices: string[] = [];
    notifier.register("tg", async (_chat, text) => void notices.push(text));
    await say(CITIZEN, "/theodoi ho-so-truc-tuyen");
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

    // An older period than the one shown: citizens see the same figure, nobody is told.
    expect(textOf(await say(ADMIN, "/capnhat ho-so-truc-tuyen 70 năm 2024 Báo cáo năm 2024"))).toContain("không nhắn tin cho người theo dõi");
    await settle();
    expect(notices).toEqual([]);

    expect(textOf(await say(ADMIN, "/capnhat ho-so-truc-tuyen 91,5 quý 4/2025 Báo cáo quý 4"))).toContain("Người theo dõi chỉ tiêu này được nhắn tin");
    await settle();
    expect(notices).toEqual([expect.stringContaining("91,5% (quý IV/2025, tỉnh mới)")]);

    // The same figure again from another report: what followers see has not changed.
    await say(ADMIN, "/capnhat ho-so-truc-tuyen 91,5 quý 4/2025 Báo cáo bổ sung");
    await settle();
    expect(notices).toHaveLength(1);
  });

  it("answers every admin command of a quick run, beyond the flood limit for everyone else", async () => {
    const replies = [];
    for (let i = 0; i < 20; i++) replies.push(await say(ADMIN, "/lichsu dvc-muc-4"));
    expect(replies.every((reply) => reply.kind === "notice" && reply.text.startsWith("Lịch sử"))).toBe(true);
    const citizen = [];
    for (let i = 0; i < 20; i++) citizen.push(await say(CITIZEN, "/chitieu dvc-muc-4"));
    expect(citizen.some((reply) => reply.kind === "silent")).toBe(true);
  });
});

describe("/reload", () => {
  it("keeps serving the last good knowledge when a file is broken, with file:line problems", async () => {
    await writeFile(join(knowledgeDir, "faq-moi.yaml"), '- id: faq-moi\n  topic: thu\n  answer: "chưa đóng ngoặc\n');
    const reply = textOf(await say(ADMIN, "/reload"));
    expect(reply).toContain("vẫn trả lời bằng bản cũ");
    expect(reply).toMatch(/faq-moi\.yaml:3: YAML không hợp lệ/);
    expect(textOf(await say(CITIZEN, "muc tieu 2030 la gi"))).toContain("Đến năm 2030");

    await writeFile(
      join(knowledgeDir, "faq-moi.yaml"),
      "- id: faq-ngay-hoi-moi\n  topic: thu\n  questions: [Ngày hội chuyển đổi số mới là gì, ngay hoi chuyen doi so moi, hỏi về ngày hội chuyển đổi số mới]\n  answer: Đây là mục thử nghiệm nạp lại.\n  sources: [bkh-2021-10-25]\n",
    );
    expect(textOf(await say(ADMIN, "/reload"))).toContain("Đã nạp lại tri thức");
    expect(textOf(await say(CITIZEN, "ngày hội chuyển đổi số mới là gì"))).toContain("Đây là mục thử nghiệm nạp lại.");
  });
});

describe("feedback", () => {
  it("is recorded once per answer, from a button or a Zalo reply", async () => {
    const reply = await say(CITIZEN, "muc tieu 2030 la gi");
    if (reply.kind !== "answer") throw new Error("expected an answer");
    expect(await chat.feedback(reply.answerId, "up")).toBe(THANKS_FOR_FEEDBACK);
    expect(await chat.feedback(reply.answerId, "down")).toBe(FEEDBACK_ALREADY);

    const zalo = { channel: "zalo", userId: "z1", chatId: "z1" } as const;
    await say(zalo, "tỷ lệ dvc mức 4");
    expect(textOf(await say(zalo, "sai"))).toBe(THANKS_FOR_FEEDBACK);
    const stats = store.stats(7);
    expect(stats.feedback).toEqual({ up: 1, down: 1 });
  });

  it("puts thumbs-down and unanswered questions in the review queue, most frequent first", async () => {
    await say(CITIZEN, "giá vàng hôm nay bao nhiêu");
    await say({ channel: "zalo", userId: "z2", chatId: "z2" }, "gia vang hom nay bao nhieu");
    await say(CITIZEN, "thời tiết Nha Trang");
    const queue = textOf(await say(ADMIN, "/chuatraloi"));
    expect(queue).toMatch(/• 2× "gia vang hom nay bao nhieu"|• 2× "giá vàng hôm nay bao nhiêu"/);
    expect(queue.indexOf("2×")).toBeLessThan(queue.indexOf("1×"));
    expect(textOf(await say(ADMIN, "/thongke"))).toContain("Theo kênh: tg");
  });
});

describe("subscriptions", () => {
  it("reach subscribers on both channels when an admin records a measurement", async () => {
    const telegram = await FakeTelegram.start();
    const zaloToken = "1459232241454765289:Zk3q-secret_TOKEN-value";
    const zalo = await FakeZalo.start({ token: zaloToken });
    zalo.pollHoldCapSeconds = 0.2;
    const config = readConfig({
      TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ZALO_BOT_TOKEN: zaloToken,
      ZALO_API_BASE: zalo.baseUrl,
      DATA_DIR: join(dir, "data"),
    });
    const { startTelegram } = await import("../../src/channels/telegram/run.js");
    const { startZalo } = await import("../../src/channels/zalo/run.js");
    const tg = await startTelegram({ config, chat, logger });
    const za = await startZalo({ config, chat, logger, tuning: { pollTimeoutSeconds: 1, sleep: async () => {} } });
    notifier.register("tg", tg.send);
    notifier.register("zalo", za.send);
    try {
      telegram.queueUpdate({
        message: { message_id: 1, date: 1, chat: { id: 2002, type: "private", first_name: "Lan" }, from: { id: 2002, is_bot: false, first_name: "Lan" }, text: "/theodoi tatca" },
      });
      await zalo.inject(updates.text("/theodoi ho-so-truc-tuyen", { userId: "z9", chatId: "z9" }));
      await telegram.waitFor("sendMessage", 1);
      await zalo.waitFor(() => zalo.sent.length >= 1, "zalo confirmation");
      expect(store.subscribersOf("ho-so-truc-tuyen").sort()).toEqual(["tg:2002", "zalo:z9"]);

      await say(ADMIN, "/capnhat ho-so-truc-tuyen 92 2025-12 Báo cáo tháng 12");
      const notices = await telegram.waitFor("sendMessage", 2);
      expect(notices[1]!.payload).toMatchObject({ chat_id: "2002" });
      expect(String(notices[1]!.payload.text)).toContain("Cập nhật chỉ tiêu");
      await zalo.waitFor(() => zalo.sent.length >= 2, "zalo notice");
      expect(zalo.sent[1]).toMatchObject({ chat_id: "z9" });
      expect(zalo.sent[1]!.text).toContain("92% (tháng 12/2025, tỉnh mới)");
    } finally {
      await tg.stop();
      await za.stop();
      await telegram.close();
      await zalo.close();
    }
  });

  it("sends admins a long notice in pieces every platform takes, each admin in their own chat", async () => {
    const received: { chat: string; text: string }[] = [];
    notifier.register("tg", async (chat, text) => void received.push({ chat, text }));
    notifier.register("zalo", async (chat, text) => void received.push({ chat: `zalo ${chat}`, text }));
    const lines = Array.from({ length: 40 }, (_, i) => `knowledge/faq.yaml:${i + 1}: ${"lỗi ".repeat(30)}`);
    const delivery = await notifier.notifyAdmins(["tg:1001", "zalo:abc"], lines.join("\n"));
    expect(delivery).toEqual({ sent: 2, failed: 0, dropped: 0 });
    expect(new Set(received.map((r) => r.chat))).toEqual(new Set(["1001", "zalo abc"]));
    expect(received.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...received.map((r) => r.text.length))).toBeLessThanOrEqual(2000);
    expect(received.filter((r) => r.chat === "1001").map((r) => r.text).join("\n")).toBe(lines.join("\n"));
  });

  it("drops a subscriber who blocked the bot", async () => {
    await say(CITIZEN, "/theodoi tatca");
    notifier.register("tg", async () => {
      throw new BlockedRecipientError("Forbidden: bot was blocked by the user");
    });
    const delivery = await notifier.notify("dvc-muc-4", "thử");
    expect(delivery).toEqual({ sent: 0, failed: 0, dropped: 1 });
    expect(store.subscribersOf("dvc-muc-4")).toEqual([]);
  });
});
