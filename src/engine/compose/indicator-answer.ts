// One indicator, answering the question asked: the target when a target is asked, the figure of the year asked,
// a verdict word first for a yes-or-no, a claim confirmed or corrected. A few supporting lines follow; the full
// card (every figure and target) is one "chi tiết" away.
import type { Indicator, Measurement, Target } from "../../knowledge/schema.js";
import type { Block } from "../answer.js";
import { capitalize, fold, isFoldedDate, numbersIn, tokens } from "../../text/normalize.js";
import type { Polarity } from "../aspect.js";
import type { Relation } from "../understand.js";
import { formatNumber, formatPeriod, formatTargetValue, formatValue, isProvincial, periodYear, SCOPE_LABELS } from "../format.js";
import { evaluateTarget, headlineMeasurement, latestFirst, mainSeries, satisfies, type TargetStatus, type Verdict } from "../indicator-status.js";
import { documentName, pickSuggestions, unique, type ComposeContext, type Composed } from "./common.js";
import { describeMeasurement, relatedMeasures, SHORT_SCOPE, shortMeasurement, targetOrigin, verdictText } from "./indicator.js";

/** The scopes an answer is about: the nation when asked and known, else the province (old and new). */
function scopeFilter(ctx: ComposeContext, indicator: Indicator): (scope: Measurement["scope"]) => boolean {
  const all = [...indicator.targets, ...indicator.measurements];
  const hasNational = all.some((x) => x.scope === "national");
  const hasProvincial = all.some((x) => isProvincial(x.scope));
  if (ctx.slots.scope === "national" && hasNational && !ctx.slots.compare) return (scope) => scope === "national";
  return hasProvincial && !ctx.slots.compare ? isProvincial : () => true;
}

/** "mục tiêu năm 2025: 100% (Khánh Hòa cũ, 16-NQ/TU)" */
function targetPhrase(ctx: ComposeContext, indicator: Indicator, target: Target): string {
  return `mục tiêu năm ${target.year}: ${formatTargetValue(indicator, target)} (${targetOrigin(ctx, target)})`;
}

/** The first word of a yes-or-no answer in the question's own terms ("đạt chưa?" → Có / Chưa: "Có" is the yes people look for first). */
function verdictWord(verdict: Verdict, polarity: Polarity | undefined): string {
  switch (verdict.kind) {
    case "met":
      return "Có, đã đạt";
    case "reached":
      return "Có, đã đạt mức mục tiêu";
    case "not-met":
      return polarity === "chua" ? "Chưa đạt" : "Không đạt";
    case "pending":
      return "Chưa đạt";
    case "no-data":
    case "not-comparable":
      return "Chưa có số liệu để kết luận";
    case "qualitative":
      return "Chưa đánh giá được bằng con số";
  }
}

/** The target a question is about: of the year asked, else the next one still running, else the last. */
function targetAsked(ctx: ComposeContext, targets: readonly Target[]): Target | undefined {
  const year = ctx.slots.year;
  if (year !== undefined) return targets.find((t) => t.year === year) ?? targets.find((t) => t.year > year);
  const thisYear = ctx.today.getUTCFullYear();
  return targets.find((t) => t.year >= thisYear) ?? targets.at(-1);
}

interface Focus {
  readonly first: string;
  readonly support: string[];
  readonly sourceIds: string[];
  /** The documents setting the targets said first: what "văn bản đó" points to next. */
  readonly documents?: readonly string[];
}

function sentence(text: string): string {
  return /[.:!?]$/.test(text) ? text : `${text}.`;
}

export function composeIndicatorAnswer(ctx: ComposeContext, indicator: Indicator): Composed {
  // "Theo NQ16 …", "QĐ 749 đặt …": the targets of that document, where it sets any, and figures of their scope.
  // A scope asked after ("thế cả nước?") outweighs the document kept from the question before.
  const ofDocument = indicator.targets.filter(
    (t) => ctx.slots.document !== undefined && t.document === ctx.slots.document && (ctx.slots.scope !== "national" || t.scope === "national"),
  );
  const documentScopes = new Set(ofDocument.map((t) => t.scope));
  const inScope = ofDocument.length > 0 ? (scope: Measurement["scope"]) => documentScopes.has(scope) : scopeFilter(ctx, indicator);
  // An indicator with the province's targets but only the nation's figures ("cáp quang cuối 2024?"): the nation's figure,
  // said to be the nation's, unless the province was asked about.
  // Only a recent one (of the last two years, or of the year asked): an old figure of the nation answers nothing asked now.
  const recentYear = ctx.slots.year ?? ctx.today.getUTCFullYear() - 2;
  const nationsFiguresOnly =
    !indicator.measurements.some((m) => inScope(m.scope)) &&
    ctx.slots.scope === undefined &&
    ofDocument.length === 0 &&
    indicator.measurements.some((m) => periodYear(m.period) >= recentYear);
  const figuresInScope = nationsFiguresOnly ? () => true : inScope;
  const series = latestFirst(mainSeries(indicator).filter((m) => figuresInScope(m.scope)));
  const measurements = latestFirst(indicator.measurements.filter((m) => figuresInScope(m.scope)));
  const latest = headlineMeasurement(series);
  const targets = (ofDocument.length > 0 ? ofDocument : indicator.targets.filter((t) => inScope(t.scope))).sort(
    (a, b) => a.year - b.year || a.scope.localeCompare(b.scope),
  );
  const { year } = ctx.slots;
  // "Năm 2022 tụt mấy bậc?": against the year before.
  const years = ctx.slots.years ?? (year !== undefined ? (ctx.slots.change ? [year - 1, year] : [year]) : []);
  const thisYear = ctx.today.getUTCFullYear();
  // "Hạn là năm nào?": an indicator's deadlines are its targets' years.
  // A comparison without targets of both for one year: the figures there are, else the targets.
  const asked = ctx.slots.aspect === "when" || (ctx.slots.aspect === "compare" && measurements.length === 0) ? "target" : ctx.slots.aspect;
  const aspect = asked ?? (ctx.slots.progress ? "verdict" : year !== undefined && year > thisYear ? "target" : "actual");
  const name = indicator.name;
  const figure = (m: Measurement) => describeMeasurement(ctx, indicator, m, false);
  const statusOf = (target: Target): TargetStatus => evaluateTarget(indicator, target, ctx.today);
  const latestLine = (): string[] => (latest ? [`Số liệu gần nhất: ${figure(latest)}.`] : []);
  // The newest figure of the province, when it is of the other territory than the target (the new province's rank
  // beside the old province's target): said, and said not to compare.
  const otherTerritory = (target: Target): string => {
    const newest = headlineMeasurement(mainSeries(indicator).filter((m) => isProvincial(m.scope) === isProvincial(target.scope)));
    return newest && newest.scope !== target.scope ? `; số liệu mới nhất ${figure(newest)} thuộc phạm vi khác, không so trực tiếp được` : "";
  };

  const focus = ((): Focus => {
    switch (aspect) {
      case "verdict": {
        // "Năm 2021 và 2022 có lọt top 25 không?": each year asked that has a figure, in order; a verdict said once where
        // the years agree.
        const judgedYears = (ctx.slots.years ?? (year !== undefined ? [year] : [])).filter((y) => y < thisYear).sort((a, b) => a - b);
        const perYear = judgedYears.flatMap((y) => measurements.find((m) => periodYear(m.period) === y) ?? []).map((m) => measuredAgainst(ctx, indicator, m, targets));
        if (perYear.length > 0) {
          const first = perYear.map(({ word, said }, i) =>
            word === undefined ? said : i > 0 && word === perYear[0]!.word ? capitalize(said) : `${word}: ${said}`,
          );
          return { first: first.join(" "), support: perYear[perYear.length - 1]!.support, sourceIds: unique(perYear.flatMap((judged) => judged.sourceIds)) };
        }
        // "Đạt chưa?" is judged against a target with a number where there is one ("phổ cập" cannot be reached or not),
        // the one with the number asked first ("chỉ tiêu trên 80% … đã đạt chưa?").
        const numeric = targets.filter((t) => t.value !== undefined);
        const claimed = numeric.filter((t) => ctx.slots.claim?.includes(t.value!));
        // "Năm 2023 có lọt top 10 không?": a level no target sets, in a year without a figure.
        if (year !== undefined && year < thisYear && ctx.slots.claim?.length && !claimed.some((t) => t.year === year)) {
          return {
            first: `Chưa có số liệu: ${name} — mình chưa có số liệu năm ${year}${latest ? `; gần nhất là ${figure(latest)}` : ""}.`,
            support: [],
            sourceIds: latest ? [latest.source] : [],
          };
        }
        const target = claimed[0] ?? targetAsked(ctx, numeric.length > 0 && ctx.slots.year === undefined ? numeric : targets);
        // The figure first all the same ("còn 4G?" after a verdict asks how it stands).
        if (!target) return { first: `${name}: ${latest ? `${figure(latest)}; ` : ""}mình không có mục tiêu số để đánh giá đạt hay chưa.`, support: [], sourceIds: latest ? [latest.source] : [] };
        const { verdict } = statusOf(target);
        // The target year is over without its own figure, but a figure before it already reached the level (a share
        // that only grows; a rank goes up and down, so only one of the year just before says it was within reach, and
        // not when the target's year itself is asked).
        const early =
          verdict.kind === "no-data" &&
          verdict.latest &&
          (indicator.unit !== "rank" || (periodYear(verdict.latest.period) >= target.year - 1 && ctx.slots.year !== target.year)) &&
          satisfies(verdict.latest.value, target)
            ? verdict.latest
            : undefined;
        const judged = early
          ? `Có, đã ở mức mục tiêu trước hạn: ${name}, ${targetPhrase(ctx, indicator, target)} — số liệu ${shortMeasurement(indicator, early)} đã đạt mức này; chưa có số liệu năm ${target.year}.`
          : `${verdictWord(verdict, ctx.slots.polarity)}: ${name}, ${targetPhrase(ctx, indicator, target)} — ${verdictText(indicator, verdict)}${otherTerritory(target)}.`;
        return {
          first: judged,
          documents: target.document ? [target.document] : [],
          // The newest figure too when the verdict names another (the old province's rank beside the new one's).
          support: [...(target.note ? [sentence(target.note)] : []), ...(latest && !verdictSources(verdict).includes(latest.source) ? latestLine() : [])],
          sourceIds: unique([target.source, ...verdictSources(verdict), ...(latest ? [latest.source] : [])]),
        };
      }
      case "confirm":
        return confirmClaim(ctx, indicator, targets, measurements, latest);
      case "target": {
        // "Mục tiêu 30% năm 2030 là của văn bản nào?": the target with the number named goes first.
        const named = (t: Target) => (t.value !== undefined && ctx.slots.claim?.includes(t.value) ? 0 : 1);
        const wanted = (years.length > 0 ? targets.filter((t) => years.includes(t.year)) : targets).sort((a, b) => named(a) - named(b));
        if (wanted.length === 0) {
          const known = targets.map((t) => targetPhrase(ctx, indicator, t));
          // "Thế QĐ 749 đặt bao nhiêu?" of a target only NQ 16 sets: the document asked sets none.
          const asked = ctx.slots.document !== undefined && ofDocument.length === 0 ? ctx.lookup.documents.get(ctx.slots.document) : undefined;
          const none = asked ? `${documentName(asked)} không có mục tiêu này trong các nguồn mình có` : `không có mục tiêu cho năm ${year}`;
          return {
            first: (year !== undefined || asked) && targets.length > 0 ? `${name}: ${none}; các mục tiêu có: ${known.join("; ")}.` : `${name}: không có mục tiêu số trong các văn bản mình có.`,
            support: latestLine(),
            sourceIds: unique([...targets.map((t) => t.source), ...(latest ? [latest.source] : [])]),
          };
        }
        const [firstTarget] = wanted;
        const status = statusOf(firstTarget!);
        return {
          first: `${name} — ${wanted.map((t) => targetPhrase(ctx, indicator, t)).join("; ")}.`,
          documents: wanted.flatMap((t) => t.document ?? []),
          support: [...latestLine(), `Đánh giá mục tiêu năm ${firstTarget!.year}: ${verdictText(indicator, status.verdict)}.`],
          sourceIds: unique([...wanted.map((t) => t.source), ...(latest ? [latest.source] : [])]),
        };
      }
      default: {
        // The figures of the years asked (and how they changed between them), or the latest.
        if (years.length > 1) {
          const ofYears = years.flatMap((y) => headlineMeasurement(measurements.filter((m) => periodYear(m.period) === y)) ?? []);
          if (ofYears.length > 1) return { first: `${name}: ${ofYears.map(figure).join("; ")}${change(indicator, ofYears)}.`, support: [], sourceIds: unique(ofYears.map((m) => m.source)) };
          // "So với năm 2020, năm 2023 tăng bao nhiêu?" with no figure of 2020: the one there is, with its note where
          // that says how it changed since ("tăng 50,8% so với năm 2020"), else the year missing.
          const missing = ctx.slots.years?.filter((y) => !ofYears.some((m) => periodYear(m.period) === y)) ?? [];
          const [only] = ofYears;
          if (only && ofYears.length === 1 && missing.length > 0) {
            const first =
              only.note && missing.some((y) => only.note!.includes(String(y)))
                ? `${name}: ${figure(only)}. ${sentence(only.note)}`
                : `${name}: ${figure(only)}; mình chưa có số liệu năm ${missing.join(", ")} để so sánh.`;
            return { first, support: [], sourceIds: [only.source] };
          }
        }
        const ofYear = year !== undefined ? measurements.filter((m) => periodYear(m.period) === year) : [];
        const next = targetAsked(ctx, targets);
        const targetLine = next ? [`${capitalize(targetPhrase(ctx, indicator, next))} — ${verdictText(indicator, statusOf(next).verdict)}.`] : [];
        if (year !== undefined && ofYear.length === 0) {
          const targetOfYear = targets.find((t) => t.year === year);
          return {
            first: `${name}: mình chưa có số liệu năm ${year}${latest ? `; gần nhất là ${figure(latest)}` : ""}.`,
            support: targetOfYear ? [`${targetPhrase(ctx, indicator, targetOfYear)}.`] : targetLine,
            sourceIds: unique([...(latest ? [latest.source] : []), ...(targetOfYear ? [targetOfYear.source] : [])]),
          };
        }
        // "Hạng 41/63 lấy từ nguồn nào?": the figure named, not the newest.
        const named = year === undefined ? measurements.filter((m) => ctx.slots.claim?.includes(m.value)).slice(0, 1) : [];
        const shown = ofYear.length > 0 ? ofYear : named.length > 0 ? named : latest ? [latest] : [];
        if (shown.length === 0) {
          const why = indicator.dataNote ? ` ${indicator.dataNote}` : "";
          return { first: `${name}: mình chưa có số liệu thực hiện trong nguồn đang có.${why}`, support: targetLine, sourceIds: unique([...targets.map((t) => t.source), ...indicator.sources]) };
        }
        // A year asked is about that year's figure; how the target stands is said for the newest one.
        const targetSaid = year === undefined ? targetLine : [];
        // What a figure is compared with ("Để so sánh, … của Khánh Hòa là …") is often in its note.
        const note = shown[0]!.note ? sentence(shown[0]!.note) : undefined;
        // So is the score a rank's note gives, when the score is asked ("DTI 2024 bao nhiêu điểm?").
        const noteFirst = note !== undefined && (aspect === "compare" || (ctx.slots.scoreAsked === true && noteValues(shown[0]!).length > 0));
        const nationsOnly = nationsFiguresOnly && shown.every((m) => m.scope === "national") ? "mình chưa có số liệu của tỉnh; của cả nước: " : "";
        return {
          first: `${name}: ${nationsOnly}${shown.map(figure).join("; ")}.${noteFirst ? ` ${note}` : ""}`,
          support: [...(note && !noteFirst ? [note] : []), ...targetSaid],
          sourceIds: unique([...shown.map((m) => m.source), ...(next && targetSaid.length > 0 ? [next.source] : [])]),
        };
      }
    }
  })();

  const others = aspect === "actual" || aspect === "compare" ? relatedMeasures(ctx, indicator, aspect === "compare") : { blocks: [], sourceIds: [] };
  // Compared with a close measure, the first thing to say is that it is another series; compared with the nation, that
  // the province has no figure of its own, where it has none.
  const noProvincialFigure =
    aspect === "compare" && ctx.slots.compare === true && ![...indicator.measurements, ...indicator.targets].some((x) => isProvincial(x.scope));
  const othersFirst =
    (noProvincialFigure ? " Mình chưa có số liệu của tỉnh cho chỉ tiêu này để so sánh." : "") +
    (aspect === "compare" ? others.blocks.map((block) => ` ${block.text}`).join("") : "");
  const blocks: Block[] = [{ kind: "headline", text: `${focus.first}${othersFirst}` }];
  if (focus.support.length > 0) blocks.push({ kind: "bullets", items: focus.support });
  if (!othersFirst) blocks.push(...others.blocks);
  // Old and new province side by side are not one series: said where the answer shows both.
  const said = [focus.first, ...focus.support].join(" ");
  if (said.includes(SHORT_SCOPE["province-before-merger"]) && said.includes(SHORT_SCOPE["province-after-merger"])) {
    blocks.push({ kind: "note", text: "Từ 1/7/2025 Khánh Hòa sáp nhập với Ninh Thuận: số của tỉnh cũ và tỉnh mới không so sánh trực tiếp được." });
  }
  // The headline's figure carries its date and scope already; the note is for answers whose first line does not.
  // A year asked is dated in the first line already: the newest figure's date would only confuse it.
  if (latest && year === undefined && !focus.first.includes(formatPeriod(latest.period))) {
    blocks.push({ kind: "note", text: `Số liệu tính đến ${formatPeriod(latest.period)}; phạm vi: ${SCOPE_LABELS[latest.scope]}.` });
  }
  const otherYear = year === 2030 ? 2025 : 2030;
  return {
    intent: "status",
    blocks,
    sourceIds: focus.sourceIds.length > 0 ? unique([...focus.sourceIds, ...others.sourceIds]) : indicator.sources,
    suggestions: pickSuggestions([
      `Chi tiết về ${indicator.short}?`,
      indicator.targets.some((t) => t.year === otherYear) ? `${indicator.short}: mục tiêu năm ${otherYear}?` : undefined,
      indicator.targets.some((t) => t.scope === "national") && ctx.slots.scope !== "national" ? `${indicator.short} của cả nước?` : "Tình hình tất cả các chỉ tiêu?",
    ]),
    entries: unique([indicator.id, ...(focus.documents ?? [])]),
  };
}

/**
 * ", giảm 11 bậc" between the first and last of two ranks on one scale, ", tăng" between two figures (a computed
 * difference of percentages would be a number no source wrote); nothing when they are not comparable.
 */
function change(indicator: Indicator, figures: readonly Measurement[]): string {
  const [from, to] = [figures[0]!, figures.at(-1)!];
  if (from.scope !== to.scope || from.outOf !== to.outOf) return "; hai số thuộc hai phạm vi (hoặc hai thang xếp hạng) khác nhau nên không so sánh trực tiếp được";
  const difference = to.value - from.value;
  if (difference === 0) return ", không đổi";
  if (indicator.unit === "rank") return `, ${difference > 0 ? "giảm" : "tăng"} ${Math.abs(difference)} bậc`;
  // How much, where a source wrote it beside the later figure ("Tăng 8,6% so với năm 2023").
  const written = to.note && new RegExp(`(?:tăng|giảm)[^.;]*so với năm ${periodYear(from.period)}`, "i").exec(to.note)?.[0];
  return written ? `, ${uncapitalize(written)}` : `, ${difference > 0 ? "tăng" : "giảm"}`;
}

/**
 * "Năm 2022 có nằm trong top 25 không?": the figure of that year against the threshold claimed, or else the
 * target's own, on the same scale.
 */
/** A year's figure judged: the verdict word, apart, so that several years can say it once; what follows it. */
interface Judged {
  readonly word?: string;
  readonly said: string;
  readonly support: string[];
  readonly sourceIds: string[];
}

function measuredAgainst(ctx: ComposeContext, indicator: Indicator, measured: Measurement, targets: readonly Target[]): Judged {
  const target = targets.find((t) => t.scope === measured.scope && t.value !== undefined) ?? targets.find((t) => t.value !== undefined);
  // The figure itself, said in the question ("hạng 16/34 có đạt top 20 không?"), is no threshold.
  const claimed = ctx.slots.claim?.find((n) => n !== measured.value && n !== measured.outOf);
  const threshold = claimed ?? target?.value;
  const figure = describeMeasurement(ctx, indicator, measured, false);
  if (threshold === undefined) return { said: `${indicator.name}: ${figure}.`, support: [], sourceIds: [measured.source] };
  // A rank among the 34 provinces after the merger says nothing of a target set among the 63 before it.
  if (indicator.unit === "rank" && claimed === undefined && target && target.scope !== measured.scope) {
    return {
      word: "Chưa có số liệu để kết luận",
      said: `năm ${periodYear(measured.period)}, ${uncapitalize(indicator.name)} là ${figure}, trên thang xếp hạng khác với mục tiêu (${targetPhrase(ctx, indicator, target)}), nên không so trực tiếp được.`,
      support: [],
      sourceIds: unique([measured.source, target.source]),
    };
  }
  const within = target && target.value === threshold ? satisfies(measured.value, target) : indicator.unit === "rank" ? measured.value <= threshold : measured.value >= threshold;
  const word = within ? "Có" : ctx.slots.polarity === "chua" ? "Chưa" : "Không";
  const level = indicator.unit === "rank" ? `nhóm ${threshold}` : formatValue(indicator, threshold);
  return {
    word,
    said: `năm ${periodYear(measured.period)}, ${uncapitalize(indicator.name)} là ${figure}, ${within ? "đạt" : "chưa đạt"} mức ${level}.`,
    support: target ? [`${capitalize(targetPhrase(ctx, indicator, target))}.`] : [],
    sourceIds: unique([measured.source, ...(target ? [target.source] : [])]),
  };
}

const RELATION_LEADS: Record<Relation, string> = { higher: "Cao hơn", lower: "Thấp hơn", same: "Bằng" };

/** The size of another ranking than the figure's that a claim names ("trên 63 tỉnh" of a rank among 34), if any. */
function claimedRankingSize(ctx: ComposeContext, measurements: readonly Measurement[], outOf: number): number | undefined {
  const claim = ctx.slots.claim ?? [];
  const sizes = new Set(measurements.flatMap((m) => (m.outOf === undefined ? [] : [m.outOf])));
  // "… năm 2022 hạng 41/63": a size that belongs to another rank claimed is that rank's.
  const ofAnother = (n: number) => measurements.some((m) => m.outOf === n && m.value !== undefined && claim.includes(m.value) && m.outOf !== outOf);
  return claim.find((n) => n !== outOf && sizes.has(n) && !ofAnother(n));
}

/** "(năm 2022, Khánh Hòa cũ)" */
function describePeriod(m: Measurement): string {
  return `${formatPeriod(m.period)} (${SHORT_SCOPE[m.scope]})`;
}

function verdictSources(verdict: Verdict): string[] {
  if ("measurement" in verdict && verdict.measurement) return [verdict.measurement.source];
  if (verdict.kind === "no-data" && verdict.latest) return [verdict.latest.source];
  return [];
}

/** The values a measurement's note gives besides its figure: numbers with decimals ("giá trị DTI 0,7071"). */
export function noteValues(measurement: Measurement): number[] {
  return measurement.note ? numbersIn(measurement.note).filter((n) => !Number.isInteger(n)) : [];
}

/** "Giá trị DTI" → "giá trị DTI"; an acronym ("DTI 2024") stays. */
function uncapitalize(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * "… 80% đúng không?": the claimed numbers against the indicator's targets and figures (of the year named, if
 * any). Right when one of them is claimed; otherwise corrected with the true ones.
 */
function confirmClaim(
  ctx: ComposeContext,
  indicator: Indicator,
  targets: readonly Target[],
  measurements: readonly Measurement[],
  latest: Measurement | undefined,
): Focus {
  const { year, trend } = ctx.slots;
  // "hạng 9/34", "xếp theo 34 tỉnh": the size of a ranking is no figure claimed; nor is a date ("công bố ngày
  // 21/10/2025", folded to its year and yyyymmdd).
  const claim = (ctx.slots.claim ?? []).filter((n) => !measurements.some((m) => m.outOf === n) && !isFoldedDate(n));
  // "Năm 2022 tụt nhiều lắm, thật không?": that year's figure against the year before, and which way it went.
  const pair = year !== undefined && trend ? [year - 1, year].map((y) => headlineMeasurement(measurements.filter((m) => periodYear(m.period) === y))) : [];
  if (pair.length === 2 && pair[0] && pair[1] && pair[0].scope === pair[1].scope && pair[0].outOf === pair[1].outOf && pair[0].value !== pair[1].value) {
    const [before, after] = pair as [Measurement, Measurement];
    const better = indicator.unit === "rank" ? after.value < before.value : after.value > before.value;
    // "tăng 11 bậc" claims how far as well as which way.
    const { moved } = ctx.slots;
    const figures = [before, after].map((m) => describeMeasurement(ctx, indicator, m, false)).join("; ");
    const holds = (trend === "up") === better && (moved === undefined || moved === Math.abs(after.value - before.value));
    return { first: `${holds ? "Đúng" : "Không"}: ${indicator.name}: ${figures}${change(indicator, [before, after])}.`, support: [], sourceIds: unique([before.source, after.source]) };
  }
  const ofYear = <T extends { year?: number; period?: string }>(items: readonly T[], yearOf: (item: T) => number) =>
    year === undefined ? items : items.filter((item) => yearOf(item) === year);
  // The targets of the document the claim names ("NQ16 đặt mục tiêu …") first.
  const named = (t: Target) => (ctx.slots.document !== undefined && t.document === ctx.slots.document ? 0 : 1);
  const relevantTargets = [...ofYear(targets, (t) => t.year)].sort((a, b) => named(a) - named(b));
  const relevantFigures = ofYear(measurements, (m) => periodYear(m.period));
  const matchesTarget = relevantTargets.find((t) => t.value !== undefined && claim.includes(t.value));
  // A value its note gives ("giá trị DTI 0,7071" beside the rank) is claimed rightly too; a whole number there may be
  // another year's ("năm 2022 xếp thứ 41 …, tức năm 2021 xếp thứ 30").
  const matchesFigure = relevantFigures.find((m) => claim.includes(m.value) || noteValues(m).some((n) => claim.includes(n)));
  // "… hạng 9/34 năm 2025 đúng không?" of a year gone by with no figure yet: that first, and the newest figure.
  const noFigureYet = year !== undefined && year <= ctx.today.getFullYear() && relevantFigures.length === 0 && latest ? latest : undefined;
  const facts = [
    ...(noFigureYet ? [`chưa có số liệu năm ${year}; gần nhất là ${describeMeasurement(ctx, indicator, noFigureYet, false)}`] : []),
    ...relevantTargets.map((t) => targetPhrase(ctx, indicator, t)),
    ...relevantFigures.slice(0, 2).map((m) => `số liệu ${describeMeasurement(ctx, indicator, m, false)}`),
  ];
  const sourceIds = unique([...(noFigureYet ? [noFigureYet.source] : []), ...relevantTargets.map((t) => t.source), ...relevantFigures.slice(0, 2).map((m) => m.source)]);
  // "Top 20 năm 2025": the number is right, of another year — say whose it is.
  const elsewhereTarget = [...targets, ...indicator.targets].find((t) => t.value !== undefined && claim.includes(t.value));
  const elsewhereFigure = measurements.find((m) => claim.includes(m.value));
  const belongs = elsewhereTarget
    ? { text: `${formatTargetValue(indicator, elsewhereTarget)} là mục tiêu năm ${elsewhereTarget.year} (${targetOrigin(ctx, elsewhereTarget)})`, year: elsewhereTarget.year, source: elsewhereTarget.source }
    : elsewhereFigure
      ? { text: `${formatValue(indicator, elsewhereFigure.value, elsewhereFigure.outOf)} là số liệu ${describePeriod(elsewhereFigure)}`, year: periodYear(elsewhereFigure.period), source: elsewhereFigure.source }
      : undefined;
  if (claim.length === 0 || (facts.length === 0 && !belongs)) {
    return {
      first: `${indicator.name}: ${facts.length > 0 ? facts.join("; ") : latest ? `số liệu gần nhất ${describeMeasurement(ctx, indicator, latest, false)}` : "mình chưa có số liệu"}.`,
      support: [],
      sourceIds: sourceIds.length > 0 ? sourceIds : latest ? [latest.source] : [],
    };
  }
  // "12,33% năm 2023": a first estimate since revised is no longer the figure.
  const revised = matchesFigure && !matchesTarget ? mainSeries(indicator).find((m) => m.period === matchesFigure.period && m.scope === matchesFigure.scope && m !== matchesFigure && m.series !== matchesFigure.series) : undefined;
  if (revised) {
    return {
      first: `Không: ${formatValue(indicator, matchesFigure!.value, matchesFigure!.outOf)} là số ${matchesFigure!.series ?? "ban đầu"}; số hiện dùng là ${describeMeasurement(ctx, indicator, revised, false)}.`,
      support: [],
      sourceIds: unique([revised.source, matchesFigure!.source]),
    };
  }
  const right = matchesTarget ?? matchesFigure;
  // "DTI của Khánh Hòa là 0,7955?": the nation's number claimed of the province is not the province's.
  if (right && ctx.slots.scope === "province" && right.scope === "national") {
    const said = matchesTarget ? targetPhrase(ctx, indicator, matchesTarget) : `số liệu ${describeMeasurement(ctx, indicator, matchesFigure!, false)}`;
    return {
      first: `Không: ${formatValue(indicator, right.value!)} là của cả nước, không phải của tỉnh — ${uncapitalize(indicator.name)}, ${said}.`,
      support: [],
      sourceIds,
    };
  }
  // "Thứ 16 trên 63 tỉnh năm 2024?": the rank is right, of another ranking ("16/34").
  const otherRanking = matchesFigure && !matchesTarget && matchesFigure.outOf !== undefined ? claimedRankingSize(ctx, measurements, matchesFigure.outOf) : undefined;
  if (otherRanking !== undefined) {
    return {
      first: `Không: ${uncapitalize(indicator.name)} là ${describeMeasurement(ctx, indicator, matchesFigure!, false)}, xếp trên ${matchesFigure!.outOf} tỉnh, thành phố, không phải trên ${otherRanking}.`,
      support: [],
      sourceIds,
    };
  }
  if (right) {
    // The note's sentence that says the number claimed, when it is not the figure itself.
    const noted = !matchesTarget && matchesFigure && !claim.includes(matchesFigure.value)
      ? matchesFigure.note?.split(/(?<=\.)\s+/).find((sentence) => numbersIn(sentence).some((n) => !Number.isInteger(n) && claim.includes(n)))
      : undefined;
    const said = matchesTarget ? targetPhrase(ctx, indicator, matchesTarget) : `số liệu ${describeMeasurement(ctx, indicator, matchesFigure!, false)}`;
    return {
      first: `Đúng: ${indicator.name}, ${said}${noted ? `; ${uncapitalize(noted.replace(/\.$/, ""))}` : ""}.`,
      support: [],
      sourceIds,
    };
  }
  const claimed = claim.map((n) => formatNumber(n)).join(", ");
  // Of a year with neither figure nor target, nothing says the number is wrong: only that it cannot be checked.
  const uncheckable = noFigureYet && relevantTargets.length === 0;
  return {
    first: belongs
      ? `Không: ${belongs.text}${year !== undefined && year !== belongs.year ? `, không phải năm ${year}` : ""}. ${facts.length > 0 ? `${capitalize(indicator.name)}, ${facts.join("; ")}` : `Chỉ tiêu: ${indicator.name}`}.`
      : uncheckable
        ? `Chưa có số liệu: mình chưa có số liệu năm ${year} để xác nhận con số ${claimed}. ${capitalize(indicator.name)}: gần nhất là ${describeMeasurement(ctx, indicator, noFigureYet, false)}.`
        : `Không, con số ${claimed} không khớp với nguồn: ${indicator.name}, ${facts.join("; ")}.`,
    support: [],
    sourceIds: unique([...sourceIds, ...(belongs ? [belongs.source] : [])]),
  };
}

/**
 * "Vậy là cao hay thấp so với trung bình các tỉnh?" after a figure: that figure against the reference the question
 * names, of the same year — the value itself, or the one its note gives (the DTI value beside the rank). Undefined
 * when they cannot be set side by side (no figure of that year, a rank, values of different kinds).
 */
export function composeAgainst(ctx: ComposeContext, subject: Indicator, reference: Indicator, claimed?: Relation): Composed | undefined {
  if (reference.unit === "rank") return undefined;
  const inYear = (indicator: Indicator, year: number | undefined) =>
    headlineMeasurement(latestFirst(mainSeries(indicator)).filter((m) => year === undefined || periodYear(m.period) === year));
  const measured = inYear(subject, ctx.slots.year);
  const against = measured && inYear(reference, periodYear(measured.period));
  if (!measured || !against) return undefined;
  const sameKind = subject.unit === reference.unit;
  const value = sameKind ? measured.value : noteValues(measured)[0];
  if (value === undefined) return undefined;
  const found: Relation = value > against.value ? "higher" : value < against.value ? "lower" : "same";
  const relation = RELATION_LEADS[found];
  // "… cao hơn trung bình phải không?": whether the relation claimed is the one there is.
  const lead = claimed === undefined ? relation : claimed === found ? "Đúng" : "Không";
  const year = periodYear(measured.period);
  // A value from the note is named as the note names it: the words before its number ("Giá trị DTI 0,7071").
  const named = sameKind ? subject.short : /^([^.;,\d]{3,40}?)\s*\d/.exec(measured.note ?? "")?.[1];
  // Only the same measure is set against its reference ("giá trị DTI" against "giá trị DTI trung bình của các tỉnh"),
  // never a close one of another kind (hồ sơ nộp trực tuyến against hồ sơ toàn trình).
  const referenceWords = new Set(tokens(fold(reference.name)));
  if (!named || !tokens(fold(named)).every((word) => referenceWords.has(word))) return undefined;
  return {
    intent: "compare",
    blocks: [
      {
        kind: "headline",
        // A value from a rank's note is said with the rank ("0,7071, hạng 16/34").
        text: `${lead}: năm ${year}, ${uncapitalize(named)} (${SHORT_SCOPE[measured.scope]}) là ${formatValue(reference, value)}${sameKind ? "" : ` (${formatValue(subject, measured.value, measured.outOf)})`}, ${relation.toLowerCase()} ${uncapitalize(reference.name)} (${shortMeasurement(reference, against)}).`,
      },
    ],
    sourceIds: unique([measured.source, against.source]),
    suggestions: pickSuggestions([`${subject.name} qua các năm?`]),
    entries: [subject.id, reference.id],
  };
}

/**
 * "Tăng từ 56% năm 2020 lên 87,6% năm 2025, đúng không?": figures of two measures put as one series (or one as a
 * multiple of the other) — each said for what it is, and that they do not make one.
 */
export function composeMixedMeasures(figures: readonly { indicator: Indicator; measurement: Measurement }[]): Composed {
  const said = figures.map(({ indicator, measurement }) => `${formatValue(indicator, measurement.value, measurement.outOf)} là ${uncapitalize(indicator.name)} ${describePeriod(measurement)}`);
  return {
    intent: "compare",
    blocks: [{ kind: "headline", text: `Không: ${said.join("; ")} — hai thước đo khác nhau, không so trực tiếp được.` }],
    sourceIds: unique(figures.map(({ measurement }) => measurement.source)),
    suggestions: pickSuggestions(figures.map(({ indicator }) => `${indicator.name} qua các năm?`)),
    entries: unique(figures.map(({ indicator }) => indicator.id)),
  };
}
