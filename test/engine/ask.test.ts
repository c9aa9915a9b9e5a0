import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/engine/answer.js";
import type { Engine } from "../../src/engine/ask.js";
import { createConversation, CONVERSATION_TTL_MS } from "../../src/engine/conversation.js";
import { withYearsAround } from "../../src/engine/understand.js";
import { renderPlain } from "../../src/render/plain.js";
import { shippedEngine, TODAY } from "../support/engine.js";

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

const text = (answer: Answer) => renderPlain(answer).join("\n\n");
const firstParagraph = (answer: Answer) => renderPlain(answer).join("\n\n").split("\n\n")[0] ?? "";

describe("status answers", () => {
  it("give the latest value with its date and scope, what it measures, and source", () => {
    const answer = engine.ask("tỷ lệ hồ sơ trực tuyến hiện nay?");
    expect(answer).toMatchObject({ answered: true, intent: "status", entries: ["ho-so-truc-tuyen"] });
    const body = text(answer);
    expect(body).toContain("tiếp nhận trực tuyến tại Trung tâm Phục vụ hành chính công tỉnh: 87,6% (quý III/2025, Khánh Hòa mới)");
    // The date and scope are in the first line already: no second line repeating them.
    expect(body).not.toContain("Số liệu tính đến");
    expect(answer.sources.length).toBeGreaterThan(0);
    expect(answer.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(answer.suggestions.length).toBeLessThanOrEqual(3);
  });

  it("judge a target only where the data allows it, and say what is known after 2025", () => {
    const body = text(engine.ask("chi tiết xếp hạng DTI của tỉnh"));
    // Old province, top 25 by 2025: the year is over and no 2025 rank is known; where it would be is said.
    expect(body).toMatch(/2025 \(Khánh Hòa cũ, 16-NQ\/TU\): nhóm 25 dẫn đầu — đã qua năm mục tiêu nhưng chưa có số liệu năm đó để đánh giá \(gần nhất: hạng 41\/63 năm 2022\)\. [^\n]*dti\.gov\.vn/);
    // Old and new province are not compared as if they were one territory.
    expect(body).toContain("không so sánh trực tiếp được");
    // A weak target is attributed; a statement with no year and no ranking size is no measurement.
    expect(body).toMatch(/2030 \(Khánh Hòa mới, 01-NQ\/TU, theo Báo Khánh Hòa \(bản tiếng Anh\), 9\/11\/2025\): nhóm 10 dẫn đầu/);
    expect(body).not.toMatch(/hạng 9\b|9\/34/);
    expect(body).not.toMatch(/đã đạt/);
  });

  it("show a weak figure attributed, but never judge a target by it", () => {
    const body = text(engine.ask("chi tiết Việt Nam xếp hạng năng lực cạnh tranh toàn cầu thứ mấy"));
    expect(body).toContain("Theo VnExpress International (bản tiếng Anh), 9/10/2019: hạng 67/141");
    expect(body).toMatch(/2025 \(cả nước, 749\/QĐ-TTg\): nhóm 50 dẫn đầu — đã qua năm mục tiêu nhưng chưa có số liệu để đánh giá/);
  });

  it("show a progress bar against a running target", () => {
    const body = text(engine.ask("kinh tế số chiếm bao nhiêu phần trăm GDP cả nước, chi tiết"));
    expect(body).toMatch(/Tiến độ so với mục tiêu 2030: [█░]{10} \d+%/);
    expect(body).toContain("13,17% (năm 2024, cả nước");
  });

  it("read 'cả nc' as the nation (knowledge/synonyms.yaml)", () => {
    expect(firstParagraph(engine.ask("DVC muc 4 nam 2025 ca nc phan dau bao nhieu %"))).toMatch(/mục tiêu năm 2025: 80% \(cả nước, 749\/QĐ-TTg\)/);
  });

  it("says plainly when no measurement exists", () => {
    const answer = engine.ask("kinh tế số chiếm bao nhiêu % GRDP của tỉnh");
    expect(answer.entries[0]).toBe("kinh-te-so-grdp");
    expect(text(answer)).toContain("mình chưa có số liệu thực hiện");
  });

  it("fit the all-indicators summary on one phone screen", () => {
    const answer = engine.ask("/chitieu");
    expect(answer.entries).toEqual(["@status-all"]);
    const body = renderPlain(answer)[0]!;
    expect(body.split("\n").length).toBeLessThanOrEqual(30);
    expect(body.length).toBeLessThanOrEqual(2000);
  });

  it("find an indicator by every short name, and say so for a name that is none", () => {
    for (const indicator of engine.knowledge.indicators) expect(engine.ask(`/chitieu ${indicator.short}`).entries[0]).toBe(indicator.id);
    const unknown = engine.ask("/chitieu abc");
    expect(unknown.answered).toBe(false);
    expect(text(unknown)).toContain('Mình không tìm thấy chỉ tiêu "abc"');
  });
});

describe("goals and comparison", () => {
  it("list the 2025 goals by pillar with the national comparison", () => {
    const answer = engine.ask("muc tieu 2025 la gi");
    expect(answer.entries[0]).toBe("@goals-2025");
    const body = text(answer);
    expect(body).toContain("Chính quyền số:");
    expect(body).toContain("nhóm 25");
    expect(body).toContain("80%");
  });

  it("put province and nation side by side for the same year", () => {
    const answer = engine.ask("so sánh dịch vụ công mức 4 của tỉnh với cả nước");
    expect(answer).toMatchObject({ intent: "compare", entries: ["dvc-muc-4"] });
    expect(text(answer)).toMatch(/Năm 2025 — tỉnh: 100%[^\n]*cả nước: 80%/);
  });

  it("summarise how NQ 16 differs from QĐ 749", () => {
    const answer = engine.ask("so sánh NQ16 với QĐ 749");
    expect(answer.entries[0]).toBe("@compare");
    expect(text(answer)).toContain("bổ sung mục tiêu riêng của tỉnh: 100% doanh nghiệp nhà nước thuộc tỉnh");
  });
});

describe("one pillar's goals", () => {
  it("of the document named, both years, also when the pillar is said before the question", () => {
    for (const question of ["mục tiêu kinh tế số của nghị quyết 16", "chi tiết hơn về kinh tế số: NQ16 đặt mục tiêu gì?"]) {
      const [first] = text(engine.ask(question)).split("\n\n");
      expect(first).toMatch(/^Về kinh tế số, Nghị quyết 16 đặt mục tiêu:\nĐến năm 2025:[^]*Đến năm 2030:\n• Kinh tế số chiếm tối thiểu 30% GRDP/);
    }
    expect(text(engine.ask("QĐ 749 đặt mục tiêu gì về xã hội số"))).toMatch(/^Về xã hội số, Quyết định 749 \(cả nước\) đặt mục tiêu:/);
  });

  it("also as a question of its own after another indicator, and 'còn xã hội số?' then asks for that pillar", () => {
    const chat = createConversation();
    engine.ask("DTI khanhs hoaf nawm 2022 hangj mays", chat);
    expect(text(engine.ask("mục tiêu kinh tế số của nghị quyết 16", chat))).toMatch(/^Về kinh tế số, Nghị quyết 16 đặt mục tiêu:/);
    expect(text(engine.ask("còn xã hội số?", chat))).toMatch(/^Về xã hội số, Nghị quyết 16 đặt mục tiêu:/);
  });
});

describe("follow-ups", () => {
  it("asking 'thế còn cả nước?' of a provincial indicator go to the nation's own (knowledge: its related indicators)", () => {
    const chat = createConversation();
    engine.ask("Theo NQ16 kinh tế số Khánh Hòa đến 2030 chiếm bao nhiêu GRDP?", chat);
    expect(engine.ask("thế còn cả nước?", chat).entries[0]).toBe("kinh-te-so-gdp");
    // "hiện … đạt bao nhiêu rồi" asks today's figure of it, not its 2030 target again, nor whether that is reached.
    expect(firstParagraph(engine.ask("hiện cả nước đạt bao nhiêu rồi", chat))).toMatch(/^Tỷ trọng kinh tế số trong GDP cả nước: 14,02% \(năm 2025/);
  });

  it("that are a bare phrase of the last FAQ's or goal's own words ask about them there", () => {
    const chat = createConversation();
    engine.ask("Bộ chỉ số DTI cấp tỉnh có mấy chỉ số chính?", chat);
    expect(firstParagraph(engine.ask("chỉ số thành phần?", chat))).toMatch(/47 chỉ số thành phần/);
    engine.ask("Theo 749 cấp xã phải xử lý bao nhiêu hồ sơ công việc trên mạng năm 2025?", chat);
    expect(firstParagraph(engine.ask("cấp huyện?", chat))).toMatch(/80% ở cấp huyện/);
  });

  it("'so với mục tiêu (của 749) thì sao?' after a figure asks how far it has got, and the next subject's figure comes first", () => {
    const chat = createConversation();
    engine.ask("Tỷ lệ hộ gia đình có cáp quang cả nước cuối 2024 là bao nhiêu?", chat);
    expect(firstParagraph(engine.ask("so với mục tiêu 749 thì sao?", chat))).toMatch(/^Có, đã ở mức mục tiêu trước hạn: .*trên 80%/);
    expect(firstParagraph(engine.ask("còn 4G?", chat))).toMatch(/4G: 99,8% .*; mình không có mục tiêu số/);
    // A target set against the nation's is a comparison still.
    expect(firstParagraph(engine.ask("Mục tiêu kinh tế số năm 2030 của Khánh Hòa so với mục tiêu của cả nước thế nào?"))).not.toMatch(/^(?:Có|Chưa)/);
  });

  it("naming only another document ask for its target of the same thing, or say it sets none", () => {
    const chat = createConversation();
    engine.ask("Mục tiêu kinh tế số của tỉnh năm 2030?", chat);
    const national = engine.ask("còn QĐ 749?", chat);
    expect(national.entries[0]).toBe("kinh-te-so-gdp");
    expect(text(national)).toContain("20% (cả nước, 749/QĐ-TTg)");
    const other = createConversation();
    engine.ask("Nghị quyết 16 có mục tiêu về hoạt động kiểm tra qua môi trường số không?", other);
    expect(text(engine.ask("thế QĐ 749 năm 2025 đặt bao nhiêu?", other))).toMatch(/^Tỷ lệ hoạt động kiểm tra[^\n]*: Quyết định 749\/QĐ-TTg không có mục tiêu này/);
  });

  it("carry the topic to another year, the nation, and the sources", () => {
    const chat = createConversation();
    expect(engine.ask("mục tiêu năm 2025 là gì", chat).entries[0]).toBe("@goals-2025");
    expect(engine.ask("còn năm 2030 thì sao?", chat).entries[0]).toBe("@goals-2030");
    const dvc = engine.ask("tỷ lệ dvc mức 4 của tỉnh", chat);
    expect(dvc.entries[0]).toBe("dvc-muc-4");
    const national = engine.ask("còn cả nước?", chat);
    expect(national.entries[0]).toBe("dvc-muc-4");
    expect(text(national)).toContain("(cả nước");
    const sources = engine.ask("nguồn ở đâu?", chat);
    expect(sources.intent).toBe("sources");
    expect(text(sources)).toContain("Báo Công an nhân dân");
  });

  it("answer a number with that suggestion", () => {
    const chat = createConversation();
    const first = engine.ask("mục tiêu 2025", chat);
    const picked = engine.ask("1", chat);
    expect(engine.ask(first.suggestions[0]!).entries).toEqual(picked.entries);
  });

  it("forget the topic after a long pause", () => {
    let now = TODAY.getTime();
    return shippedEngine(() => new Date(now)).then((timed) => {
      const chat = createConversation();
      timed.ask("tỷ lệ dvc mức 4", chat);
      now += CONVERSATION_TTL_MS + 1;
      expect(timed.ask("còn cả nước?", chat).entries[0]).not.toBe("dvc-muc-4");
    });
  });
});

describe("two questions in one message", () => {
  it("answers each in the first paragraph, in the order asked, the second leaning on the first", () => {
    const answer = engine.ask("ke hoach 4636 ban hanh ngay nao, ai ky");
    const [first] = renderPlain(answer).join("\n").split("\n\n");
    expect(first).toMatch(/29\/9\/2025[^]*\n[^]*Nguyễn Long Biên/);
    expect(answer.entries.slice(0, 2)).toEqual(["kh-4636", "nguyen-long-bien"]);
  });

  it("reads a later part that names nothing as about the document of the part before", () => {
    const [first] = text(engine.ask("Nghị quyết 52-NQ/TW của Bộ Chính trị ban hành ngày nào và về vấn đề gì?")).split("\n\n");
    expect(first).toMatch(/27\/9\/2019[^]*\n[^]*Cách mạng công nghiệp lần thứ tư/);
  });

  it("counts a year a part names as naming something, and shows what a last part's first line announces", () => {
    const [first] = text(engine.ask("NQ16 ra đời ngày nào và mục tiêu năm 2030 là gì?")).split("\n\n");
    expect(first).toMatch(/19\/10\/2021[^]*\nĐến năm 2030, Nghị quyết 16 đặt mục tiêu:\n[^]*nhóm 20 tỉnh/);
  });

  it("keeps a part it cannot answer out of the answer rather than answering something else", () => {
    const answer = engine.ask("Đinh Văn Thiệu là ai, còn bitcoin giá bao nhiêu?");
    expect(answer.answered).toBe(true);
    expect(text(answer)).toContain('Về ý "còn bitcoin giá bao nhiêu": mình chưa có thông tin');
    expect(answer.entries).toEqual(["dinh-van-thieu"]);
  });
});

describe("conversation context", () => {
  it("asks the last question again for another pillar or year", () => {
    const chat = createConversation();
    expect(engine.ask("thứ hạng chính quyền số của tỉnh trong DTI", chat).entries[0]).toBe("dti-chinh-quyen-so");
    expect(engine.ask("còn xã hội số?", chat).entries[0]).toBe("dti-xa-hoi-so");
    expect(engine.ask("mục tiêu của QĐ 749 năm 2025", chat).entries[0]).toMatch(/749/);
    expect(engine.ask("còn 2030?", chat).entries[0]).toMatch(/2030/);
  });

  it("after an overview FAQ, another year asks for that year's overview, not for one goal of it", () => {
    const chat = createConversation();
    expect(engine.ask("mục tiêu năm 2025 của nghị quyết 16 là gì", chat).entries[0]).toMatch(/2025/);
    expect(engine.ask("còn năm 2030 thì sao?", chat).entries[0]).toMatch(/^(faq-muc-tieu-2030|@goals)/);
  });

  it("after a figure, a document named asks for the targets that document sets for it, and 'đạt chưa' judges by a number", () => {
    const chat = createConversation();
    expect(engine.ask("Cuối năm 2024 bao nhiêu % hộ gia đình cả nước có cáp quang?", chat).entries[0]).toBe("cap-quang-ho-gia-dinh");
    const target = text(engine.ask("QĐ 749 đặt mục tiêu bao nhiêu?", chat));
    expect(target.split("\n\n")[0]).toMatch(/mục tiêu năm 2025: trên 80% \(cả nước, 749\/QĐ-TTg\)/);
    // "Phổ cập" (2030) cannot be judged with a number; the 2025 target can: 2025 has no figure yet, but 12/2024's
    // already reached the level, which is said with both dates.
    expect(text(engine.ask("có đạt không?", chat)).split("\n\n")[0]).toMatch(
      /^Có, đã ở mức mục tiêu trước hạn: .*mục tiêu năm 2025: trên 80%.*82,9% tháng 12\/2024 đã đạt mức này; chưa có số liệu năm 2025/,
    );
  });

  it("answers 'nguồn tin ở đâu' with the sources of the previous answer", () => {
    const chat = createConversation();
    engine.ask("kinh tế số chiếm bao nhiêu GDP cả nước", chat);
    expect(engine.ask("nguồn tin ở đâu", chat).entries).toEqual(["@sources"]);
  });
});

describe("not sure and out of scope", () => {
  it("does not answer about another province", () => {
    expect(engine.ask("tỷ lệ dịch vụ công mức 4 của Đồng Nai").answered).toBe(false);
  });

  it("refuses out-of-scope questions politely, saying what it covers", () => {
    for (const question of ["thời tiết Nha Trang hôm nay", "giá vàng hôm nay bao nhiêu", "làm căn cước công dân ở đâu", "asdfghjkl"]) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(text(answer)).toContain("Nghị quyết 16");
    }
  });

  it("refuses personal data, prices, weather and population whatever word they share with the knowledge", () => {
    const refusals: [string, RegExp][] = [
      ["Số CCCD của ông Nguyễn Long Biên là gì?", /thông tin cá nhân/],
      ["so zalo cua ong pham duy loc la bao nhieu", /thông tin cá nhân/],
      ["Tỷ giá USD hôm nay bao nhiêu?", /tỷ giá/],
      ["bao sap vao khanh hoa chua", /thời tiết/],
      ["dan so khanh hoa", /dân số/],
    ];
    for (const [question, reason] of refusals) {
      const answer = engine.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(text(answer), question).toMatch(reason);
      expect(text(answer), question).toContain("Nghị quyết 16");
    }
    // The same words in what the assistant does answer.
    expect(engine.ask("chuong trinh chuyen doi so quoc gia dat ra nhung muc tieu gi").answered).toBe(true);
    expect(engine.ask("Tỷ lệ dân số sử dụng dịch vụ số để tương tác với chính quyền?").entries[0]).toBe("dan-so-tuong-tac-so");
    // "(không cần số điện thoại)" asks for none.
    const leaders = engine.ask("Tôi cần danh sách lãnh đạo (không cần số điện thoại). Các Phó Chủ tịch UBND tỉnh hiện nay gồm những ai?");
    expect(text(leaders)).toContain("Nguyễn Long Biên, Trần Hòa Nam");
  });

  it("offers at most three choices when unsure", () => {
    const answer = engine.ask("chỉ số");
    if (answer.intent === "clarify") {
      expect(answer.answered).toBe(false);
      expect(answer.suggestions.length).toBeLessThanOrEqual(3);
      expect(text(answer)).toContain("Có phải bạn muốn hỏi");
    } else {
      expect(answer.intent).not.toBe("fallback");
    }
  });
});

describe("bad input never throws and always gets a reply", () => {
  const cases: [string, string][] = [
    ["empty", ""],
    ["whitespace", "   \n\t "],
    ["huge", "mục tiêu ".repeat(1250)],
    ["emoji only", "👍😀🎉"],
    ["punctuation only", "?!...,,;"],
    ["html injection", "<b>mục tiêu 2030</b><script>alert(1)</script>"],
    ["markdown", "*mục tiêu* _2030_ `code`"],
    ["control characters", "mục\u0000 tiêu\u0007 2030\u001b[31m"],
    ["mixed scripts", "目标 2030 mục tiêu Цель"],
    ["unknown command", "/xyz"],
    ["bad command argument", "/muctieu 2040"],
  ];
  for (const [name, input] of cases) {
    it(name, () => {
      const answer = engine.ask(input);
      expect(answer.blocks.length).toBeGreaterThan(0);
      expect(renderPlain(answer)[0]!.length).toBeGreaterThan(0);
    });
  }

  it("explains what went wrong for empty, too long, and emoji input", () => {
    expect(text(engine.ask(""))).toContain("Bạn chưa nhập câu hỏi");
    expect(text(engine.ask("a".repeat(10_000)))).toContain("dài quá");
    expect(text(engine.ask("👍😀"))).toContain("chỉ đọc được câu hỏi bằng chữ");
    expect(text(engine.ask("/muctieu 2040"))).toContain("/muctieu 2025");
  });
});

describe("who holds an office", () => {
  it("say Đúng or Không first to a claim, and who holds it now, or who came before or after someone", () => {
    const first = (question: string) => text(engine.ask(question)).split("\n\n")[0]!;
    expect(first("Chủ tịch tỉnh hiện nay là ông Trần Phong đúng không")).toMatch(/^Đúng: Chủ tịch UBND tỉnh Khánh Hòa hiện nay là Trần Phong/);
    expect(first("Chủ tịch Khánh Hòa hiện tại là ông Nguyễn Khắc Toàn nhỉ?")).toMatch(/^Không: Chủ tịch UBND tỉnh Khánh Hòa hiện nay là Trần Phong/);
    expect(first("ông Nguyễn Tấn Tuân còn là chủ tịch tỉnh không")).toMatch(/^Không: Nguyễn Tấn Tuân không còn là Chủ tịch UBND tỉnh Khánh Hòa\. .*Trần Phong/);
    // "Phó chủ tịch" is no "chủ tịch".
    expect(first("sau ông Nguyễn Tấn Tuân ai làm chủ tịch tỉnh")).toMatch(/^Sau Nguyễn Tấn Tuân, Chủ tịch UBND tỉnh Khánh Hòa là Trần Quốc Nam/);
    const chat = createConversation();
    engine.ask("Chủ tịch UBND tỉnh Khánh Hòa hiện nay là ai?", chat);
    expect(text(engine.ask("trước ông ấy là ai?", chat))).toMatch(/^Trước Trần Phong, Chủ tịch UBND tỉnh Khánh Hòa là Nguyễn Khắc Toàn/);
    expect(first("ong nguyen long bien co phai la chu tich ubnd tinh khong")).toMatch(/^Không: Nguyễn Long Biên là Phó Chủ tịch .*hiện nay là Trần Phong/);
  });

  it("read a title said alone ('còn làm chủ tịch không?') as the office of that title the person named has held", () => {
    const first = (question: string) => text(engine.ask(question)).split("\n\n")[0]!;
    expect(first("Nguyễn Tấn Tuân giờ còn làm chủ tịch không?")).toMatch(/^Không: Nguyễn Tấn Tuân không còn là Chủ tịch UBND tỉnh Khánh Hòa\. .*Trần Phong/);
    expect(first("ông Nguyễn Hải Ninh còn làm bí thư không")).toMatch(/^Không: Nguyễn Hải Ninh không còn là Bí thư Tỉnh ủy Khánh Hòa\. .*Nghiêm Xuân Thành/);
    // Followed by the name of another office, it names that one.
    expect(first("Ông Phạm Duy Lộc là Giám đốc Sở Khoa học và Công nghệ đúng không?")).not.toMatch(/^Đúng/);
  });

  it("check an office claimed of a person for the year named, and of the person named, whoever else held it", () => {
    const first = (question: string) => text(engine.ask(question)).split("\n\n")[0]!;
    expect(first("năm 2021 ông Nguyễn Tấn Tuân là chủ tịch tỉnh đúng không")).toMatch(/^Đúng: năm 2021, Nguyễn Tấn Tuân là Chủ tịch UBND tỉnh Khánh Hòa/);
    expect(first("Năm 2021 ông Nguyễn Hải Ninh là Chủ tịch UBND tỉnh Khánh Hòa à?")).toMatch(/^Không: .*Nguyễn Hải Ninh không phải là Chủ tịch UBND tỉnh.*Bí thư Tỉnh ủy/);
    // A year the sources show nobody in: no verdict either way.
    expect(first("năm 2022 ông Nguyễn Hải Ninh là bí thư tỉnh ủy đúng không?")).toMatch(/^Nguồn của mình không ghi ai giữ chức Bí thư Tỉnh ủy Khánh Hòa trong năm 2022/);
  });
});

describe("claims about a figure or a target", () => {
  const first = (question: string, chat = createConversation()) => text(engine.ask(question, chat)).split("\n\n")[0]!;

  it("say whose a number is when it belongs to another year, another scope or a revised series", () => {
    expect(first("Theo NQ16, đến 2025 Khánh Hòa phấn đấu vào top 20 tỉnh dẫn đầu về CĐS, đúng không?")).toMatch(
      /^Không: nhóm 20 dẫn đầu là mục tiêu năm 2030 .*không phải năm 2025\. .*mục tiêu năm 2025: nhóm 25 dẫn đầu/,
    );
    expect(first("DTI 2021 khanh hoa hang 41 dung khong")).toMatch(/^Không: hạng 41\/63 là số liệu năm 2022 .*hạng 30\/63 \(năm 2021/);
    expect(first("Tỷ lệ DVC mức 4 năm 2025 của NQ16 là 80% đúng không")).toMatch(/^Không: 80% là mục tiêu năm 2025 \(cả nước, 749\/QĐ-TTg\)\. .*100%/);
    expect(first("Năm 2023 kinh tế số chiếm 12,33% GDP đúng không?")).toMatch(/^Không: 12,33% là số công bố lần đầu.*12,87% \(năm 2023/);
  });

  it("answer a comparison of the province's target with the nation's first, as the question put it", () => {
    expect(first("NQ16 dat chi tieu DVC muc 4 nam 2025 thap hon QD 749 phai khong")).toMatch(/^Không: mục tiêu năm 2025 của tỉnh \(100%.*cao hơn mức của cả nước \(80%/);
    expect(first("tỉnh mình đặt chỉ tiêu dịch vụ công mức 4 cao hơn hay thấp hơn cả nước?")).toMatch(/^Cao hơn: /);
  });

  it("name no number the sources did not write: a gap to a target is not computed", () => {
    const body = text(engine.ask("chi tiết kinh tế số trong GDP cả nước"));
    expect(body).toContain("30% — chưa đến hạn; gần nhất 14,02% năm 2025, chưa ở mức mục tiêu");
    expect(body).not.toMatch(/còn cách|điểm %/);
  });

  it("after two years of one figure, 'tăng hay giảm?' compares them", () => {
    const chat = createConversation();
    engine.ask("Khánh Hòa xếp hạng DTI năm 2022 thứ mấy?", chat);
    engine.ask("còn năm 2021?", chat);
    expect(first("vậy là tăng hay giảm, bao nhiêu bậc?", chat)).toMatch(/hạng 30\/63 \(năm 2021.*hạng 41\/63 \(năm 2022.*giảm 11 bậc/);
    expect(first("năm 2022 tỉnh tụt mấy bậc về chuyển đổi số")).toMatch(/hạng 30\/63 \(năm 2021.*giảm 11 bậc/);
  });

  it("read a year of a document that sets targets as asking for its target", () => {
    expect(first("theo 749 den 2025 kinh te so phai chiem bao nhieu % gdp")).toMatch(/mục tiêu năm 2025: 20% \(cả nước, 749\/QĐ-TTg\)/);
    expect(first("Chào cháu, bác đọc báo thấy tỉnh mình muốn đến năm 2030 lọt vào nhóm các tỉnh đứng đầu về chuyển đổi số. Cháu cho bác hỏi là nhóm bao nhiêu tỉnh vậy cháu?")).toMatch(
      /mục tiêu năm 2030: .*nhóm 20 dẫn đầu/,
    );
  });

  it("confirm or correct which way a figure went", () => {
    expect(first("Cháu ơi, bác nghe con bác bảo tỉnh mình năm 2022 xếp hạng chuyển đổi số tụt nhiều lắm, thật không cháu?")).toMatch(
      /^Đúng: .*hạng 30\/63 \(năm 2021.*hạng 41\/63 \(năm 2022.*giảm 11 bậc/,
    );
    expect(first("năm 2022 kinh tế số trụ cột của tỉnh giảm hạng phải không")).toMatch(/^Không: .*tăng 2 bậc/);
  });

  it("give a year's figure (or say there is none) rather than explain the index", () => {
    expect(first("dti 2023 cua khanh hoa hang may vay")).toMatch(/mình chưa có số liệu năm 2023/);
    expect(first("Năm 2021, các trụ cột chính quyền số, kinh tế số, xã hội số của Khánh Hòa xếp hạng bao nhiêu?")).toMatch(
      /chính quyền số.*34\/63[^]*kinh tế số.*32\/63[^]*xã hội số.*33\/63/,
    );
    expect(first("Chào cháu, năm ngoái kinh tế số chiếm bao nhiêu phần trăm GDP cả nước?")).toContain("(năm 2025, cả nước");
  });

  it("find what a claim is about by the exact number it states", () => {
    expect(first("Tôi viết bài cần dẫn chính xác: năm 2020 Khánh Hòa có 35,8% số gói thầu được đấu thầu qua mạng, đúng không?")).toMatch(
      /^Đúng: Tỷ lệ đấu thầu qua mạng, số liệu 35,8% \(năm 2020/,
    );
  });

  it("judge 'đạt chưa' by the target with the number asked, and never by a year without a figure", () => {
    expect(first("Năm 2023 Khánh Hòa có lọt top 10 DTI cấp tỉnh không?")).toMatch(/^Chưa có số liệu: .*chưa có số liệu năm 2023/);
    expect(first("Chỉ tiêu cáp quang trên 80% hộ gia đình của 749 đã đạt chưa?")).toMatch(/^Có, đã ở mức mục tiêu trước hạn: .*trên 80% \(cả nước, 749\/QĐ-TTg\)/);
    // Put as a confirmation, still a verdict; a rank is never judged by an earlier year, and the new province's
    // rank is said beside the old province's target, as not comparable.
    expect(first("Mình đọc báo thấy Khánh Hòa hiện xếp thứ 16 DTI, vậy là đạt mục tiêu top 25 của NQ16 rồi phải không ad?")).toMatch(
      /^Chưa có số liệu để kết luận: .*nhóm 25 dẫn đầu \(Khánh Hòa cũ, 16-NQ\/TU\).*hạng 16\/34 \(năm 2024, Khánh Hòa mới\) thuộc phạm vi khác, không so trực tiếp được/,
    );
    const chat = createConversation();
    engine.ask("Mục tiêu dịch vụ công trực tuyến mức 4 năm 2025 của NQ16 là bao nhiêu?", chat);
    expect(first("thế cả nước?", chat)).toContain("mục tiêu năm 2025: 80% (cả nước, 749/QĐ-TTg)");
  });

  it("answer a target question with the target, not with how the targets stand; 'lần lượt' asks nothing", () => {
    expect(engine.ask("den 2025 khanh hoa muon vao top may ve chuyen doi so vay ad").entries[0]).toBe("faq-muc-tieu-2025");
    expect(first("xep hang chuyen doi so cua tinh nam 2022 va 2024 lan luot la bao nhieu")).toMatch(/hạng 41\/63 \(năm 2022.*hạng 16\/34 \(năm 2024/);
  });

  it("say Có first when what is asked about is there, every word of the question found in it", () => {
    expect(first("Nghị quyết 16 có mục tiêu về hoạt động kiểm tra qua môi trường số không?")).toMatch(/^Có: .*mục tiêu năm 2030: 70%/);
    expect(first("7 lĩnh vực ưu tiên có du lịch không")).toMatch(/^Có: /);
    // A word the answer does not contain gets no verdict it cannot back.
    expect(first("7 lĩnh vực ưu tiên có giáo dục không")).not.toMatch(/^(Có|Không)\b/);
  });

  it("say where a fact comes from when asked with it, and read 'thứ 9 cả nước' as the province's rank", () => {
    expect(first("Thông tin Khánh Hòa xếp thứ chín cả nước về DTI đăng trên báo nào?")).toMatch(/xếp thứ chín cả nước.* Thông tin này theo: .*\(Báo Pháp Luật TP\.HCM \(PLO\), 10\/3\/2026\)/);
    expect(first("tỷ lệ hồ sơ trực tuyến hiện nay, nguồn ở đâu")).toMatch(/^Tỷ lệ hồ sơ .*87,6% .* Thông tin này theo: .*Báo Người Lao Động/);
  });

  it("step on through the holders of an office: 'còn trước nữa?'", () => {
    const chat = createConversation();
    engine.ask("Chủ tịch UBND tỉnh Khánh Hòa hiện nay là ai?", chat);
    expect(first("trước ông ấy là ai?", chat)).toMatch(/^Trước Trần Phong, .* là Nguyễn Khắc Toàn/);
    expect(first("còn trước nữa?", chat)).toMatch(/^Trước Nguyễn Khắc Toàn, .* là Trần Quốc Nam/);
  });

  it("keep the document that sets a target in focus for 'văn bản đó'", () => {
    const chat = createConversation();
    engine.ask("Mục tiêu DTI top 10 vào năm 2030 của Khánh Hòa nằm trong văn bản nào?", chat);
    expect(first("văn bản đó ban hành ngày nào?", chat)).toContain("Nghị quyết 01-NQ/TU được ban hành ngày 14/7/2025");
  });

  it("do not answer who heads an agency with its deputy", () => {
    expect(engine.ask("Giám đốc Sở Khoa học và Công nghệ Khánh Hòa hiện nay là ai?").entries[0]).not.toBe("dao-xuan-ky");
    expect(engine.ask("Đào Xuân Kỳ là ai?").entries[0]).toBe("dao-xuan-ky");
  });
});

describe("claims an answer states", () => {
  it("are confirmed first when the answer says every word and number claimed, and not when it lacks a concept", () => {
    expect(text(engine.ask("Nghe nói nghị quyết chuyển đổi số của tỉnh ưu tiên ngành du lịch lên hàng đầu, có đúng không?"))).toMatch(/^Đúng: Nghị quyết 16 có 7 lĩnh vực/);
    expect(text(engine.ask("Nghị quyết chuyển đổi số của tỉnh ưu tiên ngành nông nghiệp lên hàng đầu, có đúng không?"))).not.toMatch(/^Đúng/);
    // Asking what something is, after "nghe nói", claims nothing.
    expect(text(engine.ask("nghe nói nghị quyết 16 là gì"))).toMatch(/^Nghị quyết 16-NQ\/TU là/);
  });

  it("'ông X nói … là gì' asks what X said", () => {
    expect(text(engine.ask("Bí thư Nguyễn Hải Ninh nói chuyển đổi số là gì?"))).toMatch(/^Nguyễn Hải Ninh \([^)]*\): Tại hội nghị/);
  });
});

describe("claims about a document's date", () => {
  it("say Đúng or Không first, with the date it was issued", () => {
    const first = (question: string) => text(engine.ask(question)).split("\n\n")[0]!;
    expect(first("NQ16 ban hành năm 2021 phải không")).toMatch(/^Đúng: Nghị quyết 16-NQ\/TU được ban hành ngày 19\/10\/2021/);
    expect(first("quyết định 749 ký năm 2019 đúng không")).toMatch(/^Không: Quyết định 749\/QĐ-TTg được ban hành ngày 3\/6\/2020/);
    // Its own period's years are no claim about when it was issued.
    expect(first("nghị quyết 16 có tầm nhìn đến năm 2030 không")).not.toMatch(/^Không/);
    // Asked of the document named, not of an FAQ that mentions it.
    expect(first("nghi quyet 16 ve chuyen doi so ban hanh nam 2020 dung ko")).toMatch(/^Không: Nghị quyết 16-NQ\/TU được ban hành ngày 19\/10\/2021/);
  });

  it("and about who issued it, Đúng or Không with the issuer", () => {
    const first = (question: string) => text(engine.ask(question)).split("\n\n")[0]!;
    expect(first("nghi quyet 16 co phai do ubnd tinh ban hanh khong")).toMatch(/^Không: Nghị quyết 16-NQ\/TU do Tỉnh ủy Khánh Hòa ban hành ngày 19\/10\/2021/);
    expect(first("Kế hoạch 4636 do UBND tỉnh ban hành đúng không")).toMatch(/^Đúng: Kế hoạch 4636\/KH-UBND do UBND tỉnh Khánh Hòa/);
  });

  it("and of two issuers offered, checks the one claimed, or says which when none is", () => {
    const first = (question: string) => text(engine.ask(question)).split("\n\n")[0]!;
    expect(first("Như vậy Quyết định 749 là của Bộ Thông tin và Truyền thông ban hành, có đúng không, hay là của Thủ tướng?")).toMatch(
      /^Không: Quyết định 749\/QĐ-TTg do Thủ tướng Chính phủ ban hành/,
    );
    expect(first("có phải NQ16 do Tỉnh ủy ban hành không hay là UBND tỉnh?")).toMatch(/^Đúng: Nghị quyết 16-NQ\/TU do Tỉnh ủy Khánh Hòa/);
    expect(first("nq16 cua tinh uy hay ubnd tinh")).toMatch(/^Nghị quyết 16-NQ\/TU do Tỉnh ủy Khánh Hòa ban hành ngày 19\/10\/2021/);
    // "hay ban hành" is "often issues", no choice.
    expect(first("UBND tỉnh hay ban hành kế hoạch, còn Nghị quyết 16 thì do Tỉnh ủy ban hành đúng không?")).toMatch(/^Đúng: Nghị quyết 16-NQ\/TU do Tỉnh ủy/);
  });
});

describe("small talk", () => {
  it("answers greetings, thanks, help and who-are-you briefly", () => {
    expect(engine.ask("xin chào").intent).toBe("greeting");
    expect(engine.ask("cảm ơn bạn").intent).toBe("thanks");
    expect(text(engine.ask("/help"))).toContain("/chitieu");
    expect(engine.ask("bạn là ai?").intent).toBe("about");
  });
});

describe("every suggestion leads somewhere", () => {
  it("answers each follow-up it offers for every entry's prompt", () => {
    const offered = new Set<string>();
    for (const question of ["mục tiêu 2025", "mục tiêu 2030", "/chitieu", "/sosanh", "/lotrinh", "/linhvuc", "nghị quyết 16 là gì", "xếp hạng DTI"]) {
      for (const suggestion of engine.ask(question).suggestions) offered.add(suggestion);
    }
    for (const suggestion of offered) {
      const answer = engine.ask(suggestion, createConversation());
      expect(answer.intent, suggestion).not.toBe("fallback");
    }
  });
});

describe("calibration", () => {
  it("reports how much of the question the best doc leaves unexplained", () => {
    const [hit] = engine.explain("tỷ lệ hồ sơ trực tuyến").hits;
    expect(hit?.unexplained).toBe(0);
  });

  it("does not answer a neighbouring question it cannot explain", () => {
    expect(engine.ask("tỉnh có bao nhiêu lập trình viên công nghệ thông tin").answered).toBe(false);
  });

  it("after a ranking question, a target year asks for the indicator itself", () => {
    const conversation = createConversation();
    expect(["faq-tinh-hinh-ca-nuoc", "egdi"]).toContain(engine.ask("Việt Nam đứng thứ mấy về chính phủ điện tử", conversation).entries[0]);
    expect(engine.ask("thế năm 2030 thì mục tiêu là gì", conversation).entries[0]).toBe("egdi");
  });

  it("prefers the indicator an overview FAQ stands for, but a definition for 'là gì'", () => {
    expect(engine.ask("an ninh mạng Việt Nam năm 2024 đứng hạng mấy").entries[0]).toBe("gci-an-ninh-mang");
    expect(engine.ask("DTI là gì vậy").entries[0]).toBe("faq-dti-la-gi");
    // Indicator and FAQ read equally well: "là gì" still wants the explanation.
    expect(engine.ask("chỉ số DTI là gì").entries[0]).toBe("faq-dti-la-gi");
  });


  it("answers 'ban hành khi nào' with the dated document rather than an FAQ listing it", () => {
    expect(engine.ask("Kế hoạch CĐS tỉnh Khánh Hòa năm 2025 được ban hành khi nào").entries[0]).toBe("kh-2044");
    expect(engine.ask("bối cảnh ra đời của nghị quyết 16").entries[0]).toBe("faq-boi-canh-ra-doi");
  });

  it("asks which one when several of a kind match equally well", () => {
    expect(engine.ask("ông ấy giữ chức gì").intent).toBe("clarify");
    // Two overviews are no such tie: asked with "đạt", the goals are the status overview.
    expect(engine.ask("chỉ tiêu nào đạt, chỉ tiêu nào chưa đạt").entries[0]).toBe("@status-all");
  });

  it("answers 'NQ16 đạt chưa' with how the indicators stand", () => {
    expect(engine.ask("nghị quyết 16 đạt chưa").entries[0]).toBe("@status-all");
  });
});

describe("Telex leftovers", () => {
  it("still read the progress and 'now' words", () => {
    expect(engine.explain("chuwx kys soos ddatj chuwa").slots.progress).toBe(true);
    expect(engine.explain("chuwx kys soos hieenj nay").slots.now).toBe(true);
    expect(engine.ask("chuwx kys soos ddatj chuwa").entries[0]).toBe("chu-ky-so");
  });

  it("repair the province's name, which no index holds, so it reads as the scope", () => {
    expect(engine.explain("DTI khanhs hoaf nawm 2022 hangj mays").slots).toMatchObject({ scope: "province", year: 2022 });
    expect(text(engine.ask("DTI khanhs hoaf nawm 2022 hangj mays"))).toMatch(/^Thứ hạng[^\n]*41\/63 \(năm 2022/);
  });

  it("and keys pressed twice or a tone key before the final consonant are undone", () => {
    expect(engine.explain("muc tieu kepp").terms).toContain("kep");
    expect(engine.explain("vi sao co nghi quyeest 16").terms).toContain("quyet");
    expect(engine.explain("hajn chees cuar chuyeenr ddooir soos").terms).toEqual(expect.arrayContaining(["han", "che", "chuyen", "doi", "so"]));
    // An abbreviation is a known word too: "cdss" is "cđs".
    expect(engine.ask("muc tieu quoc gia 2025 ve cdss").entries[0]).toMatch(/749-2025|qd749-muc-tieu-2025/);
  });
});

describe("siblings", () => {
  it("two entries one FAQ points to together are no rivals: the better one answers", () => {
    const answer = engine.ask("tỉnh có chỉ tiêu trường học thu học phí không dùng tiền mặt không ạ");
    expect(answer.intent).not.toBe("clarify");
    expect(answer.entries[0]).toBe("truong-hoc-benh-vien-nen-tang-so");
  });
});

describe("'when' questions", () => {
  it("are answered by what carries the date, also when two matches both reach the top score", () => {
    expect(engine.ask("nghị quyết chuyển đổi số của tỉnh ra đời tháng mấy năm mấy").entries[0]).toBe("nq-16");
    expect(engine.ask("Kế hoạch thanh toán không dùng tiền mặt trong trường học, bệnh viện ban hành khi nào").entries[0]).toMatch(/kh-4205/);
  });
});

describe("numbers and years", () => {
  it("a small number alone matches nothing: '1 + 1' is not Nghị quyết 01", () => {
    expect(engine.ask("1 + 1 bằng mấy").answered).toBe(false);
  });

  it("a question naming its year is not the FAQ that tells which year", () => {
    expect(engine.ask("tam nhin 2030 cua nq16 la gi").entries[0]).toMatch(/^(faq-muc-tieu-2030|@goals)/);
  });
});

describe("question kinds", () => {
  it("are not answered with a document, which carries no figures", () => {
    const answer = engine.ask("chỉ số chuyển đổi số quốc gia năm 2022 là bao nhiêu");
    expect(answer.entries[0]).not.toBe("qd-505");
  });

  it("'vì sao' wants the explanation an FAQ gives, not the document", () => {
    expect(engine.ask("tại sao có nghị quyết 16").entries[0]).not.toBe("nq-16");
    expect(engine.ask("vi sao co nghi quyet 16").entries[0]).toBe("faq-boi-canh-ra-doi");
  });

  it("but 'ngày bao nhiêu' asks when", () => {
    expect(engine.explain("NQ16 được Tỉnh ủy ban hành ngày bao nhiêu").hits[0]?.id).toBe("nq-16");
  });
});

describe("two tied entries of one kind", () => {
  it("the one explaining clearly more of the question answers", () => {
    expect(engine.ask("năm 2022 tỉnh tụt mấy bậc về chuyển đổi số").entries[0]).toBe("xep-hang-dti");
  });

  it("a plan and the indicator whose target it sets are no rivals", () => {
    expect(engine.ask("KH 4636 đặt mục tiêu DTI 2025 hạng mấy").intent).not.toBe("clarify");
  });
});

describe("many indicators at once", () => {
  it("'các chỉ tiêu' leans toward an overview, or an FAQ standing for many", () => {
    expect(engine.ask("tien do cac chi tieu chuyen doi so quoc gia").entries[0]).toMatch(/^@status-all/);
    expect(engine.ask("Các mục tiêu CĐS của tỉnh đến năm 2030 theo NQ 16").entries[0]).toMatch(/^(faq-muc-tieu-2030|@goals)/);
  });
});

describe("a document's number", () => {
  it("is followed by the document's period only when its title does not already say it", () => {
    const [first] = text(engine.ask("Kế hoạch 13784/KH-UBND nói về gì?")).split("\n\n");
    expect(first).toContain("tỉnh Khánh Hòa giai đoạn 2021–2025.");
    expect(first).not.toContain("giai đoạn 2021–2025, giai đoạn 2021–2025");
    expect(text(engine.ask("NQ16 ban hành năm 2021 phải không"))).toMatch(/^Đúng: [^\n]*, giai đoạn 2021–2025, tầm nhìn đến năm 2030/);
  });

  it("is not printed when the sources do not give one: the document is named by its title", () => {
    const answer = text(engine.ask("kế hoạch chuyển đổi số năm 2024 của tỉnh ban hành ngày nào"));
    expect(answer).toContain("Kế hoạch chuyển đổi số tỉnh Khánh Hòa năm 2024 (chưa rõ số hiệu) được ban hành ngày 29/1/2024");
    expect(answer).not.toContain("Kế hoạch Chưa rõ");
  });

  it("names that document, not another whose summary cites it", () => {
    expect(engine.ask("nghi quyet 48 cua tinh ve khoa hoc cong nghe va chuyen doi so").entries[0]).toBe("nq-48");
  });
});

describe("a person's name", () => {
  it("is not read as a city ('Nguyễn Thanh Hà nói' is not Hà Nội)", () => {
    expect(engine.ask("Phó Chủ tịch Nguyễn Thanh Hà nói Khánh Hòa đứng thứ mấy").answered).toBe(true);
    expect(engine.ask("Hà Nội xếp hạng DTI thứ mấy").answered).toBe(false);
  });
});

describe("short typos", () => {
  it("leave pronouns and compound words alone ('nó' is not 'nhỏ', 'văn bản' one word)", () => {
    expect(engine.explain("nó là văn bản gì vậy").terms).toEqual(["vanban"]);
  });

  it("are repaired by one missing letter or two swapped ones, but a final n is not grown into nh", () => {
    expect(engine.explain("an toan an nih mang").terms).toContain("ninh");
    expect(engine.explain("ngan sach tinh").terms).not.toContain("nganh");
  });
});

describe("words the knowledge has never seen", () => {
  it("count as unexplained, so a question about them is not answered with a neighbour", () => {
    expect(engine.ask("tinh co bao nhieu ky su cong nghe thong tin").answered).toBe(false);
    expect(engine.ask("chỉ số PCI của khánh hòa năm 2024 xếp thứ mấy").answered).toBe(false);
  });
});

describe("a full date", () => {
  it("finds the event of that day, also when it was folded into its document", () => {
    expect(engine.ask("ngay 19/10/2021 co su kien gi").entries[0]).toBe("nq-16");
    expect(engine.ask("ngày 3/6/2020 có sự kiện gì liên quan chuyển đổi số").entries[0]).toBe("qd-749");
  });
});

describe("unsure matches in a conversation", () => {
  it("take the one the previous answer points to", () => {
    expect(engine.ask("lúc đó chủ tịch tỉnh là ai").answered).toBe(false);
    const conversation = createConversation();
    engine.ask("chuyển đổi số hỗ trợ phòng chống covid ra sao", conversation);
    expect(engine.ask("lúc đó chủ tịch tỉnh là ai", conversation).entries[0]).toBe("nguyen-tan-tuan");
  });

  it("read 'lúc đó' as the year of the document the chat was about", () => {
    const conversation = createConversation();
    engine.ask("Nghị quyết 16 ban hành khi nào?", conversation);
    expect(firstParagraph(engine.ask("lúc đó ai làm bí thư?", conversation))).toMatch(/^Nguyễn Hải Ninh: .*Bí thư Tỉnh ủy Khánh Hòa/);
  });
});

describe("bounded reading", () => {
  it("repairs no more words once a question's repair budget is spent, and still answers with the rest", async () => {
    const { createEngine } = await import("../../src/engine/ask.js");
    const spent = createEngine(engine.knowledge, { now: () => TODAY, repairBudgetMs: -1 });
    expect(engine.explain("dichvucong truc tuyen").unknown).toEqual([]);
    expect(spent.explain("dichvucong truc tuyen").unknown).toEqual(["dichvucong"]);
    expect(spent.ask("tỷ lệ hồ sơ trực tuyến hiện nay?").entries[0]).toBe(engine.ask("tỷ lệ hồ sơ trực tuyến hiện nay?").entries[0]);
  });

  it("reads every input of up to 4,096 characters: segmentable tokens, unknown words, repeated slot words", () => {
    const questions = [
      `${"locap".repeat(200)}zzz`,
      `${"dichvucong".repeat(100)}x`,
      Array.from({ length: 600 }, (_, i) => `xq${i.toString(36)}zv`).join(" "),
      "đạt chưa ".repeat(100),
    ];
    for (const question of questions) {
      const answer = engine.ask(question.slice(0, 1000));
      expect(answer.intent).not.toBe("invalid");
    }
  });
});

describe("the conversation's focus", () => {
  const first = (answer: Answer) => text(answer).split("\n\n")[0]!;

  it("answers a bare 'ai ký?' and 'ông ấy' about the plan and the person just discussed", () => {
    const conversation = createConversation();
    engine.ask("Kế hoạch 4636/KH-UBND là kế hoạch gì vậy?", conversation);
    expect(first(engine.ask("ai ký?", conversation))).toContain("Nguyễn Long Biên");
    expect(first(engine.ask("ông ấy giữ chức gì?", conversation))).toContain("Phó Chủ tịch UBND tỉnh");
  });

  it("takes 'ông ấy' after an office to be its latest holder", () => {
    const conversation = createConversation();
    engine.ask("chủ tịch tỉnh hiện nay là ai", conversation);
    expect(first(engine.ask("ông ấy lên làm từ khi nào?", conversation))).toContain("19/11/2025");
  });

  it("leaves a question that names its own topic alone", () => {
    const conversation = createConversation();
    engine.ask("tỷ lệ phủ sóng 5G ở Khánh Hòa là bao nhiêu", conversation);
    expect(engine.ask("DTI là gì", conversation).entries[0]).toBe("faq-dti-la-gi");
  });
});

describe("a follow-up naming a detail", () => {
  it("asks the last question about that detail ('cấp tỉnh thì sao?' after the commune level)", () => {
    const conversation = createConversation();
    engine.ask("Theo QĐ 749, đến 2025 cấp xã phải xử lý bao nhiêu % hồ sơ công việc trên môi trường mạng?", conversation);
    const answer = engine.ask("cấp tỉnh thì sao?", conversation);
    expect(answer.entries[0]).toBe("qd749-2025-ho-so-cong-viec");
    expect(firstParagraph(answer)).toContain("90% hồ sơ công việc cấp bộ, cấp tỉnh");
  });
});

describe("an FAQ's detail", () => {
  it("leads the answer when it says clearly more of what was asked than the answer does", () => {
    const answer = engine.ask("Chỉ số DTI cấp tỉnh gồm bao nhiêu chỉ số chính và chỉ số thành phần?");
    expect(firstParagraph(answer)).toMatch(/^DTI cấp tỉnh gồm 8 chỉ số chính và 47 chỉ số thành phần/);
    // The answer follows, and the detail is not said twice.
    expect(text(answer)).toContain("DTI là Bộ chỉ số đánh giá chuyển đổi số");
    expect(text(answer).match(/47 chỉ số thành phần/g)).toHaveLength(1);
  });

  it("of a WEAK FAQ is said with its source, once", () => {
    const answer = engine.ask("năm 2024 tỉnh đặt mục tiêu bao nhiêu phần trăm người lớn dùng điện thoại thông minh?");
    expect(firstParagraph(answer)).toMatch(/^Theo Báo Khánh Hòa \(bản tiếng Anh\), 25\/2\/2024: Hơn 80% người trưởng thành dùng điện thoại thông minh/);
    expect(text(answer)).not.toContain(": Theo bản tin");
  });
});

describe("an answer saying the sources are silent", () => {
  it("confirms no claim, whatever words it shares with it", () => {
    const answer = engine.ask("Nghị quyết 16 bây giờ còn áp dụng không hay hết rồi?");
    expect(answer.entries[0]).toBe("faq-nq16-hieu-luc");
    expect(firstParagraph(answer)).toMatch(/^Nguồn của trợ lý không nói Nghị quyết 16 đã hết hiệu lực/);
  });
});

describe("a number claimed in a yes-or-no question", () => {
  it("does not keep the question from finding what to check it against ('hạng 9/34 … đúng không?')", () => {
    const answer = engine.ask("Hiện nay Khánh Hòa xếp hạng 9/34 về DTI năm 2025 đúng không?");
    expect(answer.entries[0]).toBe("xep-hang-dti");
    expect(firstParagraph(answer)).toMatch(/^Không, con số 9 không khớp với nguồn: .*chưa có số liệu năm 2025; gần nhất là hạng 16\/34 \(năm 2024, Khánh Hòa mới\)/);
  });

  it("is not the size of a ranking ('16/34' is right, '34 tỉnh' no figure)", () => {
    expect(firstParagraph(engine.ask("DTI 2024 Khánh Hòa hạng 16/34 đúng không"))).toMatch(/^Đúng: /);
    expect(firstParagraph(engine.ask("DTI 2024 chỉ xếp hạng theo 34 tỉnh thôi phải không ạ?"))).not.toMatch(/con số 34/);
  });

  it("is corrected by an FAQ that says another ('8 lĩnh vực' → 7), and confirmed by one that says it", () => {
    expect(firstParagraph(engine.ask("NQ16 có 8 lĩnh vực ưu tiên đúng không"))).toMatch(/^Không: Nghị quyết 16 có 7 lĩnh vực ưu tiên/);
    expect(firstParagraph(engine.ask("QĐ 749 có 8 lĩnh vực ưu tiên đúng không"))).toMatch(/^Đúng: /);
  });
});

describe("two questions in one message", () => {
  it("answer both when the second names its own subject ('… và đấu thầu qua mạng đạt bao nhiêu')", () => {
    const answer = engine.ask("năm 2020 dvc mức 3 4 đạt bao nhiêu và đấu thầu qua mạng đạt bao nhiêu");
    expect(firstParagraph(answer)).toContain("64,06% (năm 2020, Khánh Hòa cũ)");
    expect(firstParagraph(answer)).toContain("Tỷ lệ đấu thầu qua mạng: 35,8% (năm 2020, Khánh Hòa cũ)");
  });

  it("answer both subjects sharing one question ('X và Y hiện nay là bao nhiêu', 'KH 4205 và KH 11252 … ngày nào')", () => {
    const both = firstParagraph(engine.ask("Tỷ lệ văn bản hành chính phát hành dưới dạng điện tử và tỷ lệ dùng chữ ký số công vụ của tỉnh hiện nay là bao nhiêu?"));
    expect(both).toContain("phát hành dưới dạng điện tử: 100%");
    expect(both).toContain("chữ ký số công vụ: 98%");
    const dates = firstParagraph(engine.ask("KH 4205 và KH 11252 lần lượt ban hành ngày nào"));
    expect(dates).toContain("12/5/2022");
    expect(dates).toContain("30/10/2023");
  });

  it("but a second part pointing back ('họ nói gì') or only listing ('…, kinh tế số của tỉnh không?') is no question of its own", () => {
    const answer = engine.ask("Có nghiên cứu nào đánh giá kết quả chuyển đổi số, kinh tế số của Khánh Hòa không ạ?");
    expect(text(answer)).not.toContain("Chưa đạt");
  });
});

describe("claims about the merger", () => {
  it("are confirmed in other words and with the date ('nhập lại từ 1/7/2025 phải không?')", () => {
    expect(firstParagraph(engine.ask("Tỉnh Khánh Hòa với Ninh Thuận nhập lại từ 1/7/2025 phải không cháu?"))).toMatch(/^Đúng: 1\/7\/2025: Khánh Hòa và Ninh Thuận hợp nhất/);
    expect(firstParagraph(engine.ask("Khánh Hòa hợp nhất với Ninh Thuận từ 1/8/2025 phải không"))).toMatch(/^Không: 1\/7\/2025: /);
  });

  it("naming another province are corrected with Ninh Thuận, typed with marks or not", () => {
    expect(firstParagraph(engine.ask("Khánh Hòa sáp nhập với Phú Yên đúng không?"))).toMatch(/^Không: .*Khánh Hòa và Ninh Thuận hợp nhất/);
    expect(firstParagraph(engine.ask("tinh minh nhap lai voi binh thuan phai khong"))).toMatch(/^Không: .*Ninh Thuận/);
    // Another province's own ranking is no claim about the merger: still not answered.
    expect(engine.ask("Đà Nẵng có đứng đầu DTI 2024 không?").answered).toBe(false);
  });
});

describe("a statement closed by 'à' or 'hả'", () => {
  it("asks whether it is so ('… xếp thứ 41 DTI là năm 2021 à?'), marked or not", () => {
    for (const question of ["Khánh Hòa xếp thứ 41 DTI là năm 2021 à?", "Khanh Hoa xep thu 41 DTI la nam 2021 a?"]) {
      expect(firstParagraph(engine.ask(question))).toMatch(/^Không: hạng 41\/63 là số liệu năm 2022 \(Khánh Hòa cũ\), không phải năm 2021/);
    }
  });

  it("but a question with a question word stays what it asks ('mục tiêu 2030 là gì hả')", () => {
    expect(engine.ask("mục tiêu 2030 là gì hả").entries[0]).toBe("@goals-2030");
  });
});

describe("a figure a measurement's note gives", () => {
  it("is claimed rightly, and says which of two entries matching alike is meant ('DTI 2024 là 0,7071')", () => {
    for (const question of ["dti khanh hoa 2024 la 0,7071 dung khong", "chỉ số chuyển đổi số của tỉnh mình năm 2024 là 0,7071 hả"]) {
      const answer = engine.ask(question);
      expect(answer.entries[0]).toBe("xep-hang-dti");
      expect(firstParagraph(answer)).toMatch(/^Đúng: .*hạng 16\/34 \(năm 2024, Khánh Hòa mới\); giá trị DTI 0,7071\.$/);
    }
  });
});

describe("claims the sources do not decide (from a review of this session's rules)", () => {
  it("get no 'Không': another province's merger, a ranking against another province", () => {
    for (const question of ["Phú Yên sáp nhập với Đắk Lắk đúng không?", "Lâm Đồng cũng hợp nhất với Đắk Nông và Bình Thuận à?", "Sau sáp nhập Khánh Hòa xếp hạng DTI cao hơn Đà Nẵng đúng không?"]) {
      expect(firstParagraph(engine.ask(question))).not.toMatch(/^Không/);
    }
  });

  it("get no 'Không' for a number said in other words or put roughly", () => {
    for (const question of [
      "Khánh Hòa và Ninh Thuận hợp nhất 2 tỉnh thành 1 đúng không?",
      "Quý 3 năm 2025 toàn tỉnh tiếp nhận gần 192 nghìn hồ sơ phải không?",
      "Trung tâm phục vụ hành chính công tỉnh tiếp nhận khoảng 24 nghìn hồ sơ trong quý III/2025 đúng không?",
      "DTI của tỉnh năm 2024 đạt 0,71 đúng không?",
    ]) {
      expect(firstParagraph(engine.ask(question))).not.toMatch(/^Không/);
    }
  });

  it("get no 'Đúng' from a rank of another ranking ('thứ 34' is a pillar's rank, and the size of the overall one)", () => {
    expect(firstParagraph(engine.ask("Khánh Hòa xếp thứ 34 về DTI đúng không?"))).not.toMatch(/^Đúng/);
  });

  it("leave a definition first ('DTI cấp tỉnh là gì?') and a new subject of the last answer's kind alone ('còn chữ ký số?')", () => {
    expect(firstParagraph(engine.ask("DTI cấp tỉnh là gì?"))).toMatch(/^DTI là Bộ chỉ số đánh giá chuyển đổi số/);
    const conversation = createConversation();
    engine.ask("Tỷ lệ văn bản điện tử của tỉnh hiện nay?", conversation);
    expect(engine.ask("còn chữ ký số?", conversation).entries[0]).toBe("chu-ky-so");
  });
});

describe("comparisons that are not of the province's and the nation's targets", () => {
  it("compare two years of one figure, with a year named after 'so với'", () => {
    const both = firstParagraph(engine.ask("Chỉ số DTI quốc gia năm 2024 đạt bao nhiêu, tăng bao nhiêu so với 2023?"));
    expect(both).toMatch(/0,7326 \(năm 2023, cả nước\); 0,7955 \(năm 2024, cả nước\), tăng/);
    expect(both).not.toContain("không có mục tiêu");
    // The earlier year has no figure, but the newer one's note says how it changed since.
    expect(firstParagraph(engine.ask("So với năm 2020, DTI quốc gia năm 2023 tăng bao nhiêu phần trăm?"))).toMatch(/0,7326 .*50,8% so với năm 2020/);
    expect(firstParagraph(engine.ask("DTI quốc gia năm 2024 so với năm 2021"))).toMatch(/0,7955 .*chưa có số liệu năm 2021/);
    const conversation = createConversation();
    engine.ask("DTI của Khánh Hòa năm 2022 xếp thứ mấy", conversation);
    expect(firstParagraph(engine.ask("so với 2021 thì sao", conversation))).toMatch(/hạng 30\/63 \(năm 2021.*hạng 41\/63 \(năm 2022.*giảm 11 bậc/);
  });

  it("give the figures there are, higher or lower first", () => {
    const average = firstParagraph(engine.ask("DTI 2024 của Khánh Hòa cao hay thấp hơn trung bình các tỉnh?"));
    expect(average).toMatch(/^Cao hơn: .*0,7071.*0,6961 năm 2024/);
    expect(average).not.toContain("không có mục tiêu");
  });

  it("say first that a close measure is another series", () => {
    const conversation = createConversation();
    engine.ask("năm 2020 tỉnh giải quyết hồ sơ trực tuyến được mấy phần trăm", conversation);
    const compared = firstParagraph(engine.ask("con số đó so với 87,6% năm 2025 thì tăng bao nhiêu điểm phần trăm?", conversation));
    expect(compared).toContain("không cùng chuỗi số liệu");
  });
});

describe("a figure's note that says what was asked", () => {
  it("joins the first paragraph; words naming the indicator itself do not bring it", () => {
    const onTime = firstParagraph(engine.ask("Tỷ lệ giải quyết đúng hạn tại Trung tâm Phục vụ hành chính công tỉnh quý III/2025?"));
    expect(onTime).toMatch(/87,6% \(quý III\/2025, Khánh Hòa mới\)\. .*99,9% hồ sơ được giải quyết đúng hạn/);
    expect(firstParagraph(engine.ask("tỷ lệ hồ sơ nộp trực tuyến hiện nay"))).not.toContain("99,9%");
  });
});

describe("the province named", () => {
  it("makes an indicator with only national figures the weaker match", () => {
    expect(engine.ask("DTI 2024 khanh hòa dc bao nhieu diem vay").entries[0]).toBe("xep-hang-dti");
  });
});

describe("claims put as hearsay or in words", () => {
  it("reads 'người ta bảo …' as 'nghe nói' and 'một nửa' as 50", () => {
    const half = firstParagraph(engine.ask("Cháu ơi, bác thấy trên Zalo người ta bảo tỉnh mình đặt mục tiêu kinh tế số chiếm một nửa GRDP vào năm 2030, có đúng không cháu?"));
    expect(half).toMatch(/^Không, con số 50 không khớp với nguồn: .*30%/);
  });

  it("reads where the hearsay came from as no topic: a neighbour, the ward's loudspeaker, a teacher, a memory", () => {
    const chairman = firstParagraph(engine.ask("Bác nghe hàng xóm nói chủ tịch UBND tỉnh bây giờ vẫn là ông Nguyễn Tấn Tuân, có phải vậy không cháu?"));
    expect(chairman).toMatch(/^Không: Nguyễn Tấn Tuân không còn là Chủ tịch UBND tỉnh/);
    const city = firstParagraph(engine.ask("Bác nghe loa phường nói tỉnh sẽ xây đô thị gì đó theo nghị quyết 16, đến năm 2030 là đô thị gì vậy cháu?"));
    expect(city).toContain("đô thị thông minh");
    // Hearsay followed by an open question asks it: no verdict.
    const explained = firstParagraph(engine.ask("Cháu ơi, trên ti vi hay nhắc Quyết định 749, bác không hiểu nó là cái gì, cháu giải thích đơn giản cho bác với."));
    expect(explained).toContain("Chương trình Chuyển đổi số quốc gia");
    expect(explained).not.toMatch(/^(?:Đúng|Không)/);
  });

  it("checks a figure said to be reached ('đạt 46% đúng không') as a claim, the level in the indicator's name no figure", () => {
    expect(firstParagraph(engine.ask("DVC mức 3,4 năm 2020 của Khánh Hòa đạt 46% đúng không?"))).toMatch(/^Không, con số 46 không khớp với nguồn: .*64,06%/);
    expect(firstParagraph(engine.ask("năm 2022 DTI Khánh Hòa đạt hạng 41 đúng không"))).toMatch(/^Đúng: .*hạng 41\/63 \(năm 2022/);
  });

  it("reads a province's target said to be 'giống cả nước' as compared with the nation's, not as the nation's", () => {
    const same = firstParagraph(engine.ask("Tỉnh đặt mục tiêu DVC mức 4 năm 2025 là 80% giống cả nước phải không?"));
    expect(same).toMatch(/^Không: mục tiêu năm 2025 của tỉnh \(100%.*cả nước \(80%/);
  });

  it("says whose year a target claimed for another year is", () => {
    const early = firstParagraph(engine.ask("có phải Nghị quyết 16 đặt mục tiêu 70% hoạt động kiểm tra qua môi trường số ngay từ năm 2025 không?"));
    expect(early).toMatch(/^Không: 70% là mục tiêu năm 2030 \(Khánh Hòa cũ, 16-NQ\/TU\), không phải năm 2025\. Chỉ tiêu: Tỷ lệ hoạt động kiểm tra/);
  });

  it("checks a claim found in what a person said against it, not against their office", () => {
    const sectors = firstParagraph(engine.ask("NQ16 có 8 lĩnh vực ưu tiên như QĐ 749 đúng không"));
    expect(sectors).toMatch(/^Không: Phạm Duy Lộc .*7 lĩnh vực ưu tiên/);
    expect(sectors).not.toContain("không còn là");
    // Named, the person's office is what is claimed.
    expect(firstParagraph(engine.ask("Ông Phạm Duy Lộc hiện vẫn là giám đốc sở TTTT đúng không"))).toMatch(/^Không: Phạm Duy Lộc không còn là Giám đốc/);
  });
});

describe("a year no entry has figures for", () => {
  it("does not make a clear question unsure: the answer says the year has no figure", () => {
    const answer = engine.ask("Tỷ lệ dịch vụ công trực tuyến mức độ 4 của Khánh Hòa năm 2023 là bao nhiêu?");
    expect(answer.entries[0]).toBe("dvc-muc-4");
    expect(firstParagraph(answer)).toContain("mình chưa có số liệu năm 2023");
  });

  it("leaves a number claimed for it unchecked rather than wrong", () => {
    const claim = firstParagraph(engine.ask("Năm 2017 Khánh Hòa đứng thứ 7 về DTI phải không?"));
    expect(claim).toMatch(/^Chưa có số liệu: mình chưa có số liệu năm 2017 để xác nhận con số 7\./);
  });
});

describe("follow-ups that count from the year or the figure just asked", () => {
  it("reads 'thế năm sau' and 'năm trước đó' from the year of the last answer", () => {
    const conversation = createConversation();
    engine.ask("hoi nam 2021 tinh minh xep thu may ve chuyen doi so chau", conversation);
    expect(firstParagraph(engine.ask("the nam sau", conversation))).toContain("hạng 41/63 (năm 2022");
    expect(firstParagraph(engine.ask("vay la len hay xuong ha chau", conversation))).toContain("giảm 11 bậc");
    const back = createConversation();
    engine.ask("DTI của Khánh Hòa năm 2022 xếp thứ mấy", back);
    expect(firstParagraph(engine.ask("còn năm trước đó?", back))).toContain("hạng 30/63 (năm 2021");
  });

  it("reads 'có đạt mục tiêu không?' after a figure as about that figure", () => {
    const conversation = createConversation();
    engine.ask("Kinh tế số năm 2025 chiếm bao nhiêu % GDP cả nước?", conversation);
    expect(firstParagraph(engine.ask("có đạt mục tiêu không?", conversation))).toMatch(/^Không: năm 2025, .*14,02%.*chưa đạt mức 20%/);
  });

  it("reads a side of the merger beside a year as no topic, and 'cao hay thấp?' naming nothing as about the figure", () => {
    const conversation = createConversation();
    engine.ask("Tỉnh mình bây giờ đứng thứ mấy về chuyển đổi số?", conversation);
    expect(firstParagraph(engine.ask("còn hồi chưa sáp nhập, năm 2022?", conversation))).toContain("hạng 41/63 (năm 2022, Khánh Hòa cũ)");
    expect(firstParagraph(engine.ask("vậy là cao hay thấp hả cháu?", conversation))).toContain("thuộc nhóm thấp của cả nước");
    const value = createConversation();
    engine.ask("DTI 2024 của tỉnh là bao nhiêu", value);
    expect(firstParagraph(engine.ask("vậy là cao hay thấp?", value))).toMatch(/^Cao hơn: năm 2024, giá trị DTI .*0,7071.*0,6961/);
  });

  it("carries no figure the last question claimed into 'có đạt mục tiêu không?', and checks a bound or a target named as such", () => {
    const conversation = createConversation();
    engine.ask("Khánh Hòa năm 2022 đứng thứ 41", conversation);
    expect(firstParagraph(engine.ask("có đạt mục tiêu không?", conversation))).toMatch(/^Không: năm 2022, .*41\/63.*chưa đạt mức nhóm 25/);
    expect(firstParagraph(engine.ask("Hồ sơ nộp trực tuyến quý 3 năm 2025 đạt trên 80% đúng không?"))).not.toMatch(/^Không/);
    expect(firstParagraph(engine.ask("Năm 2022 Khánh Hòa đạt hạng 41 là đạt mục tiêu rồi phải không?"))).toMatch(/^Không: .*chưa đạt mức nhóm 25/);
    // Several parts announcing a list keep each announcement with its own list.
    expect(text(engine.ask("Mục tiêu năm 2025 là gì, mục tiêu năm 2030 là gì?"))).toMatch(/^Đến năm 2025, Nghị quyết 16 đặt mục tiêu:\nMục tiêu chung:\n• Đổi mới/);
  });

  it("brings the note that says what a follow-up leaning on the figure asks", () => {
    const conversation = createConversation();
    engine.ask("Quý III/2025 tỷ lệ hồ sơ trực tuyến tại Trung tâm Phục vụ hành chính công tỉnh là bao nhiêu?", conversation);
    expect(firstParagraph(engine.ask("tỷ lệ đúng hạn ở đó?", conversation))).toContain("99,9% hồ sơ được giải quyết đúng hạn");
  });
});

describe("two questions one answer says both of", () => {
  it("are answered once, not refused", () => {
    const answer = engine.ask("Năm 2025 công nghiệp số lõi chiếm bao nhiêu % GDP, còn số hóa các ngành bao nhiêu?");
    expect(answer.answered).toBe(true);
    const first = firstParagraph(answer);
    expect(first).toContain("8,42%");
    expect(first).toContain("5,6%");
    expect(text(answer).split("14,02% (năm 2025").length).toBe(2);
  });
});

describe("the documents a person signed", () => {
  it("come first when asked, and 'văn bản đó' then points to them", () => {
    const conversation = createConversation();
    const signed = engine.ask("ông Nguyễn Long Biên ký văn bản nào về chuyển đổi số?", conversation);
    expect(firstParagraph(signed)).toBe("Nguyễn Long Biên ký Kế hoạch 4636/KH-UBND (29/9/2025).");
    expect(firstParagraph(engine.ask("văn bản đó đặt mục tiêu gì cho năm 2025?", conversation))).toMatch(/4636.*Top 20/);
    // Who they are is not what they signed.
    expect(firstParagraph(engine.ask("ông Nguyễn Long Biên là ai?"))).not.toContain("4636");
  });
});

describe("the source of a figure named", () => {
  it("is the figure's own, said with it, the number telling which figure", () => {
    const centre = firstParagraph(engine.ask("con số 87,6% hồ sơ trực tuyến lấy ở đâu ra"));
    expect(centre).toMatch(/^Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến .*87,6% .*Thông tin này theo: /);
    const rank = firstParagraph(engine.ask("số liệu DTI 16/34 lấy từ nguồn nào"));
    expect(rank).toMatch(/hạng 16\/34 .*Thông tin này theo: .*9\/11\/2025/);
  });
});

describe("fixes from the review of this session's rules", () => {
  it("reads no target claim in 'một nửa … đã …' (a figure claimed, and none is known)", () => {
    expect(firstParagraph(engine.ask("Hơn một nửa doanh nghiệp nhỏ và vừa đã lên nền tảng số đúng không?"))).not.toMatch(/^Đúng/);
  });

  it("counts 'năm trước' from the last answer only in a short follow-up naming no year, never 'Nam' or '3 năm trước'", () => {
    expect(withYearsAround("còn năm trước đó?", 2022, 2026)).toBe("còn năm 2021?");
    expect(withYearsAround("DTI quốc gia năm 2024 tăng bao nhiêu so với năm trước?", 2021, 2026)).toContain("năm trước");
    expect(withYearsAround("so với 3 năm trước thì sao?", 2024, 2026)).toBe("so với 3 năm trước thì sao?");
    expect(withYearsAround("Ông Trần Hòa Nam trước đó giữ chức gì?", 2022, 2026)).toContain("Nam trước");
    expect(withYearsAround("năm trước tỉnh đạt bao nhiêu?", 2030, 2026)).toBe("năm trước tỉnh đạt bao nhiêu?");
    expect(withYearsAround("Kế hoạch năm sau của tỉnh là gì vậy ạ?", 2021, 2026)).toContain("năm sau");
  });

  it("gives the source of the figure named, not of the newest", () => {
    expect(firstParagraph(engine.ask("Hạng 41/63 lấy từ nguồn nào?"))).toMatch(/hạng 41\/63 \(năm 2022.*Thông tin này theo: Kế hoạch 11252/);
  });

  it("joins no note on words that name a close measure", () => {
    expect(firstParagraph(engine.ask("Tỷ lệ hồ sơ giải quyết trực tuyến năm 2025?"))).not.toContain("99,9%");
  });

  it("says the province has no figure where a comparison with the nation asks for one", () => {
    const fourG = firstParagraph(engine.ask("Phủ sóng 4G của tỉnh so với cả nước?"));
    expect(fourG).toContain("Mình chưa có số liệu của tỉnh cho chỉ tiêu này để so sánh.");
    expect(fourG).not.toContain("Một thước đo khác");
  });

  it("reads '9,5%' as one number", () => {
    expect(firstParagraph(engine.ask("Kinh tế số của tỉnh năm 2024 chiếm 9,5% GRDP đúng không?"))).not.toContain("9, 5");
  });
});

describe("a detail of a document that says what was asked", () => {
  it("comes first, also when 'đơn vị nào' asks whom it names rather than who signed", () => {
    expect(firstParagraph(engine.ask("Công văn 2390 giao đơn vị nào làm đầu mối ở địa phương?"))).toMatch(/^Sở Thông tin và Truyền thông .*đầu mối/);
    expect(firstParagraph(engine.ask("công văn 2390 ai ký"))).toContain("nguồn của mình không ghi người ký");
    const conversation = createConversation();
    engine.ask("Công văn 2390/BTTTT-THH là văn bản gì?", conversation);
    expect(firstParagraph(engine.ask("nó giao đơn vị nào làm đầu mối ở địa phương?", conversation))).toMatch(/^Sở Thông tin và Truyền thông/);
  });

  it("reads question words typed with marks the knowledge never writes ('giống hệt', 'đơn vị nào')", () => {
    expect(engine.ask("Nghe nói NQ16 có 8 lĩnh vực ưu tiên giống hệt QĐ 749 à?").intent).not.toBe("fallback");
  });
});

describe("whether something is so, asked of an entry that is not a figure", () => {
  it("answers Có when the entry says all of it, after an opening that only says what the asker heard about", () => {
    expect(firstParagraph(engine.ask("tinh khanh hoa da co trung tam du lieu, IOC, SOC chua"))).toMatch(/^Có: .*IOC/);
    expect(firstParagraph(engine.ask("Mình hay nghe nói về đô thị thông minh. Nghị quyết 16 có mục tiêu xây dựng đô thị thông minh không?"))).toMatch(/^Có: .*đô thị thông minh/);
  });

  it("does not affirm from an entry that says something is not so, nor say Có twice", () => {
    expect(firstParagraph(engine.ask("Chương trình chuyển đổi số quốc gia đã hoàn thành các nhiệm vụ giải pháp chưa?"))).not.toMatch(/^Có/);
    expect(firstParagraph(engine.ask("tinh co ke hoach nang cao chi so dti nam 2023 khong"))).toMatch(/^Có: Kế hoạch 11252/);
  });
});

describe("a claim to confirm", () => {
  it("is checked against the targets of the document it names first", () => {
    expect(firstParagraph(engine.ask("NQ16 đặt mục tiêu Khánh Hòa vào top 5 cả nước năm 2030. Bạn xác nhận giúp mình nhé?"))).toMatch(/^Không, .*mục tiêu năm 2030: nhóm 20 dẫn đầu \(Khánh Hòa cũ, 16-NQ\/TU\); mục tiêu năm 2030: nhóm 10/);
  });
});

describe("which of two came first", () => {
  it("says Trước or Sau with both dates, or names the earlier one, also after an answer about one of them", () => {
    expect(firstParagraph(engine.ask("QĐ 749 có trước hay sau NQ16"))).toBe("Trước: Quyết định 749/QĐ-TTg (3/6/2020) có trước Nghị quyết 16-NQ/TU (19/10/2021).");
    expect(firstParagraph(engine.ask("Nghị quyết 16 và Quyết định 749, văn bản nào ban hành trước?"))).toMatch(/^Quyết định 749\/QĐ-TTg \(3\/6\/2020\) có trước Nghị quyết 16/);
    const conversation = createConversation();
    engine.ask("Kế hoạch 6502 ban hành khi nào?", conversation);
    expect(firstParagraph(engine.ask("trước hay sau nghị quyết 16?", conversation))).toMatch(/^Trước: Kế hoạch 6502\/KH-UBND \(5\/7\/2021\)/);
  });
});

describe("'đặt' typed with its mark", () => {
  it("asks for what was set, where 'đạt' asks for what was reached", () => {
    expect(firstParagraph(engine.ask("Kế hoạch năm 2024 của tỉnh đặt kinh tế số chiếm bao nhiêu % GRDP?"))).toMatch(/mục tiêu năm 2024: tối thiểu 9,5%/);
    expect(firstParagraph(engine.ask("Tỉnh đạt kinh tế số năm 2023 chiếm bao nhiêu phần trăm GRDP?"))).toContain("chưa có số liệu năm 2023");
  });
});

describe("a figure set against another", () => {
  it("says higher or lower first, with both figures of the same year", () => {
    const conversation = createConversation();
    engine.ask("DTI 2024 Khánh Hòa hạng mấy?", conversation);
    engine.ask("giá trị chỉ số là bao nhiêu?", conversation);
    expect(firstParagraph(engine.ask("vậy là cao hay thấp so với trung bình các tỉnh?", conversation))).toBe(
      "Cao hơn: năm 2024, giá trị DTI (Khánh Hòa mới) là 0,7071 (hạng 16/34), cao hơn giá trị DTI trung bình của các tỉnh, thành phố (0,6961 năm 2024).",
    );
  });

  it("sets the province's figure against the average a single question names, and checks the relation it claims", () => {
    const against = "năm 2024, giá trị DTI (Khánh Hòa mới) là 0,7071 (hạng 16/34), cao hơn giá trị DTI trung bình của các tỉnh, thành phố (0,6961 năm 2024).";
    expect(firstParagraph(engine.ask("Chỉ số DTI 2024 của Khánh Hòa so với mức trung bình các tỉnh thì cao hơn hay thấp hơn?"))).toBe(`Cao hơn: ${against}`);
    expect(firstParagraph(engine.ask("DTI 2024 của Khánh Hòa cao hơn trung bình các tỉnh phải không?"))).toBe(`Đúng: ${against}`);
    expect(firstParagraph(engine.ask("DTI của Khánh Hòa thấp hơn trung bình cả nước đúng không"))).toBe(`Không: ${against}`);
    // The average alone is still its own figure.
    expect(firstParagraph(engine.ask("giá trị DTI trung bình các tỉnh 2024"))).toMatch(/^Giá trị DTI trung bình của các tỉnh, thành phố: 0,6961/);
  });
});

describe("whether a target was reached, before its year's figure is out", () => {
  it("says Có where the figure of the year before already reached it, a rank as well as a share", () => {
    expect(firstParagraph(engine.ask("Tỷ lệ hộ có cáp quang cả nước có vượt mục tiêu trên 80% của chương trình quốc gia không?"))).toMatch(
      /^Có, đã ở mức mục tiêu trước hạn: .*82,9% tháng 12\/2024/,
    );
    expect(firstParagraph(engine.ask("Về an ninh mạng, Việt Nam có vượt mục tiêu top 40 của Quyết định 749 không?"))).toMatch(
      /^Có, đã ở mức mục tiêu trước hạn: .*hạng 17\/194 năm 2024 đã đạt mức này; chưa có số liệu năm 2025/,
    );
  });
});

describe("fixes from the review of this session's rules", () => {
  it("says no Có from a goal to 'đã … chưa?', nor from syllables of other words ('kinh tế hai con số')", () => {
    expect(firstParagraph(engine.ask("Tỉnh đã hoàn thành cơ bản chuyển đổi số chưa?"))).not.toMatch(/^Có/);
    expect(firstParagraph(engine.ask("NQ 01 có nhắc tới kinh tế số không?"))).not.toMatch(/^Có/);
  });

  it("sets a figure only against the one the question names, of the same measure", () => {
    const national = createConversation();
    engine.ask("DTI 2024 Khánh Hòa hạng mấy?", national);
    expect(firstParagraph(engine.ask("vậy là cao hay thấp so với DTI quốc gia?", national))).not.toMatch(/^Cao hơn/);
    const online = createConversation();
    engine.ask("Tỷ lệ hồ sơ nộp trực tuyến của tỉnh là bao nhiêu?", online);
    expect(firstParagraph(engine.ask("vậy là cao hay thấp so với tỷ lệ hồ sơ toàn trình cả nước?", online))).not.toMatch(/^(?:Cao|Thấp) hơn/);
  });

  it("sets one document named against the last answer's only when the question names nothing else", () => {
    const conversation = createConversation();
    engine.ask("Kế hoạch 6502 ban hành khi nào?", conversation);
    expect(firstParagraph(engine.ask("Mục tiêu của nghị quyết 16 tính trước hay sau sáp nhập?", conversation))).not.toContain("6502");
  });

  it("leads a document's answer with a detail only on a phrase asked, and reads 'đặt được' as 'đạt được'", () => {
    expect(firstParagraph(engine.ask("QĐ 749 do ai đề xuất?"))).not.toMatch(/^Tầm nhìn/);
    expect(firstParagraph(engine.ask("Nghị quyết 16 giao cho đơn vị nào?"))).not.toMatch(/^Phạm vi/);
    expect(firstParagraph(engine.ask("Khánh Hòa đặt được thứ hạng DTI bao nhiêu năm 2024?"))).toContain("16/34");
  });
});

describe("the nation's number claimed of the province", () => {
  it("is not confirmed: it is said to be the nation's", () => {
    expect(firstParagraph(engine.ask("nghe noi DTI 2024 cua khanh hoa la 0,7955"))).toMatch(/^Không: 0,7955 là của cả nước, không phải của tỉnh/);
    expect(firstParagraph(engine.ask("DTI quốc gia năm 2024 là 0,7955 đúng không"))).toMatch(/^Đúng/);
  });
});

describe("a claim naming someone else", () => {
  it("corrects a signer, a newspaper or an office holder the knowledge does not have, and confirms the right one", () => {
    expect(firstParagraph(engine.ask("Tôi nhớ Quyết định 749 là do Phó Thủ tướng Vũ Đức Đam ký, có đúng vậy không?"))).toMatch(
      /^Không: Quyết định 749\/QĐ-TTg .*người ký: Nguyễn Xuân Phúc/,
    );
    expect(firstParagraph(engine.ask("QĐ 749 do ông Nguyễn Xuân Phúc ký phải không"))).toMatch(/^Đúng: /);
    expect(firstParagraph(engine.ask("Bài báo đầu tiên viết về NQ 16 là của báo Tuổi Trẻ đúng không ạ?"))).toMatch(/^Không: .*Báo Khánh Hòa/);
    expect(firstParagraph(engine.ask("bài báo giới thiệu NQ 16 đăng trên báo Thanh Niên à"))).toMatch(/^Không: .*Báo Khánh Hòa/);
    expect(firstParagraph(engine.ask("Bài Tích cực chuyển đổi số đăng trên báo Khánh Hòa đúng không"))).toMatch(/^Đúng: /);
    expect(firstParagraph(engine.ask("Chủ tịch UBND tỉnh bây giờ là ông Lê Văn Hùng phải không?"))).toMatch(/^Không: .*Trần Phong/);
  });

  it("takes the Party Committee or People's Committee of another province for another issuer", () => {
    expect(firstParagraph(engine.ask("co phai tinh uy ninh thuan ban hanh nghi quyet 16 ve chuyen doi so khong"))).toMatch(/^Không: .*Tỉnh ủy Khánh Hòa/);
    expect(firstParagraph(engine.ask("NQ 16 do Tỉnh ủy Khánh Hòa ban hành phải không"))).toMatch(/^Đúng: /);
  });
});

describe("claims checked whole", () => {
  it("says Không when any part of a claim about a document is wrong: its issuer, its signer, or a signer of another", () => {
    expect(firstParagraph(engine.ask("Kế hoạch 11252 nâng cao DTI năm 2023 là do Tỉnh ủy ban hành phải không?"))).toMatch(/^Không: Kế hoạch 11252\/KH-UBND do UBND tỉnh Khánh Hòa/);
    expect(firstParagraph(engine.ask("Ông Nguyễn Long Biên là người ký QĐ 512 năm 2025 đúng không?"))).toMatch(/^Không: .*người ký: Nguyễn Tấn Tuân/);
    expect(firstParagraph(engine.ask("Có phải ông Nguyễn Xuân Phúc ký Nghị quyết 16 của Tỉnh ủy Khánh Hòa không?"))).toMatch(
      /^Không: Nghị quyết 16-NQ\/TU do Tỉnh ủy Khánh Hòa .*nguồn của mình không ghi người ký/,
    );
    // Someone who signed nothing the sources know of, of a document whose signer they omit: not known either way.
    expect(firstParagraph(engine.ask("phai ong tran phong ky nghi quyet 16 khong"))).toMatch(/^Nghị quyết 16-NQ\/TU do Tỉnh ủy Khánh Hòa .*không ghi người ký/);
    expect(firstParagraph(engine.ask("QĐ 749 do Phó Thủ tướng Vũ Đức Đam ký phải không? Cảm ơn bạn."))).toMatch(/^Không: .*Nguyễn Xuân Phúc/);
  });

  it("says Không to a rank of another ranking, and to a move of another size", () => {
    expect(firstParagraph(engine.ask("Khánh Hòa đứng thứ 16 trên 63 tỉnh về DTI 2024, đúng không?"))).toMatch(/^Không: .*16\/34 .*không phải trên 63/);
    expect(firstParagraph(engine.ask("Khánh Hòa hạng 16/34 năm 2024 đúng không"))).toMatch(/^Đúng: /);
    expect(firstParagraph(engine.ask("DTI 2022 Khánh Hòa giảm 11 bậc đúng không"))).toMatch(/^Đúng: Thứ hạng chỉ số chuyển đổi số \(DTI\).*giảm 11 bậc/);
    expect(firstParagraph(engine.ask("DTI 2022 Khánh Hòa tụt 5 bậc đúng không"))).toMatch(/^Không: Thứ hạng chỉ số chuyển đổi số \(DTI\)/);
    expect(firstParagraph(engine.ask("nghe noi dti 2022 khanh hoa tang 11 bac dung ko"))).toMatch(/^Không: Thứ hạng chỉ số chuyển đổi số \(DTI\).*giảm 11 bậc/);
    // A move of so many places asks about a ranking: the pillar's, when one is named.
    expect(firstParagraph(engine.ask("kinh te so nam 2022 cua khanh hoa tang 2 bac so voi 2021 dung ko"))).toMatch(/^Đúng: Thứ hạng trụ cột kinh tế số/);
  });

  it("says Không to figures of two measures put as one series or as a multiple", () => {
    expect(firstParagraph(engine.ask("Có đúng là tỷ lệ hồ sơ trực tuyến của Khánh Hòa đã tăng từ 56% năm 2020 lên 87,6% quý III/2025 không?"))).toMatch(
      /^Không: 56% là .*giải quyết trực tuyến.*87,6% là .*tiếp nhận trực tuyến.*hai thước đo khác nhau/,
    );
    expect(firstParagraph(engine.ask("Năm 2020 Khánh Hòa đạt 64,06% DVC mức 3-4, cả nước DVC mức 4 chỉ 30,1%, vậy Khánh Hòa gấp đôi cả nước đúng không?"))).toMatch(
      /^Không: 64,06% là .*mức độ 3 và 4.*30,1% là .*mức độ 4 .*hai thước đo khác nhau/,
    );
    // Two figures of one measure are its series.
    expect(firstParagraph(engine.ask("DTI Khánh Hòa tụt từ hạng 30 năm 2021 xuống 41 năm 2022 đúng không"))).toMatch(/^Đúng: /);
  });

  it("says Không of a department still being there where the knowledge says it was merged into another", () => {
    expect(firstParagraph(engine.ask("so thong tin va truyen thong khanh hoa gio con khong"))).toMatch(/^Không: 1\/3\/2025: Sở Thông tin và Truyền thông hợp nhất vào/);
    expect(firstParagraph(engine.ask("Sở Khoa học và Công nghệ còn hoạt động không"))).not.toMatch(/^Không/);
  });

  it("reads 'có đặt … không' typed with its mark as whether a target is set, and 'có trong top 10 không' as whether reached", () => {
    expect(firstParagraph(engine.ask("NQ 16 có đặt mục tiêu cho doanh nghiệp nhà nước không"))).toMatch(/^Có: .*doanh nghiệp nhà nước.*mục tiêu năm 2025: 100%/);
    expect(firstParagraph(engine.ask("Năm 2023 Khánh Hòa có trong top 10 DTI không?"))).toMatch(/^Chưa có số liệu: .*năm 2023/);
  });

  it("puts no claim in asking what someone signed", () => {
    expect(firstParagraph(engine.ask("ông Trần Phong ký văn bản nào"))).not.toMatch(/^(?:Có|Đúng|Không)/);
  });
});

describe("the target of a year asked with 'là gì'", () => {
  it("is the target, not what the measure is", () => {
    expect(firstParagraph(engine.ask("Mục tiêu EGDI năm 2025 trong QĐ 749 là gì?"))).toMatch(/^Xếp hạng chỉ số phát triển Chính phủ điện tử .*mục tiêu năm 2025: nhóm 70/);
  });

  it("follows the document asked about to another year it sets a target for", () => {
    const conversation = createConversation();
    engine.ask("QĐ 411 đặt mục tiêu kinh tế số năm 2030 bao nhiêu % GDP?", conversation);
    expect(firstParagraph(engine.ask("còn 2025?", conversation))).toMatch(/mục tiêu năm 2025: 20% \(cả nước, 411\/QĐ-TTg\)/);
  });
});

describe("what the question asks of its subject", () => {
  it("answers the day an FAQ gives, not when the document naming it was issued", () => {
    expect(firstParagraph(engine.ask("Ngay Chuyen doi so quoc gia la ngay nao?"))).toMatch(/^Ngày 10\/10 hằng năm là Ngày Chuyển đổi số quốc gia/);
    expect(firstParagraph(engine.ask("quyết định chọn ngày chuyển đổi số quốc gia ban hành khi nào"))).toMatch(/^Quyết định 505\/QĐ-TTg được ban hành ngày 22\/4\/2022/);
  });

  it("gives a rank's score first when the score is asked", () => {
    expect(firstParagraph(engine.ask("dti 2024 khanh hoa bao nhieu diem"))).toMatch(/hạng 16\/34 .*Giá trị DTI 0,7071/);
    expect(firstParagraph(engine.ask("DTI 2024 Khánh Hòa hạng mấy"))).not.toContain("0,7071");
  });

  it("asks the document's target in the second part of a question about its targets", () => {
    const answer = text(engine.ask("Theo QĐ 749, năm 2025 bao nhiêu % dịch vụ công trực tuyến mức 4 và kinh tế số chiếm bao nhiêu % GDP?"));
    expect(answer).toMatch(/mức độ 4 — mục tiêu năm 2025: 80% \(cả nước, 749\/QĐ-TTg\)/);
    expect(answer).toMatch(/Tỷ trọng kinh tế số trong GDP cả nước — mục tiêu năm 2025: 20% \(cả nước, 749\/QĐ-TTg\)/);
  });
});

describe("words that fold like others", () => {
  it("reads 'nội dung gì' as asking what a document is about, not as 'đúng'", () => {
    expect(firstParagraph(engine.ask("qd 512/qd-ubnd nam 2025 ve noi dung gi"))).toMatch(/^Quyết định 512\/QĐ-UBND do UBND tỉnh Khánh Hòa ban hành ngày 21\/2\/2025: /);
  });
});

describe("an indicator with only the nation's figures", () => {
  it("gives the nation's figure, said to be the nation's, when the province was not asked about", () => {
    expect(firstParagraph(engine.ask("cuối năm 2024 tỷ lệ hộ gia đình có cáp quang là bao nhiêu"))).toMatch(
      /^Phủ Internet băng rộng cáp quang tới hộ gia đình: mình chưa có số liệu của tỉnh; của cả nước: 82,9% \(tháng 12\/2024, cả nước\)/,
    );
  });

  it("reads 'chương trình của nhà nước' as the nation's", () => {
    expect(firstParagraph(engine.ask("theo chương trình của nhà nước thì đến năm 2025 cáp quang phải phủ bao nhiêu phần trăm hộ gia đình"))).toMatch(
      /mục tiêu năm 2025: trên 80% \(cả nước, 749\/QĐ-TTg\)/,
    );
  });
});

describe("a verdict over the years asked", () => {
  it("judges each year asked that has a figure, saying the verdict once where they agree", () => {
    expect(firstParagraph(engine.ask("Năm 2021 và năm 2022 Khánh Hòa có lọt vào nhóm 25 tỉnh dẫn đầu về DTI như mục tiêu của NQ16 không?"))).toBe(
      "Không: năm 2021, thứ hạng chỉ số chuyển đổi số (DTI) của tỉnh Khánh Hòa là hạng 30/63 (năm 2021, Khánh Hòa cũ), chưa đạt mức nhóm 25. " +
        "Năm 2022, thứ hạng chỉ số chuyển đổi số (DTI) của tỉnh Khánh Hòa là hạng 41/63 (năm 2022, Khánh Hòa cũ), chưa đạt mức nhóm 25.",
    );
  });

  it("reads 'như nghị quyết 16 đặt ra' as the target to reach, not as asking whether one is set", () => {
    const conversation = createConversation();
    engine.ask("DTI 2022 Khánh Hòa xếp thứ mấy?", conversation);
    engine.ask("còn năm 2021?", conversation);
    engine.ask("vậy là tăng hay giảm?", conversation);
    expect(firstParagraph(engine.ask("có nằm trong top 25 như nghị quyết 16 đặt ra không?", conversation))).toMatch(/^Không: .*41\/63.*chưa đạt mức nhóm 25/);
  });
});

describe("who proposed a document", () => {
  it("is the detail saying so, not who issued or signed it", () => {
    expect(firstParagraph(engine.ask("Cơ quan nào đề nghị UBND tỉnh ban hành Kế hoạch 4205?"))).toMatch(/^Do Sở Thông tin và Truyền thông đề xuất/);
    expect(firstParagraph(engine.ask("KH 4636 của UBND tỉnh được ban hành theo đề nghị của sở nào?"))).toMatch(/^Do Sở Khoa học và Công nghệ đề xuất/);
    // "chương trình" is no "trình".
    expect(firstParagraph(engine.ask("Thủ tướng nào ký quyết định chương trình chuyển đổi số quốc gia năm 2020?"))).not.toMatch(/^Được ban hành theo đề nghị/);
  });
});

describe("fixes from the review of the ninth session's rules", () => {
  it("reads a name up to a title typed after it, and a known person by the end of their name", () => {
    expect(firstParagraph(engine.ask("Có phải ông Trần Phong Chủ tịch UBND tỉnh không?"))).toMatch(/^Đúng: /);
    expect(firstParagraph(engine.ask("Ông Nguyễn Tấn Tuân Chủ tịch UBND tỉnh ký QĐ 512 phải không?"))).toMatch(/^Đúng: /);
    expect(firstParagraph(engine.ask("Ông Tấn Tuân ký QĐ 512 phải không?"))).not.toMatch(/^Không/);
  });

  it("takes no signer of the same issuer's other document for a Không, nor 'có đặt' before the 'có' asked", () => {
    expect(firstParagraph(engine.ask("KH 2044 do ông Nguyễn Tấn Tuân ký phải không?"))).not.toMatch(/^Không/);
    expect(firstParagraph(engine.ask("NQ 16 có đặt mục tiêu top 25, năm 2022 tỉnh có lọt top 25 không?"))).toMatch(/^Không: năm 2022, .*41\/63/);
  });

  it("says no Có of a newspaper the answer does not name, nor early of a rank in the target's own year", () => {
    expect(firstParagraph(engine.ask("Báo Tuổi Trẻ có đưa tin về nghị quyết 16 không?"))).not.toMatch(/^Có/);
    expect(firstParagraph(engine.ask("Khánh Hòa có lọt top 20 DTI năm 2025 không?"))).not.toMatch(/^Có/);
  });

  it("reads a series only from a number after 'từ', and a ranking size as the rank's it follows", () => {
    const twoFigures = "Từ năm 2020 đến nay, hồ sơ giải quyết trực tuyến năm 2020 là 56% còn hồ sơ nộp trực tuyến quý III/2025 là 87,6% đúng không?";
    expect(firstParagraph(engine.ask(twoFigures))).not.toMatch(/hai thước đo/);
    expect(firstParagraph(engine.ask("Năm 2024 hạng 16, còn năm 2022 hạng 41/63 đúng không?"))).not.toMatch(/không phải trên 63/);
    expect(firstParagraph(engine.ask("DTI 2022 giảm 11 hạng so với 2021 phải không?"))).toMatch(/^Đúng: .*giảm 11 bậc/);
  });

  it("leads with a proposer only from a detail saying who proposed, and with no old figure of the nation", () => {
    expect(firstParagraph(engine.ask("Ai đề nghị ban hành QĐ 942?"))).not.toMatch(/quy trình/);
    expect(firstParagraph(engine.ask("Công văn 2390 do ai đề xuất?"))).not.toMatch(/^Sở Thông tin và Truyền thông của mỗi tỉnh được đề nghị/);
    expect(firstParagraph(engine.ask("Tỷ lệ DVC mức 4 hiện nay bao nhiêu?"))).not.toMatch(/của cả nước: 30,1%/);
  });

  it("keeps the words asking whether something is mentioned, which FAQs are written with", () => {
    expect(firstParagraph(engine.ask("NQ 16 có nhắc đến xã hội số không?"))).toMatch(/^Có: .*xã hội số/);
  });
});

describe("claims about a document, a province or a comparison (tenth session)", () => {
  it("checks a year said of a document named with nothing else, and a horizon year", () => {
    expect(firstParagraph(engine.ask("ke hoach 4205 la cua nam 2023 dung khong"))).toMatch(/^Không: .*12\/5\/2022/);
    expect(firstParagraph(engine.ask("nghe noi nghi quyet 16 ra tu nam 2020 phai ko"))).toMatch(/^Không: .*19\/10\/2021/);
    expect(firstParagraph(engine.ask("NQ 16 định hướng tới năm 2035 đúng ko?"))).toMatch(/^Không: .*2030/);
    // What a document sets in a year is no claim about when it was issued.
    expect(firstParagraph(engine.ask("NQ 16 đề ra năm 2025 DVC mức 4 đạt 100% đúng không?"))).not.toMatch(/ban hành ngày 19\/10\/2021/);
  });

  it("checks a figure claimed of a document against the indicator it sets a target of", () => {
    expect(firstParagraph(engine.ask("Kế hoạch 4205 đặt mục tiêu 100% trường học dùng nền tảng số năm 2022 đúng không?"))).toMatch(/^Không.*50%/);
    expect(firstParagraph(engine.ask("Kế hoạch 4205 đặt mục tiêu 50% trường học dùng nền tảng số năm 2022 đúng không?"))).toMatch(/^Đúng.*50%/);
  });

  it("reads a statement naming another province closed by an unmarked 'a' as a claim, but not a polite 'ạ'", () => {
    expect(firstParagraph(engine.ask("khanh hoa sap nhap voi binh thuan a"))).toMatch(/^Không: .*Ninh Thuận/);
    expect(firstParagraph(engine.ask("cho em hoi muc tieu 2030 cua nghi quyet 16 a"))).not.toMatch(/^(Không|Đúng)/);
  });

  it("reads 'co dat muc tieu' right after a document as what it sets, typed without marks", () => {
    expect(firstParagraph(engine.ask("nq16 co dat chi tieu cho doanh nghiep nho va vua khong"))).toMatch(/^Có: .*50%/);
    expect(firstParagraph(engine.ask("khanh hoa co dat muc tieu cua nghi quyet 16 khong"))).not.toMatch(/^Có: .*mục tiêu năm 2025: 50%/);
  });

  it("names in the first paragraph where NQ 16 is higher than QĐ 749 and what it adds", () => {
    const first = firstParagraph(engine.ask("so voi qd 749 thi nghi quyet 16 cao hon cho nao"));
    expect(first).toMatch(/100% dịch vụ công trực tuyến đạt mức độ 4; cả nước: 80%/);
    expect(first).toMatch(/doanh nghiệp nhà nước/);
    expect(first).toMatch(/50% doanh nghiệp vừa và nhỏ/);
    // A target set on another basis is not called higher.
    expect(firstParagraph(engine.ask("So sánh mục tiêu năm 2030 của NQ 16 với QĐ 749"))).not.toMatch(/cao hơn/);
  });
});

describe("a full date in a question", () => {
  it("takes a day no entry is dated as no unknown word: its year is asked", () => {
    const answer = engine.ask("Tính đến 26/10/2025 khối địa phương đạt tỷ lệ hồ sơ toàn trình bao nhiêu?");
    expect(answer.answered).toBe(true);
    expect(firstParagraph(answer)).toMatch(/16,94%/);
  });
});

describe("reported claims, follow-ups on a document and what people said (tenth session)", () => {
  it("checks a claim read somewhere, put before 'có phải vậy không' or 'thông tin đó có đúng không'", () => {
    const read = "Chào bạn, tôi thấy một bài đăng trên mạng ghi là Nghị quyết 16 đặt mục tiêu kinh tế số chiếm 20% GRDP vào năm 2030. Có phải vậy không, nhờ bạn kiểm tra giúp.";
    expect(firstParagraph(engine.ask(read))).toMatch(/^Không.*30%/);
    const pointing = "Chao ban, toi doc duoc tren mot trang mang la nam 2022 Khanh Hoa tang 11 bac DTI len thu 41. Thong tin do co dung khong ban?";
    const answer = text(engine.ask(pointing));
    expect(answer).toMatch(/^Không: .*giảm 11 bậc/);
    expect(answer).not.toMatch(/Nguồn chính mình dùng/);
  });

  it("answers 'ai ký?' and 'ký ngày nào' after a document with its signer and date, and 'ông ấy' with the signer's office", () => {
    const conversation = createConversation();
    engine.ask("Quyết định 749/QĐ-TTg phê duyệt cái gì vậy ạ?", conversation);
    expect(firstParagraph(engine.ask("ai ký?", conversation))).toMatch(/người ký: Nguyễn Xuân Phúc/);
    expect(firstParagraph(engine.ask("ký ngày nào", conversation))).toMatch(/3\/6\/2020/);
    expect(firstParagraph(engine.ask("ông ấy giữ chức gì lúc đó?", conversation))).toMatch(/Nguyễn Xuân Phúc: Thủ tướng Chính phủ/);
  });

  it("says whether QĐ 749 is still in force, as the sources say", () => {
    expect(firstParagraph(engine.ask("Quyết định 749 còn hiệu lực không?"))).toMatch(/^Có: .*vẫn còn hiệu lực/);
  });

  it("finds the detail of a document named that only its details word", () => {
    const answer = engine.ask("Theo QĐ 411, đến 2025 bao nhiêu phần trăm người từ 15 tuổi có tài khoản thanh toán?");
    expect(answer.answered).toBe(true);
    expect(firstParagraph(answer)).toMatch(/80% người từ 15 tuổi có tài khoản thanh toán/);
  });

  it("reads a year still to come as asking the target, unless a measured figure is asked", () => {
    expect(firstParagraph(engine.ask("tỷ lệ kiểm tra qua môi trường số năm 2030 là bao nhiêu"))).toMatch(/mục tiêu năm 2030: 70%/);
    expect(firstParagraph(engine.ask("kinh tế số năm 2030 thực tế bao nhiêu"))).toMatch(/chưa có số liệu năm 2030/);
  });

  it("keeps the document of the first part for 'nhằm mục đích gì', and gives a rank's score for 'điểm bao nhiêu'", () => {
    const purpose = text(engine.ask("Kế hoạch 11252 của UBND tỉnh ban hành ngày nào và nhằm mục đích gì vậy bạn?"));
    expect(purpose).toMatch(/30\/10\/2023/);
    expect(purpose).toMatch(/nâng cao chỉ số chuyển đổi số \(DTI\)/);
    expect(purpose).not.toMatch(/4205/);
    const conversation = createConversation();
    engine.ask("DTI nam 2024 tinh minh xep thu may", conversation);
    expect(firstParagraph(engine.ask("diem bao nhieu", conversation))).toMatch(/0,7071/);
    expect(firstParagraph(engine.ask("Điểm DTI 2024 của Khánh Hòa là bao nhiêu?"))).toMatch(/0,7071/);
  });

  it("refuses where somebody lives and a currency conversion, but still says who somebody is", () => {
    expect(engine.ask("nha ong nguyen tan tuan o duong nao vay").answered).toBe(false);
    expect(engine.ask("1 usd doi duoc bao nhieu tien viet vay").answered).toBe(false);
    expect(engine.ask("ông Nguyễn Tấn Tuân ở đâu").answered).toBe(true);
  });

  it("gives what a person said when asked why or 'theo ông X'", () => {
    expect(firstParagraph(engine.ask("Theo ông Nguyễn Hải Ninh, vì sao phải chuyển đổi số?"))).toMatch(/nhiệm vụ chính trị/);
    expect(firstParagraph(engine.ask("Theo ông Nguyễn Tấn Tuân thì trong dịch chuyển đổi số giúp gì cho tỉnh vậy?"))).toMatch(/E-Office/);
    expect(firstParagraph(engine.ask("ông Nguyễn Tấn Tuân là ai"))).toMatch(/^Nguyễn Tấn Tuân: Phó Bí thư/);
  });
});

describe("the targets of the document just talked about, and figures the sources add (tenth session)", () => {
  it("answers 'mục tiêu năm …?' after a document with that document's targets", () => {
    const plan = createConversation();
    engine.ask("Kế hoạch 4205 năm 2022 về cái gì?", plan);
    expect(firstParagraph(engine.ask("mục tiêu năm 2022?", plan))).toMatch(/50% trường học/);
    const national = createConversation();
    engine.ask("QĐ 749 là gì", national);
    expect(firstParagraph(engine.ask("mục tiêu năm 2025?", national))).toMatch(/Quyết định 749 \(cả nước\)/);
  });

  it("answers another year after a document's detail with its detail for that year", () => {
    const conversation = createConversation();
    engine.ask("Quyết định 411 là chiến lược gì?", conversation);
    engine.ask("mục tiêu thương mại điện tử năm 2025 trong đó là bao nhiêu?", conversation);
    expect(firstParagraph(engine.ask("đến 2030?", conversation))).toMatch(/^Năm 2030: .*thương mại điện tử trên 20%/);
  });

  it("says how much a figure changed where the source wrote it", () => {
    expect(firstParagraph(engine.ask("dti quoc gia 2024 tang bao nhieu phan tram so voi 2023"))).toMatch(/tăng 8,6% so với năm 2023/);
  });

  it("gives Ninh Thuận's 2022 rank beside Khánh Hòa's, and not for another year", () => {
    expect(firstParagraph(engine.ask("Năm 2022 Ninh Thuận xếp hạng DTI thứ mấy, còn Khánh Hòa thứ mấy?"))).toMatch(/27\/63.*41\/63/);
    expect(firstParagraph(engine.ask("Tỉnh mình DTI 2024 hơn Ninh Thuận không?"))).not.toMatch(/^Có: Năm 2022/);
  });

  it("gives the administrative-reform indices the sources report, attributed", () => {
    expect(firstParagraph(engine.ask("PAR INDEX 2024 của Khánh Hòa xếp hạng mấy?"))).toMatch(/^Theo Báo Khánh Hòa .*10\/63/);
  });
});

describe("from the review of the tenth session's rules", () => {
  it("reads unmarked 'co dat muc tieu …' as reached unless a target is set for or about something", () => {
    expect(firstParagraph(engine.ask("quyet dinh 749 co dat muc tieu kinh te so 20% khong"))).not.toMatch(/^Có/);
    expect(firstParagraph(engine.ask("nghi quyet 16 co dat muc tieu top 25 khong"))).not.toMatch(/^Có/);
  });

  it("gives no Có or Đúng when the one word the answer lacks turns the claim ('hết hiệu lực')", () => {
    expect(firstParagraph(engine.ask("quyết định 749 hết hiệu lực chưa"))).not.toMatch(/^Có/);
    expect(firstParagraph(engine.ask("QĐ 749 đã hết hiệu lực đúng không"))).not.toMatch(/^Đúng/);
  });

  it("keeps the province's targets when the province is named after an answer about QĐ 749", () => {
    const conversation = createConversation();
    engine.ask("QĐ 749 là gì", conversation);
    expect(firstParagraph(engine.ask("Khánh Hòa đặt mục tiêu gì cho năm 2025?", conversation))).not.toMatch(/Quyết định 749 \(cả nước\)/);
  });

  it("leaves a reported statement as it was when the message asks something else", () => {
    expect(text(engine.ask("Mình đọc báo thấy nói là Khánh Hòa xếp thứ 16 về DTI năm 2024, vậy năm 2022 xếp thứ mấy?"))).toMatch(/41\/63/);
    expect(engine.ask("Em đọc bài viết về nghị quyết 16 là gì ạ").answered).toBe(true);
    expect(firstParagraph(engine.ask("Em thấy trên facebook ghi là Nghị quyết 16 đặt mục tiêu kinh tế số 20% GRDP năm 2030, đúng không ạ?"))).toMatch(/^Không/);
  });

  it("refuses no question about 'bà con' or an official's meeting as personal data, and refuses 'usd bằng bao nhiêu'", () => {
    expect(text(engine.ask("Bà con ở phường nào được hỗ trợ cài ứng dụng VNeID?"))).not.toMatch(/thông tin cá nhân/);
    expect(text(engine.ask("Ông Tuân ở phường nào chủ trì phiên họp ban chỉ đạo chuyển đổi số"))).not.toMatch(/thông tin cá nhân/);
    expect(engine.ask("1 usd bằng bao nhiêu tiền việt").answered).toBe(false);
  });

  it("quotes no words a person never said, and keeps a comparison's sentence whole for a year without goals", () => {
    expect(firstParagraph(engine.ask("ông Nguyễn Xuân Phúc nói gì về chuyển đổi số"))).not.toMatch(/^Nguyễn Xuân Phúc \(Thủ tướng/);
    expect(firstParagraph(engine.ask("So sánh Nghị quyết 16 với QĐ 749 năm 2024"))).not.toMatch(/Nghị quyết 16\.$/);
  });

  it("reads only a year some target is set for as asking the target", () => {
    expect(firstParagraph(engine.ask("Khánh Hòa năm 2027 xếp hạng DTI"))).toMatch(/chưa có số liệu năm 2027/);
  });

  it("gives no document's detail of another year when a measured figure is asked", () => {
    const conversation = createConversation();
    engine.ask("Quyết định 411 là chiến lược gì?", conversation);
    engine.ask("mục tiêu thương mại điện tử năm 2025 trong đó là bao nhiêu?", conversation);
    expect(firstParagraph(engine.ask("năm 2024 thực tế đạt bao nhiêu?", conversation))).not.toMatch(/^Năm 2025: thương mại/);
  });

  it("checks a horizon claimed of a document, true or false, and says its own", () => {
    expect(firstParagraph(engine.ask("QĐ 749 định hướng đến năm 2030 phải không?"))).toMatch(/^Đúng: .*định hướng đến năm 2030/);
    expect(firstParagraph(engine.ask("QĐ 749 định hướng tới năm 2035 đúng không?"))).toMatch(/^Không: .*định hướng đến năm 2030/);
  });
});
