// Issue 16 through the shipped engine: people and offices with their dates ("now", a past year, a 2021 role,
// a merged office), two measures kept as two indicators, the target-by-target results, the newer national
// figures, and public sources only.
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/engine/answer.js";
import type { Engine } from "../../src/engine/ask.js";
import { buildSearchDocs } from "../../src/engine/search-docs.js";
import { createLookup } from "../../src/engine/lookup.js";
import { renderPlain } from "../../src/render/plain.js";
import { shippedEngine } from "../support/engine.js";

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

const text = (answer: Answer) => renderPlain(answer).join("\n\n");
const headline = (answer: Answer) => answer.blocks.find((b) => b.kind === "headline")!;
const first = (answer: Answer) => {
  const block = headline(answer);
  return block.kind === "headline" ? block.text : "";
};
const sourceTitles = (answer: Answer) => answer.sources.map((s) => s.title).join("\n");

describe("who holds an office now", () => {
  it("names the current chairman with the date and the public source it rests on", () => {
    const answer = engine.ask("chủ tịch UBND tỉnh Khánh Hòa hiện nay là ai");
    expect(answer).toMatchObject({ answered: true, entries: ["chu-tich-ubnd-tinh"] });
    expect(first(answer)).toBe("Chủ tịch UBND tỉnh Khánh Hòa hiện nay là Trần Phong (từ ngày 19/11/2025) - theo VnExpress, 19/11/2025, nguồn mới nhất mình có.");
    expect(answer.sources[0]).toMatchObject({ url: "https://vnexpress.net/ong-tran-phong-lam-chu-tich-khanh-hoa-4965897.html" });
    // The older holders are listed with their own dates, the 2021 one as seen in 2021.
    expect(text(answer)).toMatch(/Nguyễn Tấn Tuân \(Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Khánh Hòa \(tỉnh cũ\)\): nguồn ghi nhận vào tháng 10\/2021/);
    expect(text(answer)).toContain("có thể đã thay đổi sau ngày 19/11/2025");
  });

  it("names the current party secretary, saying the source only shows him in office on a day", () => {
    const answer = engine.ask("bây giờ ai làm bí thư tỉnh ủy Khánh Hòa");
    expect(answer.entries[0]).toBe("bi-thu-tinh-uy");
    expect(first(answer)).toMatch(/^Bí thư Tỉnh ủy Khánh Hòa hiện nay là Nghiêm Xuân Thành \(nguồn ghi nhận ngày 19\/11\/2025\) - theo Báo Sài Gòn Giải Phóng \(SGGP\), 19\/11\/2025/);
  });

  it("answers a past year for that year, and says so when the sources show nobody then", () => {
    const before = text(engine.ask("bí thư tỉnh ủy năm 2023 là ai"));
    expect(before).toContain("Mình không có thông tin ai giữ chức Bí thư Tỉnh ủy Khánh Hòa trong năm 2023.");
    expect(before).toContain("gần nhất trước đó là Nguyễn Hải Ninh (nguồn ghi nhận vào tháng 10/2021); sau đó là Nghiêm Xuân Thành");
    const year2025 = first(engine.ask("năm 2025 ai làm chủ tịch UBND tỉnh Khánh Hòa"));
    expect(year2025).toMatch(/^Năm 2025, Chủ tịch UBND tỉnh Khánh Hòa: Nguyễn Tấn Tuân .*; Trần Quốc Nam \(từ ngày 1\/7\/2025\); Nguyễn Khắc Toàn .*; Trần Phong \(từ ngày 19\/11\/2025\)\.$/);
  });

  it("says that a 2021 role is the 2021 role, and who holds the office now", () => {
    const answer = engine.ask("ông Nguyễn Hải Ninh là ai");
    expect(answer.entries[0]).toBe("nguyen-hai-ninh");
    expect(first(answer)).toBe("Nguyễn Hải Ninh: Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Khánh Hòa - chức vụ vào tháng 10/2021.");
    expect(text(answer)).toContain("Đó là chức vụ vào tháng 10/2021. Bí thư Tỉnh ủy Khánh Hòa hiện nay là Nghiêm Xuân Thành");
  });

  it("says when an office was merged away", () => {
    const body = text(engine.ask("ông Phạm Duy Lộc là ai"));
    expect(body).toContain("chức vụ vào tháng 10/2021");
    expect(body).toContain("Giám đốc Sở Thông tin và Truyền thông tỉnh Khánh Hòa: chức danh này không còn từ ngày 1/3/2025 - Sở Thông tin và Truyền thông hợp nhất vào Sở Khoa học và Công nghệ.");
  });

  it("names the office that leads digital transformation now, since when and from which source", () => {
    const answer = engine.ask("hiện nay sở nào là đầu mối chuyển đổi số ở Khánh Hòa");
    expect(answer.entries[0]).toBe("faq-co-quan-thuc-hien");
    expect(first(answer)).toMatch(/^Hiện nay cơ quan đầu mối chuyển đổi số của tỉnh là Sở Khoa học và Công nghệ\..*từ ngày 1\/3\/2025 Sở Thông tin và Truyền thông đã hợp nhất vào Sở Khoa học và Công nghệ\.$/);
    expect(text(answer)).toContain("Cơ quan đầu mối chuyển đổi số của tỉnh Khánh Hòa hiện nay là Sở Khoa học và Công nghệ tỉnh Khánh Hòa (từ ngày 1/3/2025) - theo ");
    expect(answer.sources.map((s) => s.id)).toContain("ictvietnam-2025-03-10");
  });

  it("'lúc đó' is the moment the conversation was on, not now", async () => {
    const { createConversation } = await import("../../src/engine/conversation.js");
    expect(engine.ask("lúc đó chủ tịch tỉnh là ai").answered).toBe(false);
    const conversation = createConversation();
    engine.ask("chuyển đổi số giúp gì trong chống dịch covid", conversation);
    expect(engine.ask("chủ tịch UBND tỉnh lúc đó là ai", conversation).entries[0]).toBe("nguyen-tan-tuan");
  });
});

describe("two measures are two indicators", () => {
  const paragraphs = (answer: Answer) => answer.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
  const history = (answer: Answer) => answer.blocks.flatMap((b) => (b.kind === "bullets" && b.title === "Các số liệu khác:" ? b.items : []));

  it("dossiers received online at one centre and resolved online province-wide are not one series", () => {
    const received = engine.ask("tỷ lệ hồ sơ nộp trực tuyến hiện nay");
    expect(received.entries[0]).toBe("ho-so-truc-tuyen");
    expect(first(received)).toBe("Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến tại Trung tâm Phục vụ hành chính công tỉnh: 87,6% (quý III/2025, Khánh Hòa mới).");
    expect(history(received)).toEqual([]);
    // The other measure is named apart, as another measure.
    expect(paragraphs(received)).toContain(
      "Một thước đo khác, không cùng chuỗi số liệu với chỉ tiêu này - Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến trên toàn tỉnh: 56% (năm 2020, Khánh Hòa cũ).",
    );

    const resolved = engine.ask("năm 2020 tỉnh giải quyết hồ sơ trực tuyến được mấy phần trăm");
    expect(resolved.entries[0]).toBe("ho-so-giai-quyet-truc-tuyen");
    expect(first(resolved)).toBe("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến trên toàn tỉnh: 56% (năm 2020, Khánh Hòa cũ).");
    expect(history(resolved)).toEqual([]);
    expect(paragraphs(resolved).filter((p) => p.includes("87,6%"))).toEqual([expect.stringMatching(/^Một thước đo khác/)]);
  });

  it("4G coverage is not reported as 5G coverage", () => {
    const fourG = engine.ask("sóng 4G phủ bao nhiêu phần trăm dân số");
    expect(fourG.entries[0]).toBe("phu-song-4g");
    expect(first(fourG)).toBe("Tỷ lệ dân số được phủ sóng di động 4G: 99,8% (tháng 12/2024, cả nước).");
    const fiveG = engine.ask("tỷ lệ phủ sóng 5G ở Khánh Hòa là bao nhiêu");
    expect(fiveG.entries[0]).toBe("phu-song-4g-5g");
    expect(first(fiveG)).toContain("mình chưa có số liệu thực hiện");
    expect(first(fiveG)).not.toContain("99,8");
    expect(paragraphs(fiveG).filter((p) => p.includes("99,8%"))).toEqual([expect.stringMatching(/^Một thước đo khác[^\n]*phủ sóng di động 4G/)]);
  });
});

describe("results target by target", () => {
  it("NQ 16's 2025 targets: reached, not reached or no data yet, with the evidence and where to look", () => {
    const answer = engine.ask("những mục tiêu năm 2025 nào của nghị quyết 16 đã đạt");
    expect(answer.entries[0]).toBe("faq-nq16-dat-chua");
    expect(first(answer)).toBe("Mục tiêu năm 2025 của 16-NQ/TU, theo số liệu mình có đến nay: 0 đã đạt, 0 chưa đạt, 5 chưa có số liệu để kết luận, 2 không có số đo.");
    const body = text(answer);
    expect(body).toContain(
      "Xếp hạng DTI của tỉnh: nhóm 25 dẫn đầu (Khánh Hòa cũ, 16-NQ/TU) - chưa có số liệu năm 2025 để đánh giá; các kỳ có số liệu: hạng 41/63 năm 2022, hạng 30/63 năm 2021 - đều chưa ở mức mục tiêu.",
    );
    expect(body).toMatch(/thứ hạng năm 2024 trên 63 tỉnh \(đã công bố 21\/10\/2025\)[^\n]*dti\.gov\.vn/);
    expect(body).toContain("DNNN trên nền tảng số: 100% (Khánh Hòa cũ, 16-NQ/TU) - chưa có số liệu năm 2025 để đánh giá");
    // The new province's 16/34 is another ranking: never evidence for the old province's top 25.
    expect(body).not.toMatch(/nhóm 25 dẫn đầu[^\n]*16\/34/);
  });

  it("the national 2025 targets where national figures exist", () => {
    const answer = engine.ask("Việt Nam đã đạt được mục tiêu chuyển đổi số năm 2025 chưa");
    expect(answer.entries[0]).toBe("faq-tinh-hinh-ca-nuoc");
    const body = text(answer);
    expect(first(answer)).toMatch(/^Mục tiêu năm 2025 của 749\/QĐ-TTg và 942\/QĐ-TTg, theo số liệu mình có đến nay: 0 đã đạt, 3 chưa đạt, /);
    expect(body).toContain("Kinh tế số / GDP cả nước: 20% (cả nước, 749/QĐ-TTg) - chưa đạt (14,02% năm 2025)");
    expect(body).toContain("Xếp hạng GII: nhóm 35 dẫn đầu (cả nước, 749/QĐ-TTg) - chưa đạt (hạng 44/139 năm 2025)");
    expect(body).toContain("tối thiểu 80% (cả nước, 942/QĐ-TTg, theo VietNamNet, 7/11/2025) - chưa đạt (39,98% 26/10/2025)");
    expect(body).toContain("Xếp hạng EGDI: nhóm 70 dẫn đầu (cả nước, 749/QĐ-TTg) - chưa có số liệu năm 2025 để đánh giá; gần nhất hạng 71/193 năm 2024 (chưa ở mức mục tiêu)");
  });
});

describe("the newer facts, each with its date and public source", () => {
  const cases: [string, string, RegExp, string][] = [
    ["kinh tế số Việt Nam năm 2025 chiếm bao nhiêu % GDP", "kinh-te-so-gdp", /14,02% \(năm 2025, cả nước/, "thoibaotaichinhvietnam.vn"],
    ["chỉ số GII năm 2025 Việt Nam xếp thứ mấy", "gii", /hạng 44\/139 \(năm 2025, cả nước\)/, "plo.vn"],
    ["hồ sơ trực tuyến toàn trình năm 2025 cả nước đạt bao nhiêu", "ho-so-toan-trinh", /39,98% \(26\/10\/2025, cả nước\)/, "vietnamnet.vn"],
    ["năm 2024 Khánh Hòa cũ xếp hạng DTI bao nhiêu trên 63 tỉnh", "faq-dti-2024-63-tinh", /có được công bố, nhưng không có trong nguồn của trợ lý; bạn có thể tra trên dti\.gov\.vn/, "en.vneconomy.vn"],
  ];
  for (const [question, entry, says, host] of cases) {
    it(question, () => {
      const answer = engine.ask(question);
      expect(answer.entries[0]).toBe(entry);
      expect(first(answer)).toMatch(says);
      expect(answer.sources.some((s) => s.url?.includes(host))).toBe(true);
    });
  }

  it("'thứ chín' is a statement of 10/3/2026 by one newspaper, with no year and no ranking size", () => {
    const answer = engine.ask("Khánh Hòa xếp thứ 9 cả nước về chuyển đổi số phải không");
    expect(answer.entries[0]).toBe("faq-xep-hang-thu-9");
    expect(first(answer)).toMatch(/^Theo Báo Pháp Luật TP\.HCM \(PLO\), 10\/3\/2026: /);
    expect(first(answer)).toContain("không phải một thứ hạng đã được công bố");
    expect(text(answer)).not.toContain("9/34");
  });
});

describe("public sources only", () => {
  it("no answer to any entry's question names an internal note", () => {
    const docs = buildSearchDocs(createLookup(engine.knowledge));
    for (const doc of docs) {
      for (const question of [doc.prompt, ...doc.phrasings.slice(0, 2)]) {
        const answer = engine.ask(question);
        expect(`${text(answer)}\n${sourceTitles(answer)}`, question).not.toMatch(/FACTS|\.md\b|nội bộ|nhóm phát triển/i);
      }
    }
  });
});
