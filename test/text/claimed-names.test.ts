import { describe, expect, it } from "vitest";
import { claimedNames } from "../../src/text/claimed-names.js";

describe("names a question claims", () => {
  it("reads a person's name after a title and a newspaper's after 'báo', folded", () => {
    const named = claimedNames("QĐ 749 là do Phó Thủ tướng Vũ Đức Đam ký, còn bài đầu tiên là của báo Tuổi Trẻ đúng không?");
    expect(named.people.map((name) => name.folded)).toEqual(["vu duc dam"]);
    expect(named.papers).toEqual([{ typed: "Tuổi Trẻ", folded: "tuoi tre" }]);
    expect(claimedNames("theo báo VnExpress thì sao").papers.map((name) => name.folded)).toEqual(["vnexpress"]);
  });

  it("takes no office, body or province for a name, nor words without capitals", () => {
    expect(claimedNames("QĐ 749 do Thủ tướng Chính Phủ ký")).toEqual({ people: [], papers: [] });
    expect(claimedNames("báo Khánh Hòa đăng ngày nào")).toEqual({ people: [], papers: [] });
    expect(claimedNames("nhà báo Giang Đình viết gì")).toEqual({ people: [], papers: [] });
    expect(claimedNames("Thông báo Kết luận số 5 nói gì")).toEqual({ people: [], papers: [] });
    expect(claimedNames("Có phải ông Trần Phong Chủ tịch UBND tỉnh không?").people.map((name) => name.folded)).toEqual(["tran phong"]);
    expect(claimedNames("ông ấy là ai, do pho thu tuong vu duc dam ky a")).toEqual({ people: [], papers: [] });
  });
});
