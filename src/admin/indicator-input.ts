// What admins type about indicators: a name or id, a value ("87,6", "90%"), a period ("Q4/2025").
import { formatPeriod, formatValue } from "../engine/format.js";
import { headlineMeasurement, mainSeries } from "../engine/indicator-status.js";
import { period as periodSchema } from "../knowledge/schema.js";
import type { Indicator, Knowledge } from "../knowledge/schema.js";
import { fold } from "../text/normalize.js";

/** By id, short name, alias or name, ignoring marks and case: "dvc-muc-4", "DVC mức 4", "dvc muc 4". */
export function findIndicator(knowledge: Knowledge, text: string): Indicator | undefined {
  const wanted = fold(text.replace(/-/g, " "));
  if (wanted === "") return undefined;
  const names = (i: Indicator) => [i.id.replace(/-/g, " "), i.short, i.name, ...i.aliases].map(fold);
  return (
    knowledge.indicators.find((i) => names(i).includes(wanted)) ??
    knowledge.indicators.find((i) => names(i).some((name) => name.startsWith(wanted)))
  );
}

/** "87,6" / "87.6" / "90%" → number; undefined when it is not one. */
export function parseValue(text: string): number | undefined {
  const normalized = text.replace(/%$/, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return undefined;
  return Number(normalized);
}

/** "2025", "2025-Q4", "Q4/2025", "quy4/2025", "12/2025", "2025-12", "13/12/2025", "2025-12-13" → schema form. */
export function parsePeriod(text: string): string | undefined {
  const t = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, "");
  const quarter = /^(?:q|quy)([1-4])\/(\d{4})$/.exec(t);
  const month = /^(\d{1,2})\/(\d{4})$/.exec(t);
  const day = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const candidate = quarter
    ? `${quarter[2]}-Q${quarter[1]}`
    : month
      ? `${month[2]}-${month[1]!.padStart(2, "0")}`
      : day
        ? `${day[3]}-${day[2]!.padStart(2, "0")}-${day[1]!.padStart(2, "0")}`
        : text.trim().toUpperCase().replace(/-Q/, "-Q");
  const parsed = periodSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** "87,6% (quý III/2025, tỉnh mới)" or "chưa có số liệu". */
export function describeLatest(indicator: Indicator): string {
  const latest = headlineMeasurement(mainSeries(indicator));
  if (!latest) return "chưa có số liệu";
  const scope = { "province-before-merger": "tỉnh cũ", "province-after-merger": "tỉnh mới", national: "cả nước" }[latest.scope];
  return `${formatValue(indicator, latest.value, latest.outOf)} (${formatPeriod(latest.period)}, ${scope})`;
}
