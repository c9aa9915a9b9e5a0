// Target by target, whether a document's targets for one year were reached: reached, not reached, or no figure
// for that year yet, each with the evidence and its date. Only confirmed figures of the target's own territory
// (and ranking size) decide; the others are shown for what they are.
import type { FaqEntry, Indicator, Target } from "../../knowledge/schema.js";
import type { Block } from "../answer.js";
import { formatTargetValue, withoutFinalStop } from "../format.js";
import { comparableMeasurements, evaluateTarget, satisfies, type Verdict } from "../indicator-status.js";
import { PILLAR_LABELS } from "./goals.js";
import { shortMeasurement, targetOrigin, undecided } from "./indicator.js";
import { unique, type ComposeContext } from "./common.js";

type Outcome = "met" | "not-met" | "no-data" | "qualitative";

interface Result {
  readonly outcome: Outcome;
  readonly line: string;
  readonly sourceIds: readonly string[];
  readonly indicator?: string;
}

const OUTCOME_OF: Record<Verdict["kind"], Outcome> = {
  met: "met",
  reached: "met",
  "not-met": "not-met",
  "no-data": "no-data",
  pending: "no-data",
  "not-comparable": "no-data",
  qualitative: "qualitative",
};

/** The figures before the target year, and whether they were at the target's level. */
function earlierEvidence(indicator: Indicator, target: Target): { text: string; sourceIds: string[] } {
  const earlier = comparableMeasurements(indicator, target).filter((m) => Number(m.period.slice(0, 4)) < target.year).slice(0, 3);
  if (earlier.length === 0) return { text: "", sourceIds: [] };
  const atLevel = earlier.filter((m) => satisfies(m.value, target)).length;
  const level = atLevel === earlier.length ? "đều đã ở mức mục tiêu" : atLevel === 0 ? "đều chưa ở mức mục tiêu" : "có năm đã, có năm chưa ở mức mục tiêu";
  const list = earlier.map((m) => shortMeasurement(indicator, m)).join(", ");
  return {
    text: earlier.length === 1 ? `; gần nhất ${list} (${level.replace("đều ", "")})` : `; các kỳ có số liệu: ${list} - ${level}`,
    sourceIds: earlier.map((m) => m.source),
  };
}

function verdictPhrase(indicator: Indicator, target: Target, verdict: Verdict): { text: string; sourceIds: string[] } {
  switch (verdict.kind) {
    case "met":
    case "reached":
      return { text: `đã đạt (${shortMeasurement(indicator, verdict.measurement)})`, sourceIds: [verdict.measurement.source] };
    case "not-met":
      return { text: `chưa đạt (${shortMeasurement(indicator, verdict.measurement)})`, sourceIds: [verdict.measurement.source] };
    case "qualitative":
      return { text: "mục tiêu không có con số để đo", sourceIds: [] };
    default: {
      const evidence = earlierEvidence(indicator, target);
      const other =
        verdict.kind === "not-comparable" && evidence.text === ""
          ? `; số liệu có được (${shortMeasurement(indicator, verdict.measurement)}) thuộc phạm vi khác, không so trực tiếp được`
          : "";
      const note = target.note && undecided(verdict) ? `. ${withoutFinalStop(target.note)}` : "";
      return {
        text: `chưa có số liệu năm ${target.year} để đánh giá${evidence.text}${other}${note}`,
        sourceIds: [...evidence.sourceIds, ...(verdict.kind === "not-comparable" ? [verdict.measurement.source] : [])],
      };
    }
  }
}

function targetResults(ctx: ComposeContext, year: number, documents: ReadonlySet<string>): Result[] {
  return ctx.lookup.knowledge.indicators.flatMap((indicator) =>
    indicator.targets
      .filter((target) => target.year === year && target.document !== undefined && documents.has(target.document))
      .map((target): Result => {
        const { verdict } = evaluateTarget(indicator, target, ctx.today);
        const phrase = verdictPhrase(indicator, target, verdict);
        return {
          outcome: OUTCOME_OF[verdict.kind],
          line: `${indicator.short}: ${formatTargetValue(indicator, target)} (${targetOrigin(ctx, target)}) - ${phrase.text}`,
          sourceIds: [target.source, ...phrase.sourceIds],
          indicator: indicator.id,
        };
      }),
  );
}

/** Goals with no indicator behind them have nothing to be measured by. */
function unmeasuredGoals(ctx: ComposeContext, year: number, documents: ReadonlySet<string>): Result[] {
  return ctx.lookup.knowledge.goals
    .filter((goal) => goal.year === year && documents.has(goal.document) && goal.indicator === undefined)
    .map((goal) => ({
      outcome: "qualitative",
      line: `${PILLAR_LABELS[goal.pillar]}: ${withoutFinalStop(goal.text)} - không có chỉ số đo trong nguồn của mình`,
      sourceIds: goal.sources,
    }));
}

const GROUPS: readonly [Outcome, string][] = [
  ["met", "Đã đạt:"],
  ["not-met", "Chưa đạt:"],
  ["no-data", "Chưa có số liệu để kết luận:"],
  ["qualitative", "Mục tiêu định tính (không có số đo):"],
];

export interface ResultsSummary {
  readonly headline: string;
  readonly bullets: readonly Block[];
  readonly sourceIds: readonly string[];
  readonly indicators: readonly string[];
}

export function summarizeResults(ctx: ComposeContext, spec: NonNullable<FaqEntry["results"]>): ResultsSummary {
  const documents = new Set(spec.documents);
  const results = [...targetResults(ctx, spec.year, documents), ...unmeasuredGoals(ctx, spec.year, documents)];
  const count = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;
  const names = spec.documents.map((id) => ctx.lookup.documents.get(id)?.number ?? id).join(" và ");
  const qualitative = count("qualitative");
  return {
    headline:
      `Mục tiêu năm ${spec.year} của ${names}, theo số liệu mình có đến nay: ${count("met")} đã đạt, ${count("not-met")} chưa đạt, ` +
      `${count("no-data")} chưa có số liệu để kết luận${qualitative > 0 ? `, ${qualitative} không có số đo` : ""}.`,
    bullets: GROUPS.flatMap(([outcome, title]): Block[] => {
      const items = results.filter((r) => r.outcome === outcome).map((r) => r.line);
      return items.length > 0 ? [{ kind: "bullets", title, items }] : [];
    }),
    sourceIds: unique(results.flatMap((r) => r.sourceIds)),
    indicators: unique(results.flatMap((r) => r.indicator ?? [])),
  };
}
