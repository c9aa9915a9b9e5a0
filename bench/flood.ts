// npm run bench:flood — the production heap cap (--max-old-space-size=96) under the worst memory case the bot
// keeps by design: unique, long (~450 characters), unanswerable questions, each from a new chat, so every bound
// fills up at once (3,000 question texts for review, 10,000 conversations, the flood guard; the reading and search
// caches skip questions that long). The prebuilt `dist/main.js` (npm run build) runs with the flags the Dockerfile
// and the systemd unit use; it must stay up, answer every update, log no error and stop cleanly.
//
// Options: --updates <default 20000> --node-options="<flags>" (default the production ones)
import { parseArgs } from "node:util";
import {
  keepAliveAgent,
  mb,
  postUpdate,
  problemsIn,
  sampleRss,
  startBot,
  startFakes,
  table,
  telegramTextUpdate,
  TELEGRAM_SECRET_HEADER,
  WEBHOOK_SECRET,
} from "./support/harness.js";

const { values: args } = parseArgs({
  options: {
    updates: { type: "string", default: "20000" },
    "node-options": { type: "string", default: "--max-old-space-size=96 --max-semi-space-size=8" },
  },
});
const UPDATES = Math.min(Math.max(Number(args.updates), 1), 200_000);
const SENDERS = 32;
const WORDS = "bitcoin thời tiết giá vàng xổ số bóng đá âm nhạc phim ảnh du lịch nấu ăn ca sĩ diễn viên con mèo".split(" ");

/** A question nobody asked before, about nothing the knowledge covers. */
function uniqueQuestion(n: number): string {
  let text = `câu hỏi ${n}`;
  while (text.length < 450) text += ` ${WORDS[(n * 7 + text.length) % WORDS.length]} ${(n * 31 + text.length) % 9973}`;
  return text;
}

const fakes = await startFakes();
const bot = await startBot(fakes, { entry: ["dist/main.js"], nodeArgs: args["node-options"].split(" ").filter(Boolean) });
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
      const status = await postUpdate(fakes, url, body, { agent, headers: { [TELEGRAM_SECRET_HEADER]: WEBHOOK_SECRET } }).then(
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
if (!alive || errors.length > 0 || unhandled.length > 0 || stop.code !== 0 || statuses.size !== 1 || !statuses.has(200)) process.exitCode = 1;
