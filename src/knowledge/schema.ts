// The single definition of the knowledge format. TypeScript types are inferred from these schemas;
// cross-file rules (unique ids, references) live in crosscheck.ts.
import { z, type Infer, type ZodString } from "../zod.js";

export const ENTRY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const entryId = z
  .string()
  .regex(ENTRY_ID_PATTERN, "id chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: dvc-muc-4)");

const text = z.string().trim().min(1, "không được để trống: hãy viết nội dung, hoặc xóa dòng này nếu trường không bắt buộc");

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** YAML reads `2020` as a number; periods and years are kept as text so one format covers all. */
const yamlScalarText = (schema: ZodString) =>
  z.preprocess((value) => (typeof value === "number" ? String(value) : value), schema);

/** A full date: YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "ngày phải viết dạng YYYY-MM-DD, ví dụ 2021-10-19")
  .refine((value) => {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    return isRealDate(y, m, d);
  }, "ngày này không có thật trên lịch");

/** A date that may be partial: YYYY, YYYY-MM or YYYY-MM-DD (sources and documents are not always dated to the day). */
export const partialDate = yamlScalarText(
  z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, "ngày phải viết dạng YYYY, YYYY-MM hoặc YYYY-MM-DD")
    .refine((value) => {
      const [y, m = 1, d = 1] = value.split("-").map(Number) as [number, number?, number?];
      return isRealDate(y, m, d);
    }, "ngày này không có thật trên lịch"),
);

/** The period a measurement refers to: a year, a quarter, a month or a day. */
export const period = yamlScalarText(
  z
    .string()
    .regex(
      /^\d{4}(?:-Q[1-4]|-\d{2}(?:-\d{2})?)?$/,
      "kỳ số liệu phải viết dạng YYYY, YYYY-Qn (quý), YYYY-MM hoặc YYYY-MM-DD",
    )
    .refine((value) => {
      if (/Q/.test(value)) return true;
      const [y, m = 1, d = 1] = value.split("-").map(Number) as [number, number?, number?];
      return isRealDate(y, m, d);
    }, "kỳ số liệu này không có thật trên lịch"),
);

const year = z.number().int().min(2000).max(2100);

/** How many provinces a provincial rank is counted among: 63 before the merger of 1/7/2025, 34 after. */
export const PROVINCES_RANKED = { "province-before-merger": 63, "province-after-merger": 34 } as const;

/**
 * Why a value cannot be a figure in this unit ("187,6%", rank 40 of 34), in an admin's words; undefined when it
 * can. A rank is checked against its own `outOf`, else against the provinces of its scope.
 */
export function valueOutOfRange(unit: Indicator["unit"], value: number, scope: Scope, outOf?: number): string | undefined {
  switch (unit) {
    case "percent":
      return value < 0 || value > 100 ? `Tỷ lệ phải từ 0 đến 100 (%), không thể là ${value}.` : undefined;
    case "rank": {
      const scale = outOf ?? (scope === "national" ? undefined : PROVINCES_RANKED[scope]);
      const fits = Number.isInteger(value) && value >= 1 && (scale === undefined || value <= scale);
      return fits ? undefined : `Thứ hạng phải là số nguyên từ 1${scale === undefined ? " trở lên" : ` đến ${scale}`}, không thể là ${value}.`;
    }
    case "index":
      return value < 0 ? `Chỉ số không thể âm (${value}).` : undefined;
  }
}

/** Which territory a number describes: the merger of 1/7/2025 changed what "Khánh Hòa" means. */
export const scope = z.enum(["province-before-merger", "province-after-merger", "national"]);

/** CONFIRMED facts may be stated plainly; WEAK ones only as "theo <nguồn>". */
export const confidence = z.enum(["confirmed", "weak"]);

export const pillar = z.enum(["chung", "chinh-quyen-so", "kinh-te-so", "xa-hoi-so"]);

const sourceRefs = z.array(entryId).min(1, "cần ít nhất một nguồn (id trong sources.yaml)");

/** Fields every knowledge entry shares. */
const entryBase = {
  id: entryId,
  sources: sourceRefs,
  confidence: confidence.default("confirmed"),
  /** Other ways people ask about this entry; the engine indexes them. */
  questions: z.array(text).default([]),
};

export const sourceSchema = z.strictObject({
  id: entryId,
  title: text,
  publisher: text,
  author: text.optional(),
  date: partialDate.optional(),
  url: z.url({ protocol: /^https?$/, message: "url không hợp lệ (phải bắt đầu bằng http:// hoặc https://)" }).optional(),
  /** The number of a legal document ("4636/KH-UBND"): with its full date it identifies a source that has no url. */
  number: text.optional(),
  kind: z.enum(["legal", "press", "report", "academic", "database"]),
  language: z.enum(["vi", "en"]).default("vi"),
  note: text.optional(),
});

export const documentSchema = z.strictObject({
  ...entryBase,
  number: text,
  kind: z.enum(["nghi-quyet", "quyet-dinh", "ke-hoach", "cong-van", "chuong-trinh"]),
  issuer: text,
  date: partialDate,
  title: text,
  /** Short names people use: "NQ16", "QĐ 749". */
  aliases: z.array(text).default([]),
  signer: text.optional(),
  periodFrom: year.optional(),
  periodTo: year.optional(),
  vision: year.optional(),
  scope,
  summary: text,
  details: z.array(text).default([]),
});

export const targetSchema = z.strictObject({
  year,
  scope,
  /** at-least ≥, more-than >, exactly =, top = rank within the best N, universal = "phổ cập" (no number). */
  comparator: z.enum(["at-least", "more-than", "exactly", "top", "universal"]),
  value: z.number().optional(),
  text,
  document: entryId.optional(),
  source: entryId,
  confidence: confidence.default("confirmed"),
  /** What is known about judging this target: a figure that exists elsewhere, where it would be published. */
  note: text.optional(),
});

export const measurementSchema = z.strictObject({
  period,
  value: z.number(),
  /** For ranks: the size of the ranking (63 provinces before the merger, 34 after). */
  outOf: z.number().int().positive().optional(),
  scope,
  /** Names the statistical series when sources measure the same thing differently (GSO vs ministry estimate). */
  series: text.optional(),
  source: entryId,
  confidence: confidence.default("confirmed"),
  note: text.optional(),
});

export const indicatorSchema = z
  .strictObject({
    ...entryBase,
    name: text,
    short: text,
    aliases: z.array(text).default([]),
    unit: z.enum(["percent", "rank", "index"]),
    direction: z.enum(["higher-better", "lower-better"]),
    pillar,
    description: text.optional(),
    targets: z.array(targetSchema).default([]),
    measurements: z.array(measurementSchema).default([]),
    /** What is known to be missing, said plainly when there are no measurements. */
    dataNote: text.optional(),
    /** When someone last looked for newer figures and found none: the latest value is not stale before a year from then. */
    checked: partialDate.optional(),
    /** Indicators that measure something close but different ("received" vs "resolved" online): never one series. */
    related: z.array(entryId).default([]),
  })
  .superRefine((indicator, ctx) => {
    indicator.targets.forEach((target, index) => {
      if (target.comparator !== "universal" && target.value === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["targets", index, "value"],
          message: `chỉ tiêu kiểu "${target.comparator}" cần có value`,
        });
      }
    });
    // A slip of the decimal point or a sign (187,6% or −5%) must not reach citizens.
    const figures = [
      ...indicator.targets.map((target, index) => ({ ...target, outOf: undefined, path: ["targets", index, "value"] })),
      ...indicator.measurements.map((m, index) => ({ ...m, path: ["measurements", index, "value"] })),
    ];
    for (const { value, scope, outOf, path } of figures) {
      const problem = value === undefined ? undefined : valueOutOfRange(indicator.unit, value, scope, outOf);
      if (problem) ctx.addIssue({ code: "custom", path, message: `${problem} Kiểm tra lại số trong nguồn.` });
    }
  });

export const goalSchema = z.strictObject({
  ...entryBase,
  year,
  pillar,
  text,
  document: entryId,
  /** The measurable indicator behind this goal, if there is one. */
  indicator: entryId.optional(),
  /** How the goal relates to the national programme (QĐ 749). */
  national: z
    .strictObject({
      /** not-compared: both targets are stated, but no source compares them. */
      relation: z.enum(["higher", "added", "different-basis", "same", "not-compared"]),
      text: text.optional(),
      document: entryId.optional(),
      source: entryId,
    })
    .optional(),
});

export const timelineEventSchema = z.strictObject({
  ...entryBase,
  date: partialDate,
  title: text,
  description: text.optional(),
  documents: z.array(entryId).default([]),
});

export const faqSchema = z.strictObject({
  ...entryBase,
  topic: entryId,
  questions: z.array(text).min(3, "mỗi mục hỏi đáp cần ít nhất 3 cách hỏi khác nhau"),
  answer: text,
  details: z.array(text).default([]),
  related: z.array(entryId).default([]),
  /** The answer also lists, target by target, whether these documents' targets for that year were reached. */
  results: z
    .strictObject({
      year,
      documents: z.array(entryId).min(1, "cần ít nhất một văn bản (id trong documents.yaml)"),
    })
    .optional(),
});

export const personSchema = z.strictObject({
  ...entryBase,
  name: text,
  role: text,
  roleAsOf: partialDate,
  said: text.optional(),
});

/**
 * Who held an office when. `from`/`until` when the source dates the start or the end; `asOf` when it only
 * shows the holder in office on that day. A person in people.yaml is named by id, anyone else (an agency) by name.
 */
export const holderSchema = z
  .strictObject({
    person: entryId.optional(),
    name: text.optional(),
    /** The title as the source gives it, when it says more than the office's name. */
    title: text.optional(),
    from: partialDate.optional(),
    until: partialDate.optional(),
    asOf: partialDate.optional(),
    source: entryId,
    confidence: confidence.default("confirmed"),
    note: text.optional(),
  })
  .superRefine((holder, ctx) => {
    if ((holder.person === undefined) === (holder.name === undefined)) {
      ctx.addIssue({ code: "custom", path: ["person"], message: "ghi đúng một trong hai: person (id trong people.yaml) hoặc name" });
    }
    if (holder.from === undefined && holder.asOf === undefined) {
      ctx.addIssue({ code: "custom", path: ["asOf"], message: "cần from (ngày bắt đầu giữ chức) hoặc asOf (ngày nguồn ghi nhận đang giữ chức)" });
    }
    if (holder.from !== undefined && holder.until !== undefined && holder.until < holder.from) {
      ctx.addIssue({ code: "custom", path: ["until"], message: "until phải sau from" });
    }
  });

/** A post (chairman of the provincial People's Committee) or a role an agency plays, and who held it when. */
export const officeSchema = z.strictObject({
  ...entryBase,
  name: text,
  aliases: z.array(text).default([]),
  /** The post or agency ended on this date (merged, renamed); `change` says what happened. */
  until: partialDate.optional(),
  change: text.optional(),
  /** Where newer information is published, said whenever the sources may be out of date. */
  whereToCheck: text.optional(),
  /** When someone last checked that the latest holder still holds it (a year from then it is not stale). */
  checked: partialDate.optional(),
  holders: z.array(holderSchema).min(1, "cần ít nhất một người (hoặc cơ quan) giữ chức, có ngày và nguồn"),
});

export const synonymSchema = z.strictObject({
  /** The form the engine understands, e.g. "dịch vụ công". */
  term: text,
  /** What people type instead: abbreviations, old names, common misspellings. */
  variants: z.array(text).min(1, "cần ít nhất một cách viết khác"),
});

/** Each file kind is a YAML list of one entry type; the kind comes from the file name (faq.yaml, faq-covid.yaml …). */
export const fileSchemas = {
  sources: z.array(sourceSchema),
  documents: z.array(documentSchema),
  indicators: z.array(indicatorSchema),
  goals: z.array(goalSchema),
  timeline: z.array(timelineEventSchema),
  faq: z.array(faqSchema),
  people: z.array(personSchema),
  offices: z.array(officeSchema),
  synonyms: z.array(synonymSchema),
} as const;

export type FileKind = keyof typeof fileSchemas;
export const FILE_KINDS = Object.keys(fileSchemas) as FileKind[];

export type Source = Infer<typeof sourceSchema>;
export type DocumentEntry = Infer<typeof documentSchema>;
export type Target = Infer<typeof targetSchema>;
export type Measurement = Infer<typeof measurementSchema>;
export type Indicator = Infer<typeof indicatorSchema>;
export type Goal = Infer<typeof goalSchema>;
export type TimelineEvent = Infer<typeof timelineEventSchema>;
export type FaqEntry = Infer<typeof faqSchema>;
export type Person = Infer<typeof personSchema>;
export type Holder = Infer<typeof holderSchema>;
export type Office = Infer<typeof officeSchema>;
export type Synonym = Infer<typeof synonymSchema>;
export type Scope = Infer<typeof scope>;
export type Confidence = Infer<typeof confidence>;
export type Pillar = Infer<typeof pillar>;

export interface Knowledge {
  readonly sources: readonly Source[];
  readonly documents: readonly DocumentEntry[];
  readonly indicators: readonly Indicator[];
  readonly goals: readonly Goal[];
  readonly timeline: readonly TimelineEvent[];
  readonly faq: readonly FaqEntry[];
  readonly people: readonly Person[];
  readonly offices: readonly Office[];
  readonly synonyms: readonly Synonym[];
  /** Content hash of the files: changes whenever the knowledge does. */
  readonly version: string;
  readonly loadedAt: string;
}
