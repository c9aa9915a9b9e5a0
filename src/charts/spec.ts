// What a chart shows, as plain data built from the knowledge: panels of dated values and targets for one
// indicator, rows of verdicts for the dashboard. svg.ts draws any such spec; nothing here knows about pixels.
import { evaluateTarget, latestFirst, mainSeries, type Verdict } from "../engine/indicator-status.js";
import { citeSource, formatNumber, formatPeriod, formatTargetValue, formatValue, isProvincial, periodSortKey, SCOPE_LABELS } from "../engine/format.js";
import type { Indicator, Knowledge, Measurement, Pillar, Scope, Source, Target } from "../knowledge/schema.js";
import { PROVINCES_RANKED } from "../knowledge/schema.js";

export interface Tick {
  readonly value: number;
  readonly label: string;
}

export interface ChartPoint {
  /** The time as a fractional year: 2024.5 is the year 2024, 2025.54 quý III/2025. */
  readonly x: number;
  readonly y: number;
  readonly label: string;
  /** Reported by one source and not confirmed: drawn hollow. */
  readonly weak: boolean;
}

export interface ChartSeries {
  /** Named when a panel has more than one way of measuring (official statistics vs an estimate). */
  readonly name?: string;
  readonly points: readonly ChartPoint[];
}

/** One territory (old province, new province, the country): its own scale, never one line with another. */
export interface ChartPanel {
  readonly scope: Scope;
  readonly title: string;
  readonly y: { readonly min: number; readonly max: number; readonly inverted: boolean; readonly title: string; readonly ticks: readonly Tick[] };
  readonly x: { readonly from: number; readonly to: number; readonly ticks: readonly Tick[] };
  readonly series: readonly ChartSeries[];
  readonly targets: readonly ChartPoint[];
  /** Said inside the panel when it has targets but no figures. */
  readonly empty?: string;
}

export interface IndicatorChartSpec {
  readonly kind: "indicator";
  readonly title: string;
  readonly subtitle: string;
  readonly panels: readonly ChartPanel[];
  /** A line between two panels, after the panel with this index (the merger of 1/7/2025). */
  readonly dividers: readonly { readonly after: number; readonly label: string }[];
  /** Whether any point or target is drawn hollow (one press source only), so the legend explains it. */
  readonly hasWeak: boolean;
  readonly caption: readonly string[];
}

export type Status = "met" | "on-track" | "not-met" | "no-data" | "no-target";

export interface DashboardRow {
  readonly name: string;
  readonly detail: string;
  readonly status: Status;
  /** 0..1 of the target reached, where a share can honestly be computed. */
  readonly progress?: number;
}

export interface DashboardSpec {
  readonly kind: "dashboard";
  readonly title: string;
  readonly subtitle: string;
  readonly groups: readonly { readonly title: string; readonly rows: readonly DashboardRow[] }[];
  readonly caption: readonly string[];
}

export type ChartSpec = IndicatorChartSpec | DashboardSpec;

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  met: "Đạt",
  "on-track": "Đang thực hiện",
  "not-met": "Chưa đạt",
  "no-data": "Chưa có số liệu",
  "no-target": "Không có mục tiêu số",
};

export const MERGER_LABEL = "Sáp nhập 1/7/2025";

const PANEL_TITLES: Readonly<Record<Scope, string>> = {
  "province-before-merger": "Khánh Hòa cũ (trước 1/7/2025)",
  "province-after-merger": "Khánh Hòa mới (từ 1/7/2025)",
  national: "Cả nước",
};

const SCOPE_WORDS: Readonly<Record<Scope, string>> = {
  "province-before-merger": "tỉnh cũ",
  "province-after-merger": "tỉnh mới",
  national: "cả nước",
};

const SCOPE_ORDER: readonly Scope[] = ["province-before-merger", "province-after-merger", "national"];

const PILLAR_TITLES: Readonly<Record<Pillar, string>> = {
  "chinh-quyen-so": "Chính quyền số",
  "kinh-te-so": "Kinh tế số",
  "xa-hoi-so": "Xã hội số",
  chung: "Chung",
};

const PILLAR_ORDER: readonly Pillar[] = ["chung", "chinh-quyen-so", "kinh-te-so", "xa-hoi-so"];
const SOURCES_NAMED = 3;

/** Where a period sits on a time axis: a year in its middle, a quarter, month or day at its own middle. */
export function periodX(period: string): number {
  const year = Number(period.slice(0, 4));
  const quarter = /-Q([1-4])$/.exec(period);
  if (quarter) return year + (Number(quarter[1]) * 3 - 1.5) / 12;
  const [, month, day] = period.split("-").map(Number);
  if (month === undefined) return year + 0.5;
  return year + (month - 1 + (day === undefined ? 0.5 : (day - 0.5) / 31)) / 12;
}

const targetX = (target: Target) => target.year + 0.5;

/** "hạng 30/63" → "30/63" on a chart, where the axis already says it is a rank. */
function pointLabel(indicator: Indicator, value: number, outOf?: number): string {
  return formatValue(indicator, value, outOf).replace(/^hạng /, "");
}

/**
 * One mark per year and level: targets that coincide (30% "trên", "tối thiểu" and "=" in different documents)
 * share it, and a weak one is left out where a confirmed one says the same.
 */
function targetMarks(indicator: Indicator, targets: readonly (Target & { value: number })[]): ChartPoint[] {
  const spots = new Map<string, (Target & { value: number })[]>();
  for (const t of targets) spots.set(`${t.year}|${t.value}`, [...(spots.get(`${t.year}|${t.value}`) ?? []), t]);
  return [...spots.values()]
    .map((same) => {
      const confirmed = same.filter((t) => t.confidence === "confirmed");
      const shown = confirmed.length > 0 ? confirmed : same;
      const values = [...new Set(shown.map((t) => formatTargetValue(indicator, t)))];
      return { x: targetX(shown[0]!), y: shown[0]!.value, label: `MT ${shown[0]!.year}: ${values.join(" / ")}`, weak: confirmed.length === 0 };
    })
    .sort((a, b) => a.x - b.x || a.y - b.y);
}

function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? raw);
}

function yAxis(indicator: Indicator, scope: Scope, values: readonly number[], outOfs: readonly number[]): ChartPanel["y"] {
  switch (indicator.unit) {
    case "percent":
      return { min: 0, max: 100, inverted: false, title: "%", ticks: [0, 25, 50, 75, 100].map((v) => ({ value: v, label: `${v}%` })) };
    case "rank": {
      const scale = Math.max(...outOfs, scope === "national" ? 0 : PROVINCES_RANKED[scope], ...values);
      const step = niceStep(scale, 5);
      const ticks = [1];
      for (let v = step; v < scale - step / 2; v += step) ticks.push(v);
      ticks.push(scale);
      const sizes = [...new Set(outOfs)];
      const title = sizes.length === 1 ? `hạng trên ${sizes[0]}` : "hạng (1 = cao nhất)";
      return { min: 1, max: scale, inverted: true, title, ticks: ticks.map((v) => ({ value: v, label: String(v) })) };
    }
    case "index": {
      const top = Math.max(...values) * 1.2;
      const step = niceStep(top, 4);
      const max = Math.ceil(top / step) * step;
      const ticks: Tick[] = [];
      for (let v = 0; v <= max + step / 2; v += step) ticks.push({ value: v, label: formatNumber(Math.round(v * 1000) / 1000) });
      return { min: 0, max, inverted: false, title: "chỉ số", ticks };
    }
  }
}

function xAxis(xs: readonly number[]): ChartPanel["x"] {
  const first = Math.floor(Math.min(...xs));
  const last = Math.floor(Math.max(...xs));
  const from = first - (first === last ? 1 : 0);
  const to = last + 1 + (first === last ? 1 : 0);
  const every = to - from > 8 ? 2 : 1;
  const ticks: Tick[] = [];
  for (let year = from; year < to; year += every) ticks.push({ value: year + 0.5, label: String(year) });
  return { from, to, ticks };
}

function panelFor(indicator: Indicator, scope: Scope, measurements: readonly Measurement[], targets: readonly Target[]): ChartPanel {
  const bySeries = new Map<string | undefined, Measurement[]>();
  for (const m of measurements) bySeries.set(m.series, [...(bySeries.get(m.series) ?? []), m]);
  const series: ChartSeries[] = [...bySeries].map(([name, items]) => ({
    ...(name !== undefined && bySeries.size > 1 ? { name } : {}),
    points: [...items]
      .sort((a, b) => periodSortKey(a.period).localeCompare(periodSortKey(b.period)))
      .map((m) => ({ x: periodX(m.period), y: m.value, label: pointLabel(indicator, m.value, m.outOf), weak: m.confidence === "weak" })),
  }));
  const numeric = targets.filter((t): t is Target & { value: number } => t.value !== undefined);
  const targetPoints = targetMarks(indicator, numeric);
  const values = [...measurements.map((m) => m.value), ...numeric.map((t) => t.value)];
  const outOfs = measurements.flatMap((m) => (m.outOf === undefined ? [] : [m.outOf]));
  const rankSize = indicator.unit === "rank" && scope !== "national" ? ` · xếp trên ${outOfs[0] ?? PROVINCES_RANKED[scope]} tỉnh` : "";
  return {
    scope,
    title: `${PANEL_TITLES[scope]}${rankSize}`,
    y: yAxis(indicator, scope, values, outOfs),
    x: xAxis([...series.flatMap((s) => s.points.map((p) => p.x)), ...targetPoints.map((p) => p.x)]),
    series,
    targets: targetPoints,
    ...(measurements.length === 0 ? { empty: "Chưa có số liệu" } : {}),
  };
}

/** "Nguồn: Báo Khánh Hòa, 25/10/2021; Bộ TT&TT, 2024 và 2 nguồn khác." */
function sourceLine(ids: readonly string[], sources: ReadonlyMap<string, Source>): string {
  const cited = [...new Set(ids)].flatMap((id) => {
    const source = sources.get(id);
    return source ? [citeSource(source)] : [];
  });
  const named = [...new Set(cited)];
  const more = named.length - SOURCES_NAMED;
  return `Nguồn: ${named.slice(0, SOURCES_NAMED).join("; ")}${more > 0 ? ` và ${more} nguồn khác` : ""}.`;
}

function sourcesById(knowledge: Knowledge): Map<string, Source> {
  return new Map(knowledge.sources.map((source) => [source.id, source]));
}

const UNIT_WORDS: Readonly<Record<Indicator["unit"], string>> = {
  percent: "Tỷ lệ (%)",
  rank: "Thứ hạng: số càng nhỏ càng tốt, 1 là cao nhất",
  index: "Chỉ số: càng cao càng tốt",
};

/** Values over time and targets, one panel per territory, for an indicator hasChart() accepts. */
export function indicatorChart(knowledge: Knowledge, indicator: Indicator): IndicatorChartSpec {
  const scopes = SCOPE_ORDER.filter((scope) => [...indicator.measurements, ...indicator.targets].some((x) => x.scope === scope && ("period" in x || x.value !== undefined)));
  const panels = scopes.map((scope) =>
    panelFor(
      indicator,
      scope,
      indicator.measurements.filter((m) => m.scope === scope),
      indicator.targets.filter((t) => t.scope === scope),
    ),
  );
  const before = scopes.indexOf("province-before-merger");
  const dividers = before !== -1 && scopes[before + 1] === "province-after-merger" ? [{ after: before, label: MERGER_LABEL }] : [];
  const latest = latestFirst(indicator.measurements)[0];
  const weak = panels.some((panel) => [...panel.series.flatMap((s) => s.points), ...panel.targets].some((point) => point.weak));
  const caption = [
    `Phạm vi: ${scopes.map((scope) => SCOPE_LABELS[scope]).join("; ")}${dividers.length > 0 ? " — số của tỉnh cũ và tỉnh mới không so trực tiếp được" : ""}.`,
    latest ? `Số liệu đến ${formatPeriod(latest.period)}.` : "Chưa có số liệu.",
    sourceLine([...indicator.measurements.map((m) => m.source), ...indicator.targets.map((t) => t.source)], sourcesById(knowledge)),
  ];
  return { kind: "indicator", title: indicator.name, subtitle: UNIT_WORDS[indicator.unit], panels, dividers, hasWeak: weak, caption };
}

/**
 * The target an indicator is judged by on the dashboard: the current territory's targets when it has any (the new
 * province's), else the old province's; of those the nearest year not yet over, else the last one; confirmed first.
 * "Phổ cập" counts: it has no number, so it is judged "no data", as it is.
 */
function dashboardTarget(indicator: Indicator, today: Date): Target | undefined {
  const provincial = indicator.targets.filter((t) => isProvincial(t.scope));
  const current = provincial.filter((t) => t.scope === "province-after-merger");
  const pool = (current.length > 0 ? current : provincial).sort(
    (a, b) => a.year - b.year || Number(a.confidence === "weak") - Number(b.confidence === "weak"),
  );
  return pool.find((t) => t.year >= today.getUTCFullYear()) ?? pool.at(-1);
}

function statusOf(verdict: Verdict): { status: Status; progress?: number } {
  switch (verdict.kind) {
    case "met":
    case "reached":
      return { status: "met", progress: 1 };
    case "not-met":
      return { status: "not-met" };
    case "pending":
      return verdict.measurement ? { status: "on-track", ...(verdict.ratio !== undefined ? { progress: verdict.ratio } : {}) } : { status: "no-data" };
    default:
      return { status: "no-data" };
  }
}

function measurementText(indicator: Indicator, m: Measurement): string {
  return `${formatValue(indicator, m.value, m.outOf)} (${formatPeriod(m.period).replace(/^năm /, "")}, ${SCOPE_WORDS[m.scope]})`;
}

function dashboardRow(indicator: Indicator, today: Date): DashboardRow {
  const latest = latestFirst(mainSeries(indicator).filter((m) => isProvincial(m.scope)))[0];
  const target = dashboardTarget(indicator, today);
  const now = latest ? `Mới nhất: ${measurementText(indicator, latest)}` : "Chưa có số liệu";
  const goal = target ? ` · MT ${target.year}: ${formatTargetValue(indicator, target)}${target.confidence === "weak" ? " (theo báo chí)" : ""}` : "";
  const judged = target ? statusOf(evaluateTarget(indicator, target, today).verdict) : { status: "no-target" as const };
  return { name: indicator.short, detail: `${now}${goal}`, ...judged };
}

/** Every indicator of the province against its target, grouped by pillar: the picture of /chitieu. */
export function dashboardChart(knowledge: Knowledge, today: Date): DashboardSpec {
  const provincial = (x: { scope: Scope }) => isProvincial(x.scope);
  const indicators = knowledge.indicators.filter((i) => i.targets.some(provincial) || i.measurements.some(provincial));
  const groups = PILLAR_ORDER.map((pillar) => ({
    title: PILLAR_TITLES[pillar],
    rows: indicators.filter((i) => i.pillar === pillar).map((i) => dashboardRow(i, today)),
  })).filter((group) => group.rows.length > 0);
  const figures = indicators.flatMap((i) => mainSeries(i).filter(provincial));
  const latest = latestFirst(figures)[0];
  return {
    kind: "dashboard",
    title: "Các chỉ tiêu của Nghị quyết 16",
    subtitle: "Tỉnh Khánh Hòa, so với mục tiêu gần nhất (MT)",
    groups,
    caption: [
      `Phạm vi: tỉnh Khánh Hòa cũ và tỉnh mới sau sáp nhập 1/7/2025 (không so trực tiếp được).`,
      latest ? `Số liệu đến ${formatPeriod(latest.period)}.` : "Chưa có số liệu.",
      sourceLine(figures.map((m) => m.source), sourcesById(knowledge)),
    ],
  };
}
