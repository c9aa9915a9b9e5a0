import { describe, expect, it } from "vitest";
import { understand, withPillar } from "../../src/engine/understand.js";
import { fold } from "../../src/text/normalize.js";

const read = (text: string) => understand(fold(text));

describe("understand: slots", () => {
  it("finds the year, including the end of a period", () => {
    expect(read("mục tiêu năm 2030 là gì").slots.year).toBe(2030);
    expect(read("giai đoạn 2021-2025 đạt gì").slots.year).toBe(2025);
    expect(read("cuối kỳ đạt bao nhiêu").slots.year).toBe(2025);
  });

  it("recognises 'now' words and removes them from the topic", () => {
    const u = read("tỷ lệ hồ sơ trực tuyến hiện nay?");
    expect(u.slots.now).toBe(true);
    expect(u.topicText).toBe("ty le hoso truc tuyen");
  });

  it("recognises the national scope but not 'đứng đầu cả nước'", () => {
    expect(read("còn cả nước?").slots.scope).toBe("national");
    expect(read("kinh tế số của Việt Nam").slots.scope).toBe("national");
    // The province measured against the nation is still a question about the province.
    expect(read("kinh tế số tỉnh mình so với cả nước").slots).toMatchObject({ scope: "province", compare: true });
    expect(read("nhóm 20 tỉnh đứng đầu cả nước").slots.scope).toBeUndefined();
  });

  it("recognises comparison and pillar", () => {
    const u = read("so sánh kinh tế số với QĐ 749");
    expect(u.slots.compare).toBe(true);
    expect(u.slots.pillar).toBe("kinh-te-so");
  });

  it("marks elliptical follow-ups and strips their markers", () => {
    const u = read("Còn năm 2030 thì sao?");
    expect(u.followUp).toBe(true);
    expect(u.slots.year).toBe(2030);
    expect(u.topicText).toBe("nam");
  });

  it("asks for sources", () => {
    expect(read("nguồn ở đâu?").asksForSources).toBe(true);
    expect(read("số liệu này lấy từ đâu").sourcesOnly).toBe(true);
    expect(read("nguồn tin về kinh tế số").sourcesOnly).toBe(false);
  });

  it("tells progress ('đã đạt chưa') from what a target is", () => {
    expect(read("các chỉ tiêu đã đạt chưa").slots.progress).toBe(true);
    expect(read("mục tiêu năm 2030 là gì").slots.progress).toBeUndefined();
    expect(read("đến năm 2030 tỉnh muốn đạt được những gì").slots.progress).toBeUndefined();
  });

  it("reads QĐ 749 as the nation and Khánh Hòa as the province", () => {
    expect(read("mục tiêu của quyet dinh 749").slots.scope).toBe("national");
    expect(read("còn Khánh Hòa thì sao").slots.scope).toBe("province");
  });

  it("names other provinces and keeps compounds whole", () => {
    expect(read("đà nẵng có đô thị thông minh chưa").elsewhere).toEqual(["da nang"]);
    expect(read("khánh hòa sáp nhập với ninh thuận").elsewhere).toEqual([]);
    expect(read("xếp hạng xã hội số").topicText).toBe("xep hang xahoi so");
  });

  it("leaves only what a follow-up changes besides slots", () => {
    expect(read("còn kinh tế số?").restText).toBe("");
    expect(read("mục tiêu 2030?").restText).toBe("");
    expect(withPillar("xep hang chinh quyen so", "kinh-te-so")).toBe("xep hang kinh te so");
  });
});

describe("understand: small talk and choices", () => {
  it("recognises whole-message greetings, thanks and help", () => {
    expect(read("Xin chào").smallTalk).toBe("greeting");
    expect(read("cam on nhe").smallTalk).toBe("thanks");
    expect(read("bạn làm được gì?").smallTalk).toBe("help");
    expect(read("bạn là ai").smallTalk).toBe("about");
  });

  it("does not treat a greeting followed by a question as small talk", () => {
    const u = read("chào bạn, mục tiêu 2030 là gì");
    expect(u.smallTalk).toBeUndefined();
    expect(u.topicText).toBe("muc tieu la gi");
  });

  it("reads a bare number as a choice among suggestions", () => {
    expect(read("2").choice).toBe(2);
    expect(read("2030").choice).toBeUndefined();
  });
});

describe("definitional questions", () => {
  it("are told apart from questions about figures", () => {
    expect(understand("dti la gi").definitional).toBe(true);
    expect(understand("chuyen doi so nghia la gi").definitional).toBe(true);
    expect(understand("dti cua tinh hang may").definitional).toBe(false);
  });
});

describe("question kinds", () => {
  it("are read from the question words, 'when' before 'how much' before 'what'", () => {
    expect(understand(fold("NQ16 thực hiện đến năm bao nhiêu")).kind).toBe("when");
    expect(understand(fold("QĐ 749 có tổng cộng bao nhiêu nhiệm vụ")).kind).toBe("how-much");
    expect(understand(fold("QĐ 749 đề ra những nhiệm vụ nào")).kind).toBe("what");
    expect(understand(fold("vì sao có nghị quyết 16")).kind).toBe("why");
    expect(understand(fold("chữ ký số")).kind).toBeUndefined();
  });
});

describe("progress asked as a yes/no question", () => {
  it("'có đạt mục tiêu không' asks how things stand", () => {
    expect(understand(fold("nghi quyet 16 co dat muc tieu khong")).slots.progress).toBe(true);
    expect(understand(fold("có đặt chỉ tiêu cao hơn trung ương không")).slots.progress).toBeUndefined();
  });
});

describe("'when' questions", () => {
  it("leave the question words and the verbs of happening out of the topic", () => {
    expect(understand(fold("kế hoạch 4636 ban hành ngày nào")).topicText).toBe("ke hoach 4636");
    expect(understand(fold("kế hoạch 4636 ban hành những gì")).topicText).toContain("banhanh");
    const day = understand(fold("nghị quyết 16 ra đời hôm nào"));
    expect([day.topicText, day.slots.aspect]).toEqual(["nghi quyet 16", "when"]);
    // "Hôm nào" opening a sentence is "some day"; "chưa hiệu quả" is no "chưa hiểu".
    expect(read("Hôm nào tôi nghe nói Khánh Hòa xếp thứ 16 năm 2024, có đúng không?").slots.aspect).not.toBe("when");
    expect(read("dữ liệu số khai thác chưa hiệu quả").topicText).toContain("hieu qua");
  });
});

describe("pillars", () => {
  it("one named narrows the question, all three do not", () => {
    expect(understand(fold("xếp hạng kinh tế số")).slots.pillar).toBe("kinh-te-so");
    expect(understand(fold("chỉ tiêu về chính quyền số, kinh tế số, xã hội số")).slots.pillar).toBeUndefined();
  });
});

describe("request words", () => {
  it("'ngắn gọn', 'cụ thể' are how to answer, not what about", () => {
    expect(understand(fold("tóm tắt ngắn gọn nghị quyết 16")).topicText).toBe("tom tat nghi quyet 16");
  });
});
