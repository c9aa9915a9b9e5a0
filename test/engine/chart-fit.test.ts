import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine/ask.js";
import { shippedEngine } from "../support/engine.js";

describe("the chart an answer names", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await shippedEngine();
  });

  it("names the dashboard for /chitieu and the province's overview", () => {
    expect(engine.ask("/chitieu").chart).toBe("dashboard");
    expect(engine.ask("NQ16 đạt chưa").chart).toBe("dashboard");
  });

  it("names the indicator for a status question when there is a line to draw", () => {
    expect(engine.ask("xếp hạng DTI của tỉnh").chart).toBe("xep-hang-dti");
    expect(engine.ask("/chitieu dvc mức 4").chart).toBe("dvc-muc-4");
  });

  it("names none for one figure without a target, for goals, and for answers that are not about status", () => {
    const single = engine.ask("tỷ lệ hồ sơ nộp trực tuyến tại trung tâm hành chính công");
    expect(single.entries[0]).toBe("ho-so-truc-tuyen");
    expect(single.chart).toBeUndefined();
    expect(engine.ask("mục tiêu năm 2030").chart).toBeUndefined();
    expect(engine.ask("nghị quyết 16 là gì").chart).toBeUndefined();
    expect(engine.ask("xin chào").chart).toBeUndefined();
  });
});
