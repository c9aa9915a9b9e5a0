import { describe, expect, it } from "vitest";
import { clean, fold, hasNoWords, keystrokeRepairs, undoTelex } from "../../src/text/normalize.js";
import { createSynonymExpander } from "../../src/text/synonyms.js";

describe("clean", () => {
  it("composes decomposed input (NFC) so both keyboards produce the same text", () => {
    const decomposed = "Nghi\u0323 quye\u0302\u0301t";
    expect(decomposed).not.toBe("Nghị quyết");
    expect(clean(decomposed)).toBe("Nghị quyết");
  });

  it("removes control and zero-width characters and collapses whitespace", () => {
    expect(clean("  mục\u0000 tiêu\u200B\n\t2030  ")).toBe("mục tiêu 2030");
  });
});

describe("fold", () => {
  it("drops tone and vowel marks and maps đ to d", () => {
    expect(fold("Đổi mới ĐẦU TƯ")).toBe("doi moi dau tu");
  });

  it("treats both tone placements (hoà / hòa) and both encodings alike", () => {
    expect(fold("Khánh Hoà")).toBe(fold("Khánh Hòa"));
    expect(fold("Kha\u0301nh Ho\u0300a")).toBe("khanh hoa");
  });

  it("splits letters glued to numbers but keeps 4G/5G and decimals", () => {
    expect(fold("dich vu cong muc do4")).toBe("dich vu cong muc do 4");
    expect(fold("QĐ749, NQ16")).toBe("qd 749 nq 16");
    expect(fold("4G/5G")).toBe("4g 5g");
    expect(fold("tỷ lệ 64,06%")).toBe("ty le 64.06%");
  });

  it("turns a date into its year and one exact date token, and reads a comma between single digits as a list", () => {
    expect(fold("ký ngày 3/6/2020")).toBe("ky ngay 2020 20200603");
    expect(fold("tháng 11/2025")).toBe("thang 2025");
    // A sentence's full stop after a date is no part of it.
    expect(fold("ban hành ngày 7/10/2020.")).toBe("ban hanh ngay 2020 20201007");
    expect(fold("tháng 10/2020.")).toBe("thang 2020");
    expect(fold("mức 3,4")).toBe("muc 3 4");
    expect(fold("hạng 16/34")).toBe("hang 16 34");
    expect(fold("0,7071")).toBe("0.7071");
  });

  it("turns markup and punctuation into spaces", () => {
    expect(fold("<b>mục tiêu</b> *2030*?!")).toBe("b muc tieu b 2030");
  });
});

describe("undoTelex", () => {
  it("removes Telex keystrokes typed with the input method off", () => {
    expect(undoTelex("nghij")).toBe("nghi");
    expect(undoTelex("quyeets")).toBe("quyet");
    expect(undoTelex("ddooi")).toBe("doi");
    expect(undoTelex("hajn")).toBe("han");
  });
});

describe("keystrokeRepairs", () => {
  it("offers Telex undone, doubled keys collapsed, and both", () => {
    expect(keystrokeRepairs("kepp")).toContain("kep");
    expect(keystrokeRepairs("nghiij")).toContain("nghi");
    expect(keystrokeRepairs("keess")).toContain("ke");
    expect(keystrokeRepairs("ke")).toEqual([]);
  });
});

describe("hasNoWords", () => {
  it("is true for emoji and punctuation only", () => {
    expect(hasNoWords("👍🙏🏻 ?!…")).toBe(true);
    expect(hasNoWords("5G?")).toBe(false);
  });
});

describe("synonym expansion", () => {
  const expand = createSynonymExpander([
    { term: "dịch vụ công", variants: ["DVC", "dv công"] },
    { term: "quyết định 749", variants: ["QĐ 749", "qd749"] },
  ]);

  it("expands whole words and phrases only, longest first", () => {
    expect(expand(fold("DVC mức 4"))).toBe("dich vu cong muc 4");
    expect(expand(fold("so với QĐ749"))).toBe("so voi quyet dinh 749");
    expect(expand(fold("dvcx"))).toBe("dvcx");
  });
});
