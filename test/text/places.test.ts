import { describe, expect, it } from "vitest";
import { otherProvinces } from "../../src/text/places.js";
import { fold } from "../../src/text/normalize.js";

describe("otherProvinces", () => {
  it("finds other provinces, but 'năm' before a year is no Quảng Nam", () => {
    expect(otherProvinces(fold("Quảng Nam chuyển đổi số thế nào"))).toEqual(["quang nam"]);
    expect(otherProvinces(fold("mục tiêu cáp quang năm 2025 của QĐ 749"))).toEqual([]);
  });
});
