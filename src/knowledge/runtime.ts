// Measurements recorded by admins at runtime join the file measurements: the runtime one replaces a file
// one for the same period and scope, and the newest period leads status answers as usual. Each cites the source
// the admin gave, as citizens should read it.
import type { Indicator, Knowledge, Measurement, Scope, Source } from "./schema.js";

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

/** What /capnhat recorded as the source when none was given, before a source was required: an admin's account id. */
const ACCOUNT_AS_SOURCE = /^Quản trị viên (?:tg|zalo|console):\S+$/;
const LINK = /https?:\/\/[^\s<>"]+/;

/**
 * How citizens see the source an admin gave: its words as the title and its link, if any, as the link; never an
 * admin's account id.
 */
export function runtimeSource(id: string, m: Pick<RuntimeMeasurementInput, "source" | "at">): Source {
  const link = LINK.exec(m.source)?.[0];
  const words = (link ? m.source.replace(link, " ") : m.source).replace(/\s+/g, " ").trim();
  const title = ACCOUNT_AS_SOURCE.test(words) ? "Số liệu do quản trị viên cập nhật (chưa ghi nguồn)" : words || link || m.source;
  const url = link && URL.canParse(link) ? { url: link } : {};
  return { id, title, ...url, publisher: "Quản trị viên cập nhật", date: m.at.slice(0, 10), kind: "report", language: "vi" };
}

/** The size of the ranking an indicator's figures of this scope were last ranked in (63 or 34 provinces), if known. */
export function knownOutOf(indicator: Indicator, scope: Scope): number | undefined {
  return indicator.measurements.filter((m) => m.scope === scope && m.outOf !== undefined).at(-1)?.outOf;
}

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
      sources.push(runtimeSource(sourceId, m));
      // A rank is shown out of the ranking its scope's figures were in ("hạng 12/34").
      const outOf = knownOutOf(indicator, m.scope);
      return { period: m.period, value: m.value, ...(outOf ? { outOf } : {}), scope: m.scope, ...(series ? { series } : {}), source: sourceId, confidence: "confirmed" };
    });
    return { ...indicator, measurements: [...fromFiles, ...fromAdmins] };
  });
  return { ...knowledge, sources, indicators };
}
