// ask(question, conversation) → Answer: the one entry point every channel calls.
import type { DocumentEntry, FaqEntry, Indicator, Knowledge, Scope } from "../knowledge/schema.js";
import { clean, escapeRegExp, fold, hasNoWords, isAscii, isFoldedDate, keystrokeRepairs, numbersIn, STOPWORDS, tokens } from "../text/normalize.js";
import { coreQuestion, hasQuestionWord, MARKED_QUESTION_PHRASES, type CoreQuestion } from "../text/courtesy.js";
import { createMarkedFilter, FOREIGN_MARK } from "../text/marks.js";
import { ANOTHER_PROVINCE, MERGED_PROVINCE, otherProvinces } from "../text/places.js";
import { claimedNames } from "../text/claimed-names.js";
import { createSynonymExpander } from "../text/synonyms.js";
import type { Answer, AnswerSource, Block } from "./answer.js";
import { chartFor } from "./chart-fit.js";
import { combineAnswers } from "./combine.js";
import { attribute, citeSource, formatDate, isProvincial } from "./format.js";
import { isCommand, parseCommand, type CommandRequest } from "./commands.js";
import { documentKindName, documentName, unique, type ComposeContext, type Composed } from "./compose/common.js";
import { composeDocument, composeEvent, composeFaq, composeOrder, composePerson } from "./compose/entries.js";
import { composeComparison, composeGoal, composeGoalsOverview, MAIN_RESOLUTION, NATIONAL_PROGRAMME } from "./compose/goals.js";
import { composeIndicator } from "./compose/indicator.js";
import { composeAgainst, composeMixedMeasures, noteValues } from "./compose/indicator-answer.js";
import { composeOffice } from "./compose/offices.js";
import { composeSources, composeStatusAll, composeTimeline } from "./compose/overviews.js";
import { composeClarify, composeFallback, composeHelp, composeInvalid, composeOffTopic, composeSmallTalk, composeUsage } from "./compose/replies.js";
import { createConversation, recentTurn, type Conversation } from "./conversation.js";
import { createLookup, type Lookup } from "./lookup.js";
import { tenures } from "./office-holders.js";
import { RecentResults } from "./recent.js";
import { buildSearchDocs } from "./search-docs.js";
import { SearchIndex, type PreparedText, type SearchDoc, type SearchHit } from "./search-index.js";
import type { Aspect } from "./aspect.js";
import { decisionFeatures, DECISION_MODEL, probability } from "./decision.js";
import { offTopicRequest, type OffTopic } from "./off-topic.js";
import { focusName, focusOf, isBareQuestion, pointsBack, resolveReferences, type Focus } from "./focus.js";
import { MARKED_HEARSAY_PHRASES, perPillar, PROVINCE_WORDS, readPhrasing, understand, withCalendarYears, withPillar, withYearsAround, type QuestionKind, type Slots, type Understanding } from "./understand.js";

export interface EngineOptions {
  /** Injected so verdicts ("the 2025 target year is over") are testable. */
  readonly now?: () => Date;
  readonly maxQuestionLength?: number;
  /** Recent questions whose reading and search results are kept (default 5,000); 0 turns both caches off. */
  readonly cacheSize?: number;
  /** How long typo repair may take for one question; words not repaired by then stay unknown (default 20 ms). */
  readonly repairBudgetMs?: number;
}

/** What every channel calls: one question in the context of one chat, one structured answer out. */
export type Ask = (question: string, conversation: Conversation) => Answer;

/** What the search made of a question: for admins tuning phrasings (npm run ask -- --explain). */
export interface Explanation {
  readonly terms: readonly string[];
  readonly unknown: readonly string[];
  readonly slots: Slots;
  readonly hits: readonly { id: string; score: number; unexplained?: number }[];
  /**
   * The decision's features and probability for the best match, and the entry an answer from it would name
   * (bench/train.ts fits the model on them).
   */
  readonly decision: { readonly top?: string; readonly entry?: string; readonly features: readonly number[]; readonly probability: number };
}

export interface Engine {
  readonly knowledge: Knowledge;
  ask(question: string, conversation?: Conversation): Answer;
  explain(question: string): Explanation;
}

/** Scores at or above this answer directly; calibrated on bench/eval (see docs/performance.md). */
export const ANSWER_THRESHOLD = 0.55;
/** Below this, a runner-up closer than MARGIN that is not related to the best match means "not sure". */
const SURE_THRESHOLD = 0.8;
const MARGIN = 0.05;
/** Above SURE_THRESHOLD, only two matches of one kind this close are a tie. */
const TIE = 0.01;
/** An unsure match the previous answer points to is taken from this score on. */
const CONVERSATION_THRESHOLD = 0.45;
/** A runner-up leaving this much more of the question unexplained does not make the best match unsure. */
const BETTER_EXPLAINED = 0.15;
/** Between the two thresholds the engine asks "Có phải bạn muốn hỏi…" instead of guessing. */
export const CLARIFY_THRESHOLD = 0.3;
/**
 * When a good part of the question (by word rarity) is not mentioned anywhere in the best doc, that doc
 * only answers a neighbouring question ("kỹ sư công nghệ thông tin" → the IT index): a higher bar applies.
 */
const POORLY_EXPLAINED = 0.33;
const POORLY_EXPLAINED_THRESHOLD = 0.61;
const DEFAULT_MAX_QUESTION_LENGTH = 1000;
/**
 * Typo repair is bounded by its own limits (well under a millisecond for any input of the allowed length;
 * npm run bench:fuzz). The budget is the safety net for a case nobody has found yet: one thread answers
 * everybody, so a question is answered with the words read by then rather than hold up every other user.
 * Only words that need repair are affected, so a pause of the machine never changes a well-typed answer.
 */
const DEFAULT_REPAIR_BUDGET_MS = 20;
/** People ask the same few questions over and over. */
const DEFAULT_CACHE_SIZE = 5_000;
const NOT_ANSWERED = new Set(["fallback", "clarify", "invalid"]);
const NOTHING: ReadonlySet<string> = new Set();

/** Asked about the nation, an indicator with no national figures is the weaker match; and the other way round. */
const SCOPE_MISMATCH_PENALTY = 0.9;
/** The built-in overview that covers an FAQ topic (faq.yaml `topic:`). */
const OVERVIEW_OF_FAQ_TOPIC: Readonly<Record<string, string>> = {
  "muc-tieu": "@goals",
  "qd-749": "@goals",
  "so-sanh": "@compare",
  "tinh-trang": "@status-all",
  "trien-khai": "@timeline",
  nguon: "@sources",
};
/** How far below an FAQ the indicator or goal it stands for may score and still be preferred… */
const ITSELF_GAP = 0.1;
/** …when the FAQ stands for at most this many. */
const MAX_STOOD_FOR = 3;
/** "…đạt chưa" asks for a status, and a figure claimed of a document is checked: only the indicator itself can. */
const PROGRESS_ITSELF_GAP = 0.2;
/** How far below the best match an FAQ may score and still answer a "… là gì" question. */
const DEFINITION_GAP = 0.02;
/** The status and timeline overviews asked about a year still to come. */
const FUTURE_STATUS_PENALTY = 0.85;
/** An office answers for now or for a year named; "lúc đó chủ tịch là ai" is about the moment the chat was on. */
const THEN_OFFICE_PENALTY = 0.85;
const DATED_KINDS: ReadonlySet<SearchDoc["kind"]> = new Set(["document", "event"]);
const FIGURELESS_KINDS: ReadonlySet<SearchDoc["kind"]> = new Set(["document", "person", "office", "event"]);
/**
 * An entry of the kind a question asks for gains this much ("khi nào": a document; "các chỉ tiêu": an overview
 * or an FAQ standing for many)…
 */
const FIT_BOOST = 1.08;
/** …and one of a kind that cannot answer it loses this much. */
const UNFIT_PENALTY = 0.93;

/**
 * How well a kind of entry can answer a kind of question: "… ban hành khi nào" wants a date (a document or an
 * event), "… là bao nhiêu" figures (which documents, people and events do not carry), "vì sao …" an
 * explanation (an FAQ).
 */
function kindFit(question: QuestionKind | undefined, aspect: Aspect | undefined, entry: SearchDoc["kind"]): number {
  // "ai …" asks for a person or an office; "… là gì" for what a document or an explanation says, not for a person.
  if (aspect === "who") return entry === "person" || entry === "office" ? FIT_BOOST : 1;
  if (aspect === "define" && (entry === "person" || entry === "office")) return UNFIT_PENALTY;
  switch (question) {
    case "when":
      return DATED_KINDS.has(entry) ? FIT_BOOST : 1;
    case "how-much":
      return FIGURELESS_KINDS.has(entry) ? UNFIT_PENALTY : 1;
    case "why":
      return entry === "faq" ? 1 : UNFIT_PENALTY;
    default:
      return 1;
  }
}
/** A question naming at most this many words may lean on the conversation's focus ("ai ký?" after a plan). */
const MAX_WORDS_LEANING_ON_FOCUS = 4;
/**
 * A later part of a message with a question word and naming this many words is a question of its own ("…, đấu thầu
 * qua mạng đạt bao nhiêu?"); "…, kinh tế số của tỉnh không?" is the rest of a list.
 */
const MIN_WORDS_OF_A_PART_ALONE = 3;
/** "Họ", marked: "they" (folded, it is also "hồ", "hộ"). */
const THEY = /(?<!\p{L})họ(?!\p{L})/iu;
/** Whether a part of a message asks something of its own: a question word, and nothing pointing back ("họ nói gì"). */
function asksOnItsOwn(part: string): boolean {
  const folded = fold(part);
  return hasQuestionWord(folded) && !pointsBack(folded) && !THEY.test(part);
}
/** A part that is a question of its own: it asks, and names enough, its year counted ("…, mục tiêu năm 2030 là gì?"). */
function isOwnQuestion(part: string, reading: Reading): boolean {
  const year = reading.understanding.slots.year === undefined ? 0 : 1;
  return asksOnItsOwn(part) && reading.namedInTopic + year >= MIN_WORDS_OF_A_PART_ALONE;
}
/** A follow-up naming at most this many words asks about a detail of the last topic ("còn cấp huyện?"). */
const MAX_DETAIL_WORDS = 3;
/** A phrase this short, asking nothing ("chỉ số thành phần?"), may point into the last answer. */
const MAX_BARE_PHRASE_WORDS = 4;
/** A detail of an FAQ leads its answer when it says this many more of the question's words than the answer. */
const MIN_DETAIL_LEAD = 1;
/** Entries whose answers a claimed number is checked against here; the others' composers check it themselves. */
const CLAIM_CHECKED_KINDS: ReadonlySet<SearchDoc["kind"]> = new Set(["faq", "goal", "event", "person"]);
/** Small numbers as words, folded. */
const NUMBER_WORDS: Readonly<Record<number, readonly string[]>> = {
  1: ["mot"], 2: ["hai"], 3: ["ba"], 4: ["bon", "tu"], 5: ["nam", "lam"], 6: ["sau"], 7: ["bay"], 8: ["tam"], 9: ["chin"], 10: ["muoi"],
};
/** The texts a block shows. */
function blockTexts(block: Block): string[] {
  if (block.kind === "bullets") return [...(block.title ? [block.title] : []), ...block.items];
  return "text" in block ? [block.text] : [];
}
/** A figure put roughly; folded. */
const ROUGHLY = /(?<![^ ])(?:khoang|gan|hon|tren|duoi|xap xi|chung|nghin|ngan|trieu|ty)(?= |$)/;
/** The merger, as the index reads it ("hợp nhất", "nhập lại" are its synonyms). */
const MERGER = "sap nhap";
/** The words a claim about the merger may have besides places and dates; folded. */
const MERGER_CLAIM_WORDS: ReadonlySet<string> = new Set("sap nhap voi thanh tinh moi tu ngay thang".split(" "));
/** The province or the one merged into it, named in a folded question. */
const OURS = new RegExp(`(?<![^ ])(?:khanh hoa|tinh minh|tinh ta|tinh nha|${MERGED_PROVINCE})(?= |$)`);
/** How many entries the last topic and a detail may find before one mentioning the detail is looked for. */
const DETAIL_CANDIDATES = 10;
/** The words of a question's topic that say what it is about: no stopwords, not the province's name; folded. */
function topicWords(topicText: string): string[] {
  return tokens(topicText).filter((word) => !STOPWORDS.has(word) && !PROVINCE_WORDS.has(word));
}
/** The words of a follow-up's topic that name its detail, folded and joined ("cap huyen"). */
function detailOf(topicText: string): string {
  return tokens(topicText).filter((word) => !STOPWORDS.has(word)).join(" ");
}
/** "Số" (digital) after the word it qualifies: "kinh tế số", "chữ ký số". */
const DIGITAL = "so";
/** A claim of at least this many words may word one of them otherwise than the answer does. */
const MIN_WORDS_FOR_WORDING = 6;
/** An indicator one of whose figures or targets is exactly the number a yes-or-no question claims is the likelier match… */
const NUMBER_BOOST = 1.15;
/** …when at most this many indicators have that number. */
const MAX_INDICATORS_SHARING_A_NUMBER = 2;
/** In a conversation, what the previous answer points to ("ai ký kế hoạch đó?") is the likelier match. */
const RELATED_BOOST = 1.1;

/** "… hạng mấy?", "… năm 2023 bao nhiêu?": a figure, not who published it or why. */
function asksFigure(understanding: Understanding): boolean {
  const { aspect } = understanding.slots;
  return understanding.kind === "how-much" && (aspect === undefined || aspect === "actual" || aspect === "verdict");
}

interface Reading {
  readonly understanding: Understanding;
  /** How many words of the topic, and of the topic without goal and pillar words, the search can use. */
  readonly namedInTopic: number;
  readonly namedInRest: number;
  /** Words of the topic the knowledge has never seen ("bitcoin"). */
  readonly unknownInTopic: number;
  /** Words of the topic besides goal and pillar words and the one document it names ("thế QĐ 749 đặt bao nhiêu?": "đặt"). */
  readonly namedBesidesDocument: number;
  /** A request refused whatever it matches (a phone number, an exchange rate). */
  readonly offTopic?: OffTopic;
  /** "… trước hay sau NQ 16?", "… cái nào có trước?" (`which`): the documents it names, in the order it names them. */
  readonly ordered?: { readonly ids: readonly string[]; readonly which: boolean };
}

/** What the clauses around a question may say for it: when, where, which document (not what is asked: "muốn cập nhật số liệu" is no target). */
const CARRIED_FROM_CONTEXT = ["year", "years", "scope", "document", "now", "pillar"] as const satisfies readonly (keyof Slots)[];

function pick(slots: Slots, keys: readonly (keyof Slots)[]): Slots {
  return Object.fromEntries(keys.filter((key) => slots[key] !== undefined).map((key) => [key, slots[key]]));
}

/** The slots without the figure a question claimed. */
function withoutClaim(slots: Slots): Slots {
  const { claim: _claim, ...rest } = slots;
  return rest;
}

function hasSlots(slots: Slots): boolean {
  return slots.year !== undefined || slots.scope !== undefined || slots.compare === true || slots.now === true || slots.pillar !== undefined;
}

/** Words that turn what a claim says, folded: one of them missing from an answer is no mere wording. */
const TURNING_WORDS: ReadonlySet<string> = new Set("het chua khong ko ngung bo huy thoi".split(" "));
/** A "not" or "not yet" in what an entry says. */
const NEGATION = /(?<![^ ])(?:chua|khong|ko)(?= |$)/;
/** "… trước hay sau …?": which of two came first. */
const BEFORE_OR_AFTER = /(?<![^ ])(?:truoc hay sau|sau hay truoc)(?= |$)/;
/** "trước", "sau": the words of BEFORE_OR_AFTER the search can use. */
const BEFORE_OR_AFTER_WORDS = 2;
/** "… cái nào có trước?": which of two came first, the earlier named first. */
const WHICH_FIRST = /(?<![^ ])(?:cai|van ban) nao (?:co |ban ?hanh |ra doi |duoc ban ?hanh )?(?:truoc|som hon)(?= |$)(?! (?:nam|ngay|thang|khi|20\d\d))/;
/** Words asking what was measured, not what was set: "thực tế", "đạt được", "kết quả"; folded. */
const MEASURED = /(?<![^ ])(?:thuc te|dat duoc|da dat|hien nay|hien tai|ket qua|so lieu)(?= |$)/;
/** "đặt" (set), typed with its mark. */
const SET_TYPED = /(?<!\p{L})đặt(?!\p{L})(?! được)/u;
/**
 * "có đặt", typed with its mark, as the "có" a "không" closes: whether a target is set ("… như NQ 16 đặt ra không?" and
 * "NQ 16 có đặt mục tiêu top 25, năm 2022 có lọt không?" ask whether one was reached).
 */
const ASKS_IF_SET = /^có\s+đặt(?!\p{L})/u;
/** What sets targets, named in a question: a plan, a resolution, a decision, a programme; folded. */
const SETTER_WORDS = "ke hoach|nghi quyet|quyet dinh|chuong trinh|de an";
const SETTER = new RegExp(`(?<![^ ])(?:${SETTER_WORDS})(?= |$)`);
/**
 * "nghi quyet 16 co dat muc tieu (rieng) cho …": a document followed by "có đặt" a target for or about something;
 * folded and expanded ("… co dat muc tieu top 25 khong" asks whether it was reached).
 */
const DOCUMENT_SETS = new RegExp(`(?<![^ ])(?:${SETTER_WORDS}) (?:so )?\\S+ co dat (?:ra )?(?:muc tieu|chi tieu)(?: rieng)? (?:cho|ve)(?= )`);
/** "từ 56% … lên 87,6%", "gấp đôi": figures claimed to be one series, or one a multiple of another; folded. */
const SERIES_OR_MULTIPLE = /(?<![^ ])(?:tu \d[\d.]*%? (?:\S+ ){0,4}(?:len|xuong|den) (?:\S+ )?\d[\d.]*|gap (?:doi|ba|\d+ lan))(?= |%|$)/;
/** "giờ còn không", "còn tồn tại": whether something is still there; folded, as the topic keeps it. */
const STILL_THERE = /(?<![^ ])(?:(?:gio|bay gio|hien nay|nay) )?(?:van )?con(?: (?:ton tai|hoat dong))?(?= |$)/;
/** "X hợp nhất vào", "X sáp nhập vào": an entry saying something (the clause before it) became part of another; folded. */
const MERGED_INTO = /^(.*) (?:hop nhat|sap nhap|nhap) vao(?= )/;
/** "đề nghị", "đề xuất", "tham mưu", "trình" (not "chương trình", "quy trình", "trình độ"): who proposed a document; folded. */
const PROPOSER = /(?<![^ ])(?<!(?:chuong|quy|lo|toan|tien) )(?:de nghi|de xuat|tham muu|trinh(?! do))(?= |$)/;
/** A detail saying who proposed a document: "theo đề nghị của …", "do … đề xuất", "tờ trình"; folded. */
const PROPOSED_BY = /(?<![^ ])(?:theo de nghi cua|do (?:\S+ ){1,8}de xuat|to trinh|tham muu)(?= |$)/;
/** Any province but Khánh Hòa named, folded: only then can an issuer be another province's. */
const ANOTHER_PROVINCE_NAMED = new RegExp(`(?<![^ ])${ANOTHER_PROVINCE}(?= |$)`);
/** "ký" (signed), folded: a claim naming a person and a document is about who signed it. */
const SIGNS = /(?<![^ ])ky(?= |$)/;
/** "A hay B", "A hay là B": a choice between what comes before and after ("UBND tỉnh hay ban hành…" is "often"). */
const CHOICE = /(?<![^ ])hay(?! (?:ban hanh|ky|ra|dua|lam))(?= |$)/;
/** An average of the provinces or the nation: what a province's own figure is set against. */
const AVERAGE = /(?<![^ ])trung binh(?= |$)/;
/** "cao hay thấp", "hơn hay kém": a figure set against another. */
const HIGHER_OR_LOWER = /(?<![^ ])(?:cao hay thap|thap hay cao|hon hay kem|kem hay hon|cao hon hay thap hon|thap hon hay cao hon)(?= |$)/;
/**
 * Aspects whose answer no detail or note leads: a claim is checked against the answer, which is what it is about;
 * nor is a definition ("… là gì") displaced.
 */
const NOT_LED: ReadonlySet<Slots["aspect"]> = new Set(["confirm", "verdict", "define"]);
/** The words that set one figure against another, not naming either. */
const COMPARING_WORDS: ReadonlySet<string> = new Set("vay la cao thap hon kem hay so voi bang nhu the nao".split(" "));
/** Words of issuing a document, as read ("ban hành" is joined into one word). */
const ISSUED = /(?:^| )(?:banhanh|ky|ra doi)(?= |$)/;
/** "định hướng tới năm 2035", "tầm nhìn 2030": the horizon year said of a document; folded. */
const HORIZON = /(?<![^ ])(?:dinh huong|tam nhin)(?: (?:den|toi))?(?: nam)? (20\d\d)(?= |$)/;
/** "ra từ năm 2020": a year said of a document's issuing; folded, in the question as asked ("đề ra năm 2025" is what it sets). */
const RELEASED_IN = /(?<![^ ])(?<!(?:de|dat) )ra(?: doi)?(?: (?:tu|vao|hoi|trong))?(?: nam)? (?:19|20)\d\d(?= |$)/;

/** An answer whose sources are silent on the point ("nguồn của trợ lý không nói …", "chưa tìm thấy …"); folded. */
const SILENT_SOURCES = /^[^.]*(?:khong noi|chua (?:tim thay|co thong tin|co so lieu|cong bo)|khong co thong tin)/;
/** "Còn trước nữa?", "sau nữa thì sao?": the same step again. */
const FURTHER = /(?:^| )(?:truoc|sau) (?:do )?nua(?= |$)/;

const VERDICT_WORDS = /^(?:Có|Không|Chưa|Đúng|Rồi|Sai)(?=[\s:,.]|$)/u;

/** The answer led by a verdict word, unless its first line already starts with one. */
function withVerdict(composed: Composed, word: string): Composed {
  const [first, ...rest] = composed.blocks;
  if (!first || first.kind !== "headline" || VERDICT_WORDS.test(first.text)) return composed;
  return { ...composed, blocks: [{ ...first, text: `${word}: ${first.text}` }, ...rest] };
}

/** A pattern source of any of the names (folded, expanded) at word edges, unless after what `notAfter` matches. */
function namesSource(names: readonly string[], notAfter = ""): string {
  return `(?<![^ ])${notAfter}(?:${names.map(escapeRegExp).join("|")})(?= |$)`;
}

/**
 * Whether a text may name any item of a list (its names given per item): one pattern of them all, tested first
 * since most questions name none, spares testing every item.
 */
function anyNameOf(namesPerItem: readonly (readonly string[])[]): RegExp {
  return new RegExp(namesSource(namesPerItem.flat()));
}

/** What a reading depends on besides the text: the entities "ông ấy", "văn bản đó" may point to. */
function focusKey(focus: Focus | undefined): string {
  return focus ? [focus.person?.id, focus.document?.id, focus.office?.id, focus.indicator?.id, focus.main?.id].join("|") : "";
}

/** Every text of the knowledge (names, phrasings, answers…): how it writes its words, marks included. */
function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === "string") yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value && typeof value === "object") for (const item of Object.values(value)) yield* stringsIn(item);
}

export function createEngine(knowledge: Knowledge, options: EngineOptions = {}): Engine {
  const now = options.now ?? (() => new Date());
  const maxLength = options.maxQuestionLength ?? DEFAULT_MAX_QUESTION_LENGTH;
  const repairBudgetMs = options.repairBudgetMs ?? DEFAULT_REPAIR_BUDGET_MS;
  const lookup: Lookup = createLookup(knowledge);
  const expand = createSynonymExpander(knowledge.synonyms);
  // Every key set (built without spreads, one shape): the search reads them for every phrasing it scores.
  const prepare = (understanding: Understanding, repairDeadline?: number): PreparedText => ({
    tokens: tokens(understanding.topicText),
    repairDeadline,
    aspect: understanding.slots.aspect,
    years: understanding.slots.year ? [understanding.slots.year] : [],
    national: understanding.slots.scope === "national",
    province: understanding.slots.scope === "province",
    kind: understanding.kind,
    then: understanding.slots.then ? true : undefined,
  });
  const index = new SearchIndex(
    buildSearchDocs(lookup),
    (text) => {
      const { topicText, ...reading } = readPhrasing(expand(fold(text)));
      return { tokens: tokens(topicText), ...reading };
    },
    options.cacheSize ?? DEFAULT_CACHE_SIZE,
  );
  // An abbreviation ("cds") is known too: the expander turns it into indexed words.
  const knownWord = (word: string) => index.knows(word) || STOPWORDS.has(word) || PROVINCE_WORDS.has(word) || expand(word) !== word;
  /**
   * Telex leftovers and doubled keys ("ddatj chuwa", "hieenj nay", "kepp") undone before the slots are read,
   * so progress, "now" and compound words work for them too; a word is only changed when it is unknown and
   * its repair is known.
   */
  const untelex = (folded: string) =>
    folded
      .split(" ")
      .map((word) => (knownWord(word) || /\d/.test(word) ? word : (keystrokeRepairs(word).find(knownWord) ?? word)))
      .join(" ");
  const peopleNames = [...knowledge.people.map((person) => person.name), ...knowledge.offices.flatMap((o) => o.holders.flatMap((h) => h.name ?? []))].map(fold);
  const personIdsByName = new Map(knowledge.people.map((person) => [fold(person.name), person.id]));
  const markedFilter = createMarkedFilter([...stringsIn(knowledge), MARKED_QUESTION_PHRASES, MARKED_HEARSAY_PHRASES]);
  // How questions name documents ("nghi quyet 16", "qd 749", "ke hoach 4636", "4636"), folded and expanded as
  // questions are: the document a question is about decides whose targets answer it.
  const documentNames = knowledge.documents.map((document) => {
    const number = /\d+/.exec(document.number)?.[0] ?? "";
    const names = unique([fold(document.number), `${fold(documentKindName(document.kind))} ${number}`, ...document.aliases.map(fold), ...(Number(number) >= 100 ? [number] : [])].map(expand));
    const source = namesSource(names);
    return { id: document.id, names, pattern: new RegExp(source), everywhere: new RegExp(source, "g") };
  });
  // Every target set, an indicator's or a goal: the years some target is set for, and the documents that set them.
  const allTargets = [...knowledge.indicators.flatMap((i) => i.targets), ...knowledge.goals];
  const targetYears = new Set(allTargets.map((target) => target.year));
  const targetSetters = new Set(allTargets.flatMap((target) => target.document ?? []));
  // Most questions name no document: one pattern of all their names says so; else a substring check spares each
  // document's regular expression (which only adds word edges).
  const mayNameDocument = anyNameOf(documentNames.map(({ names }) => names));
  const documentsNamed = (folded: string) =>
    mayNameDocument.test(folded) ? documentNames.filter(({ names, pattern }) => names.some((name) => folded.includes(name)) && pattern.test(folded)).map(({ id }) => id) : [];
  // Tested on every question, which mostly names none of them: a substring check spares the regular expression (which
  // only adds word edges), as for the documents.
  const wordsPattern = (names: readonly string[], notAfter = "") => {
    const words = unique(names.map((name) => expand(fold(name))));
    const pattern = new RegExp(namesSource(words, notAfter));
    return {
      words,
      test: (text: string) => words.some((word) => text.includes(word)) && pattern.test(text),
      /** Where the first name is, or -1. */
      at: (text: string) => (words.some((word) => text.includes(word)) ? (pattern.exec(text)?.index ?? -1) : -1),
    };
  };
  const officeNames = knowledge.offices.map((office) => ({ id: office.id, pattern: wordsPattern([office.name, ...office.aliases], "(?<!pho )") }));
  // "Ông Tuân giờ còn làm chủ tịch không?": a title alone ("chủ tịch", "bí thư") names the office of that title the person
  // named has held; alone it is ambiguous (the country's president, a party secretary anywhere).
  const nameOfPerson = new Map(knowledge.people.map((person) => [person.id, person.name]));
  const titlesHeld = knowledge.offices.flatMap((office) => {
    const title = fold(office.name).split(" ").slice(0, 2).join(" ");
    // Alone: "giám đốc Sở Khoa học và Công nghệ" names another office, whose name follows.
    const pattern = new RegExp(`(?<![^ ])(?<!pho )${title}(?! (?:so|bo|ubnd|uy ban|hdnd|cong ty|tinh|thanh pho|huyen|xa|phuong|mat tran|hoi|nuoc|quoc hoi|ngan hang|benh vien|truong|dang uy|tinh uy|thanh uy))(?= |$)`);
    return unique(office.holders.flatMap((holder) => holder.name ?? nameOfPerson.get(holder.person ?? "") ?? [])).map((holder) => ({ holder: fold(holder), id: office.id, pattern }));
  });
  // "UBND tỉnh Khánh Hòa" is named "UBND tỉnh", "Thủ tướng Chính phủ" "Thủ tướng"; "phó thủ tướng" is none of them.
  // "Tỉnh ủy Ninh Thuận" is an issuer of its own, named so that it is never taken for Khánh Hòa's.
  const issuerNames = unique(knowledge.documents.map((document) => document.issuer)).map((issuer) => {
    const short = issuer.replace(/ (?:tỉnh )?Khánh Hòa$/u, "").replace(/ Chính phủ$/u, "");
    const elsewhere = new RegExp(`(?<![^ ])${escapeRegExp(expand(fold(short)))} (?:tinh )?(${ANOTHER_PROVINCE})(?= |$)`);
    return { issuer, pattern: wordsPattern(unique([issuer, short, `${short} tỉnh`]), "(?<!pho )"), elsewhere };
  });
  // The newspapers the sources are from, folded, without what follows their name ("(bản tiếng Anh)"): "báo Thanh Niên"
  // names one of them, "báo Tuổi Trẻ" none.
  const publishers = unique(knowledge.sources.map((source) => fold(source.publisher.replace(/\s*\(.*$/u, ""))));
  const knownPaper = (name: string) => publishers.some((publisher) => ` ${publisher} `.includes(` ${name} `));
  // A person the knowledge has, named in full or by the end of their name ("ông Tấn Tuân").
  const isKnownPerson = (name: string) => peopleNames.some((known) => known === name || known.endsWith(` ${name}`));
  const personNames = unique(peopleNames).map((name) => ({
    name,
    pattern: wordsPattern([name]),
    // "trước ông X", "sau khi bà Y": who held an office just before or after them.
    neighbour: new RegExp(`(?:^| )(truoc|sau) (?:khi )?(?:ong |ba )?${escapeRegExp(expand(name))}(?= |$)`),
  }));
  const mayNameOffice = anyNameOf(officeNames.map(({ pattern }) => pattern.words));
  const mayNameIssuer = anyNameOf(issuerNames.map(({ pattern }) => pattern.words));
  const mayNamePerson = anyNameOf(personNames.map(({ pattern }) => pattern.words));
  const readings = new RecentResults<Reading>(options.cacheSize ?? DEFAULT_CACHE_SIZE);
  // The question without its courtesy, and its parts: read three times per question, kept like the readings, and
  // the last one always (with the caches off, one question still reads it once).
  const cores = new RecentResults<CoreQuestion>(options.cacheSize ?? DEFAULT_CACHE_SIZE);
  let lastCore: { readonly text: string; readonly core: CoreQuestion } | undefined;
  const coreOf = (text: string): CoreQuestion => {
    if (lastCore?.text !== text) lastCore = { text, core: cores.get(text, () => coreQuestion(text)) };
    return lastCore.core;
  };
  const docsById = new Map(index.docs.map((doc) => [doc.id, doc]));
  const goalYears = new Set(knowledge.goals.map((goal) => goal.year));
  const related = new Map(index.docs.map((doc) => [doc.id, findRelated(doc)]));
  // How many indicators and goals a doc points to, counted once rather than on every question.
  const standingFor = new Map(
    index.docs.map((doc) => [doc.id, [...relatedTo(doc)].filter((id) => ["indicator", "goal"].includes(docsById.get(id)?.kind ?? "")).length]),
  );
  const siblingsOf = new Map<string, Set<string>>();
  for (const doc of index.docs) {
    const group = relatedTo(doc);
    if ((doc.kind !== "faq" && doc.kind !== "event") || group.size > MAX_STOOD_FOR) continue;
    for (const id of group) siblingsOf.set(id, new Set([...(siblingsOf.get(id) ?? []), ...group]));
  }
  // People whose role is a deputy's ("Phó Giám đốc Sở …"): their title named without "phó".
  const deputyTitles = new Map(
    knowledge.people.flatMap((person) => {
      const title = /^pho ((?:giam doc|chu tich|bi thu|truong ban|truong phong|thu truong|bo truong))(?= )/.exec(fold(person.role))?.[1];
      return title ? [[person.id, new RegExp(`(?<![^ ])(?<!pho )${title}(?= |$)`)] as const] : [];
    }),
  );
  // The numbers each indicator's figures and targets are, for a question that names one.
  const valuesOf = new Map(
    // The values a measurement's note gives ("giá trị DTI 0,7071" beside a rank) are its figures too.
    knowledge.indicators.map((indicator) => [
      indicator.id,
      new Set([...indicator.measurements.flatMap((m) => [m.value, ...noteValues(m)]), ...indicator.targets.flatMap((t) => t.value ?? [])]),
    ]),
  );
  // A number few indicators have (35,8; 30 of GDP) says which one is meant; "10", "100" say nothing.
  const indicatorsWith = new Map<number, number>();
  for (const values of valuesOf.values()) for (const value of values) indicatorsWith.set(value, (indicatorsWith.get(value) ?? 0) + 1);
  const distinctive = (n: number) => (indicatorsWith.get(n) ?? 0) <= MAX_INDICATORS_SHARING_A_NUMBER;
  const resultsFaqs = new Set(knowledge.faq.filter((faq) => faq.results).map((faq) => faq.id));
  const indicatorsWithScope = (wanted: (scope: Scope) => boolean) =>
    new Set(knowledge.indicators.filter((i) => [...i.targets, ...i.measurements].some((x) => wanted(x.scope))).map((i) => i.id));
  const nationalIndicators = indicatorsWithScope((scope) => scope === "national");
  const provincialIndicators = indicatorsWithScope(isProvincial);

  function search(question: PreparedText, limit = 5, context: ReadonlySet<string> = NOTHING, plural = false): SearchHit[] {
    const hits = index.search(question, limit);
    // Nothing has been measured yet for a year still to come: "2030 phải đạt gì" asks for goals, not status.
    const future = question.years.some((year) => year > now().getFullYear());
    const weigh = (hit: SearchHit) =>
      (future && (hit.doc.id === "@status-all" || hit.doc.id === "@timeline") ? FUTURE_STATUS_PENALTY : 1) *
      (question.then && hit.doc.kind === "office" ? THEN_OFFICE_PENALTY : 1) *
      (question.national && hit.doc.kind === "indicator" && !nationalIndicators.has(hit.doc.id) ? SCOPE_MISMATCH_PENALTY : 1) *
      (question.province && hit.doc.kind === "indicator" && !provincialIndicators.has(hit.doc.id) ? SCOPE_MISMATCH_PENALTY : 1) *
      (context.has(hit.doc.id) ? RELATED_BOOST : 1) *
      // "Muốn vào top mấy?" asks for the target, not how the targets stand.
      (question.aspect === "target" && resultsFaqs.has(hit.doc.id) ? UNFIT_PENALTY : 1) *
      kindFit(question.kind, question.aspect, hit.doc.kind) *
      (plural && (hit.doc.kind === "topic" || standsFor(hit.doc) > MAX_STOOD_FOR) ? FIT_BOOST : 1);
    // Ordered before the cap, so a boost still tells apart two matches that both reach 1.
    return hits
      .map((hit) => ({ hit, weighed: hit.score * weigh(hit) }))
      .sort((a, b) => b.weighed - a.weighed)
      .map(({ hit, weighed }) => ({ ...hit, score: Math.min(1, weighed) }));
  }

  /** "Giám đốc Sở KH&CN là ai?" is not answered by its deputy ("Phó Giám đốc"): the head is another person. */
  function onlyDeputyOf(doc: SearchDoc, topic: string): boolean {
    return deputyTitles.get(doc.id)?.test(topic) ?? false;
  }

  /** The first paragraph says where its main fact comes from (its first source), after the fact. */
  function withSourceSaid(composed: Composed): Composed {
    const source = lookup.sources.get(composed.sourceIds[0] ?? "");
    const [first, ...rest] = composed.blocks;
    if (!source || first?.kind !== "headline") return composed;
    return { ...composed, blocks: [{ ...first, text: `${first.text} Thông tin này theo: ${source.title} (${citeSource(source)}).` }, ...rest] };
  }

  /** The holder the last "trước/sau ông X" answer named, as the next step's starting point. */
  function furtherNeighbour(doc: SearchDoc | undefined, next: NonNullable<Slots["next"]>): Slots["next"] {
    const office = doc ? lookup.offices.get(doc.id) : undefined;
    if (!office) return undefined;
    const all = tenures(lookup, office);
    const at = all.findIndex((tenure) => fold(tenure.who) === next.name);
    const neighbour = at === -1 ? undefined : all[next.to === "before" ? at - 1 : at + 1];
    return neighbour ? { ...next, name: fold(neighbour.who) } : undefined;
  }

  /** How many indicators and goals an FAQ points to: an overview of many stands for none of them. */
  function standsFor(doc: SearchDoc): number {
    return standingFor.get(doc.id) ?? 0;
  }

  /**
   * Two entries one FAQ or event points to together (a plan and the rank it aims at) answer alike; an
   * overview pointing to many entries makes no siblings.
   */
  function siblings(a: string, b: string): boolean {
    return siblingsOf.get(a)?.has(b) ?? false;
  }

  /** Whether an FAQ points to this indicator or goal, or to the indicator of this goal. */
  function standsForIt(faq: SearchDoc, doc: SearchDoc): boolean {
    const indicator = lookup.goals.get(doc.id)?.indicator;
    return relatedTo(faq).has(doc.id) || (indicator !== undefined && relatedTo(faq).has(indicator));
  }

  function relatedTo(doc: SearchDoc | undefined): ReadonlySet<string> {
    return (doc && related.get(doc.id)) ?? NOTHING;
  }

  /**
   * What a doc points to: an FAQ's related entries (a goal standing for its indicator) and the overview of
   * its topic, an event's documents, a goal's indicator, the documents that set an indicator's targets.
   */
  function findRelated(doc: SearchDoc): ReadonlySet<string> {
    const faq = lookup.faq.get(doc.id);
    const event = lookup.events.get(doc.id);
    const goal = lookup.goals.get(doc.id);
    const indicator = lookup.indicators.get(doc.id);
    // An office and the people who held it answer the same "who" question from two sides.
    const holders = lookup.offices.get(doc.id)?.holders.flatMap((holder) => holder.person ?? []) ?? [];
    const officesHeld = knowledge.offices.filter((office) => office.holders.some((holder) => holder.person === doc.id)).map((office) => office.id);
    // A document and the person who signed it ("KH 4636 …, ai ký?").
    const signer = lookup.documents.get(doc.id)?.signer;
    const signedBy = signer ? knowledge.people.filter((person) => person.name === signer).map((person) => person.id) : [];
    const person = lookup.people.get(doc.id);
    const signed = person ? knowledge.documents.filter((document) => document.signer === person.name).map((document) => document.id) : [];
    const viaGoals = (faq?.related ?? []).flatMap((id) => lookup.goals.get(id)?.indicator ?? []);
    // An FAQ listing the results of a document's targets stands for every indicator and goal it lists.
    const summarised = faq?.results ? resultsEntries(faq.results) : [];
    // The documents that set an indicator's targets ("KH 4636 đặt mục tiêu DTI hạng mấy").
    const setBy = [...(indicator?.targets ?? []), ...(lookup.goalsByIndicator.get(doc.id) ?? [])].flatMap((target) => target.document ?? []);
    const overview = faq ? OVERVIEW_OF_FAQ_TOPIC[faq.topic] : undefined;
    return new Set([
      ...(faq?.related ?? []),
      ...viaGoals,
      ...summarised,
      ...(overview ? [overview] : []),
      ...(event?.documents ?? []),
      ...(goal?.indicator ? [goal.indicator] : []),
      ...(indicator?.related ?? []),
      ...setBy,
      ...holders,
      ...officesHeld,
      ...signedBy,
      ...signed,
    ]);
  }

  /** The indicators and goals whose targets for a year a results FAQ lists. */
  function resultsEntries(results: NonNullable<FaqEntry["results"]>): string[] {
    const documents = new Set(results.documents);
    const setsTarget = (t: { year: number; document?: string | undefined }) => t.year === results.year && t.document !== undefined && documents.has(t.document);
    return [
      ...knowledge.indicators.filter((i) => i.targets.some(setsTarget)).map((i) => i.id),
      ...knowledge.goals.filter((g) => !g.indicator && setsTarget(g)).map((g) => g.id),
    ];
  }

  function composeDoc(doc: SearchDoc, slots: Slots, sourceIds: readonly string[]): Composed {
    const ctx: ComposeContext = { lookup, slots, today: now() };
    switch (doc.kind) {
      case "indicator":
        return composeIndicator(ctx, lookup.indicators.get(doc.id)!);
      case "goal":
        return composeGoal(ctx, lookup.goals.get(doc.id)!);
      case "faq":
        return composeFaq(ctx, lookup.faq.get(doc.id)!);
      case "person":
        return composePerson(ctx, lookup.people.get(doc.id)!);
      case "office":
        return composeOffice(ctx, lookup.offices.get(doc.id)!);
      case "event":
        return composeEvent(ctx, lookup.events.get(doc.id)!);
      case "document": {
        const setsGoals = doc.id === MAIN_RESOLUTION || doc.id === NATIONAL_PROGRAMME;
        if (setsGoals && slots.compare) return composeComparison(ctx);
        // "NQ16 đạt chưa" asks how its indicators stand.
        if (doc.id === MAIN_RESOLUTION && slots.progress) return composeStatusAll(ctx);
        // "NQ16 năm 2030" asks for what the resolution wants by then, not for the document ("NQ 16 định hướng đến năm
        // 2030 đúng không?" asks its horizon).
        if (setsGoals && slots.year !== undefined && goalYears.has(slots.year) && slots.horizon === undefined) {
          const scope = doc.id === NATIONAL_PROGRAMME ? "national" : slots.scope;
          return composeGoalsOverview({ ...ctx, slots: { ...slots, ...(scope ? { scope } : {}) } });
        }
        return composeDocument(ctx, lookup.documents.get(doc.id)!);
      }
      case "topic":
        switch (doc.id) {
          case "@goals":
            if (slots.progress) return composeStatusAll(ctx);
            return slots.compare ? composeComparison(ctx) : composeGoalsOverview(ctx);
          case "@status-all":
            return composeStatusAll(ctx);
          case "@compare":
            return composeComparison(ctx);
          case "@timeline":
            return composeTimeline(ctx);
          default:
            return composeSources(ctx, sourceIds);
        }
    }
  }

  function finish(
    composed: Composed,
    confidence: number,
    conversation: Conversation,
    doc?: SearchDoc,
    slots: Slots = {},
    topic?: string,
  ): Answer {
    const answered = !NOT_ANSWERED.has(composed.intent);
    const previous = recentTurn(conversation, now().getTime());
    const keptTopic = doc ? topic : previous?.topic;
    // "DTI 2022?", then "còn 2021?": the two years a "tăng hay giảm?" compares.
    const years =
      doc && previous?.docId === doc.id && previous.slots.year !== undefined && slots.year !== undefined && slots.year !== previous.slots.year
        ? [previous.slots.year, slots.year].sort()
        : undefined;
    const focus = doc
      ? focusOf(lookup, composed.entries[0] && !composed.entries[0].startsWith("@") ? composed.entries[0] : doc.id, previous?.focus, composed.entries.slice(1))
      : previous?.focus;
    // Every key set, absent ones undefined: built without spreads, and of one shape for all that read it.
    conversation.last = {
      focus,
      years,
      // A reply that answers nothing keeps the previous topic, so "còn năm 2030?" still works after it.
      docId: doc?.id ?? (answered ? undefined : previous?.docId),
      slots: doc || !previous ? slots : previous.slots,
      topic: keptTopic,
      sourceIds: composed.sourceIds.length > 0 ? composed.sourceIds : (previous?.sourceIds ?? []),
      suggestions: composed.suggestions,
      about: doc?.prompt ?? previous?.about,
      at: now().getTime(),
    };
    const answer: Answer = {
      answered,
      intent: composed.intent,
      confidence: Math.round(confidence * 1000) / 1000,
      blocks: composed.blocks,
      sources: composed.sourceIds.flatMap((id) => answerSource(id) ?? []),
      suggestions: composed.suggestions,
      entries: composed.entries,
    };
    const chart = chartFor(composed, lookup.indicators);
    return chart === undefined ? answer : { ...answer, chart };
  }

  /** A source as answers cite it: the same every time, so written once. */
  const answerSources = new Map<string, AnswerSource | null>();
  function answerSource(id: string): AnswerSource | undefined {
    let cited = answerSources.get(id);
    if (cited === undefined) {
      const source = lookup.sources.get(id);
      cited = source ? { id, title: `${source.title} (${citeSource(source)})`, ...(source.url ? { url: source.url } : {}) } : null;
      answerSources.set(id, cited);
    }
    return cited ?? undefined;
  }

  function searchIndicator(text: string): SearchHit | undefined {
    const hits = search(prepare(understand(expand(fold(text)))), 20);
    // A name asked for must match as well as an answered question: "/chitieu abc" is no typo of "bậc".
    return hits.find((hit) => hit.doc.kind === "indicator" && hit.score >= ANSWER_THRESHOLD);
  }

  function runCommand(request: CommandRequest, conversation: Conversation): Answer {
    const ctx: ComposeContext = { lookup, slots: {}, today: now() };
    const previous = recentTurn(conversation, now().getTime());
    const topic = (id: string, slots: Slots = {}) => finish(composeDoc(docsById.get(id)!, slots, []), 1, conversation, docsById.get(id), slots);
    switch (request.kind) {
      case "help":
        return finish(composeHelp(), 1, conversation);
      case "welcome":
        return finish(composeSmallTalk("greeting"), 1, conversation);
      case "goals":
        return topic("@goals", request.year ? { year: request.year } : {});
      case "compare":
        return topic("@compare");
      case "timeline":
        return topic("@timeline", request.year ? { year: request.year } : {});
      case "sources":
        return finish(composeSources(ctx, previous?.sourceIds ?? [], previous?.about), 1, conversation);
      case "sectors": {
        const hit = search(prepare(understand(expand(fold("các lĩnh vực ưu tiên chuyển đổi số của tỉnh")))), 10).find((h) => h.doc.kind === "faq");
        return hit ? finish(composeDoc(hit.doc, {}, []), 1, conversation, hit.doc) : finish(composeFallback(), 0, conversation);
      }
      case "status": {
        if (!request.indicator) return topic("@status-all");
        const hit = searchIndicator(request.indicator);
        if (hit) return finish(composeDoc(hit.doc, {}, []), hit.score, conversation, hit.doc);
        const names = knowledge.indicators.map((i) => i.short);
        return finish(composeUsage(`Mình không tìm thấy chỉ tiêu "${request.indicator}". Các chỉ tiêu có:`, names), 0, conversation);
      }
      case "bad-argument":
        return finish(composeUsage(`Lệnh chưa đúng. Cách dùng: ${request.usage}.`, []), 0, conversation);
      case "unknown":
        return finish(composeInvalid("bad-command", maxLength), 0, conversation);
    }
  }

  /**
   * Reorders near-equal matches so the more precise answer goes first: of two tied entries of one kind the
   * better-explaining one, the indicator or goal an FAQ stands for (it is the thing itself), or, for "… là gì",
   * the FAQ that explains the best match.
   */
  function preferPreciseMatch(hits: SearchHit[], understanding: Understanding): void {
    const [first, second] = hits;
    if (!first) return;
    // Two of a kind tied ("xã hội số tụt mấy bậc" and the DTI rank for "tỉnh tụt mấy bậc về chuyển đổi số"):
    // the one that explains clearly more of the question.
    const tiedOfAKind = second && second.doc.kind === first.doc.kind && first.score - second.score < TIE;
    if (second && tiedOfAKind && (first.unexplained ?? 0) - (second.unexplained ?? 0) >= BETTER_EXPLAINED) {
      hits.splice(0, 2, { ...second, score: first.score }, first);
      return;
    }
    // "Ngày Chuyển đổi số quốc gia là ngày nào?": an FAQ tied with a document it names asks what the FAQ answers, unless
    // the question names a document or its issuing ("quyết định nào …", "… ban hành khi nào").
    const faqOfTheSubject =
      second?.doc.kind === "faq" &&
      first.doc.kind === "document" &&
      first.score - second.score < TIE &&
      understanding.slots.document === undefined &&
      !SETTER.test(understanding.topicText) &&
      !ISSUED.test(understanding.topicText) &&
      !/(?<![^ ])van ban(?= |$)/.test(understanding.topicText);
    if (faqOfTheSubject) {
      hits.splice(0, 2, { ...second, score: first.score }, first);
      return;
    }
    // "KH 4205 đặt mục tiêu 100% trường học dùng nền tảng số đúng không?": a figure claimed of a document is checked by
    // the indicator it sets a target of.
    const setByTheDocument =
      first.doc.kind === "document" && understanding.slots.claim
        ? hits.find((hit) => hit.doc.kind === "indicator" && relatedTo(hit.doc).has(first.doc.id) && first.score - hit.score < PROGRESS_ITSELF_GAP)
        : undefined;
    if (setByTheDocument) {
      hits.splice(hits.indexOf(setByTheDocument), 1);
      hits.unshift({ ...setByTheDocument, score: first.score });
      return;
    }
    if (understanding.definitional) {
      // "DTI là gì" asks for the explanation an FAQ gives, not for the indicator's figures.
      const explaining =
        first.doc.kind !== "faq"
          ? hits.find((hit) => hit.doc.kind === "faq" && relatedTo(hit.doc).has(first.doc.id) && first.score - hit.score <= DEFINITION_GAP)
          : undefined;
      if (explaining) {
        hits.splice(hits.indexOf(explaining), 1);
        hits.unshift({ ...explaining, score: first.score });
      }
      return;
    }
    // "… ban hành khi nào" asks for the date an FAQ about a plan gives, not for the indicator it stands for.
    const itself =
      // "… hạng mấy?" wants a figure even when the FAQ explains many indicators.
      first.doc.kind === "faq" && (standsFor(first.doc) <= MAX_STOOD_FOR || asksFigure(understanding)) && understanding.kind !== "when"
        ? hits.find(
            (hit) =>
              (hit.doc.kind === "indicator" || hit.doc.kind === "goal") &&
              relatedTo(first.doc).has(hit.doc.id) &&
              first.score - hit.score < (understanding.slots.progress ? PROGRESS_ITSELF_GAP : ITSELF_GAP),
          )
        : undefined;
    if (itself) {
      hits.splice(hits.indexOf(itself), 1);
      hits.unshift({ ...itself, score: first.score, unexplained: Math.min(itself.unexplained ?? 0, first.unexplained ?? 0) });
    }
  }

  /**
   * The matches for a reading, best first (more precise ones moved ahead), and how likely the best one answers
   * the question. A question about another province keeps only matches about that province.
   */
  function match(understanding: Understanding, repairDeadline: number, context: ReadonlySet<string> = NOTHING) {
    const question = prepare(understanding, repairDeadline);
    const { elsewhere } = understanding;
    // A number stated in a yes-or-no question is the claim to check ("… 35,8% số gói thầu …, đúng không?").
    const { aspect } = understanding.slots;
    // So is a number whose source is asked ("con số 87,6% lấy ở đâu ra?").
    const claimed = aspect === "confirm" || aspect === "verdict" || understanding.asksForSources ? (understanding.slots.claim ?? []) : [];
    const matched = search(question, 5, context, understanding.plural).filter(
      (hit) => elsewhere.every((place) => index.mentions(hit.doc, place)) && !onlyDeputyOf(hit.doc, understanding.topicText),
    );
    // A year none of the matches is about ("DVC mức 4 năm 2023", of which no figure is known) tells them apart by
    // nothing, and says nothing of how sure the best is: its answer is that the year has no figure.
    // Only for a match that explains every other word: the year must not lift a partial one.
    const yearOfNone =
      question.years.length > 0 && (matched[0]?.unexplained ?? 1) === 0 && matched.every((hit) => index.yearPenalty(hit.doc, question.years) < 1);
    const found = yearOfNone ? matched.map((hit) => ({ ...hit, score: Math.min(1, hit.score / index.yearPenalty(hit.doc, question.years)) })) : matched;
    // A figure or target of exactly that number is the thing asked about; beside it, others of its kind are less
    // likely (also when both match fully: "DTI 2024 là 0,7071 đúng không?" is the province's, not the nation's).
    const hasClaimed = (hit: SearchHit) => claimed.some((n) => distinctive(n) && valuesOf.get(hit.doc.id)?.has(n));
    // Only a value with decimals says which: a whole number may be a rank of another kind of ranking ("thứ 34").
    const exact = claimed.some((n) => !Number.isInteger(n));
    const kindsWithIt = new Set(exact ? found.filter(hasClaimed).map((hit) => hit.doc.kind) : []);
    const hits = found
      .map((hit) =>
        hasClaimed(hit)
          ? { ...hit, score: Math.min(1, hit.score * NUMBER_BOOST) }
          : kindsWithIt.has(hit.doc.kind)
            ? { ...hit, score: hit.score / NUMBER_BOOST }
            : hit,
      )
      .sort((a, b) => b.score - a.score);
    preferPreciseMatch(hits, understanding);
    const [top, runnerUp] = hits;
    if (!top) return { hits, decision: { features: [], probability: 0 } };
    const weights = index.weigh(question);
    const features = decisionFeatures({
      score: top.score,
      runnerUp: runnerUp?.score ?? 0,
      unexplained: top.unexplained ?? 0,
      unknown: weights.unknown / (weights.known + weights.unknown || 1),
      knownWeight: weights.known,
      runnerUpRelated:
        !!runnerUp && (relatedTo(top.doc).has(runnerUp.doc.id) || relatedTo(runnerUp.doc).has(top.doc.id) || siblings(top.doc.id, runnerUp.doc.id)),
      sameKindTie: !!runnerUp && runnerUp.doc.kind === top.doc.kind && top.score - runnerUp.score < MARGIN,
      rule: isConfident(hits),
    });
    return { hits, decision: { top: top.doc.id, features, probability: probability(features) } };
  }

  /**
   * The reading and matches of a question; when the whole of it matches nothing well and only some of its clauses
   * ask something, those clauses alone ("…, của ai ban hành?" without "nghe tivi nói tỉnh có nghị quyết…").
   */
  function readAndMatch(text: string, whole: Reading, readText: (text: string) => Reading, repairDeadline: number, context: ReadonlySet<string> = NOTHING) {
    const matched = match(whole.understanding, repairDeadline, context);
    if (isConfident(matched.hits)) return { reading: whole, ...matched };
    // "Hiện nay Khánh Hòa xếp hạng 9/34 về DTI đúng không?": a wrong number claimed is no word of the topic — the
    // topic without it finds what to check the claim against.
    const { claim = [], aspect } = whole.understanding.slots;
    // Not for a figure put roughly ("khoảng 24 nghìn", "gần 0,71"), which no figure of ours may be said to match or not.
    if (claim.length > 0 && aspect === "confirm" && !ROUGHLY.test(whole.understanding.topicText)) {
      const claimed = new Set(claim.map(String));
      const topicText = tokens(whole.understanding.topicText).filter((word) => !claimed.has(word)).join(" ");
      const again = match({ ...whole.understanding, topicText }, repairDeadline, context);
      if (isConfident(again.hits)) return { reading: whole, ...again };
    }
    const asking = coreOf(text).asking;
    if (asking === undefined) return { reading: whole, ...matched };
    const narrower = readText(asking);
    const again = match(narrower.understanding, repairDeadline, context);
    if (!isConfident(again.hits)) return { reading: whole, ...matched };
    // "Bác đọc báo thấy tỉnh muốn đến năm 2030 lọt vào nhóm đầu. Nhóm bao nhiêu tỉnh?": the year, scope and what is
    // asked may be said in the clauses around the question.
    const around = pick(whole.understanding.slots, CARRIED_FROM_CONTEXT);
    const slots = { ...around, ...narrower.understanding.slots };
    return { reading: { ...narrower, understanding: { ...narrower.understanding, slots } }, ...again };
  }

  /** Whether the best match is good enough, and far enough ahead of an unrelated runner-up, to answer. */
  function isConfident(hits: readonly SearchHit[]): boolean {
    const [top, runnerUp] = hits;
    if (!top) return false;
    const bar = (top.unexplained ?? 0) >= POORLY_EXPLAINED ? POORLY_EXPLAINED_THRESHOLD : ANSWER_THRESHOLD;
    if (top.score < bar) return false;
    if (!runnerUp) return true;
    const gap = top.score - runnerUp.score;
    const rivals =
      // Two of a kind that read alike (three people "giữ chức gì") stay rivals however well they match;
      // two overviews do not (the goals asked with "đạt chưa" are the status overview).
      (top.score < SURE_THRESHOLD || (top.doc.kind === runnerUp.doc.kind && top.doc.kind !== "topic" && gap < TIE)) &&
      gap < MARGIN &&
      // A runner-up that leaves clearly more of the question unexplained is no real rival.
      (runnerUp.unexplained ?? 0) - (top.unexplained ?? 0) < BETTER_EXPLAINED &&
      !relatedTo(top.doc).has(runnerUp.doc.id) &&
      !relatedTo(runnerUp.doc).has(top.doc.id) &&
      !siblings(top.doc.id, runnerUp.doc.id);
    return !rivals;
  }

  /** A reading kept for repeated questions, by its text and what "ông ấy", "văn bản đó" may point to. */
  function cachedRead(text: string, repairDeadline: number, focus: Focus | undefined): Reading {
    // The year is part of the key: "năm nay" reads as another year after New Year.
    return readings.get(`${text}\u0000${focusKey(focus)}\u0000${now().getFullYear()}`, () => read(text, repairDeadline, focus));
  }

  /** What the engine reads in a question's text, the same every time it is asked: kept for repeated questions. */
  function read(text: string, repairDeadline: number, focus?: Focus): Reading {
    const typed = coreOf(text).text;
    // A person or newspaper named that the knowledge lacks ("Phó Thủ tướng Vũ Đức Đam") is a claim to check, not words to
    // look for: it is kept aside and taken out of the text searched.
    const names = claimedNames(typed);
    const otherPeople = names.people.filter(({ folded }) => !isKnownPerson(folded));
    const papers = names.papers.map(({ folded }) => folded);
    const core = [...otherPeople, ...names.papers.filter(({ folded }) => !knownPaper(folded))].reduce((left, { typed: name }) => left.replace(name, " "), typed);
    const folded = fold(core);
    const expanded = expand(untelex(withCalendarYears(resolveReferences(markedFilter(core, folded), focus), now().getFullYear())));
    const understood = understand(expanded, peopleNames);
    const documents = documentsNamed(expanded);
    const offices = mayNameOffice.test(expanded) ? officeNames.filter(({ pattern }) => pattern.test(expanded)).map(({ id }) => id) : [];
    const namesAnotherProvince = ANOTHER_PROVINCE_NAMED.test(expanded);
    // An issuer named with another province ("elsewhere") starts with one of its names all the same.
    const issuersNamed = mayNameIssuer.test(expanded)
      ? issuerNames
          .flatMap(({ issuer, pattern, elsewhere }) => {
            const province = namesAnotherProvince ? elsewhere.exec(expanded) : null;
            if (province) return [{ issuer: `${issuer} (${province[1]})`, at: province.index }];
            const at = pattern.at(expanded);
            return at >= 0 ? [{ issuer, at }] : [];
          })
          .sort((a, b) => a.at - b.at)
      : [];
    // "Có phải do UBND tỉnh ban hành không, hay là của Tỉnh ủy?", "do UBND hay Tỉnh ủy ban hành?": a choice between two
    // issuers. The first is the one claimed; with nothing claimed, the question is who issued it.
    const [firstIssuer, secondIssuer] = issuersNamed;
    const choosesIssuer = issuersNamed.length === 2 && CHOICE.test(expanded.slice(firstIssuer!.at, secondIssuer!.at));
    const issuers = (choosesIssuer && understood.slots.aspect === "confirm" ? [firstIssuer!] : issuersNamed).map(({ issuer }) => issuer);
    const named = mayNamePerson.test(expanded) ? personNames.filter(({ pattern }) => pattern.test(expanded)) : [];
    const people = [...named.map(({ name }) => name), ...otherPeople.map(({ folded }) => folded)];
    if (offices.length === 0) offices.push(...unique(titlesHeld.filter(({ holder, pattern }) => people.includes(holder) && pattern.test(expanded)).map(({ id }) => id)));
    const neighbour = named.flatMap(({ name, neighbour: pattern }) => {
      const match = pattern.exec(expanded);
      return match ? [{ to: match[1] === "truoc" ? ("before" as const) : ("after" as const), name }] : [];
    })[0];
    // "… mục tiêu 749 không": the number of a document named is no claimed figure.
    const numbers = documents.map((id) => Number(/\d+/.exec(lookup.documents.get(id)!.number)?.[0]));
    const { claim: claimed, ...slots } = understood.slots;
    const claim = claimed?.filter((n) => !numbers.includes(n));
    // "Theo 749, đến 2025 kinh tế số bao nhiêu % GDP": a year of a document that sets targets asks for its target.
    const setsTargetOfYear = documents.length === 1 && targetSetters.has(documents[0]!) && slots.year !== undefined && !slots.aspect;
    // "Kế hoạch năm 2024 đặt kinh tế số chiếm bao nhiêu % GRDP?": "đặt" (set) folds as "đạt" (reach); typed with its
    // mark, it asks for what was set — by a plan or document it names ("đặt được" is "đạt được" mistyped).
    const setByMark =
      SET_TYPED.test(core.toLowerCase()) && (documents.length > 0 || SETTER.test(expanded)) && (slots.aspect === undefined || slots.aspect === "actual");
    // Set on the copy the destructuring made rather than spread into another (spreads of optional parts are slow);
    // a key is only set when it has a value, as later slots are spread over earlier ones.
    const readSlots: Slots = slots;
    if (claim?.length) readSlots.claim = claim;
    // "Tỷ lệ … năm 2030 là bao nhiêu?": a year still to come has no figure, only a target ("thực tế năm 2030" asks one).
    // Only a year some target is set for: "năm 2027 xếp hạng mấy" is better told there is no figure yet, and the latest.
    const yearToCome =
      slots.year !== undefined && slots.year > now().getFullYear() && targetYears.has(slots.year) && (slots.aspect === undefined || slots.aspect === "actual") && !MEASURED.test(expanded);
    if (setsTargetOfYear || setByMark || yearToCome) readSlots.aspect = "target";
    if (choosesIssuer && slots.aspect === undefined) readSlots.aspect = "who";
    // "NQ 16 có đặt chỉ tiêu cho doanh nghiệp không?" asks whether there is such a target, not whether one was reached.
    const lowered = core.toLowerCase();
    // Typed without marks, "co dat muc tieu" right after the document is what it sets ("Khánh Hòa có đạt mục tiêu của
    // NQ 16 không" names the province before it).
    const setUnmarked = () => isAscii(core) && documents.length > 0 && DOCUMENT_SETS.test(expanded);
    if (slots.aspect === "verdict" && slots.polarity === "khong" && (ASKS_IF_SET.test(lowered.slice(lowered.lastIndexOf("có "))) || setUnmarked())) {
      readSlots.aspect = "target";
      readSlots.exists = true;
    }
    // Only claimed of a document named: "mục tiêu tầm nhìn 2030 của NQ 16" asks for the goals of that year.
    const horizon = documents.length > 0 && (slots.aspect === "confirm" || slots.polarity !== undefined) ? HORIZON.exec(expanded)?.[1] : undefined;
    if (horizon) readSlots.horizon = Number(horizon);
    // "lúc đó ai làm bí thư?" after when NQ 16 was issued: the moment is the year of what the chat was about.
    const momentOfFocus = slots.then && slots.year === undefined && focus?.main ? (lookup.documents.get(focus.main.id) ?? lookup.events.get(focus.main.id))?.date : undefined;
    if (momentOfFocus) readSlots.year = Number(momentOfFocus.slice(0, 4));
    if (neighbour) readSlots.next = neighbour;
    if (documents.length === 1) readSlots.document = documents[0]!;
    if (offices.length > 0) readSlots.offices = offices;
    if (issuers.length > 0) readSlots.issuers = issuers;
    if (people.length > 0) readSlots.people = people;
    if (papers.length > 0) readSlots.papers = papers;
    const understanding = { ...understood, slots: readSlots };
    const topic = index.analyze(tokens(understanding.topicText), repairDeadline);
    const rest = index.analyze(tokens(understanding.restText), repairDeadline);
    const offTopic = offTopicRequest(folded);
    const documentPattern = documents.length === 1 ? documentNames.find(({ id }) => id === documents[0])!.everywhere : undefined;
    const besides = documentPattern ? index.analyze(tokens(understanding.restText.replace(documentPattern, " ").replace(/\s+/g, " ").trim()), repairDeadline) : rest;
    const position = (id: string) => documentNames.find((name) => name.id === id)!.pattern.exec(expanded)?.index ?? 0;
    const which = WHICH_FIRST.test(expanded);
    const ordered = which || BEFORE_OR_AFTER.test(expanded) ? [...documents].sort((a, b) => position(a) - position(b)) : undefined;
    return {
      offTopic,
      ordered: ordered ? { ids: ordered, which } : undefined,
      understanding,
      namedInTopic: topic.terms.length + topic.unknown.length,
      namedInRest: rest.terms.length + rest.unknown.length,
      unknownInTopic: topic.unknown.length,
      namedBesidesDocument: besides.terms.length + besides.unknown.length,
    };
  }

  /**
   * Several questions in one message are answered one after the other, as a conversation would (the second may
   * lean on the first: "…, ai ký?"), when that answers more of them than reading the message whole does.
   */
  function ask(question: string, conversation: Conversation = createConversation()): Answer {
    const text = clean(question);
    const readable = text.length <= maxLength && !isCommand(text);
    const asked = readable ? coreOf(text).parts : undefined;
    // One question per pillar named stands alone: each names its subject in full.
    const pillarParts = readable && !asked ? perPillar(fold(coreOf(text).text)) : undefined;
    const parts = asked ?? pillarParts;
    const before = conversation.last;
    const whole = askOne(question, conversation);
    if (!parts) return readable ? bothSubjects(coreOf(text).subjects, whole, before, conversation) : whole;
    const scratch: Conversation = before ? { last: before } : {};
    const answers: Answer[] = [];
    for (const part of parts) {
      const answer = askOne(aboutEarlierSubject(part, answers.length > 0, scratch), scratch, answers.length > 0);
      // "…, họp ngày nào?" names too little to stand alone: its answer must be about what the parts before are.
      const earlier = new Set(answers.flatMap((previous) => previous.entries));
      const about = answer.entries[0];
      const onTopic =
        answers.length === 0 ||
        (about !== undefined && [...earlier].some((id) => id === about || relatedTo(docsById.get(id)).has(about) || relatedTo(docsById.get(about)).has(id)));
      const standsAlone = onTopic || pillarParts !== undefined || isOwnQuestion(part, cachedRead(part, performance.now() + repairBudgetMs, before?.focus));
      answers.push(standsAlone ? answer : { ...answer, answered: false });
    }
    const answered = answers.filter((answer) => answer.answered);
    const leads = new Set(answered.map((answer) => JSON.stringify(answer.blocks[0]))).size;
    // One answer that says what every part asks ("… lõi chiếm bao nhiêu %, còn số hóa các ngành?"), said once.
    if (answered.length === answers.length && leads === 1 && answers.length > 1 && !whole.answered) {
      conversation.last = scratch.last;
      return answers[0]!;
    }
    const better = answered.length === answers.length ? leads === answered.length : !whole.answered && answered.length > 0;
    if (!better) return whole;
    conversation.last = scratch.last;
    return combineAnswers(parts, answers);
  }

  /**
   * "Tỷ lệ văn bản điện tử và tỷ lệ chữ ký số hiện nay là bao nhiêu?": when the whole message answered one of two
   * subjects sharing its question, or none, both — each a thing of its own of one kind (not "tỉnh và cả nước",
   * which compares).
   */
  function bothSubjects(subjects: readonly string[] | undefined, whole: Answer, before: Conversation["last"], conversation: Conversation): Answer {
    if (!subjects) return whole;
    const scratch: Conversation = before ? { last: before } : {};
    const answers = subjects.map((subject) => askOne(subject, scratch));
    const leads = answers.map((answer) => answer.entries[0]);
    const kinds = new Set(leads.map((id) => (id ? docsById.get(id)?.kind : undefined)));
    const apart =
      answers.every((answer) => answer.answered) &&
      leads.every((id) => id !== undefined && !id.startsWith("@")) &&
      new Set(leads).size === leads.length &&
      kinds.size === 1 &&
      (!whole.answered || leads.includes(whole.entries[0])) &&
      // One answer about both ("văn bản nào ban hành trước?") is not split.
      !(whole.answered && leads.every((id) => whole.entries.includes(id!)));
    if (!apart) return whole;
    conversation.last = scratch.last;
    return combineAnswers(subjects, answers);
  }

  /** Whether an indicator or goal has a target set by the document. */
  function setsTargetIn(doc: SearchDoc, documentId: string): boolean {
    const targets = lookup.indicators.get(doc.id)?.targets ?? [lookup.goals.get(doc.id) ?? []].flat();
    return targets.some((target) => target.document === documentId);
  }

  /**
   * A text of the knowledge folded, and folded with synonyms expanded as questions are, made when first needed: the
   * answers and details an entry says are read again on every question that finds it.
   */
  const knowledgeTexts = new Map<string, { readonly folded: string; readonly expanded: string }>();
  function knowledgeText(text: string): { readonly folded: string; readonly expanded: string } {
    let read = knowledgeTexts.get(text);
    if (!read) {
      const folded = fold(text);
      knowledgeTexts.set(text, (read = { folded, expanded: expand(folded) }));
    }
    return read;
  }

  /** The words (synonyms expanded) of a text of the knowledge, made when first needed. */
  const wordsOfText = new Map<string, ReadonlySet<string>>();
  function wordsOf(text: string): ReadonlySet<string> {
    let words = wordsOfText.get(text);
    if (!words) wordsOfText.set(text, (words = new Set(tokens(knowledgeText(text).expanded))));
    return words;
  }

  /**
   * A claim that puts figures of different measures as one series or one a multiple of the other: each number claimed
   * is a figure of one or two indicators only, and no indicator has them all.
   */
  function mixedMeasures(slots: Slots, folded: string): Composed | undefined {
    const numbers = slots.claim ?? [];
    if (numbers.length < 2 || !SERIES_OR_MULTIPLE.test(folded)) return undefined;
    const owners = numbers.map((n) =>
      [...lookup.indicators.values()].flatMap((indicator) => indicator.measurements.filter((m) => m.value === n).map((measurement) => ({ indicator, measurement })).slice(0, 1)),
    );
    if (owners.some((found) => found.length === 0 || found.length > MAX_INDICATORS_SHARING_A_NUMBER)) return undefined;
    const shared = owners.reduce((common, found) => common.filter((id) => found.some(({ indicator }) => indicator.id === id)), owners[0]!.map(({ indicator }) => indicator.id));
    return shared.length > 0 ? undefined : composeMixedMeasures(owners.map((found) => found[0]!));
  }

  /** The province's figure set against an average of the same measure ("giá trị DTI" against its average), if it has one. */
  function provinceAgainst(average: Indicator, slots: Slots): Composed | undefined {
    if (!AVERAGE.test(fold(average.name))) return undefined;
    const claimed = slots.aspect === "confirm" ? slots.relation : undefined;
    for (const indicator of lookup.indicators.values()) {
      if (indicator === average || !indicator.measurements.some((m) => isProvincial(m.scope))) continue;
      const against = composeAgainst({ lookup, slots, today: now() }, indicator, average, claimed);
      if (against) return against;
    }
    return undefined;
  }

  /** Whether the words of a comparison, besides its comparing words, all name the indicator ("trung bình các tỉnh"). */
  function namesOnly(indicator: Indicator, topicText: string): boolean {
    const names = wordsOf([indicator.name, indicator.short, ...indicator.aliases].join(" "));
    const asked = topicWords(topicText).filter((word) => !COMPARING_WORDS.has(word));
    return asked.length > 0 && asked.every((word) => names.has(word));
  }

  /** What an FAQ's answer, an event's account (its date is part of it: "… nhập lại từ 1/7/2025 phải không?") or a goal says. */
  function saidBy(doc: SearchDoc): string | undefined {
    const event = lookup.events.get(doc.id);
    return lookup.faq.get(doc.id)?.answer ?? (event ? `${formatDate(event.date)} ${event.title} ${event.description ?? ""}` : goalSaid(doc.id));
  }

  /** A goal as a claim about it is worded: its text, whose goal it is ("Nghị quyết 16", "NQ16") and for when. */
  function goalSaid(id: string): string | undefined {
    const goal = lookup.goals.get(id);
    const document = goal && lookup.documents.get(goal.document);
    return goal && document ? `${goal.text} mục tiêu năm ${goal.year} ${documentName(document)} ${document.number} ${document.aliases.join(" ")}` : undefined;
  }

  /**
   * Whether an FAQ's answer, an event's account or a goal says what a question's topic claims: every number, and every word but one in a long
   * claim (a concept takes two words, so one word missing is wording: "ngành du lịch" for "du lịch").
   */
  function statesAll(doc: SearchDoc, topicText: string): boolean {
    const said = saidBy(doc);
    const asked = topicWords(topicText);
    // "Nguồn của trợ lý không nói …": an answer saying the sources are silent confirms nothing, whatever words it has.
    if (said === undefined || asked.length === 0 || SILENT_SOURCES.test(knowledgeText(said).folded)) return false;
    const words = wordsOf(said);
    const missing = asked.filter((word) => !words.has(word));
    // … unless it turns the meaning ("hết hiệu lực" of an answer saying "còn hiệu lực").
    return missing.length === 0 || (missing.length === 1 && asked.length >= MIN_WORDS_FOR_WORDING && !/\d/.test(missing[0]!) && !TURNING_WORDS.has(missing[0]!));
  }

  /**
   * A found entry's answer with the verdict a yes-or-no question wants, where the entry itself settles it:
   * "NQ 16 có mục tiêu về kiểm tra qua môi trường số không?" (found, every word of the question in it) and "Tỉnh đã có
   * trung tâm IOC, SOC chưa?" (an FAQ or event saying all of it, and nothing not yet so) → Có; "Nghị quyết ưu tiên du
   * lịch lên hàng đầu, có đúng không?" (every word and number claimed stated) → Đúng; "NQ16 có 8 lĩnh vực ưu tiên à?"
   * (a number claimed that the answer counts otherwise) → Không. A goal says what was set, never that it was reached;
   * "nghe nói NQ 16 là gì" asks what it is, no claim.
   */
  function withVerdictFound(composed: Composed, hit: SearchHit, understanding: Understanding): Composed {
    const { slots, topicText } = understanding;
    const whether = slots.exists || (slots.aspect === "verdict" && hit.doc.kind !== "indicator" && hit.doc.kind !== "goal");
    if (namesOthers(composed, slots) || mergedAway(hit.doc, understanding)) return withVerdict(composed, "Không");
    // "Báo Tuổi Trẻ có đưa tin … không?": an answer that does not name the paper says nothing of it either way.
    if (slots.papers?.length && !slots.papers.some(firstSays(composed))) return composed;
    const existsAsAsked = slots.exists && (hit.unexplained ?? 0) === 0 && saysDigitalPhrases(hit.doc, topicText);
    if (whether && (existsAsAsked || (statesAll(hit.doc, topicText) && !deniesSomething(hit.doc)))) return withVerdict(composed, "Có");
    if (slots.aspect === "confirm" && understanding.kind === undefined && statesAll(hit.doc, topicText)) return withVerdict(composed, slots.polarity === "khong" ? "Có" : "Đúng");
    return contradicts(composed, hit.doc, slots, topicText) ? withVerdict(composed, "Không") : composed;
  }

  /**
   * "Sở Thông tin và Truyền thông giờ còn không?" of what an entry says was merged into another: the words asked all
   * said in a clause before "hợp nhất vào" (the one it went into is still there).
   */
  function mergedAway(doc: SearchDoc, { slots, topicText }: Understanding): boolean {
    if (slots.polarity !== "khong" || !STILL_THERE.test(topicText)) return false;
    const said = saidBy(doc);
    const asked = topicWords(topicText.replace(STILL_THERE, "").replace(/\s+/g, " ").trim());
    // Clauses split as typed: folding takes the punctuation out.
    const mergedClauses = (said ?? "").split(/[.;,]/).flatMap((clause) => MERGED_INTO.exec(fold(clause))?.[1] ?? []);
    return asked.length > 0 && mergedClauses.some((clause) => asked.every((word) => wordsOf(clause).has(word)));
  }

  /** Whether an answer's first paragraph says a folded name, as a whole word or words. */
  function firstSays(composed: Composed): (name: string) => boolean {
    const first = composed.blocks[0];
    const said = first ? ` ${fold(blockTexts(first).join(" "))} ` : "";
    return (name) => said.includes(` ${name} `);
  }

  /**
   * Whether a claim names a person the knowledge lacks, or a newspaper, where the answer's first paragraph names
   * another: "bài đầu tiên là của báo Tuổi Trẻ đúng không?" against "Báo Khánh Hòa đăng bài …".
   */
  function namesOthers(composed: Composed, slots: Slots): boolean {
    if (slots.aspect !== "confirm") return false;
    const says = firstSays(composed);
    const otherPeople = (slots.people ?? []).filter((name) => !isKnownPerson(name));
    const papers = slots.papers ?? [];
    return (
      (otherPeople.length > 0 && !otherPeople.some(says) && peopleNames.some(says)) ||
      (papers.length > 0 && !papers.some(says) && publishers.some(says))
    );
  }

  /**
   * Whether an entry says each "… số" asked as one phrase: "số" (digital, or a number) is read as a word of its own, so
   * "NQ 01 có nhắc tới kinh tế số không?" finds every syllable in "kinh tế hai con số", which says nothing of it.
   */
  function saysDigitalPhrases(doc: SearchDoc, topicText: string): boolean {
    const document = lookup.documents.get(doc.id);
    const said = saidBy(doc) ?? (document && `${document.title} ${document.summary}`);
    if (said === undefined) return true;
    const saidText = ` ${knowledgeText(said).expanded} `;
    const asked = topicWords(topicText);
    // The word before may be a compound the topic joined ("xahoi"): its letters, spaced or not.
    const saysBefore = (word: string) => new RegExp(` ${[...word].map(escapeRegExp).join(" ?")} ${DIGITAL} `).test(saidText);
    return asked.every((word, i) => word !== DIGITAL || i === 0 || saysBefore(asked[i - 1]!));
  }

  /** Whether what an entry says has a "chưa" or "không" in it, so that it cannot simply affirm a "đã … chưa?". */
  function deniesSomething(doc: SearchDoc): boolean {
    return NEGATION.test(knowledgeText(saidBy(doc) ?? "").folded);
  }

  /**
   * Whether a yes-or-no question claims a number that the answer composed from an FAQ, goal or event
   * nowhere says (indicators, documents and people check their own claims).
   */
  function contradicts(composed: Composed, doc: SearchDoc, slots: Slots, question: string): boolean {
    if (slots.aspect !== "confirm" || !slots.claim?.length || !CLAIM_CHECKED_KINDS.has(doc.kind)) return false;
    const texts = composed.blocks.flatMap(blockTexts);
    const said = new Set(texts.flatMap(numbersIn));
    const folded = texts.map(fold).join(" \n ");
    // "xếp thứ chín": small numbers are often written out (so "năm", five, is always taken as said).
    const words = new Set(folded.split(" "));
    // Wrong only where the answer counts the same thing otherwise ("8 lĩnh vực" against "7 lĩnh vực"): a number it
    // merely does not print ("2 tỉnh thành 1", "gần 192 nghìn") may be said in other words.
    return slots.claim.some((n) => {
      // A date claimed ("từ 1/8/2025") is wrong where the answer dates it otherwise.
      if (isFoldedDate(n)) return !said.has(n) && [...said].some((other) => isFoldedDate(other));
      const counted = new RegExp(`(?<![^ ])${escapeRegExp(String(n))} (\\S+)`).exec(question)?.[1];
      const otherCount = counted && new RegExp(`(?<![^ ])\\d+(?:\\.\\d+)? ${escapeRegExp(counted)}(?= |$)`).test(folded);
      return !said.has(n) && !(NUMBER_WORDS[n] ?? []).some((word) => words.has(word)) && otherCount;
    });
  }

  /**
   * "Tỷ lệ giải quyết đúng hạn quý III/2025?", "Công văn 2390 giao đơn vị nào làm đầu mối?": the detail of an FAQ or
   * a document that says clearly more of what was asked than its answer does, and the entry it is said in.
   */
  function askedDetail(doc: SearchDoc, topicText: string, { aspect, year }: Slots): { detail: string; from: FaqEntry | DocumentEntry; proposer?: boolean } | undefined {
    if (NOT_LED.has(aspect)) return undefined;
    const faq = lookup.faq.get(doc.id);
    const document = lookup.documents.get(doc.id);
    const from = faq ? (faq.results ? undefined : faq) : document;
    if (!from || from.details.length === 0) return undefined;
    // "Ai đề nghị ban hành …?", "sở nào tham mưu?": the detail of a document saying who proposed it.
    const proposed = document && PROPOSER.test(topicText) ? from.details.find((detail) => PROPOSED_BY.test(knowledgeText(detail).expanded)) : undefined;
    if (proposed) return { detail: proposed, from, proposer: true };
    const answer = faq?.answer ?? `${document!.title} ${document!.summary}`;
    // Words naming the document ("công văn 2390") ask for none of its details.
    const naming = document ? wordsOf(`${document.number} ${document.aliases.join(" ")}`) : new Set<string>();
    // The year asked is a word of the question the reading took out ("… năm 2030": the detail for 2030, not for 2025).
    const asked = unique([...topicWords(topicText).filter((word) => !naming.has(word)), ...(year === undefined ? [] : [String(year)])]);
    const saidIn = (text: string) => asked.filter((word) => wordsOf(text).has(word)).length;
    // Of two details saying as much, the one of the year asked.
    const ofYear = (text: string) => year !== undefined && wordsOf(text).has(String(year));
    const best = from.details
      .map((detail) => ({ detail, said: saidIn(detail) }))
      .reduce((best, next) => (next.said > best.said || (next.said === best.said && ofYear(next.detail) && !ofYear(best.detail)) ? next : best));
    if (best.said < saidIn(answer) + MIN_DETAIL_LEAD) return undefined;
    // A document's details are many and long: one must say a phrase asked ("đầu mối") that its summary does not, not
    // only a syllable of one ("xuất" of "đề xuất" in "sản xuất").
    const phrases = asked.slice(1).map((word, i) => `${asked[i]} ${word}`);
    const [inDetail, inAnswer] = [best.detail, answer].map((text) => ` ${knowledgeText(text).expanded} `);
    return faq || phrases.some((phrase) => inDetail!.includes(` ${phrase} `) && !inAnswer!.includes(` ${phrase} `)) ? { detail: best.detail, from } : undefined;
  }

  /**
   * An entry's answer led by what the question's words ask: the detail `askedDetail` finds first, the answer after
   * it; an indicator's note that says what was asked joins its headline. A document's "who" asks whom that detail
   * names ("giao đơn vị nào làm đầu mối"), not who signed it. `settle` gives the answer its verdict before it is led.
   */
  function composeLed(doc: SearchDoc, slots: Slots, sourceIds: readonly string[], topicText: string, settle = (composed: Composed) => composed): Composed {
    const asked = askedDetail(doc, topicText, slots);
    const documentWho = doc.kind === "document" && slots.aspect === "who";
    // "Ai ban hành …?" asks who issued it; "ai đề nghị ban hành …?" who proposed it, which a detail says.
    const detailsWho = asked !== undefined && documentWho && (!ISSUED.test(topicText) || asked.proposer === true);
    const composed = settle(composeDoc(doc, detailsWho ? { ...slots, aspect: undefined } : slots, sourceIds));
    const [headline, ...rest] = composed.blocks;
    if (headline?.kind !== "headline") return composed;
    if (doc.kind === "indicator") {
      const noteLeads = slots.aspect !== "target" && !NOT_LED.has(slots.aspect);
      return noteLeads ? withAskedNote(composed, doc.id, unique(topicWords(topicText))) : composed;
    }
    if (!asked || (documentWho && !detailsWho)) return composed;
    // The detail is not said twice: out of the bullets it came from.
    const blocks = rest.map((block) => (block.kind === "bullets" ? { ...block, items: block.items.filter((item) => item !== asked.detail) } : block));
    // A WEAK entry's detail is as weak as its answer: said with its source.
    const lead = attribute(asked.detail, asked.from.confidence, lookup.sources.get(asked.from.sources[0] ?? ""));
    return { ...composed, blocks: [{ kind: "headline", text: lead }, { kind: "paragraph", text: headline.text }, ...blocks.filter((block) => block.kind !== "bullets" || block.items.length > 0)] };
  }

  /**
   * "Tỷ lệ giải quyết đúng hạn tại Trung tâm …?", "giá trị DTI năm 2024?": a figure's note that says what was asked
   * and its figure's line does not (the rate on time beside the online rate) joins the first paragraph.
   */
  function withAskedNote(composed: Composed, indicatorId: string, asked: readonly string[]): Composed {
    const [headline, support, ...rest] = composed.blocks;
    const indicator = lookup.indicators.get(indicatorId);
    if (headline?.kind !== "headline" || support?.kind !== "bullets" || !indicator) return composed;
    // Words that name the indicator itself ("hồ sơ nộp trực tuyến") ask for its figure, not for a note; words naming
    // a close measure ("giải quyết trực tuyến") ask for that one, which a note must not seem to answer.
    const related = indicator.related.flatMap((id) => lookup.indicators.get(id) ?? []);
    const named = [headline.text, indicator.short, ...indicator.aliases, ...related.flatMap((other) => [other.name, other.short, ...other.aliases])].map(wordsOf);
    const added = (item: string) => asked.filter((word) => !named.some((words) => words.has(word)) && wordsOf(item).has(word)).length;
    const best = support.items.map((item) => ({ item, added: added(item) })).reduce((best, next) => (next.added > best.added ? next : best));
    if (best.added < MIN_DETAIL_LEAD) return composed;
    const items = support.items.filter((item) => item !== best.item);
    return {
      ...composed,
      blocks: [{ kind: "headline", text: `${headline.text} ${best.item}` }, ...(items.length > 0 ? [{ ...support, items }] : []), ...rest],
    };
  }

  /**
   * "Nghị quyết 52 ban hành ngày nào và về vấn đề gì?": a later part that names little and asks no follow-up of its
   * own ("còn 2030?") is about the document or indicator of the part before; it is asked with that subject's name.
   */
  function aboutEarlierSubject(part: string, laterPart: boolean, scratch: Conversation): string {
    // A person is not a subject to lean on: "Ai chủ trì phiên họp…, họp ngày nào?" asks when the meeting was.
    const focus = laterPart ? scratch.last?.focus : undefined;
    const subject = [focus?.document, focus?.indicator].find((entity) => entity && entity.id === focus?.main?.id && entity.name === focus.main.name)?.name;
    if (!subject) return part;
    const reading = cachedRead(part, performance.now() + repairBudgetMs, scratch.last?.focus);
    const { namedInTopic, understanding } = reading;
    return namedInTopic <= MAX_WORDS_LEANING_ON_FOCUS && !isOwnQuestion(part, reading) && !understanding.followUp && !hasSlots(understanding.slots) ? `${subject} ${part}` : part;
  }

  /** `laterPart`: a part after the first of one message, which keeps the year and scope the message named before. */
  function askOne(question: string, conversation: Conversation, laterPart = false): Answer {
    const cleaned = clean(question);
    if (cleaned === "") return finish(composeInvalid("empty", maxLength), 0, conversation);
    if (cleaned.length > maxLength) return finish(composeInvalid("too-long", maxLength), 0, conversation);
    if (hasNoWords(cleaned)) return finish(composeInvalid("no-words", maxLength), 0, conversation);
    if (isCommand(cleaned)) return runCommand(parseCommand(cleaned), conversation);

    const repairDeadline = performance.now() + repairBudgetMs;
    const clock = now().getTime();
    const previous = recentTurn(conversation, clock);
    const text = withYearsAround(cleaned, previous?.slots.year, now().getFullYear());
    const reading = (asked: string) => cachedRead(asked, repairDeadline, previous?.focus);
    const first = reading(text);
    const picked = first.understanding.choice !== undefined ? previous?.suggestions[first.understanding.choice - 1] : undefined;
    if (picked) return askOne(picked, conversation);
    if (first.understanding.smallTalk) return finish(composeSmallTalk(first.understanding.smallTalk), 1, conversation);
    if (first.offTopic) return finish(composeOffTopic(first.offTopic), 0, conversation);

    const previousDoc = previous?.docId ? docsById.get(previous.docId) : undefined;
    const { reading: chosen, hits, decision } = readAndMatch(text, first, (asked) => reading(asked), repairDeadline, relatedTo(previousDoc));
    const { understanding, namedInTopic, namedInRest, unknownInTopic } = chosen;
    const { elsewhere, slots } = understanding;
    // Words the index has never seen ("bitcoin") are a topic too, just not one this assistant knows.
    const hasTopic = namedInTopic + elsewhere.length > 0;
    const top = hits[0];
    // "lúc đó" with no earlier moment to point to cannot be answered with certainty.
    const confident = isConfident(hits) && !(slots.then && !previous);

    if (understanding.asksForSources && (!confident || (understanding.sourcesOnly && previous?.sourceIds.length))) {
      const ctx: ComposeContext = { lookup, slots, today: now() };
      return finish(composeSources(ctx, previous?.sourceIds ?? [], previous?.about), 1, conversation);
    }
    // "KH 6502 ban hành trước hay sau NQ 16?", or "trước hay sau nghị quyết 16?" after an answer about a dated entry.
    // The whole message names both ("NQ 16 và QĐ 749, văn bản nào ban hành trước?"), also when its question alone is read.
    const order = first.ordered ?? chosen.ordered;
    const ordered = order?.ids ?? [];
    // One document named is set against the last answer's only when the question names nothing else ("… tính trước hay
    // sau sáp nhập?" names the merger).
    const againstLast = ordered.length === 1 && previousDoc && previousDoc.id !== ordered[0] && chosen.namedBesidesDocument <= BEFORE_OR_AFTER_WORDS;
    const comparedIds = ordered.length >= 2 ? ordered.slice(0, 2) : againstLast ? [previousDoc.id, ordered[0]!] : [];
    const dated = comparedIds.flatMap((id) => lookup.documents.get(id) ?? lookup.events.get(id) ?? []);
    if (dated.length === 2) {
      const ctx: ComposeContext = { lookup, slots, today: now() };
      return finish(composeOrder(ctx, dated[0]!, dated[1]!, order?.which), 1, conversation, docsById.get(dated[0]!.id), slots, understanding.topicText);
    }
    // An elliptical follow-up ("còn năm 2030 thì sao?", "còn cả nước?", "còn kinh tế số?") asks the last
    // question again with the new slots. "Mục tiêu năm 2030?" does too after an indicator or a goal.
    // So does one naming only the document whose target it wants ("thế QĐ 749 năm 2025 đặt bao nhiêu?").
    const onlyDocument =
      (previousDoc?.kind === "indicator" || previousDoc?.kind === "goal") &&
      (understanding.followUp || understanding.kind === "how-much") &&
      slots.document !== undefined &&
      targetSetters.has(slots.document) &&
      slots.aspect !== "define" &&
      chosen.namedBesidesDocument <= 1;
    // "Có đạt mục tiêu không?", "mục tiêu là bao nhiêu?" after a figure name nothing but what they ask of it.
    const asksOfTheLast = slots.progress === true || slots.aspect === "verdict" || slots.aspect === "target";
    const onlySlots = !hasTopic || onlyDocument || (namedInRest === 0 && elsewhere.length === 0 && (understanding.followUp || hasSlots(slots) || asksOfTheLast));
    // An FAQ that stands for indicators or goals ("Việt Nam xếp hạng chính phủ điện tử…") has targets too.
    // So has a document that sets some ("mục tiêu năm 2022?" after KH 4205).
    const hasTargets =
      previousDoc?.kind === "indicator" ||
      previousDoc?.kind === "goal" ||
      previousDoc?.kind === "topic" ||
      (previousDoc?.kind === "document" && targetSetters.has(previousDoc.id)) ||
      (previousDoc !== undefined && standsFor(previousDoc) > 0);
    // A new topic asked as a follow-up ("còn kinh tế số?") keeps the year and scope of the last answer.
    // So does the next part of one message ("năm 2021 đứng thứ mấy, có lọt top 25 không?").
    // "Theo QĐ 749, năm 2025 DVC mức 4 bao nhiêu % và kinh tế số chiếm bao nhiêu % GDP?": the second part asks the
    // document's target too.
    const targetOfPart = laterPart && previous?.slots.aspect === "target" && previous.slots.document !== undefined && targetSetters.has(previous.slots.document) && slots.aspect === undefined;
    // "Mục tiêu năm 2025?" naming nothing else after an answer about QĐ 749: that document's targets.
    const focusDocument = previous?.focus?.document?.id;
    const targetsOfFocus =
      slots.aspect === "target" &&
      slots.document === undefined &&
      slots.scope === undefined &&
      focusDocument !== undefined &&
      targetSetters.has(focusDocument) &&
      namedInTopic <= 2 &&
      namedInRest === 0;
    const carried = understanding.followUp && previous
      ? { ...previous.slots, ...slots }
      : laterPart && previous
        ? { ...pick(previous.slots, CARRIED_FROM_CONTEXT), ...slots, ...(targetOfPart ? { aspect: "target" as const } : {}) }
        : targetsOfFocus
          ? { ...slots, document: focusDocument, ...(lookup.documents.get(focusDocument)?.scope === "national" ? { scope: "national" as const } : {}) }
          : slots;
    // "Mục tiêu kinh tế số của Nghị quyết 16?": that pillar's goals of the document, both years — a
    // question of its own, also after another indicator (not "còn kinh tế số?" about it).
    if (slots.pillar && slots.aspect === "target" && (slots.document === MAIN_RESOLUTION || slots.document === NATIONAL_PROGRAMME) && chosen.namedBesidesDocument === 0) {
      const goals = docsById.get("@goals")!;
      const goalSlots = { ...carried, ...(slots.document === NATIONAL_PROGRAMME ? { scope: "national" as const } : {}) };
      return finish(composeDoc(goals, goalSlots, previous?.sourceIds ?? []), ANSWER_THRESHOLD, conversation, goals, goalSlots, understanding.topicText);
    }
    // "Còn trước nữa?" after "trước ông X là ai?": one more step the same way.
    const further = previous?.slots.next && FURTHER.test(fold(coreOf(text).text)) ? furtherNeighbour(previousDoc, previous.slots.next) : undefined;
    if (previousDoc && previous && further) {
      const merged = { ...previous.slots, next: further } satisfies Slots;
      return finish(composeDoc(previousDoc, merged, previous.sourceIds), 1, conversation, previousDoc, merged, previous.topic);
    }
    // "Vậy là tăng hay giảm, bao nhiêu bậc?" after two years of one figure, "tăng bao nhiêu so với 2023?" after the
    // figure of 2024: both years, and how it changed.
    const comparedYears =
      previous?.years ??
      (previous?.slots.year !== undefined && slots.year !== undefined && slots.year !== previous.slots.year ? [previous.slots.year, slots.year].sort() : undefined);
    if (previousDoc && previous && comparedYears && slots.change && namedInTopic <= 1) {
      const merged = { ...previous.slots, ...slots, years: comparedYears, aspect: "actual" } satisfies Slots;
      return finish(composeDoc(previousDoc, merged, previous.sourceIds), 1, conversation, previousDoc, merged, previous.topic);
    }
    if (previousDoc && previous && onlySlots && (!hasTopic || understanding.followUp || slots.pillar || hasTargets)) {
      // A document's target is of its own years, not of the year the figure before was asked for.
      const { year: _year, years: _years, ...kept } = previous.slots;
      // A figure the last question claimed is no target of this one ("… đứng thứ 41" → "có đạt mục tiêu không?").
      // "Hiện … đạt bao nhiêu?" after a target for 2030 asks today's figure: neither that year nor a target again.
      const { aspect: keptAspect, ...keptButAspect } = kept;
      const before = onlyDocument ? kept : slots.now ? (keptAspect === "target" ? keptButAspect : kept) : previous.slots;
      const merged = { ...withoutClaim(before), ...slots };
      // Naming nothing but what it asks of the last figure, the question is about that very entry.
      if (asksOfTheLast && !hasSlots(slots) && !understanding.followUp) {
        return finish(composeDoc(previousDoc, merged, previous.sourceIds), 1, conversation, previousDoc, merged, previous.topic);
      }
      // "Đến 2030?" after a document's detail for 2025: its detail for that year, not another entry on the same words.
      const detailsOfYear = slots.year !== undefined && lookup.documents.get(previousDoc.id)?.details.some((detail) => wordsOf(detail).has(String(slots.year)));
      if (previousDoc.kind === "document" && detailsOfYear && slots.year !== previous.slots.year && slots.aspect !== "actual") {
        const led = composeLed(previousDoc, merged, previous.sourceIds, previous.topic ?? "");
        return finish(led, 1, conversation, previousDoc, merged, previous.topic);
      }
      const topic = withPillar(previous.topic ?? "", slots.pillar);
      const againHits = search({ tokens: tokens(topic), years: merged.year ? [merged.year] : [], national: merged.scope === "national" });
      // After an FAQ, a target year asks for the indicator or goal the FAQ stands for ("còn 2030?" after the
      // 2025 goals asks for the 2030 ones, not for some 2030 goal).
      const target =
        previousDoc.kind === "faq" && slots.year !== undefined
          ? againHits.find((hit) => (hit.doc.kind === "indicator" || hit.doc.kind === "goal") && hit.score >= ANSWER_THRESHOLD && standsForIt(previousDoc, hit.doc))
          : undefined;
      // "còn QĐ 749?" after the province's digital-economy target: the indicator that document sets a target for.
      const ofDocument = onlyDocument
        ? (againHits.find((hit) => hit.score >= ANSWER_THRESHOLD && setsTargetIn(hit.doc, slots.document!)) ?? { doc: previousDoc, score: 1 })
        : undefined;
      // "Thế còn cả nước?" after the province's share of GRDP, which has no national figures: the nation's own
      // indicator of the same thing (the share of GDP).
      const ofNation =
        merged.scope === "national" && !nationalIndicators.has(previousDoc.id)
          ? lookup.indicators
              .get(previousDoc.id)
              ?.related.filter((id) => nationalIndicators.has(id))
              .flatMap((id) => docsById.get(id) ?? [])[0]
          : undefined;
      const again = target ?? ofDocument ?? againHits[0];
      if (ofNation) {
        // The province's document sets none of the nation's targets.
        const { document: _provincial, ...national } = merged;
        // Later follow-ups search again from its name, not from the province's question.
        const itsName = fold(lookup.indicators.get(ofNation.id)!.name);
        return finish(composeDoc(ofNation, national, previous.sourceIds), 1, conversation, ofNation, national, itsName);
      }
      const doc = again && again.score >= ANSWER_THRESHOLD ? again.doc : previousDoc;
      return finish(composeDoc(doc, merged, previous.sourceIds), 1, conversation, doc, merged, topic);
    }
    // "còn cấp huyện?", "cấp tỉnh thì sao?": a follow-up naming a detail asks the last question about that detail —
    // the entry the last topic and the detail find together that mentions the detail, unless the detail alone
    // finds something unrelated for sure.
    // "ai ký?", "ký ngày nào?" name an attribute, no detail ("Kỳ" folds like "ký": the focus answers them, below).
    const detail =
      understanding.followUp && unknownInTopic === 0 && namedInTopic <= MAX_DETAIL_WORDS && !isBareQuestion(understanding.topicText) ? detailOf(understanding.topicText) : "";
    if (previousDoc && previous?.topic && detail !== "") {
      const merged = { ...previous.slots, ...slots };
      const withDetail = search({ tokens: tokens(`${previous.topic} ${detail}`), years: merged.year ? [merged.year] : [], national: merged.scope === "national" }, DETAIL_CANDIDATES);
      // The last topic's many words weigh down what the detail adds: a lower bar, but the detail must be there.
      const found = withDetail.find((hit) => hit.score >= CONVERSATION_THRESHOLD && index.mentions(hit.doc, detail));
      const near = (doc: SearchDoc) => doc.id === previousDoc.id || relatedTo(previousDoc).has(doc.id) || relatedTo(doc).has(previousDoc.id) || siblings(doc.id, previousDoc.id);
      // A confident match of the last answer's kind that names the detail itself is a new subject ("còn chữ ký số?").
      const topHasIt = top && confident && top.doc.kind === previousDoc.kind && index.mentions(top.doc, detail);
      if (found && !topHasIt && (!(top && confident) || near(found.doc))) {
        return finish(composeLed(found.doc, merged, previous.sourceIds, understanding.topicText), found.score, conversation, found.doc, merged, previous.topic);
      }
    }
    // "Chỉ số thành phần?" after an FAQ whose answer says it ("… 8 chỉ số chính và 47 chỉ số thành phần"), "cấp
    // huyện?" after the goal "… 80% ở cấp huyện và 60% ở cấp xã": a bare phrase of the last answer's own words asks
    // about them there.
    const bareFollowUp =
      namedInTopic <= MAX_BARE_PHRASE_WORDS && unknownInTopic === 0 && !hasSlots(slots) && slots.aspect === undefined && slots.polarity === undefined && !hasQuestionWord(understanding.topicText);
    const lastFaq = bareFollowUp && previousDoc ? lookup.faq.get(previousDoc.id) : undefined;
    const lastGoal = bareFollowUp && previousDoc ? lookup.goals.get(previousDoc.id) : undefined;
    const saidLast = lastFaq ? [lastFaq.answer, ...lastFaq.details].join(" ") : lastGoal?.text;
    const lastWords = saidLast === undefined ? undefined : wordsOf(saidLast);
    if (previousDoc && previous && lastWords && topicWords(understanding.topicText).every((word) => lastWords.has(word))) {
      return finish(composeLed(previousDoc, previous.slots, previous.sourceIds, understanding.topicText), ANSWER_THRESHOLD, conversation, previousDoc, previous.slots, previous.topic);
    }
    // After an indicator, "QĐ 749 đặt mục tiêu bao nhiêu?" asks for the targets that document sets for it, not
    // for the document: when it sets some and the question names no other indicator or goal.
    const indicatorBefore = previousDoc?.kind === "indicator" ? lookup.indicators.get(previousDoc.id) : undefined;
    if (
      previousDoc &&
      previous &&
      slots.document !== undefined &&
      // "Văn bản đó ban hành ngày nào?", "ai ký?" ask about the document itself.
      slots.aspect !== "when" &&
      slots.aspect !== "who" &&
      indicatorBefore?.targets.some((target) => target.document === slots.document) &&
      !(top && confident && (top.doc.kind === "indicator" || top.doc.kind === "goal") && top.doc.id !== previousDoc.id)
    ) {
      // What a document sets is a target (whatever "là gì" reads as), for the years it sets, not the year just measured.
      const { year: _measuredYear, ...earlier } = previous.slots;
      const aspect = slots.aspect === "verdict" || slots.aspect === "confirm" || slots.aspect === "compare" ? slots.aspect : "target";
      // "… có vượt mục tiêu 749 không?" judges the figure just measured: its year stays.
      const merged = { ...(slots.year === undefined && aspect !== "verdict" ? earlier : previous.slots), ...slots, aspect } satisfies Slots;
      return finish(composeDoc(previousDoc, merged, previous.sourceIds), 1, conversation, previousDoc, merged, previous.topic);
    }
    // A short question that names too little to be answered alone ("ai ký?", "hạn là năm nào?", "giữ chức gì?")
    // asks about what the conversation is on, also when those words alone happen to match something.
    const focused = focusName(previous?.focus);
    if (focused && namedInTopic <= MAX_WORDS_LEANING_ON_FOCUS && (!(top && confident) || isBareQuestion(understanding.topicText))) {
      const leaning = reading(`${text} ${focused}`).understanding;
      const again = match(leaning, repairDeadline, relatedTo(previousDoc));
      const best = again.hits[0];
      if (best && isConfident(again.hits)) {
        const leaningSlots = { ...leaning.slots, ...(leaning.slots.year === undefined && previous?.slots.year !== undefined ? { year: previous.slots.year } : {}) };
        const composed = composeLed(best.doc, leaningSlots, previous?.sourceIds ?? [], understanding.topicText);
        return finish(composed, best.score, conversation, best.doc, leaningSlots, leaning.topicText);
      }
    }
    // "Tăng từ 56% lên 87,6%, đúng không?" of two measures: each said for what it is.
    const mixed = slots.aspect === "confirm" ? mixedMeasures(slots, fold(coreOf(text).text)) : undefined;
    if (mixed) return finish(mixed, ANSWER_THRESHOLD, conversation, docsById.get(mixed.entries[0]!), carried, understanding.topicText);
    // "NQ 16 ban hành năm 2020 đúng không?", "… có phải do UBND tỉnh ban hành không?", "… do ông X ký?": a claim about
    // when or by whom the document named was issued or signed is the document's to answer, not an FAQ's that mentions it.
    const namedDocument = slots.document ? docsById.get(slots.document) : undefined;
    // A year claimed of a document named with nothing else ("KH 4205 là của năm 2023 đúng không?") is when it was issued;
    // one said with "định hướng tới" its horizon.
    const claimsYear =
      slots.year !== undefined &&
      (ISSUED.test(understanding.topicText) || RELEASED_IN.test(fold(coreOf(text).text)) || slots.horizon !== undefined || chosen.namedBesidesDocument === 0);
    const claimsIssuance =
      (slots.aspect === "confirm" && (slots.issuers !== undefined || claimsYear || (slots.people !== undefined && SIGNS.test(understanding.topicText)))) ||
      (slots.aspect === "who" && (slots.issuers?.length ?? 0) > 1);
    if (namedDocument && claimsIssuance && unknownInTopic === 0) {
      return finish(composeDoc(namedDocument, carried, previous?.sourceIds ?? []), Math.max(top?.score ?? 0, ANSWER_THRESHOLD), conversation, namedDocument, carried, understanding.topicText);
    }
    const namedPeople = (slots.people ?? []).flatMap((name) => personIdsByName.get(name) ?? []);
    const namedPerson = namedPeople.length === 1 ? docsById.get(namedPeople[0]!) : undefined;
    // "Năm 2021 ông Nguyễn Hải Ninh là Chủ tịch UBND tỉnh à?": an office claimed of the one person named is theirs to
    // answer, though another person held it that year and matches better.
    if (namedPerson && slots.aspect === "confirm" && slots.offices !== undefined && top?.doc.kind === "person" && top.doc !== namedPerson && unknownInTopic === 0) {
      return finish(composeDoc(namedPerson, carried, previous?.sourceIds ?? []), Math.max(top.score, ANSWER_THRESHOLD), conversation, namedPerson, carried, understanding.topicText);
    }
    // "Khánh Hòa sáp nhập với Phú Yên đúng không?": what the sources say of the province with Ninh Thuận, claimed of
    // another province, is corrected by it.
    // (Its name may be typed with marks the knowledge never writes: "Phú" is then no word, so it is looked for here.)
    // Only a claim about the province's own merger, naming nothing else ("… xếp hạng cao hơn Đà Nẵng" is no such claim;
    // "Phú Yên sáp nhập với Đắk Lắk" is about neither province of ours).
    const folded = fold(coreOf(text).text);
    const places = slots.aspect === "confirm" && !confident && OURS.test(folded) ? otherProvinces(folded) : [];
    if (places.length > 0) {
      const placeWords = new Set(places.flatMap((place) => place.split(" ")));
      const words = tokens(understanding.topicText).filter((word) => !placeWords.has(word.replace(FOREIGN_MARK, "")));
      const topicText = words.join(" ");
      const claimsOnlyMerger = words.every((word) => MERGER_CLAIM_WORDS.has(word) || STOPWORDS.has(word) || PROVINCE_WORDS.has(word) || /^\d+$/.test(word));
      const withoutPlaces = { ...understanding, elsewhere: [], topicText };
      const again = match(withoutPlaces, repairDeadline);
      const paired = again.hits[0];
      if (claimsOnlyMerger && paired && isConfident(again.hits) && index.mentions(paired.doc, MERGER) && index.mentions(paired.doc, MERGED_PROVINCE)) {
        const corrected = withVerdict(composeDoc(paired.doc, carried, previous?.sourceIds ?? []), "Không");
        return finish(corrected, paired.score, conversation, paired.doc, carried, withoutPlaces.topicText);
      }
    }
    // "Vậy là cao hay thấp so với trung bình các tỉnh?" after a figure: that figure against the one the question names
    // (not one the last answer's neighbours bring to the top).
    const reference = top && confident && top.doc.kind === "indicator" && top.doc.id !== indicatorBefore?.id ? lookup.indicators.get(top.doc.id) : undefined;
    const referenceNamed = reference !== undefined && namesOnly(reference, understanding.topicText);
    // Only after a figure is there something to call high or low.
    const highOrLow = indicatorBefore !== undefined && HIGHER_OR_LOWER.test(fold(coreOf(text).text));
    if (indicatorBefore && reference && referenceNamed && (highOrLow || (slots.compare && understanding.followUp))) {
      const against = composeAgainst({ lookup, slots: carried, today: now() }, indicatorBefore, reference);
      if (against) return finish(against, top!.score, conversation, previousDoc, carried, previous?.topic);
    }
    // "Vậy là cao hay thấp?" naming nothing to set it against: against the average of its own measure when one comes
    // first, else the figure just given, with what its note says of it ("… thuộc nhóm thấp của cả nước").
    // A year, a scope or a comparison named ("so với năm 2021 thì cao hay thấp?") is something to set it against.
    const namesNothingElse = () =>
      !hasSlots(slots) && index.analyze(tokens(understanding.topicText.replace(HIGHER_OR_LOWER, " ")), repairDeadline).terms.length === 0;
    if (indicatorBefore && previousDoc && previous && highOrLow && !referenceNamed && namesNothingElse()) {
      const merged = { ...withoutClaim(previous.slots), ...slots };
      const against = reference && composeAgainst({ lookup, slots: merged, today: now() }, indicatorBefore, reference);
      const answer = against || composeLed(previousDoc, merged, previous.sourceIds, understanding.topicText);
      return finish(answer, against ? top!.score : ANSWER_THRESHOLD, conversation, previousDoc, merged, previous.topic);
    }
    // "DTI 2024 của Khánh Hòa cao hơn trung bình các tỉnh không?": the province's own figure against the average named.
    const againstAverage = reference && !indicatorBefore && slots.compare && slots.scope === "province" ? provinceAgainst(reference, carried) : undefined;
    if (againstAverage) return finish(againstAverage, top!.score, conversation, top!.doc, carried, understanding.topicText);
    if (top && confident) {
      const led = composeLed(top.doc, carried, previous?.sourceIds ?? [], understanding.topicText, (composed) => withVerdictFound(composed, top, understanding));
      // "Thông tin … đăng trên báo nào?": where it comes from, then the fact.
      return finish(understanding.asksForSources ? withSourceSaid(led) : led, top.score, conversation, top.doc, carried, understanding.topicText);
    }
    // In a conversation, an unsure match that the previous answer points to is what the user means.
    const pointedTo = previousDoc
      ? hits.find((hit) => hit.score >= CONVERSATION_THRESHOLD && relatedTo(previousDoc).has(hit.doc.id))
      : undefined;
    if (pointedTo && hits.every((hit) => hit === pointedTo || hit.score < pointedTo.score + MARGIN)) {
      return finish(composeLed(pointedTo.doc, carried, previous?.sourceIds ?? [], understanding.topicText), pointedTo.score, conversation, pointedTo.doc, carried, understanding.topicText);
    }
    // "còn bitcoin thì sao?" names something the knowledge has never heard of: not the last topic again.
    if (previousDoc && previous && understanding.followUp && unknownInTopic === 0) {
      const merged = { ...previous.slots, ...slots };
      return finish(composeDoc(previousDoc, merged, previous.sourceIds), 1, conversation, previousDoc, merged, previous.topic);
    }
    // Nothing matched well, but the question names one document and nothing unknown, and asks when, by whom, or
    // whether ("QĐ 749 ký năm 2019 đúng không?"), or what one of its details says ("theo QĐ 411 bao nhiêu % người
    // từ 15 tuổi có tài khoản thanh toán?"): it is about that document.
    const aboutTheDocument = slots.aspect === "confirm" || slots.aspect === "when" || slots.aspect === "who";
    // Words only its details use are unknown to the search, not to the document.
    const documentDetail = namedDocument && !aboutTheDocument ? askedDetail(namedDocument, understanding.topicText, slots)?.detail : undefined;
    const saysUnknown = () => index.analyze(tokens(understanding.topicText), repairDeadline).unknown.every((word) => wordsOf(documentDetail!).has(word));
    if (namedDocument && ((aboutTheDocument && unknownInTopic === 0) || (documentDetail && saysUnknown()))) {
      return finish(composeLed(namedDocument, carried, previous?.sourceIds ?? [], understanding.topicText), ANSWER_THRESHOLD, conversation, namedDocument, carried, understanding.topicText);
    }
    // Likewise for one person named and asked what they said or who they are ("Ông Tuân nhận xét thế nào về …").
    if (namedPerson && (slots.quote || slots.aspect === "who" || slots.aspect === "define" || slots.aspect === "why")) {
      return finish(composeDoc(namedPerson, carried, previous?.sourceIds ?? []), ANSWER_THRESHOLD, conversation, namedPerson, carried, understanding.topicText);
    }
    if (top && decision.probability >= DECISION_MODEL.clarifyAt) {
      const prompts = [...new Set(hits.filter((hit) => hit.score >= CLARIFY_THRESHOLD * 0.8).map((hit) => hit.doc.prompt))].slice(0, 3);
      return finish(composeClarify(prompts), top.score, conversation);
    }
    // Only slot words ("năm 2030", "hiện nay") and nothing to lean on: the overview for that slot.
    if (!hasTopic && slots.year) return finish(composeDoc(docsById.get("@goals")!, slots, []), 0.5, conversation, docsById.get("@goals"), slots, "");
    if (!hasTopic && slots.now) return finish(composeDoc(docsById.get("@status-all")!, slots, []), 0.5, conversation, docsById.get("@status-all"), slots, "");
    return finish(composeFallback(), top?.score ?? 0, conversation);
  }

  function explain(question: string): Explanation {
    const repairDeadline = performance.now() + repairBudgetMs;
    const text = clean(question);
    const readText = (asked: string) => read(asked, repairDeadline);
    const { reading: { understanding }, hits, decision } = readAndMatch(text, readText(text), readText, repairDeadline);
    const { terms, unknown } = index.analyze(prepare(understanding).tokens, repairDeadline);
    return {
      terms,
      unknown,
      slots: understanding.slots,
      hits: hits.map((hit) => ({ id: hit.doc.id, score: Math.round(hit.score * 1000) / 1000, unexplained: Math.round((hit.unexplained ?? 0) * 1000) / 1000 })),
      decision: { ...decision, ...(hits[0] ? { entry: composeDoc(hits[0].doc, understanding.slots, []).entries[0] } : {}) },
    };
  }

  return { knowledge, ask, explain };
}
