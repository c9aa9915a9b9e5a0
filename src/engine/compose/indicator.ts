// One indicator: latest value with its date and scope, the 2020 baseline, targets with verdicts, progress.
import type { Indicator, Measurement, Target } from "../../knowledge/schema.js";
import type { Block } from "../answer.js";
import { capitalize } from "../../text/normalize.js";
import type { Relation } from "../understand.js";
import {
  attribute,
  citeSource,
  formatPeriod,
  formatTargetValue,
  formatValue,
  isProvincial,
  withoutFinalStop,
  periodYear,
  SCOPE_LABELS,
} from "../format.js";
import { evaluateTarget, headlineMeasurement, latestFirst, mainSeries, type Verdict } from "../indicator-status.js";
import { pickSuggestions, unique, type ComposeContext, type Composed } from "./common.js";
import { composeIndicatorAnswer } from "./indicator-answer.js";

export const SHORT_SCOPE = {
  "province-before-merger": "Khánh Hòa cũ",
  "province-after-merger": "Khánh Hòa mới",
  national: "cả nước",
} as const;


/** "87,6% (quý III/2025, Khánh Hòa mới)", with the note when asked, and "Theo …" when the figure is weak. */
export function describeMeasurement(ctx: ComposeContext, indicator: Indicator, m: Measurement, withNote = true): string {
  const value = formatValue(indicator, m.value, m.outOf);
  const series = m.series ? `, ${m.series}` : "";
  const note = withNote && m.note ? ` — ${withoutFinalStop(m.note)}` : "";
  return attribute(`${value} (${formatPeriod(m.period)}, ${SHORT_SCOPE[m.scope]}${series})${note}`, m.confidence, ctx.lookup.sources.get(m.source));
}

export function shortMeasurement(indicator: Indicator, m: Measurement): string {
  return `${formatValue(indicator, m.value, m.outOf)} ${formatPeriod(m.period)}`;
}

/** "(Khánh Hòa mới, 4636/KH-UBND, theo Báo Khánh Hòa (bản tiếng Anh), 9/11/2025)" */
export function targetOrigin(ctx: ComposeContext, target: Target, withScope = true): string {
  const document = target.document ? ctx.lookup.documents.get(target.document) : undefined;
  const source = ctx.lookup.sources.get(target.source);
  const weak = target.confidence === "weak" && source ? `theo ${citeSource(source)}` : undefined;
  return [withScope ? SHORT_SCOPE[target.scope] : undefined, document?.number, weak].filter(Boolean).join(", ");
}

export function verdictText(indicator: Indicator, verdict: Verdict): string {
  switch (verdict.kind) {
    case "met":
      return `đã đạt (${shortMeasurement(indicator, verdict.measurement)})`;
    case "not-met":
      return `chưa đạt (${shortMeasurement(indicator, verdict.measurement)})`;
    case "reached":
      return `chưa đến hạn; số liệu ${shortMeasurement(indicator, verdict.measurement)} đã ở mức mục tiêu`;
    case "no-data":
      return verdict.latest
        ? `đã qua năm mục tiêu nhưng chưa có số liệu năm đó để đánh giá (gần nhất: ${shortMeasurement(indicator, verdict.latest)})`
        : "đã qua năm mục tiêu nhưng chưa có số liệu để đánh giá";
    case "not-comparable":
      return `chưa đánh giá được: số liệu có được (${shortMeasurement(indicator, verdict.measurement)}) thuộc ${SHORT_SCOPE[verdict.measurement.scope]}, không so trực tiếp được`;
    case "qualitative":
      return "mục tiêu định tính, không có con số để đo";
    case "pending": {
      const m = verdict.measurement;
      if (!m) return "chưa đến hạn, chưa có số liệu theo dõi";
      // No computed gap: every number said is one the sources wrote.
      return `chưa đến hạn; gần nhất ${shortMeasurement(indicator, m)}, chưa ở mức mục tiêu`;
    }
  }
}

/** A target's note (what is known about judging it) matters only while no verdict could be given. */
export function undecided(verdict: Verdict): boolean {
  return verdict.kind === "no-data" || verdict.kind === "not-comparable" || verdict.kind === "pending";
}

function targetLine(ctx: ComposeContext, indicator: Indicator, target: Target, verdict: Verdict): string {
  const note = target.note && undecided(verdict) ? `. ${withoutFinalStop(target.note)}` : "";
  return `${target.year} (${targetOrigin(ctx, target)}): ${formatTargetValue(indicator, target)} — ${verdictText(indicator, verdict)}${note}`;
}

/** Which scopes to show: the province by default, the nation when asked, both when comparing. */
function wantedScopes(ctx: ComposeContext, indicator: Indicator): (s: Measurement["scope"]) => boolean {
  const hasProvincial = [...indicator.targets, ...indicator.measurements].some((x) => isProvincial(x.scope));
  if (ctx.slots.compare || !hasProvincial) return () => true;
  const hasNational = [...indicator.targets, ...indicator.measurements].some((x) => x.scope === "national");
  if (ctx.slots.scope === "national" && hasNational) return (scope) => scope === "national";
  return isProvincial;
}

/** Province and nation for the same year: "Năm 2025 — tỉnh: 100% …; cả nước: 80% …", none when no year has both. */
function targetsSideBySide(ctx: ComposeContext, indicator: Indicator): string[] {
  const years = unique(indicator.targets.map((t) => t.year)).sort();
  return years.flatMap((year) => {
    const province = indicator.targets.filter((t) => t.year === year && isProvincial(t.scope));
    const nation = indicator.targets.filter((t) => t.year === year && t.scope === "national");
    if (province.length === 0 || nation.length === 0) return [];
    const list = (targets: Target[]) => targets.map((t) => `${withoutFinalStop(t.text)} (${targetOrigin(ctx, t, false)})`).join("; ");
    return [`Năm ${year} — tỉnh: ${list(province)}; cả nước: ${list(nation)}`];
  });
}

function sideBySide(ctx: ComposeContext, indicator: Indicator): Block[] {
  const rows = targetsSideBySide(ctx, indicator);
  if (rows.length === 0) {
    return [{ kind: "headline", text: `${indicator.name}: mình không có mục tiêu của cả tỉnh và cả nước cho cùng một năm để so sánh.` }];
  }
  const verdict = comparedTargets(ctx, indicator);
  return [{ kind: "headline", text: verdict ?? `${indicator.name} — tỉnh và cả nước, cùng năm:` }, { kind: "bullets", items: rows }];
}

const RELATION_WORDS: Readonly<Record<Relation, string>> = { higher: "cao hơn", lower: "thấp hơn", same: "bằng" };

/**
 * "Tỉnh đặt cao hơn hay thấp hơn cả nước?", "… thấp hơn QĐ 749 phải không?": the province's numeric target against
 * the nation's of the same year (the year asked, else the first both set), said first; for a claim, Đúng / Không.
 */
function comparedTargets(ctx: ComposeContext, indicator: Indicator): string | undefined {
  const numeric = indicator.targets.filter((t) => t.value !== undefined && (ctx.slots.year === undefined || t.year === ctx.slots.year));
  const pair = numeric
    .filter((t) => isProvincial(t.scope))
    .flatMap((province) => numeric.filter((t) => t.scope === "national" && t.year === province.year).map((nation) => ({ province, nation })))[0];
  if (!pair) return undefined;
  const { province, nation } = pair;
  // A smaller rank ("nhóm 20") sets the bar higher.
  const sign = Math.sign((province.value! - nation.value!) * (indicator.unit === "rank" ? -1 : 1));
  const relation: Relation = sign > 0 ? "higher" : sign < 0 ? "lower" : "same";
  const claimed = ctx.slots.relation;
  const asksYesOrNo = ctx.slots.aspect === "confirm" || ctx.slots.aspect === "verdict";
  const lead = claimed && asksYesOrNo ? (claimed === relation ? "Đúng" : "Không") : capitalize(RELATION_WORDS[relation]);
  return `${lead}: mục tiêu năm ${province.year} của tỉnh (${formatTargetValue(indicator, province)}, ${targetOrigin(ctx, province)}) ${RELATION_WORDS[relation]} mức của cả nước (${formatTargetValue(indicator, nation)}, ${targetOrigin(ctx, nation)}).`;
}

/** A close but different measure, named apart so it is never read as the same series. */
export function relatedMeasures(
  ctx: ComposeContext,
  indicator: Indicator,
  measuredOnly = false,
): { blocks: { kind: "paragraph"; text: string }[]; sourceIds: string[] } {
  const others = indicator.related
    .flatMap((id) => ctx.lookup.indicators.get(id) ?? [])
    .map((other) => ({ other, figure: headlineMeasurement(mainSeries(other)) }))
    .filter(({ figure }) => figure || !measuredOnly);
  return {
    blocks: others.map(({ other, figure }) => ({
      kind: "paragraph" as const,
      text: `Một thước đo khác, không cùng chuỗi số liệu với chỉ tiêu này - ${other.name}: ${figure ? describeMeasurement(ctx, other, figure, false) : "chưa có số liệu"}.`,
    })),
    sourceIds: others.flatMap(({ figure }) => figure?.source ?? []),
  };
}

/**
 * The question asked about an indicator; its whole card when details are asked, or a comparison the targets of the
 * province and the nation can answer side by side (any other comparison gets the figures it has, of every scope).
 */
export function composeIndicator(ctx: ComposeContext, indicator: Indicator): Composed {
  const card = ctx.slots.details || (ctx.slots.compare && targetsSideBySide(ctx, indicator).length > 0);
  return card ? composeIndicatorCard(ctx, indicator) : composeIndicatorAnswer(ctx, indicator);
}

/** Every figure and target of an indicator, with verdicts and progress. */
function composeIndicatorCard(ctx: ComposeContext, indicator: Indicator): Composed {
  const shown = wantedScopes(ctx, indicator);
  const nationalAsked = ctx.slots.scope === "national";
  const measurements = latestFirst(indicator.measurements.filter((m) => shown(m.scope)));
  const latest = headlineMeasurement(mainSeries(indicator).filter((m) => shown(m.scope)));
  const targets = indicator.targets
    .filter((t) => shown(t.scope))
    .filter((t) => !ctx.slots.year || ctx.slots.compare || t.year === ctx.slots.year || indicator.targets.every((x) => x.year !== ctx.slots.year))
    .sort((a, b) => a.year - b.year || a.scope.localeCompare(b.scope));
  const statuses = targets.map((target) => evaluateTarget(indicator, target, ctx.today));

  const blocks: Block[] = [];
  if (ctx.slots.compare) blocks.push(...sideBySide(ctx, indicator));
  const onlyProvincial = ![...indicator.targets, ...indicator.measurements].some((x) => x.scope === "national");
  const scopeWord = nationalAsked && !onlyProvincial && !indicator.measurements.some((m) => m.scope === "national") ? " (cả nước)" : "";
  if (latest) {
    blocks.push({ kind: blocks.length > 0 ? "paragraph" : "headline", text: `${ctx.slots.compare ? "Số liệu mới nhất — " : ""}${indicator.name}${scopeWord}: ${describeMeasurement(ctx, indicator, latest, false)}.` });
    if (latest.note) blocks.push({ kind: "paragraph", text: `${withoutFinalStop(latest.note)}.` });
  } else {
    const why = indicator.dataNote ? ` ${indicator.dataNote}` : "";
    blocks.push({ kind: "headline", text: `${indicator.name}${scopeWord}: mình chưa có số liệu thực hiện trong nguồn đang có.${why}` });
  }

  const others = relatedMeasures(ctx, indicator);
  blocks.push(...others.blocks);
  if (nationalAsked && onlyProvincial && !ctx.slots.compare) {
    blocks.push({ kind: "paragraph", text: "Chỉ tiêu này chỉ có số liệu và mục tiêu cấp tỉnh, không có số của cả nước." });
  }
  const history = measurements.filter((m) => m !== latest).slice(0, 5);
  if (history.length > 0) {
    blocks.push({ kind: "bullets", title: "Các số liệu khác:", items: history.map((m) => describeMeasurement(ctx, indicator, m)) });
  }
  if (statuses.length > 0) {
    blocks.push({
      kind: "bullets",
      title: "Mục tiêu:",
      items: statuses.map(({ target, verdict }) => targetLine(ctx, indicator, target, verdict)),
    });
  } else if (indicator.targets.length === 0) {
    blocks.push({ kind: "paragraph", text: "Chỉ tiêu này không có mục tiêu số trong các văn bản mình có." });
  }
  for (const { target, verdict } of statuses) {
    if (verdict.kind === "pending" && verdict.ratio !== undefined && verdict.measurement) {
      blocks.push({
        kind: "progress",
        label: `Tiến độ so với mục tiêu ${target.year}`,
        ratio: verdict.ratio,
        caption: `${formatValue(indicator, verdict.measurement.value)} / ${formatTargetValue(indicator, target)}`,
      });
    }
  }
  if (ctx.slots.year && !indicator.targets.some((t) => t.year === ctx.slots.year) && !measurements.some((m) => periodYear(m.period) === ctx.slots.year)) {
    blocks.push({ kind: "paragraph", text: `Mình không có mục tiêu hay số liệu năm ${ctx.slots.year} cho chỉ tiêu này; trên đây là những gì đang có.` });
  }
  const provinceScopes = new Set([...measurements, ...targets].map((x) => x.scope).filter(isProvincial));
  if (provinceScopes.size > 1) {
    blocks.push({
      kind: "note",
      text: "Từ 1/7/2025 Khánh Hòa sáp nhập với Ninh Thuận: số liệu của tỉnh cũ (xếp trên 63 tỉnh) và tỉnh mới (trên 34 tỉnh) không so sánh trực tiếp được.",
    });
  }
  const dated = unique(measurements.map((m) => `${formatPeriod(m.period)} (${SCOPE_LABELS[m.scope]})`));
  if (latest) blocks.push({ kind: "note", text: `Số liệu tính đến ${formatPeriod(latest.period)}; phạm vi: ${SCOPE_LABELS[latest.scope]}.` });
  else if (dated.length > 0) blocks.push({ kind: "note", text: `Số liệu có: ${dated.join("; ")}.` });

  const sourceIds = unique([
    ...measurements.slice(0, 6).map((m) => m.source),
    ...targets.map((t) => t.source),
    ...(measurements.length === 0 && targets.length === 0 ? indicator.sources : []),
    ...others.sourceIds,
  ]);
  const hasNational = indicator.targets.some((t) => t.scope === "national");
  const hasProvincial = indicator.targets.some((t) => isProvincial(t.scope));
  const otherYear = ctx.slots.year === 2030 ? 2025 : 2030;
  return {
    intent: ctx.slots.compare ? "compare" : "status",
    blocks,
    sourceIds,
    suggestions: pickSuggestions([
      indicator.targets.some((t) => t.year === otherYear) ? `${indicator.short}: mục tiêu năm ${otherYear}?` : undefined,
      hasNational && hasProvincial && !ctx.slots.compare ? `So sánh ${indicator.short} của tỉnh với cả nước?` : undefined,
      "Tình hình tất cả các chỉ tiêu?",
      "Nguồn số liệu ở đâu?",
    ]),
    entries: [indicator.id],
  };
}
