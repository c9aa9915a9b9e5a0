// Shared by bench/load.ts, bench/faults.ts and bench/fuzz.ts: the fake Telegram and Zalo API servers in this
// process, the real bot (`node --import tsx src/main.ts`) as a child process in webhook mode on loopback,
// update builders with unique ids, a keep-alive HTTP client, RSS/CPU sampling and a table printer.
// Everything listens on and talks to 127.0.0.1 only.
import { spawn, type ChildProcessByStdio } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { Agent, request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { FakeTelegram, FAKE_BOT_TOKEN } from "../../test/support/fake-telegram.js";
import { FakeZalo } from "../../test/support/fake-zalo.js";
import { platformSecret } from "../../src/server/webhook-secrets.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const ZALO_TOKEN = "1459232241454765289:Bench-zalo_TOKEN-value";
export const WEBHOOK_SECRET = "bench-webhook-secret-0123456789";
/** What each platform sends in its secret header: derived from WEBHOOK_SECRET, as the bot derives them. */
export const SECRET_OF = { telegram: platformSecret(WEBHOOK_SECRET, "telegram"), zalo: platformSecret(WEBHOOK_SECRET, "zalo") } as const;
export const TELEGRAM_SECRET_HEADER = "x-telegram-bot-api-secret-token";
export const ZALO_SECRET_HEADER = "x-bot-api-secret-token";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ── The bot process ────────────────────────────────────────────────────────

export interface BotProcess {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly port: number;
  readonly origin: string;
  readonly telegramPath: string;
  readonly zaloPath: string;
  readonly dataDir: string;
  /** Every log line (JSON) the bot wrote, parsed where possible. */
  readonly logLines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then waits for the exit (SIGKILL after `ms`). */
  stop(ms?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  cleanup(): Promise<void>;
}

export interface Fakes {
  readonly telegram: FakeTelegram;
  readonly zalo: FakeZalo;
  close(): Promise<void>;
}

export async function startFakes(): Promise<Fakes> {
  const telegram = await FakeTelegram.start();
  const zalo = await FakeZalo.start({ token: ZALO_TOKEN });
  return {
    telegram,
    zalo,
    async close() {
      await Promise.allSettled([telegram.close(), zalo.close()]);
    },
  };
}

/**
 * Spawns the bot with both channels in webhook mode against the fakes and resolves once both webhooks are
 * registered. Telegram's fake accepts a plain-http webhook URL; Zalo's wants https, so Zalo registers
 * https://bench.invalid/… and the bench posts to the same path on loopback (the host is never resolved).
 */
export async function startBot(
  fakes: Fakes,
  options: {
    logLevel?: string;
    env?: Record<string, string>;
    nodeArgs?: readonly string[];
    /** What node runs; default `--import tsx src/main.ts` (as `npm start`), or a prebuilt JavaScript file. */
    entry?: readonly string[];
  } = {},
): Promise<BotProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), "nq16-bench-"));
  fakes.telegram.webhook = undefined;
  fakes.zalo.webhook = undefined;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...(options.entry ?? ["--import", "tsx", "src/main.ts"])], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN,
      TELEGRAM_API_ROOT: fakes.telegram.apiRoot,
      ZALO_BOT_TOKEN: ZALO_TOKEN,
      ZALO_API_BASE: fakes.zalo.baseUrl,
      WEBHOOK_URL: origin,
      ZALO_WEBHOOK_URL: "https://bench.invalid",
      WEBHOOK_SECRET,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: options.logLevel ?? "info",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logLines: string[] = [];
  let pending = "";
  const collect = (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim() !== "") logLines.push(line);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );

  const deadline = Date.now() + 30_000;
  const hooks = () => ({ telegram: fakes.telegram.webhook as { url: string } | undefined, zalo: fakes.zalo.webhook as { url: string } | undefined });
  while (!(hooks().telegram && hooks().zalo)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the bot did not start:\n${logLines.slice(-20).join("\n")}`);
    }
    await sleep(50);
  }
  const bot: BotProcess = {
    child,
    port,
    origin,
    telegramPath: new URL(hooks().telegram!.url).pathname,
    zaloPath: new URL(hooks().zalo!.url).pathname,
    dataDir,
    logLines,
    exited,
    async stop(ms = 20_000) {
      const started = Date.now();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), ms);
      const result = await exited;
      clearTimeout(timer);
      return { ...result, ms: Date.now() - started };
    },
    async cleanup() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return bot;
}

/** Resident set size of a process in bytes (Linux /proc), or undefined elsewhere. */
export async function rssOf(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used so far (Linux /proc), or undefined elsewhere. */
export async function cpuSecondsOf(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz on Linux)
  } catch {
    return undefined;
  }
}

/** CPU seconds all processes of the machine have used so far (Linux /proc/stat), or undefined elsewhere. */
export async function machineCpuSeconds(): Promise<number | undefined> {
  try {
    const line = (await readFile("/proc/stat", "utf8")).split("\n")[0]!;
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
    return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Waits (at most `maxMs`) until the machine is quiet — less than `threshold` of one core busy over a second —
 * so other work on a shared machine does not distort the figures. Returns the last busy share seen.
 */
export async function waitForQuietMachine(maxMs = 120_000, threshold = 0.25): Promise<number> {
  const deadline = Date.now() + maxMs;
  let busy = 0;
  for (;;) {
    const before = await machineCpuSeconds();
    await sleep(1_000);
    const after = await machineCpuSeconds();
    if (before === undefined || after === undefined) return 0;
    busy = after - before;
    if (busy < threshold || Date.now() > deadline) return busy;
  }
}

/** Samples the RSS every `everyMs` until stopped; reports the peak. */
export function sampleRss(pid: number, everyMs = 100): { stop(): Promise<{ peak: number; last: number }> } {
  let peak = 0;
  let last = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rss = await rssOf(pid);
      if (rss !== undefined) {
        last = rss;
        peak = Math.max(peak, rss);
      }
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { peak, last };
    },
  };
}

// ── HTTP client ────────────────────────────────────────────────────────────

export interface PostResult {
  readonly status: number;
  readonly body: string;
}

/** A keep-alive agent for many requests to the bot (one per generator). */
export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

/** POST `body` (string, Buffer, or a chunk list sent with chunked encoding) to a loopback URL. */
export function post(
  url: string,
  body: string | Buffer | readonly Buffer[],
  options: { agent?: Agent; headers?: Record<string, string>; method?: string; timeoutMs?: number } = {},
): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const chunked = Array.isArray(body);
    const payload = chunked ? undefined : typeof body === "string" ? Buffer.from(body) : (body as Buffer);
    const req = httpRequest(
      url,
      {
        method: options.method ?? "POST",
        agent: options.agent ?? false,
        headers: {
          "content-type": "application/json",
          ...(payload ? { "content-length": String(payload.length) } : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("client timeout")));
    req.on("error", reject);
    if (chunked) {
      for (const chunk of body as readonly Buffer[]) req.write(chunk);
      req.end();
    } else req.end(payload);
  });
}

/**
 * POSTs an update to the bot as the platform does. A Bot API call the bot put in the webhook response (Telegram's
 * webhook reply, TELEGRAM_WEBHOOK_REPLY=true) is handed to the fake Telegram, which carries it out as Telegram
 * would, so that reply is counted like any other sendMessage.
 */
export async function postUpdate(fakes: Fakes, url: string, body: string, options: Parameters<typeof post>[2] = {}): Promise<PostResult> {
  const result = await post(url, body, options);
  if (result.status === 200) await fakes.telegram.takeWebhookReply(result.body);
  return result;
}

// ── Updates ────────────────────────────────────────────────────────────────

/** A private Telegram text message from a user whose id is also the chat id. */
export function telegramTextUpdate(updateId: number, chatId: number, text: string): Record<string, unknown> {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "Người dùng" },
      from: { id: chatId, is_bot: false, first_name: "Người dùng" },
      text,
    },
  };
}

/** A Zalo text message as the platform POSTs it (documented wrapped shape). */
export function zaloTextUpdate(messageId: string, chatId: string, text: string): Record<string, unknown> {
  return {
    ok: true,
    result: {
      event_name: "message.text.received",
      message: {
        message_id: messageId,
        date: Date.now(),
        from: { id: chatId, display_name: "Người dùng", is_bot: false },
        chat: { id: chatId, chat_type: "PRIVATE" },
        text,
      },
    },
  };
}

// ── Figures ────────────────────────────────────────────────────────────────

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const msText = (ms: number) => `${ms.toFixed(2)} ms`;

/** A markdown table, columns padded. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(cells[0]!), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.slice(1).map(line)].join("\n");
}

/** Questions people ask (the evaluation sets), for realistic answers of realistic length. */
export async function sampleQuestions(): Promise<string[]> {
  const { loadEvaluationSets } = await import("../evaluation.js");
  const sets = await loadEvaluationSets();
  const questions = [...sets.single.map((s) => s.q), ...sets.outOfScope.map((s) => s.q)];
  return [...new Set(questions)].filter((q) => typeof q === "string" && q.trim() !== "");
}

/** Log lines of the bot at error level or above, and any that mention an unhandled rejection or exception. */
export function problemsIn(logLines: readonly string[]): { errors: string[]; unhandled: string[] } {
  const errors: string[] = [];
  const unhandled: string[] = [];
  for (const line of logLines) {
    let level = 0;
    try {
      level = (JSON.parse(line) as { level?: number }).level ?? 0;
    } catch {
      // Not a pino line: Node itself printed it (a crash, a warning).
      if (/Error|unhandled|uncaught/i.test(line)) unhandled.push(line);
      continue;
    }
    if (level >= 50) errors.push(line);
    if (/unhandled rejection|uncaught exception/i.test(line)) unhandled.push(line);
  }
  return { errors, unhandled };
}
