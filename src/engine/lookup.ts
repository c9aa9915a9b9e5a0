// Id → entry maps over one Knowledge object, built once per load.
import type {
  DocumentEntry,
  FaqEntry,
  Goal,
  Indicator,
  Knowledge,
  Office,
  Person,
  Source,
  TimelineEvent,
} from "../knowledge/schema.js";

export interface Lookup {
  readonly knowledge: Knowledge;
  readonly sources: ReadonlyMap<string, Source>;
  readonly documents: ReadonlyMap<string, DocumentEntry>;
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly goals: ReadonlyMap<string, Goal>;
  readonly faq: ReadonlyMap<string, FaqEntry>;
  readonly people: ReadonlyMap<string, Person>;
  readonly offices: ReadonlyMap<string, Office>;
  readonly events: ReadonlyMap<string, TimelineEvent>;
  readonly goalsByIndicator: ReadonlyMap<string, readonly Goal[]>;
  /** The offices a person held (offices.yaml holders naming them). */
  readonly officesByPerson: ReadonlyMap<string, readonly Office[]>;
}

function byId<T extends { id: string }>(entries: readonly T[]): Map<string, T> {
  return new Map(entries.map((entry) => [entry.id, entry]));
}

export function createLookup(knowledge: Knowledge): Lookup {
  const goalsByIndicator = new Map<string, Goal[]>();
  for (const goal of knowledge.goals) {
    if (!goal.indicator) continue;
    goalsByIndicator.set(goal.indicator, [...(goalsByIndicator.get(goal.indicator) ?? []), goal]);
  }
  const officesByPerson = new Map<string, Office[]>();
  for (const office of knowledge.offices) {
    for (const person of new Set(office.holders.flatMap((holder) => holder.person ?? []))) {
      officesByPerson.set(person, [...(officesByPerson.get(person) ?? []), office]);
    }
  }
  return {
    knowledge,
    sources: byId(knowledge.sources),
    documents: byId(knowledge.documents),
    indicators: byId(knowledge.indicators),
    goals: byId(knowledge.goals),
    faq: byId(knowledge.faq),
    people: byId(knowledge.people),
    offices: byId(knowledge.offices),
    events: byId(knowledge.timeline),
    goalsByIndicator,
    officesByPerson,
  };
}
