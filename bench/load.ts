// npm run bench:load — the real bot process (both channels in webhook mode) under load on loopback, with the
// fake Telegram and Zalo API servers answering in this process.
//
// For each channel: a closed loop (N senders, each posts an update and waits for its reply) for the highest
// rate, then open loops at fixed rates (default 400/s and the 2,000/s target) for the latency at those rates,
// then both channels at once. Latency is measured from just before the update is POSTed to the moment the fake API
// receives the first sendMessage of its reply. Every update goes to its own chat, so each reply is matched
// to its update; when its phase ends, every update must have exactly as many messages as the same question got in
// a baseline pass (no reply lost, none twice). RSS and CPU of the bot are sampled from /proc.
//
// Options: --seconds <per phase, default 10> --rate <updates/s, default 2000> --sustained <updates/s, default 400>
//          --concurrency <closed-loop senders, default 32> --only tg|zalo|both
//          --connections <keep-alive sockets, default 40 — Telegram's max_connections> --profile <dir>
//          --entry <bundle.mjs> (a prebuilt bundle instead of tsx) --webhook-reply (TELEGRAM_WEBHOOK_REPLY=true)
//          --node-options="<Node/V8 flags for the bot>" (e.g. --node-options="--max-semi-space-size=4")
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import type { Agent } from "node:http";
import {
  cpuSecondsOf,
  keepAliveAgent,
  machineCpuSeconds,
  waitForQuietMachine,
  mb,
  postUpdate,
  problemsIn,
  quantile,
  ROOT,
  rssOf,
  sampleQuestions,
  sampleRss,
  sleep,
  startBot,
  startFakes,
  table,
  telegramTextUpdate,
  TELEGRAM_SECRET_HEADER,
  SECRET_OF,
  ZALO_SECRET_HEADER,
  zaloTextUpdate,
} from "./support/harness.js";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    rate: { type: "string", default: "2000" },
    sustained: { type: "string", default: "400" },
    concurrency: { type: "string", default: "32" },
    connections: { type: "string", default: "40" },
    profile: { type: "string" },
    only: { type: "string" },
    entry: { type: "string" },
    "webhook-reply": { type: "boolean", default: false },
    "node-options": { type: "string" },
  },
});
const PHASE_SECONDS = Math.min(Math.max(Number(args.seconds), 1), 120);
const RATE = Math.min(Math.max(Number(args.rate), 1), 20_000);
const SUSTAINED = Math.min(Math.max(Number(args.sustained), 1), 20_000);
const CONCURRENCY = Math.min(Math.max(Number(args.concurrency), 1), 1_000);
const CONNECTIONS = Math.min(Math.max(Number(args.connections), 1), 1_000);
/** An open-loop phase stops adding updates while this many wait for their reply (bounds the backlog). */
const MAX_OUTSTANDING = 2_000;
/** How long a phase waits for the replies still due. */
const DRAIN_MS = 30_000;
/** After a phase, how long the rest of multi-message replies (and any duplicate) may take before it is checked. */
const SETTLE_MS = 500;
const REDELIVERIES = 8;
/** Telegram chat ids are this plus the update's sequence number; Zalo's are "c" and the number in hex. */
const TELEGRAM_CHAT_BASE = 2_000_000_000;

type Channel = "tg" | "zalo";
const CHANNEL_CODE = { tg: 1, zalo: 2 } as const;

/**
 * What the bench keeps of each update, by its sequence number, in typed arrays rather than an object and a
 * promise per update for the whole run: the bench's own garbage-collection pauses land in the measured latency
 * (a pause between an update and its reply counts as the bot's), and the less it keeps, the less each has to do.
 */
function doubled<T extends Uint8Array | Uint16Array | Float64Array>(old: T, make: (length: number) => T): T {
  const array = make(old.length * 2);
  array.set(old);
  return array;
}

class UpdateLog {
  channel = new Uint8Array(1 << 16);
  question = new Uint16Array(1 << 16);
  messages = new Uint16Array(1 << 16);
  sentAt = new Float64Array(1 << 16);
  /** 0 while no reply has come. */
  firstReplyAt = new Float64Array(1 << 16);

  add(id: number, channel: Channel, question: number): void {
    if (id >= this.channel.length) {
      this.channel = doubled(this.channel, (length) => new Uint8Array(length));
      this.question = doubled(this.question, (length) => new Uint16Array(length));
      this.messages = doubled(this.messages, (length) => new Uint16Array(length));
      this.sentAt = doubled(this.sentAt, (length) => new Float64Array(length));
      this.firstReplyAt = doubled(this.firstReplyAt, (length) => new Float64Array(length));
    }
    this.channel[id] = CHANNEL_CODE[channel];
    this.question[id] = question;
    this.sentAt[id] = performance.now();
  }
}

const quiet = await waitForQuietMachine();
if (quiet >= 0.25) console.log(`note: the machine is busy with other work (${Math.round(quiet * 100)}% of a core); figures will be lower`);
const fakes = await startFakes();
fakes.telegram.recordCalls = false;
fakes.zalo.recordCalls = false;
// --profile <dir>: the bot writes a V8 CPU profile there when it exits (open it in Chrome DevTools).
// --entry <file.mjs>: run a prebuilt JavaScript bundle instead of `--import tsx src/main.ts`.
const nodeArgs = [...(args["node-options"]?.split(/\s+/).filter(Boolean) ?? []), ...(args.profile ? ["--cpu-prof", `--cpu-prof-dir=${args.profile}`] : [])];
const bot = await startBot(fakes, {
  nodeArgs,
  ...(args.entry ? { entry: [args.entry] } : {}),
  env: {
    ...(args.entry ? { KNOWLEDGE_DIR: `${ROOT}knowledge` } : {}),
    ...(args["webhook-reply"] ? { TELEGRAM_WEBHOOK_REPLY: "true" } : {}),
  },
});
const questions = await sampleQuestions();
const log = new UpdateLog();
/** The updates someone waits for (a closed-loop sender, the open loop's backlog): resolved by the first reply. */
const waiting = new Map<number, () => void>();
let unmatchedReplies = 0;
/** Updates up to this one have been checked; a message for one of them came too late to be counted there. */
let checkedThrough = 0;
let lateReplies = 0;
let sequence = 0;

function onReply(channel: Channel, id: number): void {
  if (!(Number.isInteger(id) && id >= 1 && id <= sequence && log.channel[id] === CHANNEL_CODE[channel])) {
    unmatchedReplies += 1;
    return;
  }
  if (id <= checkedThrough) lateReplies += 1;
  log.messages[id]! += 1;
  if (log.firstReplyAt[id] === 0) {
    log.firstReplyAt[id] = performance.now();
    waiting.get(id)?.();
    waiting.delete(id);
  }
}
fakes.telegram.onCall = (call) => {
  if (call.method === "sendMessage" && call.ok) onReply("tg", Number(call.payload.chat_id) - TELEGRAM_CHAT_BASE);
};
fakes.zalo.onCall = (call) => {
  if (call.method !== "sendMessage" || call.status !== 200) return;
  const chatId = String(call.body.chat_id);
  onReply("zalo", chatId.startsWith("c") ? Number.parseInt(chatId.slice(1), 16) : Number.NaN);
};

const statuses = new Map<string, number>();
const countStatus = (label: string) => statuses.set(label, (statuses.get(label) ?? 0) + 1);

/** Posts one update with a fresh chat; resolves when its first reply reached the fake API and the POST ended. */
function send(channel: Channel, agent: Agent, questionNumber: number): Promise<void> {
  sequence += 1;
  const id = sequence;
  const question = questions[questionNumber]!;
  const chatId = channel === "tg" ? String(TELEGRAM_CHAT_BASE + id) : `c${id.toString(16).padStart(19, "0")}`;
  log.add(id, channel, questionNumber);
  const replied = new Promise<void>((resolve) => waiting.set(id, resolve));
  const body = channel === "tg" ? JSON.stringify(telegramTextUpdate(id, Number(chatId), question)) : JSON.stringify(zaloTextUpdate(`m${id}`, chatId, question));
  const url = channel === "tg" ? `${bot.origin}${bot.telegramPath}` : `${bot.origin}${bot.zaloPath}`;
  const header = channel === "tg" ? TELEGRAM_SECRET_HEADER : ZALO_SECRET_HEADER;
  const posted = (async () => {
    for (let attempt = 1; ; attempt += 1) {
      const status = await postUpdate(fakes, url, body, { agent, headers: { [header]: channel === "tg" ? SECRET_OF.telegram : SECRET_OF.zalo } }).then(
        (result) => String(result.status),
        (error: NodeJS.ErrnoException) => error.code ?? error.message,
      );
      countStatus(`${channel} ${status}`);
      // Like the platforms: a 503 or a failed connection is delivered again a little later.
      if (/^[2-4]\d\d$/.test(status) || attempt >= REDELIVERIES) return;
      await sleep(250 * attempt);
    }
  })();
  return Promise.all([posted, replied]).then(() => undefined);
}

interface PhaseResult {
  readonly name: string;
  readonly sent: number;
  readonly replied: number;
  readonly seconds: number;
  readonly latencies: number[];
  readonly botCpu: number;
  readonly benchCpu: number;
  readonly peakRss: number;
  /** CPU used by other processes on the machine during the phase (a shared machine distorts the figures). */
  readonly otherCpu: number;
}

const expected: Record<Channel, Int16Array> = { tg: new Int16Array(questions.length).fill(-1), zalo: new Int16Array(questions.length).fill(-1) };
const verdicts = { lost: 0, short: 0, extra: 0 };

/**
 * Checks the updates first..last (a finished phase) against the baseline: each must have as many messages as its
 * question got there. Returns the latencies of those replied to, sorted.
 */
function check(first: number, last: number): number[] {
  const latencies: number[] = [];
  for (let id = first; id <= last; id += 1) {
    const channel = log.channel[id] === CHANNEL_CODE.tg ? "tg" : "zalo";
    const baseline = expected[channel][log.question[id]!]!;
    const want = baseline < 0 ? 1 : baseline;
    const messages = log.messages[id]!;
    if (messages === 0) verdicts.lost += 1;
    else if (messages < want) verdicts.short += 1;
    else if (messages > want) verdicts.extra += 1;
    if (log.firstReplyAt[id]! > 0) latencies.push(log.firstReplyAt[id]! - log.sentAt[id]!);
  }
  checkedThrough = last;
  return latencies.sort((a, b) => a - b);
}

async function measure(name: string, run: () => Promise<void>): Promise<PhaseResult> {
  const first = sequence + 1;
  const cpuBefore = (await cpuSecondsOf(bot.child.pid!)) ?? 0;
  const machineBefore = (await machineCpuSeconds()) ?? 0;
  const benchBefore = process.cpuUsage();
  const started = performance.now();
  const phaseRss = sampleRss(bot.child.pid!);
  await run();
  const seconds = (performance.now() - started) / 1000;
  const { peak: peakRss } = await phaseRss.stop();
  const cpuAfter = (await cpuSecondsOf(bot.child.pid!)) ?? 0;
  const bench = process.cpuUsage(benchBefore);
  const machineAfter = (await machineCpuSeconds()) ?? 0;
  await sleep(SETTLE_MS);
  const latencies = check(first, sequence);
  return {
    name,
    sent: sequence - first + 1,
    replied: latencies.length,
    seconds,
    latencies,
    botCpu: (cpuAfter - cpuBefore) / seconds,
    benchCpu: (bench.user + bench.system) / 1e6 / seconds,
    peakRss,
    otherCpu: Math.max(0, (machineAfter - machineBefore - (cpuAfter - cpuBefore) - (bench.user + bench.system) / 1e6) / seconds),
  };
}

let questionCount = 0;
const nextQuestion = () => questionCount++ % questions.length;

/** N senders, each waiting for its reply before sending again, for `seconds`. */
function closedLoop(channels: readonly Channel[], concurrency: number, seconds: number, agents: Record<Channel, Agent>) {
  return async () => {
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        const channel = channels[worker % channels.length]!;
        while (performance.now() < until) await send(channel, agents[channel], nextQuestion());
      }),
    );
  };
}

const notes: string[] = [];

/** Updates at a fixed rate regardless of replies (as users would send them), for `seconds`; then waits for the replies. */
function openLoop(name: string, channels: readonly Channel[], rate: number, seconds: number, agents: Record<Channel, Agent>) {
  return async () => {
    const started = performance.now();
    const inFlight = new Set<Promise<void>>();
    let sent = 0;
    let skipped = 0;
    while (performance.now() - started < seconds * 1000) {
      const due = Math.floor(((performance.now() - started) / 1000) * rate);
      while (sent < due) {
        if (inFlight.size >= MAX_OUTSTANDING) {
          skipped += 1;
          sent += 1;
          continue;
        }
        const channel = channels[sent % channels.length]!;
        const promise = send(channel, agents[channel], nextQuestion());
        inFlight.add(promise);
        void promise.finally(() => inFlight.delete(promise));
        sent += 1;
      }
      await sleep(2);
    }
    if (skipped > 0) notes.push(`${name}: ${skipped} updates not sent (over ${MAX_OUTSTANDING} were waiting for a reply)`);
    await Promise.race([Promise.allSettled([...inFlight]), sleep(DRAIN_MS)]);
  };
}

const agents: Record<Channel, Agent> = { tg: keepAliveAgent(CONNECTIONS), zalo: keepAliveAgent(CONNECTIONS) };
const idleRss = (await rssOf(bot.child.pid!)) ?? 0;
const rss = sampleRss(bot.child.pid!);

// Baseline: every question once per channel, one at a time — how many messages each answer takes (and warm-up).
console.log(`bot pid ${bot.child.pid}, port ${bot.port}; ${questions.length} distinct questions; ${PHASE_SECONDS} s per phase`);
console.log(`bot: ${args.entry ?? "--import tsx src/main.ts"}${nodeArgs.length > 0 ? ` ${nodeArgs.join(" ")}` : ""}; Telegram replies ${args["webhook-reply"] ? "in the webhook response (first message)" : "by sendMessage requests"}`);
const baselineChannels: Channel[] = args.only === "tg" ? ["tg"] : args.only === "zalo" ? ["zalo"] : ["tg", "zalo"];
for (const channel of baselineChannels) {
  const first = sequence + 1;
  for (let question = 0; question < questions.length; question += 1) await send(channel, agents[channel], question);
  await sleep(SETTLE_MS);
  for (let id = first; id <= sequence; id += 1) expected[channel][log.question[id]!] = log.messages[id]!;
  checkedThrough = sequence;
}

const phases: PhaseResult[] = [];
// --only tg | zalo | both: run just those phases (for profiling one path).
const only = args.only;
const rates = [...new Set([SUSTAINED, RATE])].sort((a, b) => a - b);
for (const [channel, label] of [["tg", "Telegram"], ["zalo", "Zalo"]] as const) {
  if (only && only !== channel) continue;
  phases.push(await measure(`${label}, closed loop, ${CONCURRENCY} senders`, closedLoop([channel], CONCURRENCY, PHASE_SECONDS, agents)));
  for (const rate of rates) {
    const name = `${label}, open loop ${rate}/s`;
    phases.push(await measure(name, openLoop(name, [channel], rate, PHASE_SECONDS, agents)));
  }
}
if (!only || only === "both") {
  for (const rate of rates) {
    const name = `both, open loop ${rate}/s (half each)`;
    phases.push(await measure(name, openLoop(name, ["tg", "zalo"], rate, PHASE_SECONDS, agents)));
  }
}

// Every phase has been checked; a moment more for messages that come after their phase's check.
await sleep(SETTLE_MS);
const memory = await rss.stop();
const { lost, short, extra } = verdicts;

const metricsText = await fetch(`${bot.origin}/metrics`).then((response) => response.text());
const stopped = await bot.stop();
const problems = problemsIn(bot.logLines);

console.log("");
console.log(
  table(
    ["phase", "updates sent", "replied", "updates/s", "p50", "p99", "max", "bot CPU", "bot CPU/update", "bench CPU", "other CPU", "bot RSS peak"],
    phases.map((phase) => [
      phase.name,
      phase.sent,
      phase.replied,
      Math.round(phase.replied / phase.seconds),
      `${quantile(phase.latencies, 0.5).toFixed(2)} ms`,
      `${quantile(phase.latencies, 0.99).toFixed(2)} ms`,
      `${(phase.latencies.at(-1) ?? Number.NaN).toFixed(2)} ms`,
      `${Math.round(phase.botCpu * 100)}%`,
      // CPU time per update answered: steadier than updates/s when other work shares the machine.
      `${((phase.botCpu * phase.seconds * 1000) / Math.max(phase.replied, 1)).toFixed(3)} ms`,
      `${Math.round(phase.benchCpu * 100)}%`,
      `${Math.round(phase.otherCpu * 100)}%`,
      mb(phase.peakRss),
    ]),
  ),
);
console.log("");
console.log(
  table(
    ["check", "value"],
    [
      ["updates sent (baseline + phases)", sequence],
      ["replies lost (no message)", lost],
      ["replies incomplete (fewer messages than baseline)", short],
      ["replies duplicated (more messages than baseline)", extra],
      ["replies to no known update", unmatchedReplies],
      ["messages after their phase was checked", lateReplies],
      ["HTTP statuses", [...statuses].map(([label, count]) => `${label}: ${count}`).join(", ")],
      ["bot RSS idle (after start) / peak / end", `${mb(idleRss)} / ${mb(memory.peak)} / ${mb(memory.last)}`],
      ["bot log lines at error level", problems.errors.length],
      ["unhandled rejections / exceptions", problems.unhandled.length],
      ["bot_errors_total", (metricsText.match(/^bot_errors_total.*$/gm) ?? ["?"]).join("; ")],
      ["SIGTERM → exit", `code ${stopped.code} in ${stopped.ms} ms`],
      ["cores", `${availableParallelism()} (bot and bench share them)`],
    ],
  ),
);
for (const note of notes) console.log(`  note: ${note}`);
for (const line of problems.errors.slice(0, 5)) console.log(`  error: ${line.slice(0, 300)}`);
agents.tg.destroy();
agents.zalo.destroy();
await fakes.close();
await bot.cleanup();
process.exitCode = lost + short + extra + unmatchedReplies + lateReplies + problems.unhandled.length === 0 && stopped.code === 0 ? 0 : 1;
