// Single knowledge entries that carry their own text: FAQ, documents, people, timeline events.
import type { DocumentEntry, FaqEntry, Person, TimelineEvent } from "../../knowledge/schema.js";
import type { Block } from "../answer.js";
import { fold } from "../../text/normalize.js";
import { attribute, formatDate, withoutFinalStop } from "../format.js";
import type { Lookup } from "../lookup.js";
import { documentName, pickSuggestions, unique, type ComposeContext, type Composed } from "./common.js";
import { composeOffice, holdsNow, officeNow, onDate, putsClaim, yesOrNo } from "./offices.js";
import { summarizeResults } from "./results.js";
import { tenures, tenuresIn } from "../office-holders.js";

/** A question that leads back to an entry: used for suggestions and "Có phải bạn muốn hỏi…". */
export function promptFor(lookup: Lookup, id: string): string | undefined {
  const faq = lookup.faq.get(id);
  if (faq) return faq.questions[0];
  const document = lookup.documents.get(id);
  if (document) return `${documentName(document)} là gì?`;
  const indicator = lookup.indicators.get(id);
  if (indicator) return `${indicator.name} hiện nay?`;
  const person = lookup.people.get(id);
  if (person) return `${person.name} là ai?`;
  const event = lookup.events.get(id);
  if (event) return event.questions[0] ?? `${event.title}?`;
  const goal = lookup.goals.get(id);
  if (goal) return goal.questions[0] ?? `Mục tiêu năm ${goal.year}: ${goal.text}`;
  const office = lookup.offices.get(id);
  if (office) return office.questions[0] ?? `${office.name} hiện nay là ai?`;
  return undefined;
}

function relatedPrompts(ctx: ComposeContext, ids: readonly string[]): (string | undefined)[] {
  return ids.map((id) => promptFor(ctx.lookup, id));
}

function weak(ctx: ComposeContext, text: string, entry: { confidence: "confirmed" | "weak"; sources: readonly string[] }): string {
  return attribute(text, entry.confidence, ctx.lookup.sources.get(entry.sources[0] ?? ""));
}

/**
 * An FAQ's own text, led by the target-by-target results when it asks for them (computed, so they cannot go
 * stale against the figures), and followed by who holds the offices it points to now.
 */
export function composeFaq(ctx: ComposeContext, faq: FaqEntry): Composed {
  const answer = weak(ctx, faq.answer, faq);
  const results = faq.results ? summarizeResults(ctx, faq.results) : undefined;
  const offices = faq.related.flatMap((id) => ctx.lookup.offices.get(id) ?? []).map((office) => officeNow(ctx, office));
  const blocks: Block[] = results
    ? [{ kind: "headline", text: results.headline }, { kind: "paragraph", text: answer }, ...results.bullets]
    : [{ kind: "headline", text: answer }];
  for (const office of offices) blocks.push({ kind: "paragraph", text: office.text });
  if (faq.details.length > 0) blocks.push({ kind: "bullets", items: faq.details });
  return {
    intent: "faq",
    blocks,
    sourceIds: unique([...(results?.sourceIds ?? []), ...offices.flatMap((o) => o.sourceIds), ...faq.sources]),
    suggestions: pickSuggestions([...relatedPrompts(ctx, faq.related), "Mục tiêu đến năm 2030?", "Tình hình các chỉ tiêu?"], faq.questions),
    entries: [faq.id, ...(results?.indicators ?? [])],
  };
}

export function composeDocument(ctx: ComposeContext, document: DocumentEntry): Composed {
  const span = document.periodFrom && document.periodTo ? `giai đoạn ${document.periodFrom}–${document.periodTo}` : undefined;
  const period = span ? `, ${span}${document.vision ? `, tầm nhìn đến năm ${document.vision}` : ""}` : "";
  // A title that already says its period ("… giai đoạn 2021–2025") is not followed by it again.
  const titlePeriod = span && document.title.includes(span) ? "" : period;
  const name = documentName(document);
  const issued = formatDate(document.date).replace(/^(\d)/, "ngày $1");
  const signer = document.signer ? `, người ký: ${document.signer}` : "";
  const card = `${name} do ${document.issuer} ban hành ${issued}: ${document.title}${titlePeriod}${signer}.`;
  // "NQ 16 ban hành năm 2020 đúng không?": a year that is none of the document's own period is a claim about
  // when it was issued.
  const { year, years, aspect, polarity } = ctx.slots;
  const issuedYear = Number(document.date.slice(0, 4));
  const ownYears = [document.periodFrom, document.periodTo, document.vision].filter((own) => own !== issuedYear);
  const claims = aspect === "confirm" || polarity !== undefined;
  // "… định hướng tới năm 2035 đúng không?": the horizon claimed, against the document's own.
  const ownHorizon = document.vision ?? document.periodTo;
  const claimedHorizon = claims && ctx.slots.horizon !== undefined && ownHorizon !== undefined ? ctx.slots.horizon : undefined;
  const claimedYear = claims && claimedHorizon === undefined && year !== undefined && years === undefined && !ownYears.includes(year) ? year : undefined;
  // "NQ 16 có phải do UBND tỉnh ban hành không?": the issuer claimed.
  const claimedIssuers = claims ? (ctx.slots.issuers ?? []) : [];
  // "QĐ 749 do Phó Thủ tướng Vũ Đức Đam ký đúng không?": the person claimed against the one who signed it; one who
  // signed for another issuer ("ông Nguyễn Xuân Phúc ký NQ 16?") did not sign this one, whose signer the sources omit.
  const claimedSigners = claims ? (ctx.slots.people ?? []) : [];
  // Only a signer for another issuer: the chairman who signed one of the People's Committee's documents may have signed
  // another of its documents whose signer the sources omit.
  const signedOther =
    !document.signer &&
    claimedSigners.length > 0 &&
    [...ctx.lookup.documents.values()].some((other) => other.signer && other.issuer !== document.issuer && claimedSigners.includes(fold(other.signer)));
  // Every claim holds, or the answer is Không: "KH 11252 năm 2023 do Tỉnh ủy ban hành?" is wrong of its issuer.
  const right =
    (claimedYear === undefined || claimedYear === issuedYear) &&
    (claimedIssuers.length === 0 || claimedIssuers.includes(document.issuer)) &&
    (claimedSigners.length === 0 || (document.signer ? claimedSigners.includes(fold(document.signer)) : !signedOther));
  // The first paragraph says what was asked: who issued and signed it, when, or what it sets out.
  const first = ((): string => {
    if (claimedIssuers.length > 0 || claimedSigners.length > 0) {
      const unsigned = claimedSigners.length > 0 && !document.signer ? "; nguồn của mình không ghi người ký" : "";
      // Someone claimed to have signed what the sources name no signer of, and who signed nothing else: not known.
      const settled = claimedIssuers.length > 0 || document.signer !== undefined || signedOther;
      return `${settled ? `${yesOrNo(ctx, right)}: ` : ""}${name} do ${document.issuer} ban hành ${issued}${signer}${unsigned}.`;
    }
    if (claimedHorizon !== undefined) {
      const horizonSaid = document.vision ? `định hướng đến năm ${document.vision}` : `có thời hạn đến năm ${document.periodTo}`;
      return `${yesOrNo(ctx, claimedHorizon === ownHorizon)}: ${name} ${horizonSaid} (ban hành ${issued}, ${document.issuer}).`;
    }
    if (claimedYear !== undefined) return `${yesOrNo(ctx, right)}: ${name} được ban hành ${issued} (${document.issuer})${period}.`;
    switch (aspect) {
      case "who":
        return `${name} do ${document.issuer} ban hành ${issued}; ${document.signer ? `người ký: ${document.signer}` : "nguồn của mình không ghi người ký"}.`;
      case "when":
        return `${name} được ban hành ${issued} (${document.issuer})${period}.`;
      case "list":
      case "target":
        return document.details.length > 0 ? `${name} (${issued}, ${document.issuer}) — ${document.summary.replace(/[.\s]+$/, "")}:` : `${card} ${document.summary}`;
      default:
        return `${card} ${document.summary}`;
    }
  })();
  const blocks: Block[] = [{ kind: "headline", text: weak(ctx, first, document) }];
  // "Ban hành ngày nào?", "ai ký?" want the fact and what the document is about; the card is one "chi tiết" away.
  const brief = (claimedYear !== undefined || claimedHorizon !== undefined || claimedIssuers.length > 0 || claimedSigners.length > 0 || aspect === "when" || aspect === "who") && !ctx.slots.details;
  if (brief) blocks.push({ kind: "paragraph", text: `Về: ${document.title.replace(/[.\s]+$/, "")}.` });
  else if (!first.includes(document.summary)) blocks.push({ kind: "paragraph", text: first.startsWith(name) && first.endsWith(":") ? card : document.summary });
  if (document.details.length > 0 && !brief) {
    const listFirst = first.endsWith(":");
    blocks.splice(listFirst ? 1 : blocks.length, 0, { kind: "bullets", items: document.details });
  }
  const isMain = document.id === "nq-16";
  return {
    intent: "document",
    blocks,
    sourceIds: brief ? document.sources.slice(0, 1) : document.sources,
    suggestions: pickSuggestions(
      isMain
        ? ["Mục tiêu đến năm 2025?", "Mục tiêu đến năm 2030?", "So sánh với Quyết định 749?"]
        : [document.signer ? `${document.signer} là ai?` : undefined, "Nghị quyết 16 là gì?", "Lộ trình thực hiện Nghị quyết 16?"],
    ),
    entries: [document.id],
  };
}

/**
 * A person with the role the source gave them on its date ("chức vụ vào tháng 10/2021"), never as if it were
 * their role today; for an office they no longer hold, who holds it now.
 */
export function composePerson(ctx: ComposeContext, person: Person): Composed {
  // "Sau ông X, ai làm chủ tịch tỉnh?" is about the office, from X.
  const officeAsked = ctx.slots.next && ctx.slots.offices?.length === 1 ? ctx.lookup.offices.get(ctx.slots.offices[0]!) : undefined;
  if (officeAsked) return composeOffice(ctx, officeAsked);
  const asOf = onDate(person.roleAsOf);
  const role = weak(ctx, `${person.name}: ${person.role} - chức vụ vào ${asOf}.`, person);
  const held = ctx.lookup.officesByPerson.get(person.id) ?? [];
  const left = held.filter((office) => !holdsNow(ctx, office, person.id));
  const now = left.map((office) => officeNow(ctx, office));
  // "… hiện nay vẫn là …, đúng không?": whether the person holds the office now, then who does. A claim that does not
  // name the person ("NQ16 có 8 lĩnh vực như QĐ 749 đúng không?", found in what they said) is about what they said.
  const named = ctx.slots.people?.includes(fold(person.name)) === true;
  const asksNow = ctx.slots.now === true || (ctx.slots.aspect === "confirm" && named);
  const aboutWhatWasSaid = ctx.slots.aspect === "confirm" && !named && person.said !== undefined;
  const verdict = ctx.slots.polarity === "chua" ? "Chưa" : "Không";
  const holdsSome = held.some((office) => holdsNow(ctx, office, person.id));
  // "Ông X có phải là chủ tịch tỉnh không?": the office named, against those the person holds or held.
  const claimed = putsClaim(ctx) ? (ctx.slots.offices ?? []).flatMap((id) => ctx.lookup.offices.get(id) ?? []) : [];
  const holdsClaimed = claimed.filter((office) => holdsNow(ctx, office, person.id));
  const heldClaimed = claimed.filter((office) => held.includes(office));
  // "Năm 2021 ông Tuân là chủ tịch tỉnh đúng không?": a past year named is when the claim is about, not now.
  const { year } = ctx.slots;
  const claimedYear = year !== undefined && year < ctx.today.getFullYear() && heldClaimed.length > 0 ? year : undefined;
  const holdersThen = new Map(heldClaimed.map((office) => [office, claimedYear === undefined ? [] : tenuresIn(tenures(ctx.lookup, office), claimedYear)]));
  const heldThen = heldClaimed.filter((office) => holdersThen.get(office)!.some((tenure) => tenure.person === person.id));
  const first =
    claimedYear !== undefined
      ? heldThen.length > 0
        ? `${yesOrNo(ctx, true)}: năm ${claimedYear}, ${person.name} là ${heldThen.map((office) => office.name).join(", ")}.`
        : heldClaimed.every((office) => holdersThen.get(office)!.length === 0)
          ? // The sources show nobody in that year: no verdict either way.
            `Nguồn của mình không ghi ai giữ chức ${heldClaimed.map((office) => office.name).join(", ")} trong năm ${claimedYear}; ${role}`
          : `${yesOrNo(ctx, false)}: theo nguồn của mình, năm ${claimedYear} ${heldClaimed.map((office) => `${office.name} là ${holdersThen.get(office)!.map((tenure) => tenure.who).join(", ")}`).join("; ")}.`
      : claimed.length > 0 && heldClaimed.length === 0
      ? `${yesOrNo(ctx, false)}: theo nguồn của mình, ${person.name} không phải là ${claimed.map((office) => office.name).join(", ")}; chức vụ của ${person.name} vào ${asOf} là ${person.role}.`
      : claimed.length > 0 && holdsClaimed.length > 0
        ? `${yesOrNo(ctx, true)}: ${person.name} hiện là ${holdsClaimed.map((office) => office.name).join(", ")} (theo nguồn mới nhất mình có).`
        : claimed.length > 0
          ? `${yesOrNo(ctx, false)}: ${person.name} không còn là ${heldClaimed.map((office) => office.name).join(", ")}. ${heldClaimed.map((office) => officeNow(ctx, office).text).join(" ")}`
          : asksNow && now.length > 0 && !holdsSome
      ? `${verdict}: ${person.name} không còn là ${left.map((office) => office.name).join(", ")}. ${now.map((o) => o.text).join(" ")}`
      : asksNow && holdsSome
        ? `${ctx.slots.aspect === "confirm" ? "Đúng: " : ""}${person.name} hiện là ${held.filter((office) => holdsNow(ctx, office, person.id)).map((office) => office.name).join(", ")} (theo nguồn mới nhất mình có).`
        : // "Theo ông X, vì sao …?": why, in their words.
          (ctx.slots.quote || ctx.slots.aspect === "why" || aboutWhatWasSaid) && person.said
          ? `${person.name} (${person.role}, ${asOf}): ${person.said}`
          : role;
  // "Ông X ký văn bản nào?": the documents naming them as signer, first.
  const signed = ctx.slots.signed ? [...ctx.lookup.documents.values()].filter((document) => document.signer === person.name) : [];
  const signedLine = signed.length > 0 ? `${person.name} ký ${signed.map((document) => `${documentName(document)} (${formatDate(document.date)})`).join("; ")}.` : undefined;
  const blocks: Block[] = [{ kind: "headline", text: signedLine ?? first }];
  if (signedLine) blocks.push({ kind: "paragraph", text: first });
  else if (first !== role) blocks.push({ kind: "paragraph", text: role });
  if (person.said && !first.includes(person.said)) blocks.push({ kind: "paragraph", text: person.said });
  if (now.length > 0 && !first.includes(now[0]!.text)) {
    blocks.push({ kind: "paragraph", text: `Đó là chức vụ vào ${asOf}. ${now.map((o) => o.text).join(" ")}` });
  }
  return {
    intent: "person",
    blocks,
    sourceIds: unique([...person.sources, ...now.flatMap((o) => o.sourceIds)]),
    suggestions: ["Nghị quyết 16 là gì?", "So sánh với Quyết định 749?", "Kết quả bước đầu của chuyển đổi số?"],
    entries: [person.id, ...signed.map((document) => document.id)],
  };
}

export function composeEvent(ctx: ComposeContext, event: TimelineEvent): Composed {
  const blocks: Block[] = [{ kind: "headline", text: weak(ctx, `${formatDate(event.date)}: ${event.title}.`, event) }];
  if (event.description) blocks.push({ kind: "paragraph", text: event.description });
  return {
    intent: "timeline",
    blocks,
    sourceIds: event.sources,
    suggestions: pickSuggestions([...relatedPrompts(ctx, event.documents), "Lộ trình thực hiện Nghị quyết 16?"]),
    entries: [event.id],
  };
}

/** A document or an event, by its date: what "trước hay sau …?" compares. */
export type Dated = DocumentEntry | TimelineEvent;

/** "Kế hoạch 6502/KH-UBND (5/7/2021)", "Ngày hội Công nghệ số 2025 (20/12/2025)". */
function datedName(entry: Dated): string {
  return `${"issuer" in entry ? documentName(entry) : withoutFinalStop(entry.title)} (${formatDate(entry.date)})`;
}

/**
 * "KH 6502 ban hành trước hay sau NQ 16?": Trước / Sau first, with both dates; "cái nào có trước?" (`which`): the
 * earlier one first. Dates known only to the month or year may not tell; then that is said, with what is known.
 */
export function composeOrder(ctx: ComposeContext, first: Dated, second: Dated, which = false): Composed {
  const known = Math.min(first.date.length, second.date.length);
  const [a, b] = [first.date.slice(0, known), second.date.slice(0, known)];
  const [earlier, later] = a <= b ? [first, second] : [second, first];
  const text =
    a === b
      ? first.date.length === second.date.length
        ? `Cùng ngày: ${datedName(first)} và ${datedName(second)}.`
        : `Mình chưa đủ thông tin để biết cái nào có trước: ${datedName(first)}, ${datedName(second)}.`
      : which
        ? `${datedName(earlier)} có trước ${datedName(later)}.`
        : `${a < b ? "Trước" : "Sau"}: ${datedName(first)} có ${a < b ? "trước" : "sau"} ${datedName(second)}.`;
  return {
    intent: "timeline",
    blocks: [{ kind: "headline", text: weak(ctx, text, first.confidence === "weak" ? first : second) }],
    sourceIds: unique([...first.sources.slice(0, 1), ...second.sources.slice(0, 1)]),
    suggestions: pickSuggestions(["Lộ trình thực hiện Nghị quyết 16?"]),
    entries: [first.id, second.id],
  };
}
