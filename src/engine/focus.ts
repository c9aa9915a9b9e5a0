// What a conversation is about: the person, document, office and indicator of the last answers, so that "ông ấy",
// "văn bản đó", "chỉ số này" or a bare "ai ký?" point to the right one. Each answer brings its own entities; the
// kinds it does not bring stay from before (a follow-up about a document keeps the person asked about earlier).
import { fold } from "../text/normalize.js";
import { documentName } from "./compose/common.js";
import type { Lookup } from "./lookup.js";

export interface FocusEntity {
  readonly id: string;
  /** How the entity is named in a question, so a question naming it finds it. */
  readonly name: string;
}

export interface Focus {
  readonly person?: FocusEntity;
  readonly document?: FocusEntity;
  readonly office?: FocusEntity;
  readonly indicator?: FocusEntity;
  /** The main entity of the last answer: what "nó" (it) refers to. */
  readonly main?: FocusEntity;
}

/**
 * The entities an answer built from this entry (and the others it names: the document setting a target) brings,
 * merged over those of the conversation so far.
 */
export function focusOf(lookup: Lookup, entryId: string, previous: Focus | undefined, alsoAbout: readonly string[] = []): Focus {
  const person = (id: string): FocusEntity | undefined => {
    const found = lookup.people.get(id);
    return found ? { id, name: found.name } : undefined;
  };
  const document = (id: string): FocusEntity | undefined => {
    const found = lookup.documents.get(id);
    return found ? { id, name: documentName(found) } : undefined;
  };
  const office = lookup.offices.get(entryId);
  const faq = lookup.faq.get(entryId);
  const event = lookup.events.get(entryId);
  const related = [entryId, ...(faq?.related ?? []), ...(event?.documents ?? []), ...alsoAbout];
  const indicatorOf = (id: string): FocusEntity | undefined => {
    const found = lookup.indicators.get(id);
    return found ? { id, name: found.short } : undefined;
  };
  // After an office, "ông ấy" is its latest holder; after a document, the one who signed it.
  const holder = office?.holders.at(-1);
  const holderEntity = holder ? (holder.person ? person(holder.person) : holder.name ? { id: office!.id, name: holder.name } : undefined) : undefined;
  const signer = lookup.documents.get(entryId)?.signer;
  const signerEntity = signer ? ([...lookup.people.values()].find((p) => p.name === signer) ?? { id: entryId, name: signer }) : undefined;
  const brought = {
    person: holderEntity ?? (signerEntity ? { id: signerEntity.id, name: signerEntity.name } : firstOf(related, person)),
    document: firstOf(related, document),
    office: office ? { id: office.id, name: office.name } : undefined,
    indicator: firstOf(related, indicatorOf),
  };
  // What "nó" means: the entry itself, or else the first thing it is about.
  // A signer the knowledge has no person entry for carries the document's id: the document is still what "nó" is.
  const main = [brought.office, brought.document, brought.person, brought.indicator].find((entity) => entity?.id === entryId) ?? brought.document ?? brought.indicator;
  // The kinds brought replace those before; set one by one rather than spread (spreads of optional parts are slow).
  const focus: { -readonly [K in keyof Focus]: Focus[K] } = { ...previous };
  if (brought.person) focus.person = brought.person;
  if (brought.document) focus.document = brought.document;
  if (brought.office) focus.office = brought.office;
  if (brought.indicator) focus.indicator = brought.indicator;
  if (main) focus.main = main;
  return focus;
}

/** The entity of the first id that names one: the others are not made (every answer asks this three times). */
function firstOf(ids: readonly string[], entity: (id: string) => FocusEntity | undefined): FocusEntity | undefined {
  for (const id of ids) {
    const found = entity(id);
    if (found) return found;
  }
  return undefined;
}

const PERSON = /(?<![^ ])(?:ong|ba|anh|chi|vi|nguoi) (?:ay|do|nay|kia)(?= |$)/;
const DOCUMENT = /(?<![^ ])(?:van ban|nghi quyet|quyet dinh|ke hoach|chuong trinh|cong van|de an|bai bao|bai) (?:do|nay|ay|kia|tren)(?= |$)/;
const OFFICE = /(?<![^ ])(?:so|co quan|don vi|bo|chuc danh|chuc vu) (?:do|nay|ay)(?= |$)/;
const INDICATOR = /(?<![^ ])(?:chi so|chi tieu|ty le|con so|hang|muc tieu) (?:do|nay|ay)(?= |$)/;
const IT = /(?<![^ ])(?:no|cai do|cai nay)(?= |$)/;

/** Whether a folded question has words that point back ("ông ấy", "văn bản đó", "nó"). */
export function pointsBack(folded: string): boolean {
  return [PERSON, DOCUMENT, OFFICE, INDICATOR, IT].some((pattern) => pattern.test(folded));
}

/**
 * The question with the words that point back ("ông ấy", "văn bản đó", "chỉ số này", "nó") replaced by the name of
 * the entity they point to. Folded text in, folded text out.
 */
export function resolveReferences(folded: string, focus: Focus | undefined): string {
  if (!focus) return folded;
  const swaps: [RegExp, FocusEntity | undefined][] = [
    [PERSON, focus.person],
    [DOCUMENT, focus.document],
    [OFFICE, focus.office],
    [INDICATOR, focus.indicator],
    [IT, focus.main],
  ];
  let text = folded;
  for (const [pattern, entity] of swaps) if (entity) text = text.replace(pattern, fold(entity.name));
  return text;
}

/** Words that only ask for an attribute of something ("ai ký", "ngày nào", "giữ chức gì", "hạn là năm nào"). */
const ATTRIBUTE_WORDS: ReadonlySet<string> = new Set(
  "ai ky ngay nao khi bao gio luc nam han chuc vu giu lam noi vay nguoi ban hanh de xuat chu tri dau o may gi la co khong con thi sao cu the so hieu tu ra doi hieu luc nham muc dich".split(" "),
);

/** Whether a question's topic is only attribute words: it asks about whatever the conversation is on. */
export function isBareQuestion(topicText: string): boolean {
  return topicText.split(" ").every((word) => word === "" || ATTRIBUTE_WORDS.has(word));
}

/** The name of what the conversation is about, to add to a question that names nothing ("ai ký?", "hạn năm nào?"). */
export function focusName(focus: Focus | undefined): string | undefined {
  return focus?.main?.name;
}
