// npm run bench:flood — the production heap cap (--max-old-space-size=96) under the worst memory case the bot
// keeps by design: unique, long (~450 characters), unanswerable questions, each from a new chat, so every bound
// fills up at once (3,000 question texts for review, 10,000 conversations, the flood guard; the reading and search
// caches skip questions that long). The prebuilt `dist/main.js` (npm run build) runs with the flags the Dockerfile
// and the systemd unit use; it must stay up, answer every update, log no error and stop cleanly.
//
// Then the store's bounds: users at the allowed pace for a simulated 100 days (questions kept for review, votes with
// their questions, subscriptions, seen ids, usage counters of every entry on both channels, admin measurements
// with long sources: every limit reached), in-process on a moving clock. The file it leaves is the largest the
// bot can write; the production build must start on it within 2 s, and on a valid file far beyond the limits
// (40,000 votes, which once kept the bot from starting) too, trimmed.
//
// Options: --updates <default 20000> --days <default 100> --node-options="<flags>" (default the production ones)
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadKnowledgeOrExit } from "../src/bootstrap.js";
import { createLogger } from "../src/logger.js";
import { defaultKnowledgeDir } from "../src/paths.js";
import { DB_FILE, Store, STORE_LIMITS } from "../src/store/store.js";
import {
  keepAliveAgent,
  mb,
  postUpdate,
  problemsIn,
  rssOf,
  sampleRss,
  startBot,
  startFakes,
  table,
  telegramTextUpdate,
  TELEGRAM_SECRET_HEADER,
  SECRET_OF,
} from "./support/harness.js";

const { values: args } = parseArgs({
  options: {
    updates: { type: "string", default: "20000" },
    days: { type: "string", default: "100" },
    "node-options": { type: "string", default: "--max-old-space-size=96 --max-semi-space-size=8" },
  },
});
const UPDATES = Math.min(Math.max(Number(args.updates), 1), 200_000);
const DAYS = Math.min(Math.max(Number(args.days), 1), 1_000);
const NODE_ARGS = args["node-options"].split(" ").filter(Boolean);
/** The bound on starting the production build on the largest data file. */
const MAX_START_MS = 2_000;
const SENDERS = 32;
const WORDS = "bitcoin thời tiết giá vàng xổ số bóng đá âm nhạc phim ảnh du lịch nấu ăn ca sĩ diễn viên con mèo".split(" ");

/** A question nobody asked before, about nothing the knowledge covers. */
function uniqueQuestion(n: number): string {
  let text = `câu hỏi ${n}`;
  while (text.length < 450) text += ` ${WORDS[(n * 7 + text.length) % WORDS.length]} ${(n * 31 + text.length) % 9973}`;
  return text;
}

const fakes = await startFakes();
const bot = await startBot(fakes, { entry: ["dist/main.js"], nodeArgs: NODE_ARGS });
const rss = sampleRss(bot.child.pid!);
const agent = keepAliveAgent(SENDERS);
const url = bot.origin + bot.telegramPath;
const statuses = new Map<number, number>();
const started = Date.now();
let next = 0;
await Promise.all(
  Array.from({ length: SENDERS }, async () => {
    while (next < UPDATES) {
      const n = next++;
      const body = JSON.stringify(telegramTextUpdate(n + 1, 1_000_000 + n, uniqueQuestion(n)));
      // A refused connection counts as status 0: the check below fails on it.
      const status = await postUpdate(fakes, url, body, { agent, headers: { [TELEGRAM_SECRET_HEADER]: SECRET_OF.telegram } }).then(
        (result) => result.status,
        () => 0,
      );
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }),
);
const seconds = (Date.now() - started) / 1000;
const alive = bot.child.exitCode === null && bot.child.signalCode === null;
const { peak } = await rss.stop();
const stop = await bot.stop();
const { errors, unhandled } = problemsIn(bot.logLines);
if (!alive) console.log(bot.logLines.slice(-15).join("\n"));
agent.destroy();
await bot.cleanup();

// ── The store at its limits ─────────────────────────────────────────────────────────────────────────────
const storeDir = await mkdtemp(join(tmpdir(), "nq16-flood-store-"));
const knowledge = await loadKnowledgeOrExit(defaultKnowledgeDir());
const entries = [...knowledge.indicators, ...knowledge.goals, ...knowledge.faq, ...knowledge.documents, ...knowledge.people, ...knowledge.timeline].map((entry) => entry.id);
// The simulated days end today, so the bot started on the file afterwards keeps all of it (retention 90 days).
const clock = { now: new Date(Date.now() - DAYS * 24 * 3600_000) };
const store = await Store.open({ dataDir: storeDir, logger: createLogger({ level: "silent" }), now: () => clock.now });
/** Enough users to reach every daily and total limit within the first days. */
const USERS_PER_DAY = 120;
const longText = (n: number, length: number) => `Vì sao chỉ tiêu số ${n} của tỉnh mình vẫn chưa đạt được như mong đợi ạ? `.repeat(20).slice(0, length);
const simulated = Date.now();
const percentIndicator = knowledge.indicators.find((indicator) => indicator.unit === "percent")!.id;
await Promise.all(
  Array.from({ length: STORE_LIMITS.measurements }, (_, m) =>
    store.addMeasurement({ indicator: percentIndicator, value: 50 + (m % 50), period: "2025-Q3", scope: "province-after-merger", source: longText(m, 300), by: "tg:1" }),
  ),
);
for (let day = 0; day < DAYS; day++) {
  const work: Promise<unknown>[] = [];
  for (let u = 0; u < USERS_PER_DAY; u++) {
    const user = `tg:${day * USERS_PER_DAY + u}`;
    const channel = u % 2 === 0 ? "tg" : "zalo";
    for (let q = 0; q < STORE_LIMITS.questionsPerUserDay + 5; q++) {
      work.push(store.recordQuestion({ channel, text: longText(q, 500), intent: "fallback", answered: false, confidence: 0, user }));
    }
    for (const entry of entries.slice((u * 7) % entries.length).concat(entries).slice(0, 12)) {
      work.push(store.recordQuestion({ channel, text: "hỏi", intent: "status", entry, answered: true, confidence: 1, user }));
    }
    for (let v = 0; v < STORE_LIMITS.votesPerUserDay + 5; v++) {
      work.push(store.recordFeedback({ answerKey: `${user}:${day}:${v}`, channel, vote: "down", question: longText(v, 500), entry: entries[v % entries.length]!, user }));
    }
    for (let i = 0; i < STORE_LIMITS.subscriptionChangesPerChatDay + 5; i++) work.push(store.subscribe(user, knowledge.indicators[i % knowledge.indicators.length]!.id));
    work.push(store.markSeen("tg", `${day}-${u}-${"x".repeat(20)}`), store.markSeen("zalo", `${day}-${u}-${"y".repeat(40)}`));
  }
  await Promise.all(work);
  clock.now = new Date(clock.now.getTime() + 24 * 3600_000);
}
await store.flush();
const storeFile = join(storeDir, DB_FILE);
const fileBytes = (await stat(storeFile)).size;
const simulatedSeconds = (Date.now() - simulated) / 1000;

/**
 * Spawn → the server listening (the store and knowledge loaded: the bot serves) and → both webhooks registered,
 * with this db.json. The first is read off the bot's own log line.
 */
async function startTimeOn(dataDir: string): Promise<{ servingMs: number; ms: number; rss: number; warned: boolean; errors: number }> {
  const started = Date.now();
  const running = await startBot(fakes, { entry: ["dist/main.js"], nodeArgs: NODE_ARGS, env: { DATA_DIR: dataDir } });
  const ms = Date.now() - started;
  const listening = running.logLines.map((line) => JSON.parse(line) as { msg?: string; time?: number }).find((line) => line.msg?.startsWith("HTTP server listening"));
  const rss = (await rssOf(running.child.pid!)) ?? 0;
  await running.stop();
  const warned = running.logLines.some((line) => line.includes("trimmed to its limits"));
  const errors = problemsIn(running.logLines).errors.length;
  await running.cleanup();
  return { servingMs: (listening?.time ?? Number.NaN) - started, ms, rss, warned, errors };
}
// A valid file far beyond the limits, in the store's own one-record-per-line form: 40,000 votes.
const oversizedDir = await mkdtemp(join(tmpdir(), "nq16-flood-oversized-"));
const vote = (i: number) => JSON.stringify({ answerKey: `tg:${i}:1`, channel: "tg", vote: "down", question: longText(i, 500), at: new Date().toISOString() });
const largest = await readFile(storeFile, "utf8");
// Twice: the first start in a new DATA_DIR also parses the knowledge files (later ones read its cache).
const onLargestFirst = await startTimeOn(storeDir);
const onLargest = await startTimeOn(storeDir);
await writeFile(join(oversizedDir, DB_FILE), largest.replace(/"feedback": \[\n[\s\S]*?\n\]/, `"feedback": [\n${Array.from({ length: 40_000 }, (_, i) => vote(i)).join(",\n")}\n]`));
const oversizedBytes = (await stat(join(oversizedDir, DB_FILE))).size;
const onOversized = await startTimeOn(oversizedDir);
await Promise.all([storeDir, oversizedDir].map((dir) => rm(dir, { recursive: true, force: true })));
await fakes.close();

console.log(`\n${UPDATES} unique ~450-character unanswerable questions, ${SENDERS} senders, node ${args["node-options"]}\n`);
console.log(
  table(
    ["check", "value"],
    [
      ["HTTP statuses", [...statuses].map(([status, count]) => `${status}×${count}`).join(" ")],
      ["time", `${seconds.toFixed(1)} s (${Math.round(UPDATES / seconds)} updates/s)`],
      ["bot still running at the end", alive ? "yes" : "NO"],
      ["bot RSS peak", mb(peak)],
      ["error-level log lines / unhandled", `${errors.length} / ${unhandled.length}`],
      ["SIGTERM → exit", `code ${stop.code} in ${stop.ms} ms`],
    ],
  ),
);
console.log(`\nThe store at its limits: ${USERS_PER_DAY} users a day for ${DAYS} simulated days (${simulatedSeconds.toFixed(0)} s), each at the allowed pace\n`);
console.log(
  table(
    ["check", "value"],
    [
      ["db.json at its limits", `${mb(fileBytes)} (${fileBytes.toLocaleString("en")} bytes)`],
      [
        "production build on it: serving / both webhooks registered",
        `${onLargest.servingMs} / ${onLargest.ms} ms (bound ${MAX_START_MS} ms to serve; first start in a new DATA_DIR ${onLargestFirst.servingMs} / ${onLargestFirst.ms} ms), RSS ${mb(onLargest.rss)}, error lines ${onLargest.errors}`,
      ],
      [
        `on a valid file beyond the limits (40,000 votes, ${mb(oversizedBytes)})`,
        `${onOversized.servingMs} / ${onOversized.ms} ms, RSS ${mb(onOversized.rss)}, trimmed with a warning: ${onOversized.warned ? "yes" : "NO"}`,
      ],
    ],
  ),
);
const storeBounded = onLargest.servingMs <= MAX_START_MS && onOversized.servingMs <= MAX_START_MS && onOversized.warned && onLargest.errors + onOversized.errors === 0;
if (!storeBounded || !alive || errors.length > 0 || unhandled.length > 0 || stop.code !== 0 || statuses.size !== 1 || !statuses.has(200)) process.exitCode = 1;
