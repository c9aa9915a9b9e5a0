// Id → entry maps over one Knowledge object, built once per load.
import type {
  DocumentEntry,
  FaqEntry,
  Goal,
  Indicator,
  Knowledge,
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
  readonly events: ReadonlyMap<string, TimelineEvent>;
  readonly goalsByIndicator: ReadonlyMap<string, readonly Goal[]>;
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
  return {
    knowledge,
    sources: byId(knowledge.sources),
    documents: byId(knowledge.documents),
    indicators: byId(knowledge.indicators),
    goals: byId(knowledge.goals),
    faq: byId(knowledge.faq),
    people: byId(knowledge.people),
    events: byId(knowledge.timeline),
    goalsByIndicator,
  };
}
