// Lexical search over short phrasings (questions, names, aliases): IDF-weighted token overlap, scored so that
// a question only matches when most of its content words are explained by one phrasing. Telex leftovers and
// words typed without a space are repaired exactly; fuse.js proposes a fix for other typos.
import Fuse from "fuse.js";
import { isFoldedDate, STOPWORDS, undoTelex } from "../text/normalize.js";
import { RecentResults } from "./recent.js";
import type { Aspect } from "./aspect.js";
import { isJoinedCompound, type QuestionKind } from "./understand.js";

export interface SearchDoc {
  readonly id: string;
  readonly kind: "indicator" | "goal" | "faq" | "document" | "person" | "office" | "event" | "topic";
  /** How the doc is offered in "Có phải bạn muốn hỏi…": a question a user could tap. */
  readonly prompt: string;
  readonly phrasings: readonly string[];
  /**
   * What the doc is about without being a way to ask for it (the documents that set an indicator's targets,
   * the issuer of a document…): a question word found here, or in another phrasing of the doc, is partly
   * explained, and a number found here is not missing.
   */
  readonly context?: readonly string[];
  /**
   * Years the doc is about, added to those its phrasings name. Topics leave it out: they are about
   * whichever year is asked.
   */
  readonly years?: readonly number[];
}

export interface SearchHit {
  readonly doc: SearchDoc;
  readonly score: number;
  /**
   * The share of the question (by word rarity) that the doc never mentions, in no phrasing and not in its
   * context: 0 when it explains every known word. Words the index has never seen are not counted here.
   */
  readonly unexplained?: number;
}

/** A text prepared for matching: its topic tokens (stopwords included) and the years it names. */
export interface PreparedText {
  readonly tokens: readonly string[];
  readonly years: readonly number[];
  /** About the whole country ("cả nước", "QĐ 749") rather than the province. */
  readonly national?: boolean;
  /** Names the province outright ("Khánh Hòa", "tỉnh mình"): a national phrasing is then a clearly weaker match. */
  readonly province?: boolean;
  /** The kind of reply asked for ("khi nào" → when), if the question words say. */
  readonly kind?: QuestionKind;
  /** About a past moment the conversation named ("lúc đó"). */
  readonly then?: boolean;
  /** performance.now() after which no more unknown words are repaired. */
  readonly repairDeadline?: number;
  /** What kind of answer is wanted (aspect.ts): an entry that cannot give it is a weaker match. */
  readonly aspect?: Aspect;
}

export interface QueryTerms {
  /** Content tokens after stopwords and typo repair. */
  readonly terms: readonly string[];
  /** Tokens that matched nothing in the index even after repair. */
  readonly unknown: readonly string[];
  /** Terms that came from a fuzzy (less certain) repair. */
  readonly repaired: ReadonlySet<string>;
}

/** Lists of numbers laid end to end: list i is values[from[i]] up to values[from[i + 1]]. */
interface Lists<T extends Int32Array | Float64Array> {
  readonly values: T;
  readonly from: Int32Array;
}

function laidOut<T extends Int32Array | Float64Array>(lists: readonly (readonly number[])[], make: (values: number[]) => T): Lists<T> {
  const from = new Int32Array(lists.length + 1);
  lists.forEach((list, index) => (from[index + 1] = from[index]! + list.length));
  return { values: make(lists.flat()), from };
}

const FUZZY_PENALTY = 0.8;
const MIN_FUZZY_LENGTH = 5;
const MAX_SHORT_TYPO_LENGTH = 4;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const MAX_FUZZY_SCORE = 0.2;
/**
 * Longer tokens get no repair at all: no Vietnamese word is this long, nor are a few of them typed without
 * spaces, and the work a repair may do grows with the length.
 */
const MAX_REPAIR_LENGTH = 32;
/**
 * Unknown words repaired in one question; any further ones stay unknown. Real questions have a few typos at
 * most (the eval sets need no more than 6 here), a flood of made-up words must not cost more than a few.
 */
const MAX_REPAIRS_PER_QUESTION = 8;
/** Recall counts more than precision: every content word of the question must be explained. */
const BETA_SQUARED = 3;
/** A number in the question ("QĐ 411", "nghị quyết 15") that the doc never mentions almost rules it out. */
const MISSING_NUMBER_PENALTY = 0.4;
/**
 * …and a document whose own phrasings lack it (only its summary cites "NQ 48") is likely another document
 * than the one named by that number.
 */
const NUMBER_ONLY_IN_CONTEXT_PENALTY = 0.9;
/** A question word the doc explains only outside the matched phrasing counts this much. */
const CONTEXT_WEIGHT = 0.5;
/** Small numbers ("3 trụ cột", "2 con số") are often written out in words, so they weigh less. */
const MISSING_SMALL_NUMBER_PENALTY = 0.75;
/** A doc about another year ("mục tiêu 2030" when 2025 is asked) is a weaker match… */
const OTHER_YEAR_PENALTY = 0.75;
/** …and one about no year at all a slightly weaker one. */
const NO_YEAR_PENALTY = 0.9;
/** A phrasing about a year the question does not name ("mục tiêu 2025" for "mục tiêu") is narrower than asked. */
const UNASKED_YEAR_PENALTY = 0.85;
/** An FAQ phrasing asking "which year" answers a question that already names its year less well. */
const YEAR_GIVEN_PENALTY = 0.9;
/** The penalty a doc takes for the years asked: none when it is about one of them or about any year (topics). */
function yearPenaltyOf(docYears: ReadonlySet<number> | undefined, aboutAsked: boolean): number {
  if (!docYears || aboutAsked) return 1;
  return docYears.size > 0 ? OTHER_YEAR_PENALTY : NO_YEAR_PENALTY;
}
/**
 * A phrasing about the nation answers a question about the province less well, and the other way round.
 * Indicators and overviews answer either scope, so they are exempt.
 */
const OTHER_SCOPE_PENALTY = 0.9;
/** …and weaker still when the question names the province outright. */
const NAMED_PROVINCE_PENALTY = 0.8;
const SCOPED_KINDS: ReadonlySet<SearchDoc["kind"]> = new Set(["goal", "faq", "document", "person", "office", "event"]);
/** Up to this much is added for reading alike word for word ("DTI là gì" is the FAQ, "DTI" the indicator). */
const SURFACE_BONUS = 0.02;
/** …and this much is taken off one asking another kind of thing ("bao nhiêu nhiệm vụ" is not "nhiệm vụ nào"). */
const OTHER_KIND_PENALTY = 0.03;
/** Matches scoring below this are never answers or clarify choices. */
const IRRELEVANT_SCORE = 0.1;
/** Phrasings this close to the best one are contenders for the surface bonus. */
const CONTENDER_GAP = 0.3;
/** On equal scores the thing itself wins over an FAQ or overview that mentions it. */
const KIND_ORDER: readonly SearchDoc["kind"][] = ["indicator", "goal", "document", "person", "office", "event", "topic", "faq"];

// Phrasing traits (bits).
const NAMES_YEARS = 1;
const ASKS_YEAR_OF_FAQ = 2;
const NATIONAL = 4;
const SCOPED = 8;

/** The topic and the rest of a question (ask.ts) are analysed in turn. */
const KEPT_ANALYSES = 2;

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, index) => token === b[index]);
}

const NONE = new Int32Array(0);

const isNumber = (token: string) => /^\d+$/.test(token);
const isSmallNumber = (token: string) => isNumber(token) && Number(token) <= 10;

export class SearchIndex {
  // Typed arrays: rank() walks the lists of every term of every question.
  private readonly postings: ReadonlyMap<string, Int32Array>;
  /** Term → docs that mention it in any phrasing or in their context. */
  private readonly docPostings: ReadonlyMap<string, Int32Array>;
  private readonly docTerms: ReadonlySet<string>[] = [];
  /** Terms of the doc's phrasings only, without its context. */
  private readonly phrasedTerms: ReadonlySet<string>[] = [];
  /** undefined: the doc fits any year. */
  private readonly docYears: (ReadonlySet<number> | undefined)[] = [];
  /** Year → the docs about it. */
  private readonly docsOfYear = new Map<number, number[]>();
  /** Each doc's position in `docs`, for the lookups the engine makes by doc. */
  private readonly positionOf: ReadonlyMap<SearchDoc, number>;
  /** Each doc's place in KIND_ORDER. */
  private readonly docRank: Int32Array;
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  /** Length of the longest known word: no part of a split is longer. */
  private readonly longestTerm: number;
  /** Every token of a phrasing, stopwords too, numbered for the surface likeness. */
  private readonly surfaceIds = new Map<string, number>();
  /** What undoTelex makes of each stopword, worked out once: every question is full of them. */
  private readonly stopwordTelex = new Map<string, string>();
  /**
   * Known words by first letter, for fuzzy repair: a repair keeps the first letter, so only those words can
   * be the one meant, and searching a twentieth of the vocabulary costs a twentieth.
   */
  private readonly vocabulary = new Map<string, Fuse<string>>();
  private readonly repairs = new Map<string, { terms: string[]; fuzzy: boolean } | null>();
  /**
   * The last analyses, newest first: one question's topic is analysed by its reading, its search and its
   * weighing, all with the question's repair deadline (part of the key, so no other question shares them).
   */
  private readonly analyses: { tokens: readonly string[]; deadline: number; terms: QueryTerms }[] = [];
  /** Recent results: a search depends on nothing but the prepared question. */
  private readonly results: RecentResults<readonly SearchHit[]>;
  // The phrasings, laid out for the scoring loop, which reads them for most phrasings of every search (reaching
  // an object per phrasing there cost more than the scoring itself): their doc, weight, traits (bits), the kind
  // of question they ask (kindCodes; 0 for none), the years they name, and their distinct tokens, stopwords too,
  // as surface ids: how they read, for telling near-equal matches apart.
  private readonly phrasingDoc: Int32Array;
  private readonly phrasingWeight: Float64Array;
  private readonly phrasingTraits: Uint8Array;
  private readonly phrasingKind: Uint8Array;
  private readonly kindCodes = new Map<QuestionKind, number>();
  private readonly phrasingYears: Lists<Float64Array>;
  private readonly phrasingSurface: Lists<Int32Array>;
  // Scratch space of rank(), reused by every search (one at a time): allocating it per search cost more than
  // the scoring. Each entry rank() sets is set back to 0 before it returns.
  private readonly phrasingGain: Float64Array;
  private readonly phrasingScore: Float64Array;
  /** The phrasings a search touched, and those it scored, in the order met (a third of all, for a typical question). */
  private readonly touched: Int32Array;
  private readonly scored: Int32Array;
  private readonly docGain: Float64Array;
  private readonly docBest: Float64Array;
  private readonly inQuestion: Uint8Array;
  // docPenalties()' own scratch space: its count and values per doc, and which docs have a number or year.
  private readonly penaltyCount: Int32Array;
  private penaltyValues = new Float64Array(0);
  private readonly docHas: Uint8Array;

  constructor(
    readonly docs: readonly SearchDoc[],
    /** The engine's text pipeline (fold, synonyms, slot phrases out); the same one runs on questions. */
    prepare: (text: string) => PreparedText,
    /** How many recent results to keep; 0 searches every time (the speed benchmark's worst case). */
    cacheSize: number,
  ) {
    this.results = new RecentResults(cacheSize);
    // Docs share texts (half the contexts are another doc's too): each is prepared once.
    const preparedTexts = new Map<string, PreparedText>();
    const prepareOnce = (text: string) => {
      let prepared = preparedTexts.get(text);
      if (prepared === undefined) preparedTexts.set(text, (prepared = prepare(text)));
      return prepared;
    };
    const docFrequency = new Map<string, number>();
    const postings = new Map<string, number[]>();
    const docPostings = new Map<string, number[]>();
    const phrasingTerms: ReadonlySet<string>[] = [];
    const phrasingDocs: number[] = [];
    const traits: number[] = [];
    const kinds: number[] = [];
    const years: (readonly number[])[] = [];
    const surfaces: number[][] = [];
    const idOf = <K,>(ids: Map<K, number>, key: K, first: number) => {
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size + first));
      return id;
    };
    docs.forEach((doc, docIndex) => {
      const inDoc = new Set<string>();
      const docYears = new Set(doc.years ?? []);
      for (const text of doc.phrasings) {
        const prepared = prepareOnce(text);
        for (const year of prepared.years) docYears.add(year);
        const terms = new Set(prepared.tokens.filter((token) => !STOPWORDS.has(token)));
        if (terms.size === 0) continue;
        const index = phrasingDocs.length;
        phrasingDocs.push(docIndex);
        phrasingTerms.push(terms);
        years.push(prepared.years);
        surfaces.push([...new Set(prepared.tokens)].map((token) => idOf(this.surfaceIds, token, 0)));
        kinds.push(prepared.kind ? idOf(this.kindCodes, prepared.kind, 1) : 0);
        traits.push(
          (prepared.years.length > 0 ? NAMES_YEARS : 0) |
            (prepared.kind === "when" && doc.kind === "faq" ? ASKS_YEAR_OF_FAQ : 0) |
            (prepared.national ? NATIONAL : 0) |
            (SCOPED_KINDS.has(doc.kind) ? SCOPED : 0),
        );
        for (const term of terms) {
          const list = postings.get(term) ?? [];
          list.push(index);
          postings.set(term, list);
          inDoc.add(term);
        }
      }
      this.phrasedTerms.push(new Set(inDoc));
      for (const text of doc.context ?? []) {
        for (const token of prepareOnce(text).tokens) if (!STOPWORDS.has(token)) inDoc.add(token);
      }
      for (const term of inDoc) docFrequency.set(term, (docFrequency.get(term) ?? 0) + 1);
      this.docTerms.push(inDoc);
      for (const term of inDoc) {
        const list = docPostings.get(term) ?? [];
        list.push(docIndex);
        docPostings.set(term, list);
      }
      this.docYears.push(doc.kind === "topic" ? undefined : docYears);
      if (doc.kind !== "topic") for (const year of docYears) this.docsOfYear.set(year, [...(this.docsOfYear.get(year) ?? []), docIndex]);
    });
    this.postings = new Map([...postings].map(([term, list]) => [term, Int32Array.from(list)]));
    this.docPostings = new Map([...docPostings].map(([term, list]) => [term, Int32Array.from(list)]));
    this.docRank = Int32Array.from(docs, (doc) => KIND_ORDER.indexOf(doc.kind));
    for (const [term, frequency] of docFrequency) this.idf.set(term, Math.log(1 + docs.length / frequency));
    this.maxIdf = Math.log(1 + docs.length);
    this.longestTerm = Math.max(0, ...[...this.idf.keys()].map((term) => term.length));
    this.phrasingDoc = Int32Array.from(phrasingDocs);
    this.phrasingWeight = Float64Array.from(phrasingTerms, (terms) => this.weightOf(terms));
    this.phrasingTraits = Uint8Array.from(traits);
    this.phrasingKind = Uint8Array.from(kinds);
    this.phrasingYears = laidOut(years, (values) => Float64Array.from(values));
    this.phrasingSurface = laidOut(surfaces, (values) => Int32Array.from(values));
    for (const stopword of STOPWORDS) this.stopwordTelex.set(stopword, undoTelex(stopword));
    const byFirstLetter = new Map<string, string[]>();
    for (const term of this.idf.keys()) if (term.length >= 3) byFirstLetter.set(term[0]!, [...(byFirstLetter.get(term[0]!) ?? []), term]);
    for (const [letter, words] of byFirstLetter) {
      this.vocabulary.set(letter, new Fuse(words, { includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 2 }));
    }
    this.phrasingGain = new Float64Array(phrasingDocs.length);
    this.phrasingScore = new Float64Array(phrasingDocs.length);
    this.touched = new Int32Array(phrasingDocs.length);
    this.scored = new Int32Array(phrasingDocs.length);
    this.docGain = new Float64Array(docs.length);
    this.docBest = new Float64Array(docs.length);
    this.inQuestion = new Uint8Array(this.surfaceIds.size);
    this.penaltyCount = new Int32Array(docs.length);
    this.docHas = new Uint8Array(docs.length);
    this.positionOf = new Map(docs.map((doc, position) => [doc, position]));
  }

  /** Whether the index has seen this word (in any phrasing or context). */
  knows(term: string): boolean {
    return this.idf.has(term);
  }

  /** What a doc's score lost for being about other years than those asked (1: nothing). */
  yearPenalty(doc: SearchDoc, years: readonly number[]): number {
    const docYears = this.docYears[this.positionOf.get(doc)!];
    return years.length === 0 ? 1 : yearPenaltyOf(docYears, years.some((year) => docYears?.has(year)));
  }

  /** Whether every token appears in one of the doc's phrasings or in its context. */
  mentions(doc: SearchDoc, folded: string): boolean {
    const terms = this.docTerms[this.positionOf.get(doc)!];
    return !!terms && folded.split(" ").every((token) => terms.has(token));
  }

  /** Jaccard similarity of the question's distinct tokens (marked in inQuestion, `size` of them) and a phrasing's. */
  private likeness(size: number, phrasing: number): number {
    const { inQuestion } = this;
    const { values, from } = this.phrasingSurface;
    let shared = 0;
    for (let at = from[phrasing]!; at < from[phrasing + 1]!; at++) shared += inQuestion[values[at]!]!;
    return shared / (size + from[phrasing + 1]! - from[phrasing]! - shared);
  }

  private weightOf(terms: Iterable<string>): number {
    let sum = 0;
    for (const term of terms) sum += this.idf.get(term) ?? this.maxIdf;
    return sum;
  }

  /**
   * Repair a word the index does not know: Telex leftovers and words typed without a space are exact
   * repairs; otherwise one fuzzy candidate from fuse.js, accepted only when it is very close. Short
   * Vietnamese syllables differ by one letter all the time (vàng/bằng, tiết/tiêu), so they are never fuzzed.
   */
  private repair(token: string): { terms: string[]; fuzzy: boolean } | null {
    const cached = this.repairs.get(token);
    if (cached !== undefined) return cached;
    let result: { terms: string[]; fuzzy: boolean } | null = null;
    if (token.length > MAX_REPAIR_LENGTH || isJoinedCompound(token)) return null;
    const parts = this.split(token);
    if (parts) result = { terms: parts, fuzzy: false };
    if (!result && token.length <= MAX_SHORT_TYPO_LENGTH && /^[a-z]+$/.test(token)) {
      const near = this.shortTypoRepair(token);
      if (near) result = { terms: [near], fuzzy: true };
    }
    if (!result && token.length >= MIN_FUZZY_LENGTH && token.length <= this.longestTerm + 1 && !/\d/.test(token)) {
      const best = this.vocabulary.get(token[0]!)?.search(token, { limit: 1 })[0];
      const close = best !== undefined && (best.score ?? 1) <= MAX_FUZZY_SCORE && Math.abs(best.item.length - token.length) <= 1;
      if (close) result = { terms: [best.item], fuzzy: true };
    }
    if (this.repairs.size > 10_000) this.repairs.clear();
    this.repairs.set(token, result);
    return result;
  }

  /**
   * A short syllable with a letter left out or two letters swapped ("nih", "tiu", "bna"): the most common
   * known word one insertion or one swap away. Dropping a letter is not tried: a shorter syllable is
   * usually another real word.
   */
  private shortTypoRepair(token: string): string | null {
    let best: string | null = null;
    const consider = (candidate: string) => {
      const idf = this.idf.get(candidate);
      if (candidate.length < 3 || idf === undefined) return;
      if (best === null || idf < this.idf.get(best)! || (idf === this.idf.get(best) && candidate < best)) best = candidate;
    };
    for (let at = 0; at <= token.length; at++) {
      for (const letter of LETTERS) {
        // "ngan"/"ngành", "ben"/"bệnh": a final n or c grown into nh, ng or ch is another word, not a typo.
        if (at === token.length && (letter === "h" || letter === "g")) continue;
        consider(token.slice(0, at) + letter + token.slice(at));
      }
    }
    for (let at = 0; at + 1 < token.length; at++) consider(token.slice(0, at) + token[at + 1] + token[at] + token.slice(at + 2));
    return best;
  }

  /**
   * "dichvucong" → ["dich", "vu", "cong"] when every part is a known word; of several ways, the one with the
   * shortest first parts. Solved from the end, each position once: tries every cut only as far as the longest
   * known word reaches, so a long token costs its length times that, never the number of ways to cut it.
   */
  private split(token: string): string[] | null {
    const length = token.length;
    if (length < 4) return null;
    // cutAt[start]: where the first part of token.slice(start) ends in its split; -1 when it has none.
    const cutAt = new Int32Array(length).fill(-1);
    // whole[start]: the rest after that first part is one known word (no further split needed).
    const whole = new Uint8Array(length);
    for (let start = length - 4; start >= 0; start--) {
      const last = Math.min(length - 1, start + this.longestTerm);
      for (let cut = start + 2; cut <= last; cut++) {
        if (!this.idf.has(token.slice(start, cut))) continue;
        if (this.idf.has(token.slice(cut))) {
          whole[start] = 1;
        } else if (cutAt[cut] === -1) {
          continue;
        }
        cutAt[start] = cut;
        break;
      }
    }
    if (cutAt[0] === -1) return null;
    const parts: string[] = [];
    let start = 0;
    while (!whole[start]) {
      parts.push(token.slice(start, cutAt[start]));
      start = cutAt[start]!;
    }
    parts.push(token.slice(start, cutAt[start]), token.slice(cutAt[start]!));
    return parts;
  }

  /**
   * Maps the question's tokens onto the index vocabulary: Telex first, then stopwords, then typo repair, as
   * long as the question's repairs and time last.
   */
  analyze(questionTokens: readonly string[], repairDeadline = Number.POSITIVE_INFINITY): QueryTerms {
    const known = this.analyses.find((analysis) => analysis.deadline === repairDeadline && sameTokens(analysis.tokens, questionTokens));
    if (known) return known.terms;
    const terms = this.analyzeAfresh(questionTokens, repairDeadline);
    this.analyses.unshift({ tokens: [...questionTokens], deadline: repairDeadline, terms });
    this.analyses.length = Math.min(this.analyses.length, KEPT_ANALYSES);
    return terms;
  }

  private analyzeAfresh(questionTokens: readonly string[], repairDeadline: number): QueryTerms {
    const terms: string[] = [];
    const unknown: string[] = [];
    const repaired = new Set<string>();
    let repairs = 0;
    for (const raw of questionTokens) {
      const telex = this.idf.has(raw) ? raw : (this.stopwordTelex.get(raw) ?? undoTelex(raw));
      const token = this.idf.has(telex) || STOPWORDS.has(telex) ? telex : raw;
      if (STOPWORDS.has(token)) continue;
      if (this.idf.has(token)) {
        terms.push(token);
        continue;
      }
      // A day no entry is dated ("tính đến 26/10/2025") is no word unknown: its year stands beside it.
      if (isFoldedDate(Number(token))) continue;
      const fixed = repairs++ < MAX_REPAIRS_PER_QUESTION && performance.now() < repairDeadline ? this.repair(token) : null;
      if (!fixed) {
        unknown.push(token);
        continue;
      }
      for (const term of fixed.terms) {
        terms.push(term);
        if (fixed.fuzzy) repaired.add(term);
      }
    }
    return { terms: [...new Set(terms)], unknown, repaired };
  }

  /** How much of a question the index knows, and how much it has never seen, by word rarity. */
  weigh(question: PreparedText): { known: number; unknown: number } {
    const { terms, unknown } = this.analyze(question.tokens, question.repairDeadline);
    const known = this.weightOf(terms);
    return { known, unknown: unknown.length * this.maxIdf };
  }

  /** Best phrasing per doc, scored 0..1; docs sorted best first. */
  search(question: PreparedText, limit = 5): SearchHit[] {
    const key = `${question.tokens.join(" ")}|${question.years.join(" ")}|${question.national ? 1 : 0}${question.province ? 1 : 0}|${question.kind ?? ""}|${limit}`;
    // A copy: callers reorder the hits they get.
    return [...this.results.get(key, () => this.rank(question, limit))];
  }

  private rank(question: PreparedText, limit: number): SearchHit[] {
    const { terms, unknown, repaired } = this.analyze(question.tokens, question.repairDeadline);
    if (terms.length === 0) return [];
    const queryWeight = this.weightOf(terms) + unknown.length * this.maxIdf;
    const numbers = [...terms, ...unknown].filter(isNumber);
    const { phrasingDoc, phrasingWeight, phrasingTraits, phrasingKind, phrasingGain, phrasingScore, docGain, docBest, inQuestion, touched, scored } = this;
    let touchedCount = 0;
    // A small number alone ("1 + 1 bằng mấy" and "NQ 01") is no match: it takes a word as well. Numbers
    // are added last, so only phrasings a word touched are scored.
    const ordered = [...terms.filter((term) => !isSmallNumber(term)), ...terms.filter(isSmallNumber)];
    for (const term of ordered) {
      const gain = (this.idf.get(term) ?? 0) * (repaired.has(term) ? FUZZY_PENALTY : 1);
      const small = isSmallNumber(term);
      const phrasings = this.postings.get(term) ?? NONE;
      for (let at = 0; at < phrasings.length; at++) {
        const index = phrasings[at]!;
        if (phrasingGain[index] === 0) {
          if (small) continue;
          touched[touchedCount++] = index;
        }
        phrasingGain[index] = phrasingGain[index]! + gain;
      }
      const docs = this.docPostings.get(term) ?? NONE;
      for (let at = 0; at < docs.length; at++) docGain[docs[at]!] = docGain[docs[at]!]! + gain;
    }
    // What each doc's numbers and years take off its phrasings' scores, in the order they are applied.
    const penalties = numbers.length > 0 || question.years.length > 0 ? this.docPenalties(numbers, question.years) : undefined;
    // Read once, not per phrasing: prepared questions come in many shapes, so each read of one is a slow lookup.
    const { years, kind: askedKind } = question;
    const asksNational = !!question.national;
    const namesProvince = !!question.province;
    const yearGiven = askedKind !== "when" && years.length > 0;
    let scoredCount = 0;
    let top = 0;
    for (let at = 0; at < touchedCount; at++) {
      const index = touched[at]!;
      const gain = phrasingGain[index]!;
      const doc = phrasingDoc[index]!;
      const elsewhere = docGain[doc]! - gain;
      const recall = (gain + CONTEXT_WEIGHT * elsewhere) / queryWeight;
      // With perfect precision the score could reach this much; far below the best it cannot matter.
      if (((1 + BETA_SQUARED) * recall) / (BETA_SQUARED + recall) < IRRELEVANT_SCORE) continue;
      const precision = gain / phrasingWeight[index]!;
      let score = ((1 + BETA_SQUARED) * precision * recall) / (BETA_SQUARED * precision + recall);
      if (penalties) for (let at = doc * penalties.stride, end = at + penalties.count[doc]!; at < end; at++) score *= penalties.values[at]!;
      const traits = phrasingTraits[index]!;
      if (traits & NAMES_YEARS && this.namesOtherYear(index, years)) score *= UNASKED_YEAR_PENALTY;
      // A question naming its year ("tầm nhìn 2030 của NQ16") is not asking which year it is.
      if (traits & ASKS_YEAR_OF_FAQ && yearGiven) score *= YEAR_GIVEN_PENALTY;
      const national = (traits & NATIONAL) !== 0;
      if (national !== asksNational && traits & SCOPED) score *= national && namesProvince ? NAMED_PROVINCE_PENALTY : OTHER_SCOPE_PENALTY;
      // A score below this matters nowhere, not even as the best (then nothing matters).
      if (score < IRRELEVANT_SCORE) continue;
      phrasingScore[index] = score;
      scored[scoredCount++] = index;
      if (score > top) top = score;
    }
    // The surface bonus only reorders near-equal matches, so it is computed for the contenders only.
    const surface = new Set(question.tokens);
    const marked: number[] = [];
    for (const token of surface) {
      const id = this.surfaceIds.get(token);
      if (id !== undefined) marked.push(id);
    }
    for (const id of marked) inQuestion[id] = 1;
    // Docs in the order they first got a score: the sort below keeps that order among equals.
    const bestDocs: number[] = [];
    const questionKind = askedKind ? (this.kindCodes.get(askedKind) ?? -1) : 0;
    for (let at = 0; at < scoredCount; at++) {
      const index = scored[at]!;
      const score = phrasingScore[index]!;
      const kind = phrasingKind[index]!;
      const final =
        score >= top - CONTENDER_GAP
          ? score + SURFACE_BONUS * this.likeness(surface.size, index) + (questionKind !== 0 && kind !== 0 && kind !== questionKind ? -OTHER_KIND_PENALTY : 0)
          : score;
      const doc = phrasingDoc[index]!;
      if (final > docBest[doc]!) {
        if (docBest[doc] === 0) bestDocs.push(doc);
        docBest[doc] = final;
      }
    }
    const unexplained = (doc: number) => {
      // A word the index has never seen is explained by no doc.
      let worst = unknown.length * this.maxIdf;
      for (const term of terms) if (!this.docTerms[doc]!.has(term)) worst += this.idf.get(term) ?? 0;
      return worst / queryWeight;
    };
    const hits = this.best(bestDocs, limit).map((doc) => ({ doc: this.docs[doc]!, score: Math.min(1, docBest[doc]!), unexplained: unexplained(doc) }));
    for (let at = 0; at < touchedCount; at++) phrasingGain[touched[at]!] = 0;
    docGain.fill(0);
    for (const doc of bestDocs) docBest[doc] = 0;
    for (const id of marked) inQuestion[id] = 0;
    return hits;
  }

  /** Whether a phrasing names a year the question does not. */
  private namesOtherYear(phrasing: number, asked: readonly number[]): boolean {
    const { values, from } = this.phrasingYears;
    for (let at = from[phrasing]!; at < from[phrasing + 1]!; at++) if (!asked.includes(values[at]!)) return true;
    return false;
  }

  /**
   * The `limit` best of the docs scored in docBest, best first; on equal scores by KIND_ORDER, then in the order
   * given. Picked by insertion: there are many docs, and few are wanted.
   */
  private best(docs: readonly number[], limit: number): number[] {
    const { docBest, docRank } = this;
    const picked: number[] = [];
    for (const doc of docs) {
      let at = picked.length;
      while (at > 0 && (docBest[doc]! > docBest[picked[at - 1]!]! || (docBest[doc] === docBest[picked[at - 1]!] && docRank[doc]! < docRank[picked[at - 1]!]!))) at--;
      if (at < limit) {
        picked.splice(at, 0, doc);
        if (picked.length > limit) picked.pop();
      }
    }
    return picked;
  }

  /**
   * The penalties each doc's phrasings take, in the order they apply: for each of the question's numbers the doc
   * lacks, then for the question's years when the doc is about others. Doc d's are values[d * stride] onwards,
   * count[d] of them. The arrays are the index's scratch space, valid until the next search.
   */
  private docPenalties(numbers: readonly string[], years: readonly number[]): { count: Int32Array; values: Float64Array; stride: number } {
    const docs = this.docs.length;
    const stride = numbers.length + 1;
    const { penaltyCount: count, docHas: having } = this;
    count.fill(0);
    if (this.penaltyValues.length < docs * stride) this.penaltyValues = new Float64Array(docs * stride);
    const values = this.penaltyValues;
    const add = (doc: number, penalty: number) => (values[doc * stride + count[doc]!++] = penalty);
    for (const number of numbers) {
      const holders = this.docPostings.get(number) ?? [];
      for (const doc of holders) having[doc] = 1;
      const missing = Number(number) > 10 ? MISSING_NUMBER_PENALTY : MISSING_SMALL_NUMBER_PENALTY;
      for (let doc = 0; doc < docs; doc++) {
        if (!having[doc]) add(doc, missing);
        else if (this.docs[doc]!.kind === "document" && !this.phrasedTerms[doc]!.has(number)) add(doc, NUMBER_ONLY_IN_CONTEXT_PENALTY);
      }
      for (const doc of holders) having[doc] = 0;
    }
    if (years.length > 0) {
      for (const year of years) for (const doc of this.docsOfYear.get(year) ?? []) having[doc] = 1;
      for (let doc = 0; doc < docs; doc++) {
        const penalty = yearPenaltyOf(this.docYears[doc], having[doc] === 1);
        if (penalty < 1) add(doc, penalty);
      }
      having.fill(0);
    }
    return { count, values, stride };
  }
}
