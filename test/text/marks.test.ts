import { describe, expect, it } from "vitest";
import { createMarkedFilter, FOREIGN_MARK } from "../../src/text/marks.js";
import { fold } from "../../src/text/normalize.js";

const filter = createMarkedFilter(["Sáp nhập tỉnh Ninh Thuận", "Báo Khánh Hòa", "dịch vụ công mức độ 4", "cả nước", "bao nhiêu"]);
const read = (text: string) => filter(text, fold(text));

describe("words typed with marks", () => {
  it("are other words when the knowledge never writes them so: 'sắp' is not 'sáp', 'bão' not 'báo'", () => {
    expect(read("bão sắp vào")).toBe(`bao${FOREIGN_MARK} sap${FOREIGN_MARK} vao`);
    expect(read("sáp nhập")).toBe("sap nhap");
  });

  it("still match without marks, lacking a mark, with tone placement aside, or when the knowledge lacks the word", () => {
    expect(read("bao sap vao")).toBe("bao sap vao");
    expect(read("mưc độ 4, cả nứoc")).toBe("muc do 4 ca nuoc");
    expect(read("Khánh Hoà")).toBe("khanh hoa");
    expect(read("thời tiết")).toBe("thoi tiet");
  });
});
