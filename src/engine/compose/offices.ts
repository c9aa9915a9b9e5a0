// Offices and who held them: "who is chairman now" (the latest holder, saying as of when and from which
// source), "who was it in 2021" (that year only), and offices that no longer exist (merged, renamed).
import type { Holder, Office } from "../../knowledge/schema.js";
import type { Block } from "../answer.js";
import { fold } from "../../text/normalize.js";
import { attribute, citeSource, formatDate } from "../format.js";
import { currentTenure, tenures, tenuresIn, type Tenure } from "../office-holders.js";
import { pickSuggestions, unique, type ComposeContext, type Composed } from "./common.js";

/** "ngày 19/11/2025", "tháng 10/2021", "năm 2020". */
export function onDate(date: string): string {
  const written = formatDate(date);
  return /^\d/.test(written) ? `ngày ${written}` : written;
}

function sourceOf(ctx: ComposeContext, holder: Holder) {
  return ctx.lookup.sources.get(holder.source);
}

/** "từ ngày 1/7/2025", "nguồn ghi nhận vào tháng 10/2021, ngày 28/5/2024": people and agencies alike. */
function tenureDates(tenure: Tenure): string {
  const until = tenure.sightings.find((h) => h.until !== undefined)?.until;
  if (tenure.startKnown) return `từ ${onDate(tenure.start)}${until ? ` đến ${onDate(until)}` : ""}`;
  const seen = unique(tenure.sightings.map((h) => h.asOf!)).map(onDate);
  return `nguồn ghi nhận vào ${seen.join(", ")}${until ? `, đến ${onDate(until)}` : ""}`;
}

/** One line of an office's history, with the newest source that shows it. */
function tenureLine(ctx: ComposeContext, tenure: Tenure): string {
  const title = tenure.sightings.find((h) => h.title)?.title;
  const note = tenure.sightings.map((h) => h.note).filter(Boolean).join("; ");
  const source = sourceOf(ctx, tenure.latest);
  const line = `${tenure.who}${title ? ` (${title})` : ""}: ${tenureDates(tenure)}${note ? `; ${note}` : ""}${source ? ` (${citeSource(source)})` : ""}`;
  return attribute(line, tenure.latest.confidence, source);
}

/** "Chủ tịch UBND tỉnh Khánh Hòa hiện nay là Trần Phong (từ ngày 19/11/2025) - theo VnExpress, 19/11/2025, …" */
function nowSentence(ctx: ComposeContext, office: Office, all: readonly Tenure[]): string {
  if (office.until) {
    return `${office.name}: chức danh này không còn từ ${onDate(office.until)}${office.change ? ` - ${office.change}` : ""}.`;
  }
  const current = currentTenure(office, all, ctx.today);
  if (!current) {
    const last = all.at(-1);
    return `Mình chưa có thông tin ai đang giữ chức ${office.name}${last ? `; người gần nhất trong nguồn của mình là ${last.who} (${tenureDates(last)})` : ""}.`;
  }
  const source = sourceOf(ctx, current.latest);
  const since = current.startKnown ? ` (từ ${onDate(current.start)})` : ` (nguồn ghi nhận ${onDate(current.lastSeen)})`;
  const cited = source ? ` - theo ${citeSource(source)}, nguồn mới nhất mình có` : "";
  return attribute(`${office.name} hiện nay là ${current.who}${since}${cited}.`, current.latest.confidence, source);
}

/** Who holds an office now, in one sentence with its date and source, for answers that mention the office. */
export function officeNow(ctx: ComposeContext, office: Office): { text: string; sourceIds: string[] } {
  const all = tenures(ctx.lookup, office);
  const current = office.until ? undefined : currentTenure(office, all, ctx.today);
  return { text: nowSentence(ctx, office, all), sourceIds: current ? [current.latest.source] : office.sources };
}

/** Whether the person is the latest holder of the office, as far as the sources go. */
export function holdsNow(ctx: ComposeContext, office: Office, person: string): boolean {
  return currentTenure(office, tenures(ctx.lookup, office), ctx.today)?.person === person;
}

/** The holders of a past year, or who came just before and after when the sources show nobody then. */
type Headline = Extract<Block, { kind: "headline" }>;

function inYear(ctx: ComposeContext, office: Office, all: readonly Tenure[], year: number): [Headline, ...Block[]] {
  const held = tenuresIn(all, year);
  if (held.length > 0) {
    return [{ kind: "headline", text: `Năm ${year}, ${office.name}: ${held.map((t) => `${t.who} (${tenureDates(t)})`).join("; ")}.` }];
  }
  const before = all.filter((t) => Number(t.start.slice(0, 4)) < year).at(-1);
  const after = all.find((t) => Number(t.start.slice(0, 4)) > year);
  const around = [
    before ? `gần nhất trước đó là ${before.who} (${tenureDates(before)})` : undefined,
    after ? `sau đó là ${after.who} (${tenureDates(after)})` : undefined,
  ].filter(Boolean);
  return [
    { kind: "headline", text: `Mình không có thông tin ai giữ chức ${office.name} trong năm ${year}.` },
    ...(around.length > 0 ? [{ kind: "paragraph" as const, text: `Theo nguồn của mình, ${around.join("; ")}.` }] : []),
  ];
}

/**
 * Whether a question puts a claim to check: a yes-or-no ("… đúng không?", "… còn … không?"), or a statement with
 * no question word at all ("Chủ tịch tỉnh là ông X nhỉ?", its particle gone with the courtesy).
 */
export function putsClaim(ctx: ComposeContext): boolean {
  const { aspect } = ctx.slots;
  // "hiện tại là ông X" reads as asking for a current figure: for an office it is the same claim. An office said of
  // someone asked what they said ("ông X, bí thư hồi đó, phát biểu gì") only says who they were; so does one asked
  // what they signed.
  return (aspect === undefined && !ctx.slots.quote && !ctx.slots.then && !ctx.slots.signed) || aspect === "actual" || aspect === "confirm" || aspect === "verdict" || ctx.slots.polarity !== undefined;
}

/** "Đúng"/"Có" or "Không"/"Chưa", as the question was put. */
export function yesOrNo(ctx: ComposeContext, yes: boolean): string {
  if (yes) return ctx.slots.aspect === "confirm" || ctx.slots.polarity === "dung" ? "Đúng" : "Có";
  return ctx.slots.polarity === "chua" ? "Chưa" : "Không";
}

/** "Chủ tịch tỉnh hiện tại là ông X nhỉ?": whether someone named holds the office then; undefined if not asked. */
function claimedHolder(ctx: ComposeContext, office: Office, all: readonly Tenure[], past: boolean): boolean | undefined {
  const named = ctx.slots.people;
  if (!named?.length || !putsClaim(ctx)) return undefined;
  const holding = past ? tenuresIn(all, ctx.slots.year!) : [currentTenure(office, all, ctx.today) ?? []].flat();
  return holding.length === 0 ? undefined : holding.some((tenure) => named.includes(fold(tenure.who)));
}

/** "Ông X có phải chủ tịch không?" — Không: what the sources say X is ("Nguyễn Long Biên là Phó Chủ tịch …"). */
function namedRoles(ctx: ComposeContext): string {
  const people = [...ctx.lookup.people.values()].filter((person) => ctx.slots.people?.includes(fold(person.name)));
  return people.map((person) => `${person.name} là ${person.role} (chức vụ vào ${onDate(person.roleAsOf)}). `).join("");
}

/** "Trước ông Trần Phong là ai?": the holder just before (or after) the one named, as far as the sources show. */
function neighbourSentence(office: Office, all: readonly Tenure[], next: NonNullable<ComposeContext["slots"]["next"]>): string | undefined {
  const at = all.findIndex((tenure) => fold(tenure.who) === next.name);
  if (at === -1) return undefined;
  const neighbour = all[next.to === "before" ? at - 1 : at + 1];
  const named = all[at]!.who;
  if (!neighbour) return `Mình không có thông tin ai giữ chức ${office.name} ${next.to === "before" ? "trước" : "sau"} ${named}.`;
  return `${next.to === "before" ? "Trước" : "Sau"} ${named}, ${office.name} là ${neighbour.who} (${tenureDates(neighbour)}).`;
}

export function composeOffice(ctx: ComposeContext, office: Office): Composed {
  const all = tenures(ctx.lookup, office);
  const year = ctx.slots.year;
  const past = year !== undefined && year < ctx.today.getUTCFullYear();
  const neighbour = ctx.slots.next ? neighbourSentence(office, all, ctx.slots.next) : undefined;
  const [headline, ...rest]: [Headline, ...Block[]] = neighbour
    ? [{ kind: "headline", text: neighbour }]
    : past
      ? inYear(ctx, office, all, year)
      : [{ kind: "headline", text: nowSentence(ctx, office, all) }];
  const claim = neighbour ? undefined : claimedHolder(ctx, office, all, past);
  const blocks: Block[] = [
    claim === undefined ? headline : { kind: "headline", text: `${yesOrNo(ctx, claim)}: ${claim ? "" : namedRoles(ctx)}${headline.text}` },
    ...rest,
  ];
  const current = currentTenure(office, all, ctx.today);
  if (past && current && !tenuresIn(all, year).includes(current)) {
    blocks.push({ kind: "paragraph", text: nowSentence(ctx, office, all) });
  }
  blocks.push({
    kind: "bullets",
    title: "Những người (cơ quan) giữ chức này theo nguồn của mình, mới nhất trước:",
    items: [...all].reverse().slice(0, 6).map((tenure) => tenureLine(ctx, tenure)),
  });
  const newest = all.at(-1);
  if (newest && office.whereToCheck) {
    blocks.push({
      kind: "note",
      text: `Thông tin nhân sự, tổ chức có thể đã thay đổi sau ${onDate(newest.lastSeen)}; thông tin mới được công bố trên ${office.whereToCheck}.`,
    });
  }
  const people = unique(all.flatMap((t) => t.person ?? []));
  return {
    intent: "person",
    blocks,
    sourceIds: unique([...[...all].reverse().map((t) => t.latest.source), ...office.sources]),
    suggestions: pickSuggestions([
      ...people.map((id) => `${ctx.lookup.people.get(id)?.name ?? id} là ai?`),
      ...[...ctx.lookup.offices.values()].filter((o) => o.id !== office.id && o.questions.length > 0).map((o) => o.questions[0]),
      "Nghị quyết 16 là gì?",
    ]),
    entries: [office.id],
  };
}
