// Who held an office when, from dated sightings (offices.yaml holders). A tenure is only as long as the sources
// show: from its first date to its last sighting, or, when its start is dated (`from`), until its `until` or the
// next holder. Nothing is assumed between two different holders' sightings.
import type { Holder, Office } from "../knowledge/schema.js";
import { periodSortKey } from "./format.js";
import type { Lookup } from "./lookup.js";

export interface Tenure {
  /** The person's id in people.yaml, when the holder has an entry there. */
  readonly person?: string;
  /** How the holder is named: the person's name or the agency's. */
  readonly who: string;
  /** The dated sightings, oldest first. */
  readonly sightings: readonly Holder[];
  /** The first date known (YYYY[-MM[-DD]]). */
  readonly start: string;
  /** Whether the start is the day the holding began (`from`) rather than the first day a source shows it. */
  readonly startKnown: boolean;
  /** The latest date a source shows the holder in office. */
  readonly lastSeen: string;
  /** The latest sighting: its source is the newest confirmation. */
  readonly latest: Holder;
  /** The last day the holding is known to cover (inclusive), or undefined while it runs. */
  readonly end?: string;
}

const dateOf = (holder: Holder) => holder.from ?? holder.asOf!;
const lastDateOf = (holder: Holder) => [holder.from, holder.asOf].filter((d): d is string => !!d).sort(byDate).at(-1)!;

/** The first day a partial date can mean: "2021-10" → "2021-10-01". */
function firstDay(date: string): string {
  const [year, month = "01", day = "01"] = date.split("-");
  return `${year}-${month}-${day}`;
}

function byDate(a: string, b: string): number {
  return periodSortKey(a).localeCompare(periodSortKey(b));
}

/** The holder's name: the person's from people.yaml, or the agency's. */
function holderName(lookup: Lookup, holder: Holder): string {
  return holder.person ? (lookup.people.get(holder.person)?.name ?? holder.person) : holder.name!;
}

/** Tenures oldest first: consecutive sightings of the same holder form one tenure. */
export function tenures(lookup: Lookup, office: Office): Tenure[] {
  const sorted = [...office.holders].sort((a, b) => byDate(dateOf(a), dateOf(b)));
  const groups: Holder[][] = [];
  for (const holder of sorted) {
    const last = groups.at(-1);
    const same = last && (last[0]!.person ?? last[0]!.name) === (holder.person ?? holder.name);
    if (same) last.push(holder);
    else groups.push([holder]);
  }
  return groups.map((sightings, index) => {
    const first = sightings[0]!;
    const latest = [...sightings].sort((a, b) => byDate(lastDateOf(a), lastDateOf(b))).at(-1)!;
    const until = sightings.map((h) => h.until).find((d) => d !== undefined);
    const next = groups[index + 1]?.[0];
    const startKnown = first.from !== undefined;
    // A dated start runs until its end or the next holder; sightings alone prove only the days they name.
    const end = until ?? (startKnown ? (next ? dateOf(next) : undefined) : (next ?? office.until) ? lastDateOf(latest) : undefined);
    return {
      ...(first.person ? { person: first.person } : {}),
      who: holderName(lookup, first),
      sightings,
      start: dateOf(first),
      startKnown,
      lastSeen: lastDateOf(latest),
      latest,
      ...(end ? { end } : {}),
    };
  });
}

/** The holder now, as far as the sources go: the latest tenure, unless it or the office has ended. */
export function currentTenure(office: Office, all: readonly Tenure[], today: Date): Tenure | undefined {
  const last = all.at(-1);
  const todayKey = today.toISOString().slice(0, 10);
  if (!last || office.until) return undefined;
  const ended = last.sightings.some((h) => h.until !== undefined && firstDay(h.until) <= todayKey);
  return ended ? undefined : last;
}

/** The tenures that overlap a calendar year, as far as the sources show them. */
export function tenuresIn(all: readonly Tenure[], year: number): Tenure[] {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return all.filter((tenure) => {
    const starts = firstDay(tenure.start);
    const ends = tenure.end ? periodSortKey(tenure.end) : "9999-12-31";
    return starts <= to && ends >= from;
  });
}
