// The bot's runtime data (admin measurements, questions for review, feedback, usage counters, subscriptions,
// seen message ids) in one lowdb file, DATA_DIR/db.json. Nothing else touches that file.
//
// Every operation changes the in-memory data synchronously, then awaits persist(): one write at a time, the
// waiting ones folded into the next, each a temp file renamed over db.json (store-file.ts), so concurrent
// operations all land and each promise resolves once its change is on disk. Single process only.
// Invalid input throws a ZodError before anything changes. Await every returned promise: a failed write rejects.
// The records in the data's lists are never changed in place, only added or dropped: store-file.ts keeps the
// text of each record it has written and reuses it.
import { mkdir } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { join } from "node:path";
import { Low } from "lowdb";
import type { Scope } from "../knowledge/schema.js";
import type { Logger } from "../logger.js";
import { loadStoreFile } from "./load.js";
import { redactQuestion } from "./privacy.js";
import { groupForReview, type ReviewGroup, type ReviewItem } from "./review.js";
import {
  feedbackRecord,
  measurementInput,
  questionRecord,
  runtimeMeasurement,
  seenChannel,
  subscription,
  type Channel,
  type RuntimeMeasurement,
  type StoreData,
} from "./schema.js";
import { StoreFile } from "./store-file.js";
import { keepNewest, STORE_LIMITS } from "./limits.js";
import { DailyQuota } from "./quota.js";
import { bump, computeStats, countersFor, DAYS_KEPT, dayOf, rollUpUsage, type Stats } from "./usage.js";

export { STORE_LIMITS } from "./limits.js";

export type { Channel, RuntimeMeasurement } from "./schema.js";
export type { ReviewGroup, ReviewKind } from "./review.js";
export type { Stats } from "./usage.js";

export const DB_FILE = "db.json";
/** Answers below this confidence are shown to admins for review even though they were given. */
export const LOW_CONFIDENCE = 0.6;
const DEFAULT_RETENTION_DAYS = 90;
const DEFAULT_REVIEW_LIMIT = 20;
const DAY_MS = 24 * 3600_000;
/** Pause after a write, as a multiple of its duration: the store writes at most about 10% of the time. */
const WRITE_GAP_FACTOR = 9;
/**
 * …and long enough that the file is rewritten at no more than ~2 MB/s: a full file (~0.6 MB) written ten or
 * more times a second under load cost CPU and garbage for statistics that three writes a second keep as well.
 */
const MAX_WRITTEN_CHARS_PER_MS = 2_000;
const MAX_WRITE_GAP_MS = 1_000;

export interface StoreOptions {
  readonly dataDir: string;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** How long question texts are kept; counters are kept for good. */
  readonly retentionDays?: number;
}

export interface MeasurementInput {
  readonly indicator: string;
  readonly value: number;
  readonly period: string;
  readonly scope: Scope;
  readonly source: string;
  /** Opaque admin id, e.g. "tg:123". */
  readonly by: string;
}

export interface QuestionInput {
  readonly channel: Channel;
  readonly text: string;
  readonly intent: string;
  readonly entry?: string;
  readonly answered: boolean;
  readonly confidence: number;
  /** Opaque user key ("tg:123") for the daily share (none without it); never written. */
  readonly user?: string;
}

export interface FeedbackInput {
  /** One vote per answer, e.g. "tg:123:45" (chat id + message id). */
  readonly answerKey: string;
  readonly channel: Channel;
  readonly vote: "up" | "down";
  readonly question: string;
  readonly entry?: string;
  /** Opaque user (or chat) key for the daily share (none without it); never written. */
  readonly user?: string;
}

export type FeedbackResult = "recorded" | "duplicate" | "limit";
export type SubscribeResult = "added" | "exists" | "limit" | "full";

/** A list of the store is full and the new record is refused; the message is for the admin. */
export class StoreFullError extends Error {}

export interface StoreStatus {
  readonly file: string;
  /** Where a corrupt file found at open was moved. */
  readonly recoveredFrom?: string;
}

const questionInput = questionRecord.omit({ at: true, text: true });

export class Store {
  /** Seen ids per channel, oldest first (Set order). Copied into the data as each write starts. */
  private readonly seen = new Map<string, Set<string>>();
  private lastWrite: Promise<void> = Promise.resolve();
  /** The next write, not started yet: every change made until it starts is saved by it. */
  private queued: Promise<void> | undefined;
  private lastWriteEndedAt = 0;
  private lastWriteMs = 0;
  private nextPruneAt = 0;
  private readonly questionQuota = new DailyQuota(STORE_LIMITS.questionsPerUserDay);
  private readonly voteQuota = new DailyQuota(STORE_LIMITS.votesPerUserDay);
  private readonly subscriptionQuota = new DailyQuota(STORE_LIMITS.subscriptionChangesPerChatDay);

  private constructor(
    private readonly db: Low<StoreData>,
    private readonly file: StoreFile,
    readonly status: StoreStatus,
    private readonly logger: Logger,
    private readonly now: () => Date,
    private readonly retentionMs: number,
  ) {
    for (const [channel, ids] of Object.entries(db.data.seen)) this.seen.set(channel, new Set(ids));
  }

  static async open(options: StoreOptions): Promise<Store> {
    const now = options.now ?? (() => new Date());
    await mkdir(options.dataDir, { recursive: true });
    const file = join(options.dataDir, DB_FILE);
    const loaded = await loadStoreFile(file, options.logger, now);
    const status = loaded.recoveredFrom ? { file, recoveredFrom: loaded.recoveredFrom } : { file };
    const retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS;
    const storeFile = new StoreFile(file);
    const store = new Store(new Low(storeFile, loaded.data), storeFile, status, options.logger, now, retentionMs);
    // Writing at once prunes, stores a migration or a fresh file, and fails fast when DATA_DIR is not writable.
    await store.persist();
    return store;
  }

  // ── Measurements ──────────────────────────────────────────────────────────

  async addMeasurement(input: MeasurementInput): Promise<RuntimeMeasurement> {
    const data = this.db.data;
    if (data.measurements.length >= STORE_LIMITS.measurements) {
      throw new StoreFullError(`Đã có ${data.measurements.length} số liệu cập nhật, tối đa ${STORE_LIMITS.measurements}: hãy chuyển chúng vào knowledge/ (npm run kb:export) rồi xóa bớt (/xoa).`);
    }
    const fields = measurementInput.parse({
      indicator: input.indicator,
      value: input.value,
      period: input.period,
      scope: input.scope,
      source: input.source,
      by: input.by,
    });
    const measurement = runtimeMeasurement.parse({ id: `m${data.nextMeasurementId}`, ...fields, at: this.now().toISOString() });
    data.nextMeasurementId += 1;
    data.measurements.push(measurement);
    await this.persist();
    return measurement;
  }

  /** Accepts "m3" as typed ("M3", " m3 "). */
  async removeMeasurement(id: string): Promise<RuntimeMeasurement | undefined> {
    const measurements = this.db.data.measurements;
    const index = measurements.findIndex((measurement) => measurement.id === id.trim().toLowerCase());
    if (index === -1) return undefined;
    const [removed] = measurements.splice(index, 1);
    await this.persist();
    return removed;
  }

  /** Oldest first. */
  measurements(): readonly RuntimeMeasurement[] {
    return [...this.db.data.measurements];
  }

  // ── Questions and feedback ───────────────────────────────────────────────

  /** Counts every question; keeps the (redacted) text only of those worth reviewing. */
  async recordQuestion(input: QuestionInput): Promise<void> {
    const fields = questionInput.parse({
      channel: input.channel,
      intent: input.intent,
      entry: input.entry,
      answered: input.answered,
      confidence: input.confidence,
    });
    const at = this.now();
    const counters = countersFor(this.db.data.usage, dayOf(at), fields.channel);
    counters.questions += 1;
    if (fields.answered) counters.answered += 1;
    bump(counters.intents, fields.intent);
    if (fields.entry !== undefined) bump(counters.entries, fields.entry);
    const text = redactQuestion(input.text);
    const worthReview = !fields.answered || fields.confidence < LOW_CONFIDENCE;
    if (text !== "" && worthReview && (input.user === undefined || this.questionQuota.take(input.user, dayOf(at)))) {
      const questions = this.db.data.questions;
      questions.push({ at: at.toISOString(), channel: fields.channel, text, intent: fields.intent, entry: fields.entry, answered: fields.answered, confidence: fields.confidence });
    }
    // Returned, not awaited: this frame (and the input) need not live until the write, which may be ~100 ms away.
    return this.persist();
  }

  async recordFeedback(input: FeedbackInput): Promise<FeedbackResult> {
    const at = this.now();
    const record = feedbackRecord.parse({
      answerKey: input.answerKey,
      channel: input.channel,
      vote: input.vote,
      // A reviewer reads the questions that got a 👎; a 👍 needs only the entry it was given.
      question: input.vote === "down" ? redactQuestion(input.question).slice(0, STORE_LIMITS.votedQuestionLength) : "",
      entry: input.entry,
      at: at.toISOString(),
    });
    const data = this.db.data;
    if (data.feedback.some((feedback) => feedback.answerKey === record.answerKey)) return "duplicate";
    if (input.user !== undefined && !this.voteQuota.take(input.user, dayOf(at))) return "limit";
    data.feedback.push(record);
    countersFor(data.usage, dayOf(at), record.channel)[record.vote] += 1;
    await this.persist();
    return "recorded";
  }

  /** Unanswered, low-confidence and 👎 questions still within retention, similar ones grouped, most frequent first. */
  reviewQueue(limit = DEFAULT_REVIEW_LIMIT): ReviewGroup[] {
    const items: ReviewItem[] = [
      ...this.db.data.questions.map((question) => ({
        text: question.text,
        kind: question.answered ? ("low-confidence" as const) : ("unanswered" as const),
        at: question.at,
      })),
      ...this.db.data.feedback
        .filter((feedback) => feedback.vote === "down")
        .map((feedback) => ({ text: feedback.question, kind: "thumbs-down" as const, at: feedback.at })),
    ];
    return groupForReview(items, limit);
  }

  /** The last `days` Vietnam calendar days, today included. */
  stats(days = 7): Stats {
    return computeStats(this.db.data.usage, this.now(), Math.min(Math.max(Math.floor(days), 1), DAYS_KEPT));
  }

  // ── Subscriptions ─────────────────────────────────────────────────────────

  /** indicator "*" = every indicator. */
  async subscribe(chatKey: string, indicator: string): Promise<SubscribeResult> {
    const entry = subscription.parse({ chatKey, indicator });
    const subscriptions = this.db.data.subscriptions;
    if (subscriptions.some((s) => s.chatKey === entry.chatKey && s.indicator === entry.indicator)) return "exists";
    if (subscriptions.length >= STORE_LIMITS.subscriptions) return "full";
    if (!this.subscriptionQuota.take(entry.chatKey, dayOf(this.now()))) return "limit";
    subscriptions.push(entry);
    await this.persist();
    return "added";
  }

  /** Removes one subscription, or all of the chat's when no indicator is given; returns how many were removed. */
  async unsubscribe(chatKey: string, indicator?: string): Promise<number> {
    const data = this.db.data;
    const before = data.subscriptions.length;
    data.subscriptions = data.subscriptions.filter(
      (s) => s.chatKey !== chatKey || (indicator !== undefined && s.indicator !== indicator),
    );
    const removed = before - data.subscriptions.length;
    if (removed > 0) await this.persist();
    return removed;
  }

  /** Chat keys subscribed to this indicator or to "*", each once, oldest subscription first. */
  subscribersOf(indicator: string): string[] {
    const keys = this.db.data.subscriptions
      .filter((s) => s.indicator === indicator || s.indicator === "*")
      .map((s) => s.chatKey);
    return [...new Set(keys)];
  }

  /** For chats that blocked the bot. */
  async dropSubscriber(chatKey: string): Promise<void> {
    await this.unsubscribe(chatKey);
  }

  // ── Seen message ids (webhook redeliveries, replayed updates) ────────────

  hasSeen(channel: string, messageId: string): boolean {
    return this.seen.get(channel)?.has(messageId) ?? false;
  }

  /** Keeps the newest ids per channel (STORE_LIMITS). */
  async markSeen(channel: string, messageId: string): Promise<void> {
    let set = this.seen.get(channel);
    if (!set) {
      set = new Set<string>();
      this.seen.set(seenChannel.parse(channel), set);
    }
    if (set.has(messageId)) return this.flush();
    set.add(messageId);
    if (set.size > STORE_LIMITS.seenPerChannel) set.delete(set.values().next().value!);
    await this.persist();
  }

  // ── Persistence ───────────────────────────────────────────────────────────

  /** Resolves when every change made so far is on disk; rejects if the last write failed. */
  flush(): Promise<void> {
    return this.lastWrite;
  }

  /**
   * Coalesced and paced: while one write is under way, every change waits for the one next write, so the
   * whole file is serialised once per write rather than once per change; and the next write starts no
   * sooner than WRITE_GAP_FACTOR times the last write's duration after it, nor before the file's size at
   * MAX_WRITTEN_CHARS_PER_MS (at most MAX_WRITE_GAP_MS), so under a stream of changes the store spends about
   * a tenth of the time writing and a large file is written a few times a second. A promise still
   * resolves only once its change is on disk.
   */
  private persist(): Promise<void> {
    if (this.now().getTime() >= this.nextPruneAt) this.prune();
    if (this.queued) return this.queued;
    const next = this.lastWrite
      .catch(() => undefined)
      .then(async () => {
        const gap = Math.max(this.lastWriteMs * WRITE_GAP_FACTOR, this.file.lastWrittenLength / MAX_WRITTEN_CHARS_PER_MS);
        const wait = Math.min(this.lastWriteEndedAt + gap - performance.now(), MAX_WRITE_GAP_MS);
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        this.queued = undefined;
        this.compact();
        const started = performance.now();
        try {
          await this.db.write();
        } finally {
          this.lastWriteEndedAt = performance.now();
          this.lastWriteMs = this.lastWriteEndedAt - started;
        }
      });
    next.catch((error: unknown) => {
      this.logger.error({ err: error, file: this.status.file }, "could not save the data file; the change is kept in memory and retried with the next write");
    });
    this.queued = next;
    this.lastWrite = next;
    return next;
  }

  /**
   * Brings the data to what the file holds: the newest question texts and votes, and the seen ids from their
   * sets. Applied as each write starts, not on every change: cutting the front of a long array costs more than
   * the rest of recording a question.
   */
  private compact(): void {
    const data = this.db.data;
    keepNewest(data.questions, STORE_LIMITS.questions);
    keepNewest(data.feedback, STORE_LIMITS.votes);
    for (const [channel, ids] of this.seen) data.seen[channel] = [...ids];
  }

  /**
   * Drops question texts and votes older than the retention period and adds old days' counters into their
   * months. Runs at most once a day.
   */
  private prune(): void {
    const now = this.now();
    const cutoff = now.getTime() - this.retentionMs;
    const data = this.db.data;
    data.questions = data.questions.filter((question) => Date.parse(question.at) >= cutoff);
    data.feedback = data.feedback.filter((feedback) => Date.parse(feedback.at) >= cutoff);
    rollUpUsage(data.usage, now);
    this.nextPruneAt = now.getTime() + DAY_MS;
  }
}
