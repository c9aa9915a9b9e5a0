// `npm start` with tokens: the real process against the fake Telegram and Zalo servers, both channels at once,
// health and metrics on the shared server, and a graceful exit on SIGTERM.
import { afterEach, describe, expect, it } from "vitest";
import { startBotProcess } from "./support/bot-process.js";
import { FakeTelegram, FAKE_BOT_TOKEN } from "./support/fake-telegram.js";
import { FakeZalo, updates } from "./support/fake-zalo.js";

const ZALO_TOKEN = "1459232241454765289:Zk3q-secret_TOKEN-value";
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** `npm start`'s program with both tokens against the fakes, in a fresh DATA_DIR. */
function startBot(telegram: FakeTelegram, zalo: FakeZalo, env: Record<string, string> = {}) {
  return startBotProcess(
    { TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot, ZALO_BOT_TOKEN: ZALO_TOKEN, ZALO_API_BASE: zalo.baseUrl, ...env },
    cleanups,
  );
}

async function fakes() {
  const telegram = await FakeTelegram.start();
  const zalo = await FakeZalo.start({ token: ZALO_TOKEN });
  zalo.pollHoldCapSeconds = 0.3;
  cleanups.push(() => telegram.close(), () => zalo.close());
  return { telegram, zalo };
}

describe("npm start with bot tokens", () => {
  it("serves Telegram and Zalo together, reports health and metrics, and stops cleanly on SIGTERM", async () => {
    const { telegram, zalo } = await fakes();
    const bot = await startBot(telegram, zalo);
    const { port } = bot;

    telegram.queueUpdate({
      message: { message_id: 1, date: 1, chat: { id: 77, type: "private", first_name: "Lan" }, from: { id: 77, is_bot: false, first_name: "Lan" }, text: "muc tieu 2030 la gi" },
    });
    const [answer] = await telegram.waitFor("sendMessage", 1, () => true, 15_000);
    expect(String(answer!.payload.text)).toContain("2030");
    await zalo.inject(updates.text("ty le ho so truc tuyen hien nay"));
    await zalo.waitFor(() => zalo.sent.length >= 1, "zalo answer", 15_000);
    expect(zalo.sent[0]!.text).toContain("87,6%");

    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: "ok", channels: { telegram: "polling", zalo: "polling" } });
    expect((health.knowledge as { version: string }).version).toMatch(/^[0-9a-f]{12}$/);
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('bot_updates_received_total{channel="tg"} 1');
    expect(metrics).toContain('bot_updates_received_total{channel="zalo"} 1');
    expect(metrics).toContain("bot_answer_seconds_count 2");
    expect((await fetch(`http://127.0.0.1:${port}/nothing`)).status).toBe(404);

    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output).toContain("stopped");
    expect(bot.output).not.toContain(FAKE_BOT_TOKEN);
    expect(bot.output).not.toContain(ZALO_TOKEN);
  }, 40_000);

  it("gives each platform a webhook secret of its own, derived from WEBHOOK_SECRET, and binds to HOST", async () => {
    const { telegram, zalo } = await fakes();
    const secret = "shared-webhook-secret-0123456789";
    const bot = await startBot(telegram, zalo, { WEBHOOK_URL: "https://bot.example.vn", WEBHOOK_SECRET: secret, HOST: "127.0.0.1" });
    const deadline = Date.now() + 15_000;
    while (!(telegram.webhook && zalo.webhook) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const telegramSecret = telegram.webhook!.secret_token!;
    const zaloSecret = zalo.webhook!.secret;
    expect(new Set([telegramSecret, zaloSecret, secret]).size).toBe(3);
    // Zalo's secret opens nothing on Telegram's webhook, and the other way round.
    const telegramPath = `http://127.0.0.1:${bot.port}${new URL(telegram.webhook!.url).pathname}`;
    const zaloPath = `http://127.0.0.1:${bot.port}${new URL(zalo.webhook!.url).pathname}`;
    const post = (url: string, header: string, value: string) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", [header]: value }, body: "{}" }).then((response) => response.status);
    expect(await post(telegramPath, "x-telegram-bot-api-secret-token", zaloSecret)).toBe(401);
    expect(await post(zaloPath, "x-bot-api-secret-token", telegramSecret)).toBe(403);
    expect(await post(telegramPath, "x-telegram-bot-api-secret-token", telegramSecret)).toBe(400);
    expect(bot.output).toContain('"host":"127.0.0.1"');
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    for (const value of [secret, telegramSecret, zaloSecret]) expect(bot.output).not.toContain(value);
  }, 40_000);
});
