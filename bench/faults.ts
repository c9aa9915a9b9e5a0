// npm run bench:faults — replies survive faults of the platform APIs, and the data file survives kill -9.
//
// 1. API faults. The real bot process runs in webhook mode against the fake Telegram and Zalo APIs. For each
//    fault — 429 (Telegram with retry_after), 500, a request that hangs past the client timeout, a dropped
//    connection — the next N sendMessage calls of both fakes fail that way, N updates are posted to each
//    webhook, and every update must end up with exactly the messages the same question got in a fault-free
//    baseline: none lost, none twice, no apology instead. (A faulted call is never carried out by the fakes,
//    so a retry is the only way the reply arrives.)
// 2. SIGTERM under load: every update is either answered before the exit or refused (503) for redelivery;
//    exit code 0.
// 3. Store under kill -9. A child process writes to the Store as fast as it can and is SIGKILLed at a random
//    moment, 20 times on the same DATA_DIR; after each kill Store.open must load the file as it is (not move
//    it aside as corrupt). Then the same with the whole bot: kill -9 under load, restart, /healthz store ok.
//
// Options: --updates <N per fault and channel, default 20> --kills <default 20>
//          --webhook-reply (TELEGRAM_WEBHOOK_REPLY=true: a faulted first message is lost, as it would be on Telegram)
import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createLogger } from "../src/logger.js";
import { Store } from "../src/store/store.js";
import {
  keepAliveAgent,
  postUpdate,
  problemsIn,
  ROOT,
  sleep,
  startBot,
  startFakes,
  table,
  telegramTextUpdate,
  TELEGRAM_SECRET_HEADER,
  SECRET_OF,
  ZALO_SECRET_HEADER,
  zaloTextUpdate,
  type BotProcess,
  type Fakes,
} from "./support/harness.js";

const { values: args } = parseArgs({
  options: { updates: { type: "string", default: "20" }, kills: { type: "string", default: "20" }, "webhook-reply": { type: "boolean", default: false } },
});
const N = Math.min(Math.max(Number(args.updates), 1), 200);
const KILLS = Math.min(Math.max(Number(args.kills), 1), 100);
/** Longest wait for the replies of one fault round: hang = 15 s client timeout, plus retries and backoff. */
const ROUND_TIMEOUT_MS = 90_000;

const QUESTIONS = [
  "mục tiêu 2030 là gì",
  "tỷ lệ DVC mức 4 của Khánh Hòa hiện nay là bao nhiêu?",
  "so sánh NQ16 với QĐ 749",
  "lộ trình chuyển đổi số năm 2025",
  "/help",
  "nghị quyết 16 ban hành ngày nào",
  "kinh tế số chiếm bao nhiêu phần trăm GRDP",
  "thời tiết ngày mai thế nào",
];

type Channel = "tg" | "zalo";
interface Tracked {
  readonly channel: Channel;
  readonly question: string;
  messages: number;
}

function collector(fakes: Fakes) {
  const byChat = new Map<string, Tracked>();
  fakes.telegram.onCall = (call) => {
    if (call.method === "sendMessage" && call.ok) {
      const entry = byChat.get(`tg:${String(call.payload.chat_id)}`);
      if (entry) entry.messages += 1;
    }
  };
  fakes.zalo.onCall = (call) => {
    if (call.method === "sendMessage" && call.status === 200) {
      const entry = byChat.get(`zalo:${String(call.body.chat_id)}`);
      if (entry) entry.messages += 1;
    }
  };
  return byChat;
}

let sequence = 0;
const agent = keepAliveAgent(32);

/** Posts one update to a fresh chat; 503s and failed connections are delivered again, as the platforms do. */
async function deliver(bot: BotProcess, byChat: Map<string, Tracked>, channel: Channel, question: string): Promise<string> {
  sequence += 1;
  const chatId = channel === "tg" ? String(3_000_000_000 + sequence) : `f${sequence.toString(16).padStart(19, "0")}`;
  byChat.set(`${channel}:${chatId}`, { channel, question, messages: 0 });
  const body = JSON.stringify(channel === "tg" ? telegramTextUpdate(sequence, Number(chatId), question) : zaloTextUpdate(`fault-${sequence}`, chatId, question));
  const url = `${bot.origin}${channel === "tg" ? bot.telegramPath : bot.zaloPath}`;
  const header = channel === "tg" ? TELEGRAM_SECRET_HEADER : ZALO_SECRET_HEADER;
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const status = await postUpdate(fakes, url, body, { agent, headers: { [header]: channel === "tg" ? SECRET_OF.telegram : SECRET_OF.zalo }, timeoutMs: 60_000 }).then(
      (result) => result.status,
      () => 0,
    );
    if (status === 200) return `${channel}:${chatId}`;
    await sleep(500 * attempt);
  }
  throw new Error(`${channel} update could not be delivered to the webhook`);
}

async function waitUntil(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

// ── 1. API faults ──────────────────────────────────────────────────────────

const fakes = await startFakes();
fakes.telegram.recordCalls = false;
fakes.zalo.recordCalls = false;
const byChat = collector(fakes);
const botEnv: Record<string, string> = args["webhook-reply"] ? { TELEGRAM_WEBHOOK_REPLY: "true" } : {};
const bot = await startBot(fakes, { env: botEnv });

// Baseline: the number of messages each question's answer takes, per channel.
const expected = new Map<string, number>();
for (const channel of ["tg", "zalo"] as const) {
  for (const question of QUESTIONS) {
    const key = await deliver(bot, byChat, channel, question);
    await waitUntil(() => byChat.get(key)!.messages > 0, 10_000);
    await sleep(300);
    expected.set(`${channel}:${question}`, byChat.get(key)!.messages);
  }
}

interface Fault {
  readonly name: string;
  inject(fakes: Fakes, times: number): void;
}
const FAULTS: readonly Fault[] = [
  {
    name: "429 Too Many Requests (Telegram retry_after 1 s)",
    inject(f, times) {
      f.telegram.failNext("sendMessage", times, { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 });
      f.zalo.failNext("sendMessage", 429, times);
    },
  },
  {
    name: "500 Internal Server Error",
    inject(f, times) {
      f.telegram.failNext("sendMessage", times, { error_code: 500, description: "Internal Server Error" });
      f.zalo.failNext("sendMessage", 500, times);
    },
  },
  {
    name: "hang past the client timeout (15 s)",
    inject(f, times) {
      f.telegram.faultNext("sendMessage", times, "hang");
      f.zalo.failNext("sendMessage", "hang", times);
    },
  },
  {
    name: "connection dropped",
    inject(f, times) {
      f.telegram.faultNext("sendMessage", times, "drop");
      f.zalo.failNext("sendMessage", "reset", times);
    },
  },
];

interface RoundResult {
  readonly fault: string;
  readonly channel: Channel;
  readonly updates: number;
  readonly injected: number;
  readonly once: number;
  readonly lost: number;
  readonly incomplete: number;
  readonly duplicated: number;
  readonly seconds: number;
}
const results: RoundResult[] = [];

for (const fault of FAULTS) {
  let injected = { tg: 0, zalo: 0 };
  const countFaults = (channel: Channel) => () => (injected = { ...injected, [channel]: injected[channel] + 1 });
  const tgFault = countFaults("tg");
  const zaloFault = countFaults("zalo");
  const previousTg = fakes.telegram.onCall!;
  const previousZalo = fakes.zalo.onCall!;
  fakes.telegram.onCall = (call) => {
    if (call.method === "sendMessage" && !call.ok) tgFault();
    previousTg(call);
  };
  fakes.zalo.onCall = (call) => {
    if (call.method === "sendMessage" && call.status !== 200) zaloFault();
    previousZalo(call);
  };
  fault.inject(fakes, N);
  const started = Date.now();
  const keys = await Promise.all(
    (["tg", "zalo"] as const).flatMap((channel) => Array.from({ length: N }, (_, i) => deliver(bot, byChat, channel, QUESTIONS[i % QUESTIONS.length]!))),
  );
  const complete = () => keys.every((key) => byChat.get(key)!.messages >= expected.get(`${byChat.get(key)!.channel}:${byChat.get(key)!.question}`)!);
  await waitUntil(complete, ROUND_TIMEOUT_MS);
  await sleep(1_000); // anything sent twice would arrive now
  const seconds = (Date.now() - started) / 1000;
  fakes.telegram.onCall = previousTg;
  fakes.zalo.onCall = previousZalo;
  for (const channel of ["tg", "zalo"] as const) {
    const mine = keys.filter((key) => key.startsWith(`${channel}:`)).map((key) => byChat.get(key)!);
    const want = (entry: Tracked) => expected.get(`${channel}:${entry.question}`)!;
    results.push({
      fault: fault.name,
      channel,
      updates: mine.length,
      injected: injected[channel],
      once: mine.filter((entry) => entry.messages === want(entry)).length,
      lost: mine.filter((entry) => entry.messages === 0).length,
      incomplete: mine.filter((entry) => entry.messages > 0 && entry.messages < want(entry)).length,
      duplicated: mine.filter((entry) => entry.messages > want(entry)).length,
      seconds,
    });
  }
}
const stopped = await bot.stop();
const botProblems = problemsIn(bot.logLines);
await bot.cleanup();

console.log(`\nAPI faults: ${N} updates per fault and channel, each to its own chat; expected messages from a fault-free baseline\n`);
console.log(
  table(
    ["fault", "channel", "updates", "faults injected", "delivered once", "lost", "incomplete", "duplicated", "round time"],
    results.map((r) => [r.fault, r.channel === "tg" ? "Telegram" : "Zalo", r.updates, r.injected, r.once, r.lost, r.incomplete, r.duplicated, `${r.seconds.toFixed(1)} s`]),
  ),
);
console.log(`\nbot: SIGTERM → exit code ${stopped.code} in ${stopped.ms} ms; ${botProblems.unhandled.length} unhandled rejections/exceptions; ${botProblems.errors.length} error-level log lines`);

// ── SIGTERM under load ─────────────────────────────────────────────────────
// Updates keep arriving while the bot is told to stop: each must either be answered (200, and its reply
// sent before the process exits) or refused with 503 / a closed connection (the platform delivers it again).
const shutdownRounds: { accepted: number; answered: number; refused503: number; noConnection: number; code: number | null; ms: number }[] = [];
for (let round = 0; round < 3; round += 1) {
  const stopping = await startBot(fakes, { env: botEnv });
  const outcomes: Promise<{ key: string; status: number }>[] = [];
  const send = (i: number) => {
    sequence += 1;
    const channel: Channel = i % 2 ? "tg" : "zalo";
    const chatId = channel === "tg" ? String(3_000_000_000 + sequence) : `s${sequence.toString(16).padStart(19, "0")}`;
    const question = QUESTIONS[i % QUESTIONS.length]!;
    byChat.set(`${channel}:${chatId}`, { channel, question, messages: 0 });
    const body = JSON.stringify(channel === "tg" ? telegramTextUpdate(sequence, Number(chatId), question) : zaloTextUpdate(`term-${sequence}`, chatId, question));
    const url = `${stopping.origin}${channel === "tg" ? stopping.telegramPath : stopping.zaloPath}`;
    const header = channel === "tg" ? TELEGRAM_SECRET_HEADER : ZALO_SECRET_HEADER;
    outcomes.push(
      postUpdate(fakes, url, body, { headers: { [header]: channel === "tg" ? SECRET_OF.telegram : SECRET_OF.zalo } }).then(
        (result) => ({ key: `${channel}:${chatId}`, status: result.status }),
        () => ({ key: `${channel}:${chatId}`, status: 0 }),
      ),
    );
  };
  // 400 updates over about a second; SIGTERM in the middle.
  const sending = (async () => {
    for (let i = 0; i < 400; i += 1) {
      send(i);
      if (i % 20 === 19) await sleep(50);
    }
  })();
  await sleep(300 + round * 200);
  const stoppedAt = Date.now();
  stopping.child.kill("SIGTERM");
  const exit = await stopping.exited;
  const ms = Date.now() - stoppedAt;
  await sending;
  const settled = await Promise.all(outcomes);
  const accepted = settled.filter((outcome) => outcome.status === 200);
  shutdownRounds.push({
    accepted: accepted.length,
    answered: accepted.filter((outcome) => byChat.get(outcome.key)!.messages >= expected.get(`${byChat.get(outcome.key)!.channel}:${byChat.get(outcome.key)!.question}`)!).length,
    refused503: settled.filter((outcome) => outcome.status === 503).length,
    noConnection: settled.filter((outcome) => outcome.status === 0).length,
    code: exit.code,
    ms,
  });
  await stopping.cleanup();
}
console.log(
  "\nSIGTERM under load: 400 updates (both channels) sent over about a second, SIGTERM in the middle; refused ones (503, or no connection once the port is closed) the platforms deliver again\n",
);
console.log(
  table(
    ["round", "accepted (200)", "answered before exit", "503 while stopping", "no connection (after close)", "exit code", "SIGTERM → exit"],
    shutdownRounds.map((r, i) => [i + 1, r.accepted, r.answered, r.refused503, r.noConnection, String(r.code), `${r.ms} ms`]),
  ),
);

// ── 2. Store under kill -9 ──────────────────────────────────────────────────

const logger = createLogger({ level: "silent" });
const storeDir = await mkdtemp(join(tmpdir(), "nq16-kill-"));
let loadedClean = 0;
let movedAside = 0;
let failedToOpen = 0;
const questionCounts: number[] = [];
for (let round = 0; round < KILLS; round += 1) {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/support/store-writer.ts", storeDir], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 15_000);
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  await sleep(50 + Math.floor(Math.random() * 700));
  child.kill("SIGKILL");
  await exited;
  try {
    const store = await Store.open({ dataDir: storeDir, logger });
    if (store.status.recoveredFrom) movedAside += 1;
    else loadedClean += 1;
    questionCounts.push(Object.values(store.stats(1).perChannel).reduce((sum, channel) => sum + channel.questions, 0));
    await store.flush();
  } catch {
    failedToOpen += 1;
  }
}
const leftovers = (await readdir(storeDir)).filter((name) => name.includes("corrupt"));
await rm(storeDir, { recursive: true, force: true });

console.log(`\nStore under kill -9: a writer process SIGKILLed at a random moment, ${KILLS} times on the same DATA_DIR\n`);
console.log(
  table(
    ["check", "value"],
    [
      ["kills", KILLS],
      ["file loaded as it was after the kill", loadedClean],
      ["file moved aside as corrupt", movedAside],
      ["Store.open failed", failedToOpen],
      ["corrupt-* files left", leftovers.length],
      ["questions counted today (first → last kill)", `${questionCounts[0] ?? 0} → ${questionCounts.at(-1) ?? 0}`],
    ],
  ),
);

// The whole bot killed under load, then restarted on the same DATA_DIR.
const botKills: { loaded: boolean; status: string }[] = [];
{
  const dataDir = await mkdtemp(join(tmpdir(), "nq16-botkill-"));
  for (let round = 0; round < 3; round += 1) {
    const killed = await startBot(fakes, { env: { DATA_DIR: dataDir } });
    const load = Array.from({ length: 200 }, (_, i) => deliver(killed, byChat, i % 2 ? "tg" : "zalo", QUESTIONS[i % QUESTIONS.length]!).catch(() => ""));
    await sleep(300 + Math.floor(Math.random() * 400));
    killed.child.kill("SIGKILL");
    await killed.exited;
    await Promise.allSettled(load);
    const restarted = await startBot(fakes, { env: { DATA_DIR: dataDir } });
    const health = (await (await fetch(`${restarted.origin}/healthz`)).json()) as { store?: { status?: string; recoveredFromCorruptFile?: boolean } };
    botKills.push({ loaded: health.store?.recoveredFromCorruptFile !== true, status: health.store?.status ?? "?" });
    await restarted.stop();
    await killed.cleanup();
    await restarted.cleanup();
  }
  await rm(dataDir, { recursive: true, force: true });
}
console.log(
  `\nThe bot killed with SIGKILL under load (200 updates under way), then restarted on the same DATA_DIR: store loaded ${botKills.filter((k) => k.loaded).length} of ${botKills.length} times (/healthz store: ${botKills.map((k) => k.status).join(", ")})`,
);

await fakes.close();
agent.destroy();

const repliesOk = results.every((r) => r.once === r.updates);
const storeOk = loadedClean === KILLS && botKills.every((k) => k.loaded);
const shutdownOk = shutdownRounds.every((r) => r.code === 0 && r.answered === r.accepted);
process.exitCode = repliesOk && storeOk && shutdownOk && botProblems.unhandled.length === 0 ? 0 : 1;
