// npm run bench: engine latency per question (p50/p99), questions per second on one core, knowledge load +
// index build time, cold start of the terminal chat to its first answer, chart pictures (render time, the memory
// they add), and memory.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Charts } from "../src/charts/charts.js";
import { createEngine } from "../src/engine/ask.js";
import { createConversation } from "../src/engine/conversation.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { defaultKnowledgeDir } from "../src/paths.js";
import { loadEvaluationSets } from "./evaluation.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ms = (ns: bigint) => Number(ns) / 1e6;
const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function loadAndBuild() {
  const start = process.hrtime.bigint();
  const result = await loadKnowledge(defaultKnowledgeDir());
  if (!result.ok) throw new Error("knowledge is invalid: run npm run kb:check");
  // No caches: every timed question is read and searched, as if nobody had asked it before.
  const engine = createEngine(result.knowledge, { cacheSize: 0 });
  return { engine, elapsed: ms(process.hrtime.bigint() - start) };
}

const buildTimes: number[] = [];
let engine = (await loadAndBuild()).engine;
for (let i = 0; i < 15; i++) {
  const run = await loadAndBuild();
  engine = run.engine;
  buildTimes.push(run.elapsed);
}
buildTimes.sort((a, b) => a - b);

const sets = await loadEvaluationSets();
const questions = [...sets.single.map((s) => s.q), ...sets.outOfScope.map((s) => s.q), ...sets.dialogues.flatMap((d) => d.turns.map((t) => t.q))];
for (let pass = 0; pass < 3; pass++) for (const q of questions) engine.ask(q, createConversation());

const PASSES = 10;
const latencies: number[] = [];
const started = process.hrtime.bigint();
for (let pass = 0; pass < PASSES; pass++) {
  for (const q of questions) {
    const t0 = process.hrtime.bigint();
    engine.ask(q, createConversation());
    latencies.push(ms(process.hrtime.bigint() - t0));
  }
}
const totalSeconds = ms(process.hrtime.bigint() - started) / 1000;
latencies.sort((a, b) => a - b);

// The same questions again with the caches a running bot has (every one asked before).
const cachedEngine = createEngine(engine.knowledge);
for (const q of questions) cachedEngine.ask(q, createConversation());
const cached: number[] = [];
for (const q of questions) {
  const t0 = process.hrtime.bigint();
  cachedEngine.ask(q, createConversation());
  cached.push(ms(process.hrtime.bigint() - t0));
}
cached.sort((a, b) => a - b);

/** Wall time from spawning `npm start`'s command with one piped question to the answer's first byte. */
function coldStart(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
    let done = false;
    child.stdout.on("data", (chunk: Buffer) => {
      if (!done && chunk.toString().includes("Nghị quyết")) {
        done = true;
        resolve(ms(process.hrtime.bigint() - t0));
      }
    });
    child.on("error", reject);
    child.on("close", () => (done ? undefined : reject(new Error("no answer"))));
    child.stdin.end("muc tieu 2030 la gi\n");
  });
}
const colds: number[] = [];
for (let i = 0; i < 5; i++) colds.push(await coldStart());
colds.sort((a, b) => a - b);

// Chart pictures: every chart of the knowledge drawn afresh (a new cache each round, as after a knowledge update),
// one after another; the RSS they add is read after the engine benchmarks, so it is the charts' own.
const CHART_ROUNDS = 5;
const rssBeforeCharts = process.memoryUsage().rss;
const chartTimes: number[] = [];
let dashboardMs = 0;
for (let round = 0; round < CHART_ROUNDS; round++) {
  const charts = new Charts({ knowledge: () => engine.knowledge });
  for (const name of charts.names()) {
    const t0 = process.hrtime.bigint();
    await charts.chart(name);
    const elapsed = ms(process.hrtime.bigint() - t0);
    chartTimes.push(elapsed);
    if (name === "dashboard") dashboardMs = Math.max(dashboardMs, elapsed);
  }
}
const chartRssMb = (process.memoryUsage().rss - rssBeforeCharts) / 1024 / 1024;
chartTimes.sort((a, b) => a - b);

const rows: [string, string, string][] = [
  ["questions timed", `${latencies.length} (${questions.length} distinct × ${PASSES})`, ""],
  ["latency p50 per question", `${quantile(latencies, 0.5).toFixed(3)} ms`, ""],
  ["latency p99 per question", `${quantile(latencies, 0.99).toFixed(3)} ms`, "target ≤ 1 ms"],
  ["questions per second (1 core)", `${Math.round(latencies.length / totalSeconds)}`, "target ≥ 5,000"],
  ["repeated question, p50 / p99", `${quantile(cached, 0.5).toFixed(3)} / ${quantile(cached, 0.99).toFixed(3)} ms (reading and search cached)`, ""],
  ["knowledge load + index build", `${quantile(buildTimes, 0.5).toFixed(1)} ms median (max ${buildTimes.at(-1)!.toFixed(1)} ms)`, ""],
  ["cold start to first answer", `${quantile(colds, 0.5).toFixed(0)} ms median (max ${colds.at(-1)!.toFixed(0)} ms)`, "target ≤ 1 s"],
  ["chart render, p50 / p99", `${quantile(chartTimes, 0.5).toFixed(0)} / ${quantile(chartTimes, 0.99).toFixed(0)} ms (${chartTimes.length} drawings; dashboard max ${dashboardMs.toFixed(0)} ms)`, "once per chart and knowledge version"],
  ["RSS added by the charts", `${chartRssMb.toFixed(0)} MB`, ""],
  ["RSS after benchmark", `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`, ""],
];
console.log(`Node ${process.version}, ${questions.length} distinct questions from bench/eval`);
for (const [name, value, note] of rows) console.log(`${name.padEnd(32)}${value.padEnd(40)}${note}`);
