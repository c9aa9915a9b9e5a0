// How much the store keeps at most, and the trimming of a file that holds more.
import type { StoreData } from "./schema.js";
import { rollUpUsage } from "./usage.js";

/**
 * What the store keeps at most, so db.json (rewritten whole on every write) and the heap (production caps it at
 * 96 MB) stay bounded whatever users send: the newest records of each list, and per user and day no more than
 * their share. npm run bench:flood fills every bound and reports the file size and the start time it gives.
 */
export const STORE_LIMITS = {
  /** Admin entries: a new one beyond this is refused, never an old one dropped. */
  measurements: 1_000,
  /** Question texts kept for review (unanswered, low confidence), newest first… */
  questions: 2_000,
  /** …and per user and day. Counters count every question regardless. */
  questionsPerUserDay: 20,
  votes: 3_000,
  votesPerUserDay: 30,
  /** Only a 👎 keeps its question, for the review; this long at most. */
  votedQuestionLength: 200,
  /** All chats together: a new subscription beyond this is refused. */
  subscriptions: 10_000,
  subscriptionChangesPerChatDay: 50,
  seenPerChannel: 5_000,
} as const;

/** Drops the oldest records beyond the limit; returns how many went. */
export function keepNewest(list: unknown[], limit: number): number {
  const over = list.length - limit;
  if (over > 0) list.splice(0, over);
  return Math.max(0, over);
}

/**
 * A file read at start may hold more than the limits (written by hand, or by a version without them): the
 * oldest records go, and what went is said, for the log.
 */
export function trimToLimits(data: StoreData, now: Date): string[] {
  const notes: string[] = [];
  const trim = (name: string, list: unknown[], limit: number) => {
    const dropped = keepNewest(list, limit);
    if (dropped > 0) notes.push(`${name}: ${dropped} oldest of ${dropped + limit} dropped`);
  };
  trim("measurements", data.measurements, STORE_LIMITS.measurements);
  trim("questions", data.questions, STORE_LIMITS.questions);
  trim("feedback", data.feedback, STORE_LIMITS.votes);
  trim("subscriptions", data.subscriptions, STORE_LIMITS.subscriptions);
  for (const [channel, ids] of Object.entries(data.seen)) trim(`seen.${channel}`, ids, STORE_LIMITS.seenPerChannel);
  const rolled = rollUpUsage(data.usage, now);
  if (rolled.days + rolled.months > 0) notes.push(`usage: ${rolled.days} days added into their months, ${rolled.months} months dropped`);
  return notes;
}
