import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { formatProblem } from "../../src/knowledge/problems.js";
import { runCli } from "../support/cli.js";

const fixture = (name: string) => `test/fixtures/knowledge/${name}`;

async function problemLines(name: string): Promise<string[]> {
  const result = await loadKnowledge(fixture(name));
  if (result.ok) throw new Error(`${name} should be invalid`);
  return result.problems.map(formatProblem);
}

describe("loadKnowledge", () => {
  it("loads a valid directory into one frozen Knowledge object with every kind", async () => {
    const result = await loadKnowledge(fixture("valid"));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const { knowledge } = result;
    expect(knowledge.indicators[0]?.measurements[0]).toMatchObject({ period: "2020", value: 56, confidence: "confirmed" });
    expect(knowledge.goals[0]?.indicator).toBe("chi-tieu-mau");
    expect(knowledge.synonyms[0]).toEqual({ term: "dịch vụ công", variants: ["dvc"] });
    expect(knowledge.version).toMatch(/^[0-9a-f]{12}$/);
    expect(Object.isFrozen(knowledge.indicators[0]?.measurements)).toBe(true);
    expect(() => {
      (knowledge.faq as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it("reports malformed YAML at the line where the unclosed quote opens", async () => {
    expect(await problemLines("malformed-yaml")).toEqual([
      "test/fixtures/knowledge/malformed-yaml/faq.yaml:3: YAML không hợp lệ: thiếu ký tự đóng (dấu nháy hoặc dấu ngoặc)",
    ]);
  });

  it("reports a wrong type at the offending value, naming the entry and field", async () => {
    expect(await problemLines("wrong-type")).toEqual([
      'test/fixtures/knowledge/wrong-type/indicators.yaml:10: Số liệu thứ 1 của chỉ tiêu chi-tieu-mau, trường `value`: Phải là một số (ví dụ 87.6), không phải chữ "khoảng năm mươi"',
    ]);
  });

  it("words the likeliest slips as an admin would, each with its fix, counting list items from 1", async () => {
    const file = (name: string) => `test/fixtures/knowledge/admin-slips/${name}`;
    expect(await problemLines("admin-slips")).toEqual([
      `${file("faq-hai-cham.yaml")}:4: Chuỗi có ': ' phải đặt trong dấu nháy kép: viết answer: "Mục tiêu: đạt 80% vào năm 2025"`,
      `${file("faq.yaml")}:1: Hỏi đáp thieu-tra-loi: Thiếu trường bắt buộc \`answer\`: thêm dòng "answer: …" vào mục này`,
      // The mistyped key is the missing field: one message, not two.
      `${file("faq.yaml")}:8: Hỏi đáp go-nham-khoa: Khóa \`anwser\` không có; có phải \`answer\`?`,
      `${file("faq.yaml")}:15: Cách hỏi thứ 3 của hỏi đáp cach-hoi-co-hai-cham: Chuỗi có ': ' phải đặt trong dấu nháy kép: viết "Mục tiêu: là gì"`,
      `${file("indicators.yaml")}:14: Số liệu thứ 2 của chỉ tiêu ty-le-mau, trường \`value\`: Số phải dùng dấu chấm thập phân và không có %: viết 87.6`,
      `${file("indicators.yaml")}:18: Số liệu thứ 3 của chỉ tiêu ty-le-mau, trường \`value\`: Số phải dùng dấu chấm thập phân và không có %: viết 87.6`,
      `${file("indicators.yaml")}:30: Số liệu thứ 1 của chỉ tiêu ty-le-vuot, trường \`value\`: Tỷ lệ phải từ 0 đến 100 (%), không thể là 187.6. Kiểm tra lại số trong nguồn.`,
      `${file("indicators.yaml")}:34: Số liệu thứ 2 của chỉ tiêu ty-le-vuot, trường \`value\`: Tỷ lệ phải từ 0 đến 100 (%), không thể là -5. Kiểm tra lại số trong nguồn.`,
      `${file("indicators.yaml")}:46: Số liệu thứ 1 của chỉ tiêu xep-hang-mau, trường \`value\`: Thứ hạng phải là số nguyên từ 1 đến 34, không thể là 40. Kiểm tra lại số trong nguồn.`,
      `${file("indicators.yaml")}:50: Số liệu thứ 2 của chỉ tiêu xep-hang-mau, trường \`value\`: Thứ hạng phải là số nguyên từ 1 đến 63, không thể là 70. Kiểm tra lại số trong nguồn.`,
    ]);
  });

  it("refuses a file that is not UTF-8 at the line of the first legacy character, saying how to save it", async () => {
    const { cp, mkdtemp, rm, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = await mkdtemp(path.join(tmpdir(), "kb-encoding-"));
    try {
      await cp(fixture("valid"), dir, { recursive: true });
      // "Nghị quyết" in Windows-1258: 0xD2 is the combining hook above, never valid alone in UTF-8.
      const legacy = Buffer.concat([Buffer.from("- term: nghi quyet\n  variants:\n    - Nghi"), Buffer.from([0xd2, 0x20]), Buffer.from("quy\n")]);
      await writeFile(path.join(dir, "synonyms.yaml"), legacy);
      const result = await loadKnowledge(dir);
      if (result.ok) throw new Error("a Windows-1258 file must be refused");
      expect(result.problems.map(formatProblem)).toEqual([expect.stringMatching(/synonyms\.yaml:3: Tệp không phải UTF-8 .*lưu lại với bảng mã UTF-8/)]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reports a duplicate id at its second use and points to the first", async () => {
    expect(await problemLines("duplicate-id")).toEqual([
      'test/fixtures/knowledge/duplicate-id/faq.yaml:7: id "hoi-dap-mau" bị trùng: đã dùng ở test/fixtures/knowledge/duplicate-id/faq.yaml:1',
    ]);
  });

  it("reports each dangling reference on its own line", async () => {
    expect(await problemLines("dangling-reference")).toEqual([
      'test/fixtures/knowledge/dangling-reference/faq.yaml:5: không tìm thấy mục tri thức có id "khong-co-muc-nay"',
      'test/fixtures/knowledge/dangling-reference/faq.yaml:8: không tìm thấy nguồn (sources.yaml) có id "bao-khong-ton-tai"',
    ]);
  });

  it("rejects a date that is not on the calendar", async () => {
    expect(await problemLines("impossible-date")).toEqual([
      "test/fixtures/knowledge/impossible-date/timeline.yaml:3: Mốc thời gian su-kien-mau, trường `date`: ngày này không có thật trên lịch",
    ]);
  });

  it("requires at least one source per entry", async () => {
    expect(await problemLines("missing-source")).toEqual([
      "test/fixtures/knowledge/missing-source/people.yaml:5: Nhân vật nguoi-mau, trường `sources`: cần ít nhất một nguồn (id trong sources.yaml)",
    ]);
  });

  it("names files it cannot classify", async () => {
    expect(await problemLines("unknown-file")).toEqual([
      "test/fixtures/knowledge/unknown-file/ghichu.yaml:1: không rõ loại tệp: tên tệp phải bắt đầu bằng sources, documents, indicators, goals, timeline, faq, people, offices, synonyms",
    ]);
  });

  it("rejects an internal note as a source, at its line", async () => {
    expect(await problemLines("internal-note")).toEqual([
      "test/fixtures/knowledge/internal-note/sources.yaml:9: ghi-chu-nhom: đây là ghi chú nội bộ, không phải nguồn công khai; hãy trích trang hoặc văn bản gốc (tiêu đề, nơi đăng, ngày, url)",
    ]);
  });

  it("requires a url, or a document number and date, or at least the full date of a printed article", async () => {
    expect(await problemLines("no-provenance")).toEqual([
      "test/fixtures/knowledge/no-provenance/sources.yaml:1: van-ban-khong-so: văn bản không có url thì cần số hiệu (number) và ngày ban hành đầy đủ (YYYY-MM-DD)",
      "test/fixtures/knowledge/no-provenance/sources.yaml:14: bao-khong-ngay: nguồn không có url thì cần ngày đăng đầy đủ (YYYY-MM-DD) để người đọc tìm lại được",
    ]);
    expect(await problemLines("bad-url")).toEqual([
      "test/fixtures/knowledge/bad-url/sources.yaml:5: Nguồn trang-tren-may, trường `url`: url không hợp lệ (phải bắt đầu bằng http:// hoặc https://)",
    ]);
  });

  it("requires every office holder to be one person or one name, dated, and known", async () => {
    expect(await problemLines("bad-office")).toEqual([
      "test/fixtures/knowledge/bad-office/offices.yaml:7: Người giữ chức thứ 2 của chức danh chuc-danh-mau, trường `person`: ghi đúng một trong hai: person (id trong people.yaml) hoặc name",
      "test/fixtures/knowledge/bad-office/offices.yaml:11: Người giữ chức thứ 3 của chức danh chuc-danh-mau, trường `asOf`: cần from (ngày bắt đầu giữ chức) hoặc asOf (ngày nguồn ghi nhận đang giữ chức)",
    ]);
    expect(await problemLines("unknown-holder")).toEqual([
      'test/fixtures/knowledge/unknown-holder/offices.yaml:4: không tìm thấy nhân vật (people.yaml) có id "khong-co-nguoi-nay"',
    ]);
  });

  it("relates an indicator only to another indicator (a close but different measure)", async () => {
    expect(await problemLines("bad-related")).toEqual([
      'test/fixtures/knowledge/bad-related/indicators.yaml:7: "bao-a" không phải là chỉ tiêu (indicators.yaml) (nó nằm trong sources.yaml)',
    ]);
  });

  it("lists current facts older than the set age, and sources without a url, as warnings with their lines", async () => {
    const result = await loadKnowledge(fixture("freshness"), { freshness: { today: new Date("2026-12-07T00:00:00Z"), maxAgeMonths: 12 } });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    expect(result.warnings.map(formatProblem)).toEqual([
      // The newest figure counts (2025-Q3, not 2020); an indicator checked in 2026-06 and a recent one are not listed.
      "test/fixtures/knowledge/freshness/indicators.yaml:13: cảnh báo: chi-tieu-cu: số liệu mới nhất là kỳ 2025-Q3, đã cũ hơn 12 tháng",
      // The latest holder is current; an office merged away is history, not a current fact.
      "test/fixtures/knowledge/freshness/offices.yaml:7: cảnh báo: chu-tich: người giữ chức mới nhất (Người B) ghi theo nguồn ngày 2025-11-19, đã cũ hơn 12 tháng",
      "test/fixtures/knowledge/freshness/offices.yaml:27: cảnh báo: nguoi-da-nghi: người giữ chức mới nhất (Người D) đã thôi giữ chức từ 2026-01-01, chưa ghi ai giữ chức hiện nay",
      "test/fixtures/knowledge/freshness/sources.yaml:8: cảnh báo: bao-khong-url: nguồn không có url, người đọc chỉ tìm lại được theo nơi đăng và ngày đăng",
    ]);
    const laterAge = await loadKnowledge(fixture("freshness"), { freshness: { today: new Date("2026-12-07T00:00:00Z"), maxAgeMonths: 24 } });
    expect(laterAge.ok && laterAge.warnings.map((w) => w.line)).toEqual([27, 8]);
    // Without asking for it, loading does not spend time on warnings.
    const plain = await loadKnowledge(fixture("freshness"));
    expect(plain.ok && plain.warnings).toEqual([]);
  });

  it("reports a missing directory instead of throwing", async () => {
    const result = await loadKnowledge(fixture("does-not-exist"));
    expect(result.ok).toBe(false);
  });
});

describe("npm run kb:check", () => {
  it("exits 0 with a one-line summary on a valid directory", async () => {
    const run = await runCli("src/cli/kb-check.ts", [fixture("valid"), "--today=2021-11-01"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toContain("1 chỉ tiêu (1 số liệu, 1 mục tiêu số)");
    expect(run.stdout).toContain("1 chức danh, cơ quan");
    expect(run.stdout).toContain("không có cảnh báo");
  });

  it("prints the warnings with file:line and how to refresh them, and still exits 0", async () => {
    const run = await runCli("src/cli/kb-check.ts", [fixture("freshness"), "--today=2026-12-07", "--max-age-months=24"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe("test/fixtures/knowledge/freshness/offices.yaml:27: cảnh báo: nguoi-da-nghi: người giữ chức mới nhất (Người D) đã thôi giữ chức từ 2026-01-01, chưa ghi ai giữ chức hiện nay");
    expect(lines[2]).toMatch(/^Cách xử lý cảnh báo: .*checked: <ngày kiểm tra>/);
    expect(lines[3]).toMatch(/^Tri thức hợp lệ: .*; 2 cảnh báo cần xem lại \(ở trên\)\.$/);
  });

  it("explains a wrong option in one line and exits 1", async () => {
    for (const option of ["--today=7/12/2026", "--max-age-months=0", "--age=3"]) {
      const run = await runCli("src/cli/kb-check.ts", [fixture("valid"), option]);
      expect(run.code, option).toBe(1);
      expect(run.stderr, option).toMatch(/Cách dùng: npm run kb:check/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("exits 1 with file:line messages and no stack trace on a broken directory", async () => {
    const run = await runCli("src/cli/kb-check.ts", [], { env: { KNOWLEDGE_DIR: fixture("dangling-reference") } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('dangling-reference/faq.yaml:8: không tìm thấy nguồn (sources.yaml) có id "bao-khong-ton-tai"');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("knowledge cache", () => {
  it("gives the same knowledge from its own directory, validates what it reads and ignores a damaged or forged cache", async () => {
    const { mkdtemp, readdir, readFile, rm, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const cacheDir = await mkdtemp(path.join(tmpdir(), "kb-cache-"));
    try {
      const first = await loadKnowledge(fixture("valid"), { cacheDir });
      const second = await loadKnowledge(fixture("valid"), { cacheDir });
      if (!first.ok || !second.ok) throw new Error("valid fixture should load");
      expect({ ...second.knowledge, loadedAt: "" }).toEqual({ ...first.knowledge, loadedAt: "" });
      const names = await readdir(cacheDir);
      expect(names.sort()).toEqual([expect.stringMatching(/^[0-9a-f]{12}-[0-9a-f]{12}\.json$/), "last-good.json"]);
      const cached = path.join(cacheDir, names[0]!);
      // A cache that fails the schema (a forged figure of the wrong type) is not used.
      const forged = JSON.parse(await readFile(cached, "utf8")) as { indicators: { measurements: { value: unknown }[] }[] };
      forged.indicators[0]!.measurements[0]!.value = "99 (giả mạo)";
      await writeFile(cached, JSON.stringify(forged));
      const third = await loadKnowledge(fixture("valid"), { cacheDir });
      expect(third.ok && third.knowledge.indicators[0]!.measurements[0]!.value).toBe(first.knowledge.indicators[0]!.measurements[0]!.value);
      await writeFile(cached, "{not json");
      const fourth = await loadKnowledge(fixture("valid"), { cacheDir });
      expect(fourth.ok && fourth.knowledge.version).toBe(first.knowledge.version);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});

describe("the last good knowledge", () => {
  it("is kept after every load that succeeds, whatever the code, and read back only when it passes the schemas", async () => {
    const { cp, mkdtemp, readFile, rm, writeFile } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { readLastGoodKnowledge } = await import("../../src/knowledge/cache.js");
    const cacheDir = await mkdtemp(path.join(tmpdir(), "kb-last-good-"));
    try {
      expect(await readLastGoodKnowledge(cacheDir)).toBeUndefined();
      const valid = await loadKnowledge(fixture("valid"), { cacheDir });
      expect(await loadKnowledge(fixture("wrong-type"), { cacheDir })).toMatchObject({ ok: false });
      if (!valid.ok) throw new Error("valid fixture should load");
      const kept = await readLastGoodKnowledge(cacheDir);
      expect(kept?.version).toBe(valid.knowledge.version);
      expect(kept?.indicators).toEqual(valid.knowledge.indicators);
      // Other valid files, then the first ones again from the cache: those are the last good ones.
      const other = path.join(cacheDir, "other");
      await cp(fixture("valid"), other, { recursive: true });
      await writeFile(path.join(other, "synonyms.yaml"), "- term: dịch vụ công\n  variants: [dvc, dvctt]\n");
      expect((await loadKnowledge(other, { cacheDir })).ok).toBe(true);
      expect((await readLastGoodKnowledge(cacheDir))?.version).not.toBe(valid.knowledge.version);
      await loadKnowledge(fixture("valid"), { cacheDir });
      expect((await readLastGoodKnowledge(cacheDir))?.version).toBe(valid.knowledge.version);

      const file = path.join(cacheDir, "last-good.json");
      const forged = JSON.parse(await readFile(file, "utf8")) as { indicators: { measurements: { value: unknown }[] }[] };
      forged.indicators[0]!.measurements[0]!.value = "99 (giả mạo)";
      await writeFile(file, JSON.stringify(forged));
      expect(await readLastGoodKnowledge(cacheDir)).toBeUndefined();
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});

describe("what else a knowledge folder may hold", () => {
  async function folderWith(add: (dir: string) => Promise<void>): Promise<string> {
    const { cp, mkdtemp } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = path.join(await mkdtemp(path.join(tmpdir(), "kb-odd-")), "knowledge");
    await cp(fixture("valid"), dir, { recursive: true });
    await add(dir);
    return dir;
  }

  it("reports a folder, a dangling link, a FIFO and an alias bomb as file problems, without hanging", async () => {
    const { mkdir, symlink, writeFile } = await import("node:fs/promises");
    const { execFileSync } = await import("node:child_process");
    const path = await import("node:path");
    const cases: [string, (dir: string) => Promise<void>, string][] = [
      ["faq-folder.yaml", (dir) => mkdir(path.join(dir, "faq-folder.yaml")), "không phải tệp thường"],
      ["faq-link.yaml", (dir) => symlink(path.join(dir, "khong-co.yaml"), path.join(dir, "faq-link.yaml")), "liên kết hỏng"],
      ["faq-pipe.yaml", async (dir) => void execFileSync("mkfifo", [path.join(dir, "faq-pipe.yaml")]), "không phải tệp thường"],
      [
        "faq-bomb.yaml",
        (dir) => {
          const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(", ")}]`);
          return writeFile(path.join(dir, "faq-bomb.yaml"), ["l0: &l0 [lol]", ...levels].join("\n"));
        },
        "bí danh",
      ],
    ];
    for (const [name, add, message] of cases) {
      const dir = await folderWith(add);
      const result = await loadKnowledge(dir);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.problems.map(formatProblem).join("\n"), name).toMatch(new RegExp(`${name}:\\d+: .*${message}`));
    }
  });
});
