// Compact per-day, per-channel usage counters and the statistics read from them. They outlive the
// pruned question texts, so stats cover any period.
import type { Channel, DayCounters, StoreData } from "./schema.js";

type Usage = StoreData["usage"];

export interface DayStats {
  readonly day: string;
  readonly questions: number;
  readonly answered: number;
}

export interface Stats {
  /** Oldest day first, every day of the period even when empty. */
  readonly perDay: DayStats[];
  /** answered / questions over the period; 0 when there were none. */
  readonly answeredShare: number;
  readonly topTopics: { readonly entry: string; readonly count: number }[];
  readonly feedback: { readonly up: number; readonly down: number };
  readonly perChannel: Record<string, { questions: number; answered: number }>;
}

const DAY_MS = 24 * 3600_000;
/** Days kept one by one; older days are added into their month. */
export const DAYS_KEPT = 92;
/** Months kept; older ones are dropped. */
export const MONTHS_KEPT = 120;
// Vietnam has no daylight saving time, so a fixed offset gives the local calendar day.
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const TOP_TOPICS = 5;

/** The last day computed: every question asks, and nearly all of them ask about today. */
let lastDay = { index: Number.NaN, text: "" };

export function dayOf(date: Date): string {
  const local = date.getTime() + VIETNAM_OFFSET_MS;
  const index = Math.floor(local / DAY_MS);
  if (index !== lastDay.index) lastDay = { index, text: new Date(local).toISOString().slice(0, 10) };
  return lastDay.text;
}

export function countersFor(usage: Usage, day: string, channel: Channel): DayCounters {
  const channels = (usage[day] ??= {});
  return (channels[channel] ??= emptyCounters());
}

/** hasOwn: an id such as "constructor" must not read the prototype. */
export function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (Object.hasOwn(counts, key) ? (counts[key] ?? 0) : 0) + by;
}

/**
 * Days older than DAYS_KEPT are added into their month ("2026-03"), months older than MONTHS_KEPT dropped, so
 * the counters stay a bounded size however long the bot runs. Returns how many days and months went.
 */
export function rollUpUsage(usage: Usage, now: Date): { days: number; months: number } {
  const oldestDay = dayOf(new Date(now.getTime() - (DAYS_KEPT - 1) * DAY_MS));
  const today = dayOf(now);
  const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const oldestMonth = monthIndex(today) - (MONTHS_KEPT - 1);
  let days = 0;
  let months = 0;
  for (const key of Object.keys(usage)) {
    if (key.length === 10 && key < oldestDay) {
      const month = (usage[key.slice(0, 7)] ??= {});
      for (const [channel, counters] of Object.entries(usage[key] ?? {}) as [Channel, DayCounters][]) {
        addCounters((month[channel] ??= emptyCounters()), counters);
      }
      delete usage[key];
      days += 1;
    }
  }
  for (const key of Object.keys(usage)) {
    if (key.length === 7 && monthIndex(key) < oldestMonth) {
      delete usage[key];
      months += 1;
    }
  }
  return { days, months };
}

function emptyCounters(): DayCounters {
  return { questions: 0, answered: 0, intents: {}, entries: {}, up: 0, down: 0 };
}

function addCounters(into: DayCounters, from: DayCounters): void {
  into.questions += from.questions;
  into.answered += from.answered;
  into.up += from.up;
  into.down += from.down;
  for (const [key, count] of Object.entries(from.intents)) bump(into.intents, key, count);
  for (const [key, count] of Object.entries(from.entries)) bump(into.entries, key, count);
}

export function computeStats(usage: Usage, now: Date, days: number): Stats {
  const perDay: DayStats[] = [];
  const topics = new Map<string, number>();
  const perChannel: Record<string, { questions: number; answered: number }> = {};
  const feedback = { up: 0, down: 0 };
  let questions = 0;
  let answered = 0;
  for (let back = days - 1; back >= 0; back -= 1) {
    const day = dayOf(new Date(now.getTime() - back * DAY_MS));
    const today = { day, questions: 0, answered: 0 };
    for (const [channel, counters] of Object.entries(Object.hasOwn(usage, day) ? (usage[day] ?? {}) : {})) {
      today.questions += counters.questions;
      today.answered += counters.answered;
      feedback.up += counters.up;
      feedback.down += counters.down;
      const total = (perChannel[channel] ??= { questions: 0, answered: 0 });
      total.questions += counters.questions;
      total.answered += counters.answered;
      for (const [entry, count] of Object.entries(counters.entries)) topics.set(entry, (topics.get(entry) ?? 0) + count);
    }
    questions += today.questions;
    answered += today.answered;
    perDay.push(today);
  }
  const topTopics = [...topics]
    .map(([entry, count]) => ({ entry, count }))
    .sort((a, b) => b.count - a.count || a.entry.localeCompare(b.entry))
    .slice(0, TOP_TOPICS);
  return { perDay, answeredShare: questions === 0 ? 0 : answered / questions, topTopics, feedback, perChannel };
}
