import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { Assistant } from "../../src/assistant.js";
import { chartSvg, Charts } from "../../src/charts/charts.js";
import { fontCovers } from "../../src/charts/font.js";
import { svgToPng } from "../../src/charts/png.js";
import { dashboardChart, indicatorChart, type ChartSpec } from "../../src/charts/spec.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { withRuntimeMeasurements } from "../../src/knowledge/runtime.js";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { defaultKnowledgeDir } from "../../src/paths.js";
import { TODAY } from "../support/engine.js";

let knowledge: Knowledge;
beforeAll(async () => {
  const result = await loadKnowledge(defaultKnowledgeDir());
  if (!result.ok) throw new Error("the shipped knowledge does not load");
  knowledge = result.knowledge;
});

const indicator = (id: string) => knowledge.indicators.find((i) => i.id === id)!;

/** Every text a spec draws. */
function textsOf(spec: ChartSpec): string[] {
  const common = [spec.title, spec.subtitle, ...spec.caption];
  if (spec.kind === "dashboard") return [...common, ...spec.groups.flatMap((g) => [g.title, ...g.rows.flatMap((r) => [r.name, r.detail])])];
  return [
    ...common,
    ...spec.dividers.map((d) => d.label),
    ...spec.panels.flatMap((p) => [p.title, p.y.title, ...p.y.ticks.map((t) => t.label), ...p.x.ticks.map((t) => t.label), ...p.series.flatMap((s) => [s.name ?? "", ...s.points.map((x) => x.label)]), ...p.targets.map((t) => t.label)]),
  ];
}

describe("indicator chart specs", () => {
  it("keeps the old and the new province apart, each on its own ranking scale, with the merger between them", () => {
    const spec = indicatorChart(knowledge, indicator("xep-hang-dti"));
    expect(spec.panels.map((p) => p.scope)).toEqual(["province-before-merger", "province-after-merger"]);
    const [before, after] = spec.panels;
    expect(before!.y).toMatchObject({ min: 1, max: 63, inverted: true });
    expect(after!.y).toMatchObject({ min: 1, max: 34, inverted: true });
    expect(before!.series.flatMap((s) => s.points.map((p) => p.label))).toEqual(["30/63", "41/63"]);
    expect(after!.series.flatMap((s) => s.points.map((p) => p.label))).toEqual(["16/34"]);
    expect(after!.targets.map((t) => t.label)).toContain("MT 2025: nhóm 20 dẫn đầu");
    expect(spec.dividers).toEqual([{ after: 0, label: "Sáp nhập 1/7/2025" }]);
    expect(spec.caption.join("\n")).toMatch(/Phạm vi: tỉnh Khánh Hòa \(trước sáp nhập 1\/7\/2025\); tỉnh Khánh Hòa mới/);
    expect(spec.caption).toContain("Số liệu đến năm 2024.");
    expect(spec.caption.at(-1)).toMatch(/^Nguồn: .*Báo Khánh Hòa/);
  });

  it("shows percentages on 0–100% with units on the values, and one mark for targets that coincide", () => {
    const spec = indicatorChart(knowledge, indicator("kinh-te-so-gdp"));
    expect(spec.panels).toHaveLength(1);
    const [national] = spec.panels;
    expect(national!.y.ticks.at(-1)).toEqual({ value: 100, label: "100%" });
    expect(national!.series.map((s) => s.name)).toEqual(["thống kê chính thức", "ước tính của Bộ TT&TT", "công bố lần đầu (12/2023), đã được điều chỉnh"]);
    expect(national!.series[0]!.points.map((p) => p.label)).toContain("14,02%");
    expect(national!.targets.map((t) => t.label)).toEqual(["MT 2025: 20%", "MT 2030: trên 30% / 30%"]);
  });

  it("draws every text of every chart in glyphs the font has", () => {
    const specs: ChartSpec[] = [dashboardChart(knowledge, TODAY), ...new Charts({ knowledge: () => knowledge }).names().slice(1).map((id) => indicatorChart(knowledge, indicator(id)))];
    const missing = specs.flatMap(textsOf).filter((text) => !fontCovers(text));
    expect(missing).toEqual([]);
  });
});

describe("the dashboard spec", () => {
  it("judges every indicator of the province against its nearest target, grouped by pillar", () => {
    const spec = dashboardChart(knowledge, TODAY);
    expect(spec.groups.map((g) => g.title)).toEqual(["Chung", "Chính quyền số", "Kinh tế số", "Xã hội số"]);
    const rows = new Map(spec.groups.flatMap((g) => g.rows.map((r) => [r.name, r])));
    expect(rows.get("Xếp hạng DTI của tỉnh")).toMatchObject({ status: "on-track", detail: expect.stringMatching(/^Mới nhất: hạng 16\/34 \(2024, tỉnh mới\) · MT 2030: nhóm 10 dẫn đầu/) });
    expect(rows.get("DVC trực tuyến mức độ 4")).toMatchObject({ status: "no-data", detail: "Chưa có số liệu · MT 2030: 100%" });
    expect(rows.get("Chữ ký số công vụ")).toMatchObject({ status: "no-target" });
    expect(rows.has("Xếp hạng EGDI")).toBe(false);
    expect(spec.caption.join(" ")).toMatch(/Phạm vi: .*Số liệu đến tháng 11\/2025\. Nguồn: /);
  });
});

describe("Charts", () => {
  it("draws a PNG 1080 px wide with a caption, served under its content hash, once per knowledge", async () => {
    const charts = new Charts({ knowledge: () => knowledge, now: () => TODAY });
    const image = (await charts.chart("xep-hang-dti"))!;
    const png = PNG.sync.read(image.png);
    expect(png.width).toBe(1080);
    expect(png.height).toBeGreaterThan(600);
    expect(image.path).toBe(`/charts/${image.hash}.png`);
    expect(image.caption.split("\n")[0]).toBe(indicator("xep-hang-dti").name);
    expect(image.caption).toMatch(/Số liệu đến năm 2024\./);
    expect(await charts.chart("xep-hang-dti")).toBe(image);
    expect(await charts.image(image.hash)).toBe(image);
    expect(await charts.chart("ho-so-truc-tuyen")).toBeUndefined();
    expect(await charts.chart("khong-co")).toBeUndefined();
  });

  it("draws afresh when the knowledge changes (an admin's /capnhat), and finds an image by hash after a restart", async () => {
    let served = knowledge;
    const charts = new Charts({ knowledge: () => served, now: () => TODAY });
    const before = (await charts.chart("xep-hang-dti"))!;
    served = withRuntimeMeasurements(knowledge, [
      { id: "m1", indicator: "xep-hang-dti", value: 12, period: "2025", scope: "province-after-merger", source: "Bộ KH&CN, DTI 2025", at: "2026-11-20T00:00:00Z" },
    ]);
    const after = (await charts.chart("xep-hang-dti"))!;
    expect(after.hash).not.toBe(before.hash);
    // The URL sent a moment ago still answers.
    expect(await charts.image(before.hash)).toBe(before);

    const restarted = new Charts({ knowledge: () => served, now: () => TODAY });
    expect((await restarted.image(after.hash))?.name).toBe("xep-hang-dti");
    expect(await restarted.image("0".repeat(20))).toBeUndefined();
  });

  it("follows the Assistant: a figure an admin records (/capnhat) is in the chart of the next request", async () => {
    const assistant = new Assistant({ knowledge, knowledgeDir: defaultKnowledgeDir() });
    const charts = new Charts({ knowledge: () => assistant.knowledge, now: () => TODAY });
    assistant.setRuntimeMeasurements([
      { id: "m2", indicator: "xep-hang-dti", value: 9, period: "2025", scope: "province-after-merger", source: "Bộ KH&CN", at: "2026-11-20T00:00:00Z" },
    ]);
    const dti = (await charts.chart("xep-hang-dti"))!;
    const spec = indicatorChart(assistant.knowledge, assistant.knowledge.indicators.find((i) => i.id === "xep-hang-dti")!);
    expect(spec.panels[1]!.series[0]!.points.map((p) => p.label)).toEqual(["16/34", "9/34"]);
    expect(dti.hash).not.toBe((await new Charts({ knowledge: () => knowledge, now: () => TODAY }).chart("xep-hang-dti"))!.hash);
  });

  it("renders the chart's SVG with the knowledge's words escaped", () => {
    const spec = indicatorChart(knowledge, { ...indicator("gii"), name: "GII <Việt Nam> & \"thế giới\"" });
    expect(chartSvg(spec)).toContain("GII &lt;Việt Nam&gt; &amp; &quot;thế giới&quot;");
  });
});

describe("what a screen reader is told", () => {
  it("counts the dashboard's indicators by where they stand", async () => {
    const image = (await new Charts({ knowledge: () => knowledge, now: () => TODAY }).chart("dashboard"))!;
    expect(image.alt).toMatch(/^Bảng tình hình 19 chỉ tiêu của Nghị quyết 16 so với mục tiêu: 1 đang thực hiện, 9 chưa có số liệu, 9 không có mục tiêu số\. Phạm vi: /);
  });
});

describe("drawing", () => {
  it("rejects an SVG resvg cannot read, and the next drawing still works", async () => {
    const broken = svgToPng("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect");
    const fine = svgToPng("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='10' height='10'/></svg>");
    await expect(broken).rejects.toThrow();
    expect((await fine).subarray(1, 4).toString()).toBe("PNG");
  });
});
