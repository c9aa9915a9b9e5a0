// The db.json format: one zod schema per file version and the steps that upgrade an older file to the current one.
import { z, type Infer, type ZodType } from "../zod.js";
import { ENTRY_ID_PATTERN, period, scope } from "../knowledge/schema.js";

export const SCHEMA_VERSION = 1;
export const QUESTION_TEXT_MAX = 500;

export const channel = z.enum(["tg", "zalo", "console", "web"]);
export type Channel = Infer<typeof channel>;

const isoTime = z.iso.datetime();
const count = z.number().int().nonnegative();
const name = z.string().trim().min(1).max(200);

/** What an admin types for a new number; also the v0 record shape (plus `at`). */
export const measurementInput = z.strictObject({
  indicator: z.string().regex(ENTRY_ID_PATTERN, "mã chỉ tiêu không hợp lệ"),
  value: z.number(),
  period,
  scope,
  source: z.string().trim().min(1, "cần ghi nguồn số liệu").max(500),
  /** Opaque id of the admin ("tg:123"), never a name. */
  by: name,
});

export const runtimeMeasurement = z.strictObject({
  /** Short enough to type in "/xoa m3"; never reused after removal. */
  id: z.string().regex(/^m\d+$/),
  ...measurementInput.shape,
  at: isoTime,
});
export type RuntimeMeasurement = Readonly<Infer<typeof runtimeMeasurement>>;

export const questionRecord = z.strictObject({
  at: isoTime,
  channel,
  text: z.string().min(1).max(QUESTION_TEXT_MAX),
  intent: name,
  entry: name.optional(),
  answered: z.boolean(),
  confidence: z.number().min(0).max(1),
});
export type QuestionRecord = Infer<typeof questionRecord>;

export const feedbackRecord = z.strictObject({
  answerKey: name,
  channel,
  vote: z.enum(["up", "down"]),
  /** May be empty when nothing was left after redaction. */
  question: z.string().max(QUESTION_TEXT_MAX),
  entry: name.optional(),
  at: isoTime,
});
export type FeedbackRecord = Infer<typeof feedbackRecord>;

/** One day on one channel; survives the pruning of question texts. */
export const dayCounters = z.strictObject({
  questions: count,
  answered: count,
  intents: z.record(z.string(), count),
  entries: z.record(z.string(), count),
  up: count,
  down: count,
});
export type DayCounters = Infer<typeof dayCounters>;

export const subscription = z.strictObject({ chatKey: name, indicator: name });

/** Channel names become object keys in `seen`, so nothing like "__proto__" may pass. */
export const seenChannel = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);

const storeFileV1 = z
  .strictObject({
    schemaVersion: z.literal(1),
    nextMeasurementId: z.number().int().positive(),
    measurements: z.array(runtimeMeasurement),
    questions: z.array(questionRecord),
    feedback: z.array(feedbackRecord),
    /** Vietnam day (YYYY-MM-DD), or a month (YYYY-MM) its old days were added into → channel → counters. */
    usage: z.record(z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/), z.partialRecord(channel, dayCounters)),
    subscriptions: z.array(subscription),
    /** Channel → handled message ids, oldest first. */
    seen: z.record(seenChannel, z.array(z.string())),
  })
  .superRefine((file, ctx) => {
    // A hand-edited counter below an existing id would hand out that id twice.
    const highest = Math.max(0, ...file.measurements.map((m) => Number(m.id.slice(1))));
    if (file.nextMeasurementId <= highest) {
      ctx.addIssue({ code: "custom", path: ["nextMeasurementId"], message: `must be above ${highest}` });
    }
  });
export type StoreData = Infer<typeof storeFileV1>;

/** Before versioning the file held only the admins' measurements, without ids. */
const storeFileV0 = z.strictObject({
  measurements: z.array(z.strictObject({ ...measurementInput.shape, at: isoTime })),
});

export function emptyStoreData(): StoreData {
  return {
    schemaVersion: SCHEMA_VERSION,
    nextMeasurementId: 1,
    measurements: [],
    questions: [],
    feedback: [],
    usage: {},
    subscriptions: [],
    seen: {},
  };
}

interface Migration {
  readonly from: number;
  run(raw: unknown): unknown;
}

/** Each step validates the shape it upgrades, so a damaged old file is caught, not half-migrated. */
function step<S extends ZodType>(from: number, input: S, up: (data: Infer<S>) => unknown): Migration {
  return { from, run: (raw) => up(input.parse(raw)) };
}

const MIGRATIONS: readonly Migration[] = [
  step(0, storeFileV0, (v0) => ({
    ...emptyStoreData(),
    schemaVersion: 1,
    nextMeasurementId: v0.measurements.length + 1,
    measurements: v0.measurements.map((measurement, index) => ({ id: `m${index + 1}`, ...measurement })),
  })),
];

export class StoreFileError extends Error {}

function versionOf(raw: unknown): number {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new StoreFileError("not a JSON object");
  if (!("schemaVersion" in raw)) return 0;
  const version = raw.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) {
    throw new StoreFileError(`bad schemaVersion ${JSON.stringify(version)}`);
  }
  if (version > SCHEMA_VERSION) {
    throw new StoreFileError(`schemaVersion ${version} was written by a newer version of the bot (this one knows ${SCHEMA_VERSION})`);
  }
  return version;
}

/** Parsed JSON of any known version → current data. Throws (ZodError or StoreFileError) when it is not valid. */
export function upgrade(raw: unknown): { data: StoreData; fromVersion: number } {
  const fromVersion = versionOf(raw);
  let current = raw;
  for (let version = fromVersion; version < SCHEMA_VERSION; version += 1) {
    const migration = MIGRATIONS.find((candidate) => candidate.from === version);
    if (!migration) throw new StoreFileError(`no migration from schemaVersion ${version}`);
    current = migration.run(current);
  }
  return { data: storeFileV1.parse(current), fromVersion };
}
