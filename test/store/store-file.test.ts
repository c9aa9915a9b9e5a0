import { describe, expect, it } from "vitest";
import { emptyStoreData, type StoreData } from "../../src/store/schema.js";
import { storeDataPieces } from "../../src/store/store-file.js";

const question = (i: number, extra: Partial<StoreData["questions"][number]> = {}): StoreData["questions"][number] => ({
  at: `2026-11-28T03:00:${String(i).padStart(2, "0")}.000Z`,
  channel: "zalo",
  text: `câu hỏi ${i}`,
  intent: "fallback",
  answered: false,
  confidence: 0,
  ...extra,
});

const fileText = (data: StoreData): string => [...storeDataPieces(data)].join("");

/** What the file must hold: exactly the data as JSON (undefined fields left out, as JSON.stringify does). */
const asJson = (data: StoreData): unknown => JSON.parse(JSON.stringify(data));

describe("storeDataPieces", () => {
  it("writes valid JSON of exactly the data, one top-level field and one record per line", () => {
    const data = emptyStoreData();
    data.questions.push(question(1), question(2, { text: 'dấu "ngoặc" và\nxuống dòng', entry: undefined }), question(3, { entry: "dvc-muc-4", answered: true, confidence: 0.4 }));
    data.feedback.push({ answerKey: "tg:1:2", channel: "tg", vote: "down", question: "hỏi gì đó", at: "2026-11-28T03:01:00.000Z" });
    data.seen = { zalo: ["m1", "m2"] };
    data.usage = { "2026-11-28": { zalo: { questions: 3, answered: 1, up: 0, down: 1, intents: { fallback: 2 }, entries: {} } } };

    const text = fileText(data);
    expect(JSON.parse(text)).toEqual(asJson(data));
    const lines = text.split("\n");
    expect(lines.filter((line) => line.startsWith('{"at":'))).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('{"answerKey":'))).toHaveLength(1);
    expect(lines.filter((line) => /^"\w+": /.test(line)).map((line) => line.slice(1, line.indexOf('"', 1)))).toEqual(Object.keys(data));
  });

  it("gives the data as it was when the pieces were asked for, in pieces of bounded size", () => {
    const data = emptyStoreData();
    data.questions = Array.from({ length: 450 }, (_, i) => question(i % 60));
    data.seen = { zalo: Array.from({ length: 5_000 }, (_, i) => `m${i}`), tg: [] };
    const expected = asJson(data);
    const pieces = storeDataPieces(data);
    data.questions.push(question(7));
    data.questions = data.questions.slice(10);
    data.nextMeasurementId = 9;
    data.seen.zalo?.push("m-new");
    const texts = [...pieces];
    expect(JSON.parse(texts.join(""))).toEqual(expected);
    expect(Math.max(...texts.map((text) => text.length))).toBeLessThan(40_000);
  });

  it("follows the data as records are added and pruned between writes", () => {
    const data = emptyStoreData();
    data.questions.push(question(1), question(2));
    fileText(data);
    data.questions.push(question(3));
    data.questions = data.questions.filter((record) => record.text !== "câu hỏi 1");
    data.feedback.push({ answerKey: "zalo:c1:1", channel: "zalo", vote: "up", question: "", at: "2026-11-28T03:02:00.000Z" });
    expect(JSON.parse(fileText(data))).toEqual(asJson(data));
    data.questions = Array.from({ length: 250 }, (_, i) => question(i % 60));
    expect(JSON.parse(fileText(data))).toEqual(asJson(data));
    data.questions = [];
    expect(JSON.parse(fileText(data))).toEqual(asJson(data));
  });
});

describe("StoreFile.write", () => {
  it("never follows a link planted at its temporary path, and leaves the file private", async () => {
    const { mkdtemp, readFile, rm, stat, symlink, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { StoreFile } = await import("../../src/store/store-file.js");
    const dir = await mkdtemp(join(tmpdir(), "store-file-"));
    try {
      const victim = join(dir, "victim.txt");
      await writeFile(victim, "do not touch");
      await symlink(victim, join(dir, ".db.json.tmp"));
      const data = emptyStoreData();
      data.questions.push(question(1));
      await new StoreFile(join(dir, "db.json")).write(data);
      expect(await readFile(victim, "utf8")).toBe("do not touch");
      expect(JSON.parse(await readFile(join(dir, "db.json"), "utf8"))).toEqual(asJson(data));
      expect((await stat(join(dir, "db.json"))).mode & 0o077).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
