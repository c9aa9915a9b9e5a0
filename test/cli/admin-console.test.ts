// The local admin mode end to end: the real `npm start -- --admin` process fed line by line, every admin command,
// a subscription notice, and file edits picked up (and reported) while it runs.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultKnowledgeDir } from "../../src/paths.js";
import { runCli, startCli } from "../support/cli.js";

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function folders() {
  root = await mkdtemp(join(tmpdir(), "admin-console-"));
  const knowledgeDir = join(root, "knowledge");
  await cp(defaultKnowledgeDir(), knowledgeDir, { recursive: true });
  // Tokens in the environment are not used: the admin mode never goes online.
  return { knowledgeDir, dataDir: join(root, "data"), env: { KNOWLEDGE_DIR: join(root, "knowledge"), DATA_DIR: join(root, "data"), TELEGRAM_BOT_TOKEN: "123:not-used", ZALO_BOT_TOKEN: "" } };
}

describe("npm start -- --admin", () => {
  it("runs every admin command and picks up file edits, against the local DATA_DIR", async () => {
    const { knowledgeDir, dataDir, env } = await folders();
    const cli = startCli("src/main.ts", ["--admin"], { env });
    cli.send("/id");
    await cli.waitFor("Mã của bạn: console:local");

    cli.send("giá vàng hôm nay bao nhiêu");
    await cli.waitFor("Bạn: giá vàng hôm nay bao nhiêu");
    cli.send("/theodoi ho-so-truc-tuyen");
    await cli.waitFor("Đã theo dõi");
    cli.send('/capnhat "hồ sơ trực tuyến" 91,5 quý 4/2025 Báo cáo của Sở KH&CN');
    const recorded = await cli.waitFor("Ghi nhầm thì gõ /xoa m1.");
    expect(recorded).toContain("Đã ghi số liệu m1");
    expect(recorded).toContain("Sau: 91,5% (quý IV/2025, tỉnh mới)");
    // What a subscriber would receive in chat is shown here.
    expect(recorded).toContain('🔔 Cập nhật chỉ tiêu "Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến tại Trung tâm Phục vụ hành chính công tỉnh": 91,5% (quý IV/2025, tỉnh mới).');
    cli.send("/capnhat ho-so-truc-tuyen 92 tháng 12/2025 Báo cáo tháng 12");
    await cli.waitFor("không nhắn tin cho người theo dõi");
    cli.send("/lichsu ho-so-truc-tuyen");
    expect(await cli.waitFor("[m2] 2025-12: 92")).toContain("[m1] 2025-Q4: 91.5");
    cli.send("/xoa m1");
    await cli.waitFor("Đã xóa m1");
    cli.send("ty le ho so truc tuyen hien nay");
    expect(await cli.waitFor("Nguồn:")).toContain("92% (tháng 12/2025, Khánh Hòa mới)");
    cli.send("/chuatraloi");
    await cli.waitFor('1× "giá vàng hôm nay bao nhiêu"');
    cli.send("/thongke");
    await cli.waitFor("Thống kê 7 ngày qua");

    // A broken save is reported here at once, with file:line; the old knowledge keeps answering.
    await writeFile(join(knowledgeDir, "faq-thu.yaml"), "- id: faq-thu\n  topic: thu\n  questions: [Hỏi thử một, Hỏi thử hai, Hỏi thử ba]\n  anwser: Trả lời thử.\n  sources: [bkh-2021-10-25]\n");
    expect(await cli.waitFor("có phải `answer`?")).toMatch(/🔔 ⚠️ Các tệp tri thức mới có lỗi nên trợ lý vẫn trả lời bằng bản cũ\.[\s\S]*faq-thu\.yaml:4: /);
    await writeFile(
      join(knowledgeDir, "faq-thu.yaml"),
      "- id: faq-thu\n  topic: thu\n  questions: [Ngày hội chuyển đổi số thử nghiệm là gì, ngay hoi chuyen doi so thu nghiem, hỏi về ngày hội thử nghiệm]\n  answer: Đây là mục thử nghiệm nạp lại.\n  sources: [bkh-2021-10-25]\n",
    );
    await cli.waitFor("🔔 ✅ Đã nạp lại tri thức");
    cli.send("ngày hội chuyển đổi số thử nghiệm là gì");
    await cli.waitFor("Đây là mục thử nghiệm nạp lại.");
    cli.send("/reload");
    await cli.waitFor("✅ Đã nạp lại tri thức");

    const run = await cli.end();
    expect(run.code).toBe(0);
    const db = await readFile(join(dataDir, "db.json"), "utf8");
    expect(db).toContain('{"id":"m2","indicator":"ho-so-truc-tuyen","value":92,');
    expect(db).not.toContain('"id":"m1"');
  }, 60_000);

  it("is also turned on by CONSOLE_ADMIN=true, and the plain terminal chat refuses admin commands", async () => {
    const { env } = await folders();
    const admin = await runCli("src/main.ts", [], { input: "/id\n/thongke\n", env: { ...env, TELEGRAM_BOT_TOKEN: "", CONSOLE_ADMIN: "true" } });
    expect(admin.code).toBe(0);
    expect(admin.stdout).toContain("Mã của bạn: console:local");
    expect(admin.stdout).toContain("Thống kê 7 ngày qua");
    const plain = await runCli("src/main.ts", [], { input: "/thongke\n", env: { ...env, TELEGRAM_BOT_TOKEN: "" } });
    expect(plain.stdout).not.toContain("Thống kê 7 ngày qua");
  }, 30_000);

  it("explains its usage and exits 2 on an unknown argument", async () => {
    const run = await runCli("src/main.ts", ["--quantri"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("npm start -- --admin");
  });
});
