// Where an indicator stands against its targets. A verdict is given only where the data allows one:
// same scope (old and new province are different territories), a measurement for the target year,
// and for ranks the same ranking size.
import type { Indicator, Measurement, Scope, Target } from "../knowledge/schema.js";
import { periodSortKey, periodYear } from "./format.js";

export type Verdict =
  /** The target year is over and a measurement for it meets the target. */
  | { readonly kind: "met"; readonly measurement: Measurement }
  | { readonly kind: "not-met"; readonly measurement: Measurement }
  /** Still running, and a figure already reaches the target level. */
  | { readonly kind: "reached"; readonly measurement: Measurement }
  /** The target year is over but no figure for it is known; `latest` is the last comparable figure before it. */
  | { readonly kind: "no-data"; readonly latest?: Measurement }
  /** Still running: how far the latest comparable figure is from the target. */
  | { readonly kind: "pending"; readonly measurement?: Measurement; readonly ratio?: number }
  /** The only figures describe another territory or ranking size. */
  | { readonly kind: "not-comparable"; readonly measurement: Measurement }
  /** "Phổ cập" and similar: no number to check against. */
  | { readonly kind: "qualitative" };

export interface TargetStatus {
  readonly target: Target;
  readonly verdict: Verdict;
}

export function latestFirst(measurements: readonly Measurement[]): Measurement[] {
  return [...measurements].sort((a, b) => periodSortKey(b.period).localeCompare(periodSortKey(a.period)));
}

/** The first series named in the file is the main one; other series are extra context. */
export function mainSeries(indicator: Indicator): Measurement[] {
  const series = indicator.measurements[0]?.series;
  return indicator.measurements.filter((m) => m.series === series);
}

/** The figure to lead with: the newest confirmed one; a weak one only when nothing confirmed exists. */
export function headlineMeasurement(measurements: readonly Measurement[]): Measurement | undefined {
  const sorted = latestFirst(measurements);
  return sorted.find((m) => m.confidence === "confirmed") ?? sorted[0];
}

/** Whether a value reaches a target ("phổ cập" has no number, so nothing reaches it). */
export function satisfies(value: number, target: Target): boolean {
  const goal = target.value ?? Number.NaN;
  switch (target.comparator) {
    case "at-least":
    case "exactly":
      return value >= goal;
    case "more-than":
      return value > goal;
    case "top":
      return value <= goal;
    case "universal":
      return false;
  }
}

/** The ranking size a rank target refers to: 63 provinces before the merger, 34 after. */
function rankingSize(scope: Scope): number | undefined {
  if (scope === "province-before-merger") return 63;
  if (scope === "province-after-merger") return 34;
  return undefined;
}

/** Old and new province are the same level of government; the nation is not. */
function sameLevel(a: Scope, b: Scope): boolean {
  return (a === "national") === (b === "national");
}

function comparable(indicator: Indicator, target: Target, measurement: Measurement): boolean {
  if (measurement.scope !== target.scope) return false;
  if (indicator.unit !== "rank") return true;
  const size = rankingSize(target.scope);
  return size === undefined || measurement.outOf === undefined || measurement.outOf === size;
}

/** The confirmed figures of the main series that a target can be judged by, newest first. */
export function comparableMeasurements(indicator: Indicator, target: Target): Measurement[] {
  return latestFirst(mainSeries(indicator)).filter((m) => m.confidence === "confirmed" && comparable(indicator, target, m));
}

export function evaluateTarget(indicator: Indicator, target: Target, today: Date): TargetStatus {
  if (target.comparator === "universal") return { target, verdict: { kind: "qualitative" } };
  // Verdicts rest on confirmed figures only: a weak report may be shown, never judged by.
  const series = latestFirst(mainSeries(indicator)).filter((m) => m.confidence === "confirmed");
  const usable = comparableMeasurements(indicator, target);
  const yearOver = target.year < today.getUTCFullYear();

  if (yearOver) {
    const atTargetYear = usable.find((m) => periodYear(m.period) === target.year);
    if (atTargetYear) {
      return { target, verdict: { kind: satisfies(atTargetYear.value, target) ? "met" : "not-met", measurement: atTargetYear } };
    }
    const before = usable.find((m) => periodYear(m.period) < target.year);
    if (before) return { target, verdict: { kind: "no-data", latest: before } };
    const other = series.find((m) => sameLevel(m.scope, target.scope));
    return { target, verdict: other ? { kind: "not-comparable", measurement: other } : { kind: "no-data" } };
  }
  const latest = usable[0];
  if (!latest) {
    const other = series.find((m) => sameLevel(m.scope, target.scope));
    return { target, verdict: other ? { kind: "not-comparable", measurement: other } : { kind: "pending" } };
  }
  if (satisfies(latest.value, target)) return { target, verdict: { kind: "reached", measurement: latest } };
  const goal = target.value ?? 0;
  if (indicator.unit === "rank") return { target, verdict: { kind: "pending", measurement: latest } };
  return { target, verdict: { kind: "pending", measurement: latest, ratio: goal > 0 ? Math.min(1, latest.value / goal) : undefined } };
}
