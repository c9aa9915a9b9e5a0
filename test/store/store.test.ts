import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { Store, STORE_LIMITS, StoreFullError, type MeasurementInput } from "../../src/store/store.js";

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

const DAY_MS = 24 * 3600_000;
const START = new Date("2026-11-28T03:00:00.000Z"); // 10:00 in Vietnam
const ASIDE_SUFFIX = "corrupt-2026-11-28T03-00-00-000Z";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "store-test-"));
  dirs.push(dir);
  return dir;
}

/** A store on a real directory with a movable clock and captured log lines. */
async function setup(dir?: string) {
  const dataDir = dir ?? (await tempDir());
  const clock = { now: START };
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as LogLine);
      callback();
    },
  });
  const logger = createLogger({ level: "info", destination });
  const open = (retentionDays?: number) =>
    Store.open({ dataDir, logger, now: () => clock.now, ...(retentionDays ? { retentionDays } : {}) });
  return { dataDir, file: join(dataDir, "db.json"), clock, lines, open };
}

async function readJson(file: string): Promise<Record<string, unknown[] | unknown>> {
  return JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
}

const measurement = (overrides: Partial<MeasurementInput> = {}): MeasurementInput => ({
  indicator: "dvc-muc-4",
  value: 87.5,
  period: "2026-Q3",
  scope: "province-after-merger",
  source: "Báo cáo Sở KH&CN tháng 10/2026",
  by: "tg:1001",
  ...overrides,
});

describe("Store", () => {
  it("creates DATA_DIR and a v1 file at open", async () => {
    const { open, dataDir } = await setup(join(await tempDir(), "nested", "data"));
    const store = await open();
    expect(store.status).toEqual({ file: join(dataDir, "db.json") });
    expect(await readJson(store.status.file)).toMatchObject({ schemaVersion: 1, nextMeasurementId: 1, measurements: [] });
  });

  it("loses nothing when 200 mixed operations run at once", async () => {
    const { open, file } = await setup();
    const store = await open();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        switch (i % 5) {
          case 0:
            return store.addMeasurement(measurement({ value: i }));
          case 1:
            return store.recordQuestion({ channel: "tg", text: `câu hỏi ${i}`, intent: "fallback", answered: false, confidence: 0 });
          case 2:
            return store.recordFeedback({ answerKey: `tg:1:${i}`, channel: "zalo", vote: "up", question: `hỏi ${i}` });
          case 3:
            return store.subscribe(`tg:${i}`, "dvc-muc-4");
          default:
            return store.markSeen("zalo", `msg-${i}`);
        }
      }),
    );
    // What the last promise saw must already be on disk, without flush().
    const onDisk = await readJson(file);
    expect(onDisk.measurements).toHaveLength(40);
    expect(onDisk.questions).toHaveLength(40);
    expect(onDisk.feedback).toHaveLength(40);
    expect(onDisk.subscriptions).toHaveLength(40);

    const reopened = await open();
    const ids = reopened.measurements().map((m) => m.id);
    expect(new Set(ids).size).toBe(40);
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => `m${i + 1}`));
    expect(reopened.measurements().map((m) => m.value).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i * 5));
    const stats = reopened.stats(1);
    expect(stats.perDay).toEqual([{ day: "2026-11-28", questions: 40, answered: 0 }]);
    expect(stats.feedback).toEqual({ up: 40, down: 0 });
    expect(reopened.subscribersOf("dvc-muc-4")).toHaveLength(40);
    for (let i = 4; i < 200; i += 5) expect(reopened.hasSeen("zalo", `msg-${i}`)).toBe(true);
  });

  it("keeps everything across a restart and never reuses a removed measurement id", async () => {
    const { open } = await setup();
    const store = await open();
    const first = await store.addMeasurement(measurement());
    const second = await store.addMeasurement(measurement({ period: "2026", value: 90 }));
    expect([first.id, second.id]).toEqual(["m1", "m2"]);
    expect(first).toMatchObject({ ...measurement(), at: START.toISOString() });
    expect(await store.removeMeasurement(" M2 ")).toEqual(second);
    expect(await store.removeMeasurement("m2")).toBeUndefined();
    await store.recordQuestion({ channel: "zalo", text: "Tỷ lệ hồ sơ trực tuyến?", intent: "status", entry: "dvc-muc-4", answered: true, confidence: 0.4 });
    await store.recordFeedback({ answerKey: "zalo:9:1", channel: "zalo", vote: "down", question: "Ai ký nghị quyết?" });
    await store.subscribe("zalo:9", "*");
    await store.markSeen("zalo", "abc");

    const reopened = await open();
    expect(reopened.measurements()).toEqual(store.measurements());
    expect(reopened.reviewQueue()).toEqual(store.reviewQueue());
    expect(reopened.reviewQueue()).toHaveLength(2);
    expect(reopened.stats()).toEqual(store.stats());
    expect(reopened.subscribersOf("anything")).toEqual(["zalo:9"]);
    expect(reopened.hasSeen("zalo", "abc")).toBe(true);
    expect(reopened.hasSeen("tg", "abc")).toBe(false);
    expect((await reopened.addMeasurement(measurement())).id).toBe("m3");
  });

  it("rejects invalid input without changing anything", async () => {
    const { open } = await setup();
    const store = await open();
    await expect(store.addMeasurement(measurement({ period: "2026-13" }))).rejects.toThrow();
    await expect(store.addMeasurement(measurement({ value: Number.NaN }))).rejects.toThrow();
    await expect(
      store.recordQuestion({ channel: "sms" as "tg", text: "x", intent: "faq", answered: true, confidence: 1 }),
    ).rejects.toThrow();
    await expect(store.markSeen("__proto__", "1")).rejects.toThrow();
    expect(store.measurements()).toEqual([]);
    expect(store.stats(1).perDay[0]?.questions).toBe(0);
    expect((await store.addMeasurement(measurement())).id).toBe("m1");
  });

  describe("a file that cannot be used at start", () => {
    const valid = JSON.stringify({ schemaVersion: 1, nextMeasurementId: 1, measurements: [], questions: [], feedback: [], usage: {}, subscriptions: [], seen: {} });
    const cases: [string, string | Buffer][] = [
      ["garbage bytes", Buffer.from([0x00, 0x00, 0xff, 0xfe, 0x7b, 0x13, 0x00])],
      ["an empty file (power loss)", ""],
      ["truncated JSON", valid.slice(0, valid.length / 2)],
      ["valid JSON with the wrong shape", JSON.stringify({ schemaVersion: 1, measurements: "none" })],
      ["a JSON array", "[1, 2, 3]"],
      ["a v0 file with an impossible period", JSON.stringify({ measurements: [{ ...measurement({ period: "2026-02-30" }), at: START.toISOString() }] })],
      ["a file from a newer version", JSON.stringify({ schemaVersion: 2 })],
    ];

    it.each(cases)("%s is moved aside, logged once and replaced by a fresh store", async (_name, content) => {
      const { open, file, dataDir, lines } = await setup();
      await writeFile(file, content);
      const store = await open();

      const aside = join(dataDir, `db.json.${ASIDE_SUFFIX}`);
      expect(store.status).toEqual({ file, recoveredFrom: aside });
      expect(await readFile(aside)).toEqual(Buffer.from(content));
      const errors = lines.filter((line) => line.level >= 50);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.msg).toContain(file);
      expect(errors[0]?.msg).toContain(aside);
      expect(store.measurements()).toEqual([]);
      expect(await readJson(file)).toMatchObject({ schemaVersion: 1 });

      // The next start is clean: no loop of moving files aside.
      const again = await open();
      expect(again.status.recoveredFrom).toBeUndefined();
      expect(lines.filter((line) => line.level >= 50)).toHaveLength(1);
    });

    it("never overwrites an earlier corrupt copy", async () => {
      const { open, file, dataDir } = await setup();
      await writeFile(file, "first {");
      await open();
      await writeFile(file, "second {");
      const store = await open();
      expect(store.status.recoveredFrom).toBe(join(dataDir, `db.json.${ASIDE_SUFFIX}-1`));
      expect((await readdir(dataDir)).filter((name) => name.includes("corrupt")).sort()).toEqual([
        `db.json.${ASIDE_SUFFIX}`,
        `db.json.${ASIDE_SUFFIX}-1`,
      ]);
      expect(await readFile(join(dataDir, `db.json.${ASIDE_SUFFIX}`), "utf8")).toBe("first {");
    });
  });

  it("migrates a v0 file (measurements only, no ids) to v1", async () => {
    const { open, file, lines } = await setup();
    const old = [
      { ...measurement({ value: 70, period: "2025" }), at: "2025-12-01T00:00:00.000Z" },
      { ...measurement({ value: 80, period: "2026-06" }), at: "2026-07-01T00:00:00.000Z" },
    ];
    await writeFile(file, JSON.stringify({ measurements: old }));
    const store = await open();
    expect(store.status.recoveredFrom).toBeUndefined();
    expect(store.measurements()).toEqual([
      { id: "m1", ...old[0] },
      { id: "m2", ...old[1] },
    ]);
    expect(lines.some((line) => line.msg.includes("upgraded") && line.from === 0 && line.to === 1)).toBe(true);
    expect(await readJson(file)).toMatchObject({ schemaVersion: 1, nextMeasurementId: 3 });
    expect((await store.addMeasurement(measurement())).id).toBe("m3");
  });

  it("records one vote per answer", async () => {
    const { open } = await setup();
    const store = await open();
    const vote = { answerKey: "tg:123:45", channel: "tg", question: "Học phí bao nhiêu?" } as const;
    expect(await store.recordFeedback({ ...vote, vote: "up" })).toBe("recorded");
    expect(await store.recordFeedback({ ...vote, vote: "down" })).toBe("duplicate");
    expect(await store.recordFeedback({ ...vote, answerKey: "tg:123:46", vote: "down" })).toBe("recorded");
    expect(store.stats().feedback).toEqual({ up: 1, down: 1 });
    expect(await (await open()).recordFeedback({ ...vote, vote: "up" })).toBe("duplicate");
  });

  it("prunes old question texts at open and on the first write of a day, keeping the counters", async () => {
    const { open, file, clock } = await setup();
    const store = await open();
    await store.recordQuestion({ channel: "tg", text: "Câu hỏi cũ về 5G", intent: "fallback", entry: "5g", answered: false, confidence: 0 });
    await store.recordFeedback({ answerKey: "tg:1:1", channel: "tg", vote: "down", question: "Trả lời cũ sai" });
    expect(store.reviewQueue()).toHaveLength(2);

    clock.now = new Date(START.getTime() + 89 * DAY_MS);
    await store.recordQuestion({ channel: "tg", text: "Câu hỏi mới", intent: "fallback", answered: false, confidence: 0 });
    expect(store.reviewQueue()).toHaveLength(3);

    clock.now = new Date(START.getTime() + 91 * DAY_MS);
    await store.markSeen("zalo", "1");
    expect(store.reviewQueue().map((group) => group.example)).toEqual(["Câu hỏi mới"]);
    const onDisk = await readJson(file);
    expect(onDisk.questions).toHaveLength(1);
    expect(onDisk.feedback).toHaveLength(0);
    // Counters outlive the texts.
    const stats = store.stats(100);
    expect(stats.perDay.reduce((sum, day) => sum + day.questions, 0)).toBe(2);
    expect(stats.feedback).toEqual({ up: 0, down: 1 });
    expect(stats.topTopics).toEqual([{ entry: "5g", count: 1 }]);

    clock.now = new Date(START.getTime() + 200 * DAY_MS);
    const reopened = await open(30);
    expect(reopened.reviewQueue()).toEqual([]);
    expect((await readJson(file)).questions).toEqual([]);
  });

  it("masks long digit runs such as phone numbers in stored texts", async () => {
    const { open, file } = await setup();
    const store = await open();
    await store.recordQuestion({ channel: "zalo", text: "Gọi em số 0912345678 nhé, năm 2025", intent: "fallback", answered: false, confidence: 0 });
    await store.recordFeedback({ answerKey: "zalo:1:2", channel: "zalo", vote: "down", question: "CCCD 079123456789 của em" });
    const text = await readFile(file, "utf8");
    expect(text).not.toContain("0912345678");
    expect(text).not.toContain("079123456789");
    expect(store.reviewQueue().map((group) => group.example).sort()).toEqual(["CCCD *** của em", "Gọi em số *** nhé, năm 2025"]);
  });

  it("keeps texts only of unanswered and low-confidence questions but counts all", async () => {
    const { open, clock } = await setup();
    const store = await open();
    clock.now = new Date("2026-11-27T16:59:00.000Z"); // 23:59 on the 27th in Vietnam
    await store.recordQuestion({ channel: "tg", text: "Mục tiêu 2030?", intent: "goal", entry: "@goals-2030", answered: true, confidence: 0.9 });
    clock.now = new Date("2026-11-27T17:01:00.000Z"); // 00:01 on the 28th
    await store.recordQuestion({ channel: "zalo", text: "Mục tiêu 2030 là gì", intent: "goal", entry: "@goals-2030", answered: true, confidence: 0.5 });
    clock.now = new Date("2026-11-27T17:02:00.000Z");
    await store.recordQuestion({ channel: "zalo", text: "Thời tiết mai?", intent: "fallback", answered: false, confidence: 0.1 });
    const stats = store.stats(2);
    expect(stats.perDay).toEqual([
      { day: "2026-11-27", questions: 1, answered: 1 },
      { day: "2026-11-28", questions: 2, answered: 1 },
    ]);
    expect(stats.answeredShare).toBeCloseTo(2 / 3);
    expect(stats.topTopics).toEqual([{ entry: "@goals-2030", count: 2 }]);
    expect(stats.perChannel).toEqual({ tg: { questions: 1, answered: 1 }, zalo: { questions: 2, answered: 1 } });
    expect(store.reviewQueue().map((group) => [group.example, group.kinds])).toEqual([
      ["Thời tiết mai?", ["unanswered"]],
      ["Mục tiêu 2030 là gì", ["low-confidence"]],
    ]);
  });

  it("groups the same question typed with and without marks in the review queue", async () => {
    const { open, clock } = await setup();
    const store = await open();
    const at = (minutes: number) => (clock.now = new Date(START.getTime() + minutes * 60_000));
    at(1);
    await store.recordQuestion({ channel: "tg", text: "Học phí đại học năm nay bao nhiêu?", intent: "fallback", answered: false, confidence: 0 });
    at(2);
    await store.recordQuestion({ channel: "zalo", text: "Ký túc xá ở đâu", intent: "fallback", answered: false, confidence: 0 });
    at(3);
    await store.recordQuestion({ channel: "zalo", text: "hoc phi dai hoc nam nay bao nhieu", intent: "fallback", answered: false, confidence: 0 });
    at(4);
    await store.recordQuestion({ channel: "tg", text: "cho em hỏi HỌC PHÍ đại học năm nay là bao nhiêu ạ", intent: "faq", answered: true, confidence: 0.3 });
    at(5);
    await store.recordFeedback({ answerKey: "tg:5:5", channel: "tg", vote: "down", question: "Đại học học phí bao nhiêu" });
    at(6);
    await store.recordFeedback({ answerKey: "tg:5:6", channel: "tg", vote: "up", question: "Học phí đại học bao nhiêu" });
    at(7);
    await store.recordQuestion({ channel: "tg", text: "Học phí đại học bao nhiêu", intent: "faq", answered: true, confidence: 0.95 });

    expect(store.reviewQueue()).toEqual([
      {
        example: "Đại học học phí bao nhiêu",
        count: 4,
        kinds: ["unanswered", "low-confidence", "thumbs-down"],
        lastAt: new Date(START.getTime() + 5 * 60_000).toISOString(),
      },
      { example: "Ký túc xá ở đâu", count: 1, kinds: ["unanswered"], lastAt: new Date(START.getTime() + 2 * 60_000).toISOString() },
    ]);
    expect(store.reviewQueue(1)).toHaveLength(1);
  });

  it("keeps questions about different things apart even with the same scaffolding", async () => {
    const { open } = await setup();
    const store = await open();
    for (const text of ["Cho em hỏi chuyển đổi số là gì ạ", "Cho em hỏi chính quyền số là gì ạ", "cho em hoi chuyen doi so la gi"]) {
      await store.recordQuestion({ channel: "tg", text, intent: "fallback", answered: false, confidence: 0 });
    }
    expect(store.reviewQueue().map((group) => group.count)).toEqual([2, 1]);
  });

  it("finds subscribers of an indicator, including those subscribed to everything", async () => {
    const { open } = await setup();
    const store = await open();
    await store.subscribe("tg:1", "dvc-muc-4");
    await store.subscribe("tg:2", "*");
    await store.subscribe("zalo:3", "kinh-te-so");
    await store.subscribe("tg:1", "*");
    await store.subscribe("tg:1", "dvc-muc-4");
    expect(store.subscribersOf("dvc-muc-4")).toEqual(["tg:1", "tg:2"]);
    expect(store.subscribersOf("kinh-te-so")).toEqual(["tg:2", "zalo:3", "tg:1"]);
    expect(await store.unsubscribe("tg:1", "*")).toBe(1);
    expect(store.subscribersOf("kinh-te-so")).toEqual(["tg:2", "zalo:3"]);
    expect(await store.unsubscribe("tg:2", "dvc-muc-4")).toBe(0);
    await store.subscribe("zalo:3", "dvc-muc-4");
    expect(await store.unsubscribe("zalo:3")).toBe(2);
    await store.dropSubscriber("tg:2");
    expect((await open()).subscribersOf("dvc-muc-4")).toEqual(["tg:1"]);
  });

  it("remembers at most the newest 5,000 seen message ids per channel", async () => {
    const { open, file } = await setup();
    const store = await open();
    await Promise.all(Array.from({ length: 5_010 }, (_, i) => store.markSeen("zalo", `id-${i}`)));
    await store.markSeen("tg", "id-0");
    await store.markSeen("zalo", "id-5009");
    await store.flush();
    const reopened = await open();
    for (const current of [store, reopened]) {
      expect(current.hasSeen("zalo", "id-9")).toBe(false);
      expect(current.hasSeen("zalo", "id-10")).toBe(true);
      expect(current.hasSeen("zalo", "id-5009")).toBe(true);
      expect(current.hasSeen("tg", "id-0")).toBe(true);
    }
    const seen = (await readJson(file)).seen as Record<string, string[]>;
    expect(seen.zalo).toHaveLength(5_000);
    expect(seen.zalo?.[0]).toBe("id-10");
  });

  describe("bounds", () => {
    it("keeps the newest votes, a 👎's question short and a 👍's none, and at most a user's daily share", async () => {
      const { open, file, clock } = await setup();
      const store = await open();
      const long = "Vì sao tỷ lệ hồ sơ trực tuyến lại thấp như vậy? ".repeat(10);
      expect(await store.recordFeedback({ answerKey: "tg:1:a", channel: "tg", vote: "down", question: long, user: "tg:1" })).toBe("recorded");
      expect(await store.recordFeedback({ answerKey: "tg:1:b", channel: "tg", vote: "up", question: long, user: "tg:1" })).toBe("recorded");
      const [down, up] = (await readJson(file)).feedback as { question: string }[];
      expect(down!.question).toHaveLength(STORE_LIMITS.votedQuestionLength);
      expect(up!.question).toBe("");

      const results = [];
      for (let i = 0; i < STORE_LIMITS.votesPerUserDay; i++) results.push(await store.recordFeedback({ answerKey: `tg:1:${i}`, channel: "tg", vote: "up", question: "", user: "tg:1" }));
      expect(results.filter((result) => result === "limit")).toHaveLength(2);
      // Another user, and the same one the next day, still may.
      expect(await store.recordFeedback({ answerKey: "tg:2:1", channel: "tg", vote: "up", question: "", user: "tg:2" })).toBe("recorded");
      clock.now = new Date(START.getTime() + DAY_MS);
      expect(await store.recordFeedback({ answerKey: "tg:1:next", channel: "tg", vote: "up", question: "", user: "tg:1" })).toBe("recorded");

      await Promise.all(
        Array.from({ length: STORE_LIMITS.votes + 10 }, (_, i) => store.recordFeedback({ answerKey: `zalo:${i}:1`, channel: "zalo", vote: "up", question: "", user: `zalo:${i}` })),
      );
      await store.flush();
      const votes = (await readJson(file)).feedback as { answerKey: string }[];
      expect(votes).toHaveLength(STORE_LIMITS.votes);
      expect(votes.at(-1)!.answerKey).toBe(`zalo:${STORE_LIMITS.votes + 9}:1`);
    });

    it("keeps at most a user's daily share of question texts, counting every question", async () => {
      const { open, file } = await setup();
      const store = await open();
      const ask = (user: string, i: number) => store.recordQuestion({ channel: "tg", text: `câu hỏi lạ ${i}`, intent: "fallback", answered: false, confidence: 0, user });
      await Promise.all(Array.from({ length: 50 }, (_, i) => ask("tg:7", i)));
      await ask("tg:8", 99);
      expect((await readJson(file)).questions).toHaveLength(STORE_LIMITS.questionsPerUserDay + 1);
      expect(store.stats(1).perDay[0]!.questions).toBe(51);
    });

    it("refuses subscriptions beyond a chat's daily share and beyond the total", async () => {
      const { open } = await setup();
      const store = await open();
      const results = [];
      for (let i = 0; i < STORE_LIMITS.subscriptionChangesPerChatDay + 1; i++) results.push(await store.subscribe("tg:5", `chi-tieu-${i}`));
      expect(results.at(-1)).toBe("limit");
      expect(await store.subscribe("tg:5", "chi-tieu-0")).toBe("exists");
      await Promise.all(Array.from({ length: STORE_LIMITS.subscriptions }, (_, i) => store.subscribe(`zalo:${i}`, "*")));
      expect(await store.subscribe("tg:6", "*")).toBe("full");
    });

    it("refuses a measurement beyond the limit with a message for the admin, dropping none", async () => {
      const { open, file } = await setup();
      await writeFile(
        file,
        JSON.stringify({
          schemaVersion: 1,
          nextMeasurementId: STORE_LIMITS.measurements + 1,
          measurements: Array.from({ length: STORE_LIMITS.measurements }, (_, i) => ({ id: `m${i + 1}`, ...measurement(), at: START.toISOString() })),
          questions: [],
          feedback: [],
          usage: {},
          subscriptions: [],
          seen: {},
        }),
      );
      const store = await open();
      await expect(store.addMeasurement(measurement())).rejects.toThrow(StoreFullError);
      expect(store.measurements()).toHaveLength(STORE_LIMITS.measurements);
    });

    it("adds days older than 92 into their month and drops months older than ten years", async () => {
      const { open, file, clock } = await setup();
      const store = await open();
      await store.recordQuestion({ channel: "tg", text: "hỏi", intent: "status", entry: "dti", answered: true, confidence: 1 });
      clock.now = new Date(START.getTime() + DAY_MS);
      await store.recordQuestion({ channel: "tg", text: "hỏi", intent: "status", entry: "dti", answered: true, confidence: 1 });
      clock.now = new Date(START.getTime() + 100 * DAY_MS);
      await store.markSeen("tg", "1");
      const usage = (await readJson(file)).usage as Record<string, { tg: { questions: number; entries: Record<string, number> } }>;
      expect(Object.keys(usage)).toEqual(["2026-11"]);
      expect(usage["2026-11"]!.tg).toMatchObject({ questions: 2, entries: { dti: 2 } });
      clock.now = new Date(START.getTime() + 3_700 * DAY_MS);
      await store.markSeen("tg", "2");
      expect((await readJson(file)).usage).toEqual({});
    });

    it("starts on a valid file far beyond the limits, trimmed to them oldest first with a warning", async () => {
      const { open, file, lines } = await setup();
      const vote = (i: number) => ({ answerKey: `tg:${i}:1`, channel: "tg", vote: "down", question: "câu hỏi ".repeat(60).trim(), at: START.toISOString() });
      const store = await open();
      await Promise.all(Array.from({ length: 100 }, (_, i) => store.markSeen("zalo", `id-${i}`)));
      await store.flush();
      // Written in the store's own form, one record per line: 40,000 votes, ~20 MB.
      const text = (await readFile(file, "utf8")).replace('"feedback": []', `"feedback": [\n${Array.from({ length: 40_000 }, (_, i) => JSON.stringify(vote(i))).join(",\n")}\n]`);
      await writeFile(file, text);
      expect(text.length).toBeGreaterThan(16 * 1024 * 1024);
      const reopened = await open();
      expect(reopened.status.recoveredFrom).toBeUndefined();
      expect(reopened.hasSeen("zalo", "id-99")).toBe(true);
      const votes = (await readJson(file)).feedback as { answerKey: string }[];
      expect(votes).toHaveLength(STORE_LIMITS.votes);
      expect(votes[0]!.answerKey).toBe(`tg:${40_000 - STORE_LIMITS.votes}:1`);
      expect(lines.find((line) => line.level === 40)).toMatchObject({ trimmed: [`feedback: ${40_000 - STORE_LIMITS.votes} oldest of 40000 dropped`] });
    });
  });
});
