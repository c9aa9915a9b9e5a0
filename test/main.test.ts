// `npm start` with tokens: the real process against the fake Telegram and Zalo servers, both channels at once,
// health and metrics on the shared server, and a graceful exit on SIGTERM.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FakeTelegram, FAKE_BOT_TOKEN } from "./support/fake-telegram.js";
import { FakeZalo, updates } from "./support/fake-zalo.js";
import { REPO_ROOT } from "./support/cli.js";

const ZALO_TOKEN = "1459232241454765289:Zk3q-secret_TOKEN-value";
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("npm start with bot tokens", () => {
  it("serves Telegram and Zalo together, reports health and metrics, and stops cleanly on SIGTERM", async () => {
    const telegram = await FakeTelegram.start();
    const zalo = await FakeZalo.start({ token: ZALO_TOKEN });
    zalo.pollHoldCapSeconds = 0.3;
    const dataDir = await mkdtemp(join(tmpdir(), "main-test-"));
    cleanups.push(() => telegram.close(), () => zalo.close(), () => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const child = spawn(join(REPO_ROOT, "node_modules/.bin/tsx"), ["src/main.ts"], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        ZALO_BOT_TOKEN: ZALO_TOKEN,
        ZALO_API_BASE: zalo.baseUrl,
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: "debug",
        WEBHOOK_URL: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });

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

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("stopped");
    expect(output).not.toContain(FAKE_BOT_TOKEN);
    expect(output).not.toContain(ZALO_TOKEN);
  }, 40_000);
});
