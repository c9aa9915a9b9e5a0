// Measurements recorded by admins at runtime join the file measurements: the runtime one replaces a file
// one for the same period and scope, and the newest period leads status answers as usual.
import type { Knowledge, Measurement, Scope, Source } from "./schema.js";

export interface RuntimeMeasurementInput {
  readonly id: string;
  readonly indicator: string;
  readonly value: number;
  readonly period: string;
  readonly scope: Scope;
  /** Free text given by the admin: where the number comes from. */
  readonly source: string;
  readonly at: string;
}

export const RUNTIME_SOURCE_PREFIX = "runtime-";

export function withRuntimeMeasurements(knowledge: Knowledge, runtime: readonly RuntimeMeasurementInput[]): Knowledge {
  if (runtime.length === 0) return knowledge;
  const sources: Source[] = [...knowledge.sources];
  const indicators = knowledge.indicators.map((indicator) => {
    const added = runtime.filter((m) => m.indicator === indicator.id);
    if (added.length === 0) return indicator;
    const series = indicator.measurements[0]?.series;
    const replaced = new Set(added.map((m) => `${m.period}|${m.scope}`));
    const fromFiles = indicator.measurements.filter((m) => m.series !== series || !replaced.has(`${m.period}|${m.scope}`));
    const fromAdmins: Measurement[] = added.map((m) => {
      const sourceId = `${RUNTIME_SOURCE_PREFIX}${m.id}`;
      sources.push({ id: sourceId, title: m.source, publisher: "Quản trị viên cập nhật", date: m.at.slice(0, 10), kind: "report", language: "vi" });
      return {
        period: m.period,
        value: m.value,
        scope: m.scope,
        ...(series ? { series } : {}),
        source: sourceId,
        confidence: "confirmed",
        note: `Cập nhật bởi quản trị viên (${m.id})`,
      };
    });
    return { ...indicator, measurements: [...fromFiles, ...fromAdmins] };
  });
  return { ...knowledge, sources, indicators };
}
