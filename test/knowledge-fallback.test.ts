// A bad knowledge edit never takes the bot down: the real process with an invalid file on disk serves the last
// good knowledge (or, with none kept, a polite maintenance reply), tells every admin in chat with the file:line
// list, shows it on /healthz, and tells them again when a reload fails or succeeds.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAINTENANCE_REPLY } from "../src/assistant.js";
import { defaultKnowledgeDir } from "../src/paths.js";
import { startBotProcess } from "./support/bot-process.js";
import { runCli } from "./support/cli.js";
import { FakeTelegram, FAKE_BOT_TOKEN, type RecordedCall } from "./support/fake-telegram.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ADMINS = [501, 502];
const CITIZEN = 77;

const BROKEN_FAQ = "- id: faq-thu\n  topic: thu\n  questions: [Hỏi thử một, Hỏi thử hai, Hỏi thử ba]\n  anwser: Trả lời thử.\n  sources: [bkh-2021-10-25]\n";
const VALID_FAQ =
  "- id: faq-thu\n  topic: thu\n  questions: [Ngày hội chuyển đổi số thử nghiệm là gì, ngay hoi chuyen doi so thu nghiem, hỏi về ngày hội thử nghiệm]\n  answer: Đây là mục thử nghiệm nạp lại.\n  sources: [bkh-2021-10-25]\n";
const ANOTHER_SLIP = VALID_FAQ.replace("answer: Đây", "answer: Mục thử: đây");

async function folders() {
  const root = await mkdtemp(join(tmpdir(), "fallback-test-"));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  const knowledgeDir = join(root, "knowledge");
  await cp(defaultKnowledgeDir(), knowledgeDir, { recursive: true });
  return { knowledgeDir, dataDir: join(root, "data") };
}

async function startWithTelegram(knowledgeDir: string, dataDir: string) {
  const telegram = await FakeTelegram.start();
  cleanups.push(() => telegram.close());
  const bot = await startBotProcess(
    {
      TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ZALO_BOT_TOKEN: "",
      ADMIN_IDS: ADMINS.map((id) => `tg:${id}`).join(","),
      KNOWLEDGE_DIR: knowledgeDir,
      DATA_DIR: dataDir,
    },
    cleanups,
  );
  let messageId = 0;
  const ask = async (text: string) => {
    const before = telegram.calls.filter((call) => sentTo(call, CITIZEN)).length;
    telegram.queueUpdate({
      message: { message_id: ++messageId, date: 1, chat: { id: CITIZEN, type: "private", first_name: "Lan" }, from: { id: CITIZEN, is_bot: false, first_name: "Lan" }, text },
    });
    const calls = await telegram.waitFor("sendMessage", before + 1, (call) => sentTo(call, CITIZEN), 15_000);
    return String(calls.at(-1)!.payload.text);
  };
  /** Waits until every admin has received `count` notices; returns each admin's latest. */
  const noticesToAdmins = async (count: number) =>
    Promise.all(ADMINS.map(async (admin) => String((await telegram.waitFor("sendMessage", count, (call) => sentTo(call, admin), 15_000)).at(-1)!.payload.text)));
  const health = async () => (await (await fetch(`http://127.0.0.1:${bot.port}/healthz`)).json()) as { status: string; knowledge: Record<string, unknown> };
  return { telegram, bot, ask, noticesToAdmins, health };
}

function sentTo(call: RecordedCall, chat: number): boolean {
  return call.method === "sendMessage" && String(call.payload.chat_id) === String(chat);
}

describe("invalid knowledge at start and on reload", () => {
  it("serves the last good knowledge, tells every admin what to fix, and tells them again on each reload", async () => {
    const { knowledgeDir, dataDir } = await folders();
    // A good start keeps the knowledge it loaded.
    const first = await runCli("src/main.ts", [], { input: "muc tieu 2030 la gi\n", env: { TELEGRAM_BOT_TOKEN: "", ZALO_BOT_TOKEN: "", KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir } });
    expect(first.code).toBe(0);

    await writeFile(join(knowledgeDir, "faq-thu.yaml"), BROKEN_FAQ);
    const { bot, ask, noticesToAdmins, health } = await startWithTelegram(knowledgeDir, dataDir);
    for (const notice of await noticesToAdmins(1)) {
      expect(notice).toContain("Khi khởi động, các tệp tri thức có lỗi nên trợ lý đang trả lời bằng bản hợp lệ gần nhất");
      expect(notice).toMatch(/faq-thu\.yaml:4: Hỏi đáp faq-thu: Khóa `anwser` không có; có phải `answer`\?/);
    }
    expect(await ask("muc tieu 2030 la gi")).toContain("Đến năm 2030");
    expect((await health()).knowledge).toMatchObject({ serving: "older-copy", problems: 1 });
    expect(bot.output).toContain("serving the last good copy");

    await writeFile(join(knowledgeDir, "faq-thu.yaml"), VALID_FAQ);
    for (const notice of await noticesToAdmins(2)) expect(notice).toContain("✅ Đã nạp lại tri thức");
    expect(await ask("ngày hội chuyển đổi số thử nghiệm là gì")).toContain("Đây là mục thử nghiệm nạp lại.");
    expect((await health()).knowledge).toMatchObject({ serving: "files" });

    await writeFile(join(knowledgeDir, "faq-thu.yaml"), ANOTHER_SLIP);
    for (const notice of await noticesToAdmins(3)) {
      expect(notice).toContain("Các tệp tri thức mới có lỗi nên trợ lý vẫn trả lời bằng bản cũ");
      expect(notice).toMatch(/faq-thu\.yaml:4: Chuỗi có ': ' phải đặt trong dấu nháy kép/);
    }
    expect(await ask("ngày hội chuyển đổi số thử nghiệm là gì")).toContain("Đây là mục thử nghiệm nạp lại.");
    expect((await health()).knowledge).toMatchObject({ serving: "older-copy", problems: 1 });

    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  }, 60_000);

  it("with no good copy kept, starts anyway and answers with the maintenance reply", async () => {
    const { knowledgeDir, dataDir } = await folders();
    await writeFile(join(knowledgeDir, "faq-thu.yaml"), BROKEN_FAQ);
    const { bot, ask, noticesToAdmins, health } = await startWithTelegram(knowledgeDir, dataDir);
    for (const notice of await noticesToAdmins(1)) {
      expect(notice).toContain("chưa có bản hợp lệ nào được lưu, nên trợ lý đang trả lời mọi câu hỏi là đang bảo trì tri thức");
      expect(notice).toContain("faq-thu.yaml:4:");
    }
    expect(await ask("muc tieu 2030 la gi")).toBe(MAINTENANCE_REPLY);
    expect((await health()).knowledge).toMatchObject({ serving: "nothing", problems: 1 });

    await writeFile(join(knowledgeDir, "faq-thu.yaml"), VALID_FAQ);
    await noticesToAdmins(2);
    expect(await ask("muc tieu 2030 la gi")).toContain("Đến năm 2030");
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  }, 60_000);
});
