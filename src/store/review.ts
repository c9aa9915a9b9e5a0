// Groups the questions an admin should look at, so that one gap in the knowledge shows up once with its count
// however people typed it (with or without marks, other word order, a polite "ạ" more or less).
import { fold, STOPWORDS, tokens } from "../text/normalize.js";

export type ReviewKind = "unanswered" | "low-confidence" | "thumbs-down";

export interface ReviewItem {
  readonly text: string;
  readonly kind: ReviewKind;
  readonly at: string;
}

export interface ReviewGroup {
  /** The most recent wording. */
  readonly example: string;
  readonly count: number;
  readonly kinds: ReviewKind[];
  readonly lastAt: string;
}

const SIMILAR = 0.6;
const KIND_ORDER: readonly ReviewKind[] = ["unanswered", "low-confidence", "thumbs-down"];

/**
 * Sorted folded token set. Stopwords are left out so that "cho em hỏi X là gì" and "cho em hỏi Y là gì" differ,
 * unless the question has nothing else.
 */
export function signature(text: string): string[] {
  const all = [...new Set(tokens(fold(text)))].sort();
  const content = all.filter((token) => !STOPWORDS.has(token));
  return content.length > 0 ? content : all;
}

function jaccard(a: ReadonlySet<string>, b: readonly string[]): number {
  const shared = b.filter((token) => a.has(token)).length;
  return shared / (a.size + b.length - shared);
}

interface Group {
  readonly example: string;
  readonly lastAt: string;
  readonly tokens: ReadonlySet<string>;
  readonly kinds: Set<ReviewKind>;
  count: number;
}

/** Greedy clustering, newest first: each question joins the most similar group seen so far or starts one. */
export function groupForReview(items: readonly ReviewItem[], limit: number): ReviewGroup[] {
  const groups: Group[] = [];
  // Token → groups containing it: similar sets share a token, so only those are compared.
  const byToken = new Map<string, Group[]>();
  const newestFirst = [...items].sort((a, b) => b.at.localeCompare(a.at));
  for (const item of newestFirst) {
    const sig = signature(item.text);
    if (sig.length === 0) continue;
    let best: Group | undefined;
    let bestScore = 0;
    for (const candidate of new Set(sig.flatMap((token) => byToken.get(token) ?? []))) {
      const score = jaccard(candidate.tokens, sig);
      if (score >= SIMILAR && score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (!best) {
      best = { example: item.text, lastAt: item.at, tokens: new Set(sig), kinds: new Set(), count: 0 };
      groups.push(best);
      for (const token of sig) {
        const list = byToken.get(token);
        if (list) list.push(best);
        else byToken.set(token, [best]);
      }
    }
    best.count += 1;
    best.kinds.add(item.kind);
  }
  return groups
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt))
    .slice(0, limit)
    .map((group) => ({
      example: group.example,
      count: group.count,
      kinds: KIND_ORDER.filter((kind) => group.kinds.has(kind)),
      lastAt: group.lastAt,
    }));
}
