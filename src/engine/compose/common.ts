// Pieces every composer shares: the composed-answer shape and source lists.
import type { DocumentEntry } from "../../knowledge/schema.js";
import type { Block, Intent } from "../answer.js";
import type { Lookup } from "../lookup.js";
import type { Slots } from "../understand.js";

/** What a composer produces; ask() adds `answered` and `confidence` and resolves source ids. */
export interface Composed {
  readonly intent: Intent;
  readonly blocks: readonly Block[];
  readonly sourceIds: readonly string[];
  readonly suggestions: readonly string[];
  readonly entries: readonly string[];
}

export interface ComposeContext {
  readonly lookup: Lookup;
  readonly slots: Slots;
  readonly today: Date;
}

export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** At most three follow-ups, never the question just answered. */
export function pickSuggestions(candidates: readonly (string | undefined)[], exclude: readonly string[] = EXCLUDE_NONE): string[] {
  const excluded = loweredLists.get(exclude) ?? lowered(exclude);
  // Lowering Vietnamese text is not cheap, and most answers exclude nothing.
  return unique(candidates.filter((text): text is string => !!text && (excluded.size === 0 || !excluded.has(text.toLowerCase())))).slice(0, 3);
}

/** One list for "nothing excluded", rather than a new one (and a new entry below) per answer. */
const EXCLUDE_NONE: readonly string[] = [];
/** Each list excluded, lowered once: an FAQ's phrasings (many, and long) are excluded from every answer it gives. */
const loweredLists = new WeakMap<readonly string[], ReadonlySet<string>>();
function lowered(list: readonly string[]): ReadonlySet<string> {
  const set = new Set(list.map((text) => text.toLowerCase()));
  loweredLists.set(list, set);
  return set;
}

const DOCUMENT_KINDS: Record<DocumentEntry["kind"], string> = {
  "nghi-quyet": "Nghị quyết",
  "quyet-dinh": "Quyết định",
  "ke-hoach": "Kế hoạch",
  "cong-van": "Công văn",
  "chuong-trinh": "Chương trình",
};

/** "Quyết định": what a document of this kind is called. */
export function documentKindName(kind: DocumentEntry["kind"]): string {
  return DOCUMENT_KINDS[kind];
}

/** "Quyết định 749/QĐ-TTg": a document as answers name it; one whose number the sources do not give, by its title. */
export function documentName(document: DocumentEntry): string {
  return /\d/.test(document.number) ? `${DOCUMENT_KINDS[document.kind]} ${document.number}` : `${document.title} (chưa rõ số hiệu)`;
}
