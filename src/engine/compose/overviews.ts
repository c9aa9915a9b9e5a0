// Answers that summarise many entries: all indicators on one screen, the timeline, the list of sources.
import type { Indicator, Target } from "../../knowledge/schema.js";
import type { Block } from "../answer.js";
import { citeSource, formatDate, formatPeriod, formatTargetValue, formatValue, isProvincial, periodSortKey } from "../format.js";
import { latestFirst, mainSeries } from "../indicator-status.js";
import { pickSuggestions, unique, type ComposeContext, type Composed } from "./common.js";

const SHORT_PERIOD = (period: string) => formatPeriod(period).replace(/^năm /, "");

function nextTarget(indicator: Indicator, inScope: (t: Target) => boolean, today: Date): Target | undefined {
  const targets = indicator.targets.filter(inScope).sort((a, b) => a.year - b.year);
  return targets.find((t) => t.year >= today.getUTCFullYear()) ?? targets[targets.length - 1];
}

/** One line per indicator, short enough for a phone screen. */
export function composeStatusAll(ctx: ComposeContext): Composed {
  const national = ctx.slots.scope === "national";
  const inScope = (item: { scope: Target["scope"] }) => (national ? item.scope === "national" : isProvincial(item.scope));
  const indicators = ctx.lookup.knowledge.indicators.filter(
    (i) => i.targets.some(inScope) || i.measurements.some(inScope),
  );
  const lines = indicators.map((indicator) => {
    const latest = latestFirst(mainSeries(indicator).filter(inScope))[0];
    const target = nextTarget(indicator, inScope, ctx.today);
    const now = latest ? `${formatValue(indicator, latest.value, latest.outOf)} (${SHORT_PERIOD(latest.period)})` : "chưa có số liệu";
    const goal = target ? ` → MT ${target.year}: ${formatTargetValue(indicator, target)}` : "";
    return `${indicator.short}: ${now}${goal}`;
  });
  const newest = latestFirst(indicators.flatMap((i) => mainSeries(i).filter(inScope)))[0];
  return {
    intent: "status-all",
    blocks: [
      {
        kind: "headline",
        text: national ? "Các chỉ tiêu chuyển đổi số của cả nước (QĐ 749):" : "Tình hình các chỉ tiêu của Nghị quyết 16:",
      },
      { kind: "bullets", items: lines },
      {
        kind: "note",
        text: `MT: mục tiêu. Số mới nhất: ${newest ? formatPeriod(newest.period) : "chưa có"}. Hỏi tên một chỉ tiêu để xem chi tiết, nguồn và phạm vi (tỉnh cũ/mới).`,
      },
    ],
    sourceIds: unique(indicators.flatMap((i) => [...mainSeries(i).filter(inScope).map((m) => m.source)])).slice(0, 8),
    suggestions: pickSuggestions([
      "Tỷ lệ hồ sơ trực tuyến hiện nay?",
      "Xếp hạng chuyển đổi số (DTI) của tỉnh?",
      national ? "Tình hình các chỉ tiêu của tỉnh?" : "Các chỉ tiêu của cả nước?",
    ]),
    entries: [national ? "@status-all-national" : "@status-all"],
  };
}

export function composeTimeline(ctx: ComposeContext): Composed {
  const year = ctx.slots.year;
  const events = [...ctx.lookup.knowledge.timeline]
    .filter((e) => !year || e.date.startsWith(String(year)))
    .sort((a, b) => periodSortKey(a.date).localeCompare(periodSortKey(b.date)));
  const shown = events.slice(0, 14);
  const blocks: Block[] = [
    {
      kind: "headline",
      text: year
        ? `Các mốc năm ${year}:`
        : "Lộ trình: Nghị quyết 16 ban hành 19/10/2021, mốc mục tiêu năm 2025, tầm nhìn đến năm 2030. Các mốc chính:",
    },
  ];
  if (shown.length > 0) blocks.push({ kind: "bullets", items: shown.map((e) => `${formatDate(e.date)}: ${e.title}`) });
  else blocks.push({ kind: "paragraph", text: `Mình chưa có mốc nào trong năm ${year}.` });
  if (events.length > shown.length) {
    blocks.push({ kind: "note", text: `Còn ${events.length - shown.length} mốc nữa; hỏi theo năm để xem đủ, ví dụ "các mốc năm 2025".` });
  }
  return {
    intent: "timeline",
    blocks,
    sourceIds: unique(shown.flatMap((e) => e.sources)).slice(0, 8),
    suggestions: pickSuggestions(["Các mốc năm 2025?", "Các mốc năm 2021?", "Mục tiêu đến năm 2030?"], year ? [`Các mốc năm ${year}?`] : []),
    entries: [year ? `@timeline-${year}` : "@timeline"],
  };
}

/** "Nguồn ở đâu?": the sources of the previous answer, or the main ones when there is none. */
export function composeSources(ctx: ComposeContext, sourceIds: readonly string[], about?: string): Composed {
  const ids = sourceIds.length > 0 ? sourceIds : ["bkh-2021-10-25"];
  const sources = ids.map((id) => ctx.lookup.sources.get(id)).filter((s) => s !== undefined);
  return {
    intent: "sources",
    blocks: [
      { kind: "headline", text: about ? `Nguồn của câu trả lời về ${about}:` : "Nguồn chính mình dùng:" },
      {
        kind: "bullets",
        items: sources.map((s) => `${s.title} — ${citeSource(s)}${s.url ? ` — ${s.url}` : ""}`),
      },
      { kind: "note", text: "Toàn văn Nghị quyết 16 chưa có trong nguồn của mình; các số liệu lấy từ báo chí và văn bản triển khai." },
    ],
    // The list above is the answer; repeating it as "Nguồn:" would say it twice.
    sourceIds: [],
    suggestions: ["Nghị quyết 16 là gì?", "Mục tiêu đến năm 2030?"],
    entries: ["@sources"],
  };
}
