// The real engine over the shipped knowledge, with a fixed "today" so verdicts do not drift with the calendar.
import { createEngine, type Engine } from "../../src/engine/ask.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { formatProblem } from "../../src/knowledge/problems.js";
import { defaultKnowledgeDir } from "../../src/paths.js";

export const TODAY = new Date("2026-11-28T12:00:00Z");

export async function shippedEngine(now: () => Date = () => TODAY): Promise<Engine> {
  const result = await loadKnowledge(defaultKnowledgeDir());
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return createEngine(result.knowledge, { now });
}
