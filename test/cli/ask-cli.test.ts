// The command-line contract of ../shared/DESIGN.md, end to end through real processes.
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

describe("npm run ask", () => {
  it("prints the plain answer for a question", async () => {
    const run = await runCli("src/cli/ask.ts", ["muc tieu 2030 la gi"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Đến năm 2030");
    expect(run.stdout).toContain("Nguồn:");
  });

  it("prints one JSON object with --json", async () => {
    const run = await runCli("src/cli/ask.ts", ["--json", "tỷ lệ hồ sơ trực tuyến hiện nay?"]);
    const answer = JSON.parse(run.stdout);
    expect(Object.keys(answer)).toEqual(["question", "answered", "intent", "confidence", "text", "sources", "suggestions", "entries"]);
    expect(answer).toMatchObject({ question: "tỷ lệ hồ sơ trực tuyến hiện nay?", answered: true, intent: "status", entries: ["ho-so-truc-tuyen"] });
    expect(answer.text).toContain("87,6%");
  });

  it("answers one JSON line per input line with --jsonl, each a fresh conversation", async () => {
    const run = await runCli("src/cli/ask.ts", ["--jsonl"], { input: "tỷ lệ dvc mức 4\ncòn cả nước?\nthời tiết hôm nay\n" });
    const lines = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((l) => l.question)).toEqual(["tỷ lệ dvc mức 4", "còn cả nước?", "thời tiết hôm nay"]);
    expect(lines[0].entries[0]).toBe("dvc-muc-4");
    expect(lines[1].entries[0]).not.toBe("dvc-muc-4");
    expect(lines[2].answered).toBe(false);
  });

  it("shares one conversation across lines with --same-chat", async () => {
    const run = await runCli("src/cli/ask.ts", ["--jsonl", "--same-chat"], { input: "tỷ lệ dvc mức 4\ncòn cả nước?\n" });
    const lines = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines[1].entries[0]).toBe("dvc-muc-4");
    expect(lines[1].text).toContain("cả nước");
  });

  it("explains what it made of a question in Vietnamese with --explain, and as JSON with --explain --json", async () => {
    const run = await runCli("src/cli/ask.ts", ["--explain", "tỷ lệ hồ sơ trực tuyến năm 2025"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Câu hỏi: "tỷ lệ hồ sơ trực tuyến năm 2025"');
    expect(run.stdout).toContain("Hiểu thêm: năm 2025");
    expect(run.stdout).toMatch(/\n {2}1\. ho-so-truc-tuyen — chỉ tiêu "Tỷ lệ hồ sơ [^"]+" \(indicators\.yaml\): điểm \d,\d\d/);
    expect(run.stdout).toContain("Kết quả: trả lời — hiện trạng một chỉ tiêu, dùng mục ho-so-truc-tuyen");
    expect(run.stdout).not.toMatch(/"hits"|"slots"|score/);
    const json = await runCli("src/cli/ask.ts", ["--explain", "--json", "tỷ lệ hồ sơ trực tuyến năm 2025"]);
    expect(Object.keys(JSON.parse(json.stdout))).toEqual(["terms", "unknown", "slots", "hits", "decision"]);
  });

  it("explains usage and exits 2 without a question", async () => {
    const run = await runCli("src/cli/ask.ts", []);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Cách dùng");
  });
});

describe("npm start without tokens", () => {
  it("answers each piped line in one conversation and exits at end of input", async () => {
    const run = await runCli("src/main.ts", [], {
      input: "xin chao\nmuc tieu 2025\ncon nam 2030 thi sao?\n",
      env: { TELEGRAM_BOT_TOKEN: "", ZALO_BOT_TOKEN: "" },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Bạn: xin chao");
    expect(run.stdout).toContain("Đến năm 2025, Nghị quyết 16 đặt mục tiêu");
    expect(run.stdout).toContain("Đến năm 2030, Nghị quyết 16 đặt mục tiêu");
  });
});
