// Child process for bench/faults.ts: opens the Store in DATA_DIR (argv[2]) and writes to it as fast as it can
// (questions, seen ids, feedback, measurements) until it is killed. Prints "ready" once the store is open.
// Bounded anyway: it stops by itself after 30 s.
import { createLogger } from "../../src/logger.js";
import { Store } from "../../src/store/store.js";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: store-writer.ts <dataDir>");
const store = await Store.open({ dataDir, logger: createLogger({ level: "silent" }) });
process.stdout.write("ready\n");
const until = Date.now() + 30_000;
let n = 0;
while (Date.now() < until) {
  const batch: Promise<unknown>[] = [];
  for (let i = 0; i < 50; i += 1, n += 1) {
    batch.push(
      store.recordQuestion({ channel: n % 2 ? "tg" : "zalo", text: `câu hỏi thử số ${n} về chuyển đổi số`, intent: "fallback", answered: false, confidence: 0 }),
      store.markSeen("zalo", `writer-${process.pid}-${n}`),
    );
    if (n % 10 === 0) batch.push(store.recordFeedback({ answerKey: `tg:1:${process.pid}-${n}`, channel: "tg", vote: "up", question: "mục tiêu 2030" }));
    if (n % 25 === 0) {
      batch.push(store.addMeasurement({ indicator: "dvc-muc-4", value: n % 100, period: "2025", scope: "province-after-merger", source: "bao-khanh-hoa", by: "tg:1" }).catch(() => undefined));
    }
  }
  await Promise.all(batch);
}
process.exit(0);
