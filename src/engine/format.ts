// How numbers, periods, dates, scopes and sources are written in answers (Vietnamese conventions).
import type { Indicator, Measurement, Scope, Source, Target } from "../knowledge/schema.js";

// Made when a number is first written, not at start: the process's first Intl object loads ICU's locale data (~30 ms).
let numberFormat: Intl.NumberFormat | undefined;
/**
 * Numbers written before: an answer writes a dozen, nearly all the knowledge's own, and Intl takes ~0.6 µs each.
 * Bounded, as numbers typed by users reach it too; 0 is not kept, as a map holds −0 and 0 as one key.
 */
const written = new Map<number, string>();
const MAX_WRITTEN = 10_000;

export function formatNumber(value: number): string {
  let text = written.get(value);
  if (text === undefined) {
    numberFormat ??= new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 });
    text = numberFormat.format(value);
    if (value !== 0 && written.size < MAX_WRITTEN) written.set(value, text);
  }
  return text;
}

export function formatValue(indicator: Pick<Indicator, "unit">, value: number, outOf?: number): string {
  switch (indicator.unit) {
    case "percent":
      return `${formatNumber(value)}%`;
    case "rank":
      return outOf ? `hạng ${value}/${outOf}` : `hạng ${value}`;
    case "index":
      return formatNumber(value);
  }
}

const ROMAN_QUARTERS = ["I", "II", "III", "IV"];

/** "2020" → "năm 2020", "2025-Q3" → "quý III/2025", "2020-12" → "tháng 12/2020", "2025-11-13" → "13/11/2025". */
export function formatPeriod(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `quý ${ROMAN_QUARTERS[Number(quarter[2]) - 1]}/${quarter[1]}`;
  return formatDate(period);
}

/**
 * A function of a period or date, its results kept: answers write and sort the knowledge's few hundred dates over and
 * over. Bounded, as admins add periods at runtime.
 */
function remembered(compute: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) {
      result = compute(text);
      if (known.size < MAX_WRITTEN) known.set(text, result);
    }
    return result;
  };
}

export const formatDate = remembered((date) => {
  const [year, month, day] = date.split("-");
  if (day) return `${Number(day)}/${Number(month)}/${year}`;
  if (month) return `tháng ${Number(month)}/${year}`;
  return `năm ${year}`;
});

export const withoutFinalStop = (text: string) => text.replace(/[.\s]+$/, "");

/** The calendar year a period belongs to. */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}

/** Sortable key: later periods compare greater ("2025-Q3" sorts after "2025-07"). */
export const periodSortKey = remembered((period) => {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, "0")}-31`;
  const [year, month = "12", day = "31"] = period.split("-");
  return `${year}-${month}-${day}`;
});

export const SCOPE_LABELS: Record<Scope, string> = {
  "province-before-merger": "tỉnh Khánh Hòa (trước sáp nhập 1/7/2025)",
  "province-after-merger": "tỉnh Khánh Hòa mới (sau sáp nhập với Ninh Thuận)",
  national: "cả nước",
};

export function isProvincial(scope: Scope): boolean {
  return scope !== "national";
}

/** "100%", "trên 50%", "tối thiểu 30%", "nhóm 25 dẫn đầu", "phổ cập". */
export function formatTargetValue(indicator: Pick<Indicator, "unit">, target: Target): string {
  const value = target.value === undefined ? "" : formatValue(indicator, target.value).replace(/^hạng /, "");
  switch (target.comparator) {
    case "at-least":
      return indicator.unit === "percent" && target.value === 100 ? value : `tối thiểu ${value}`;
    case "more-than":
      return `trên ${value}`;
    case "exactly":
      return value;
    case "top":
      return `nhóm ${value} dẫn đầu`;
    case "universal":
      return "phổ cập";
  }
}

/** "Báo Khánh Hòa, 25/10/2021" — how a source is named inside a sentence. */
export function citeSource(source: Source): string {
  const language = source.language === "en" && !/tiếng Anh/i.test(source.publisher) ? " (bản tiếng Anh)" : "";
  return source.date ? `${source.publisher}${language}, ${formatDate(source.date)}` : `${source.publisher}${language}`;
}

/** WEAK facts are never stated flatly: "theo Báo Khánh Hòa (bản tiếng Anh), 9/11/2025, …". */
export function attribute(text: string, confidence: Measurement["confidence"], source: Source | undefined): string {
  // A text that already names where it comes from ("Theo bản tin tiếng Anh của …") is not attributed twice.
  if (confidence !== "weak" || !source || /^Theo /u.test(text)) return text;
  return `Theo ${citeSource(source)}: ${text}`;
}
