// The committed outcome of every question of the tuned sets and the dev set (bench/eval/baseline.json). CI fails
// only on questions that were right there and are not now, and names them; `npm run eval -- --changed` lists
// everything an edit moved, and `npm run eval -- --write-baseline` records the new outcomes once they are wanted.
// Blind sets are never recorded here: their questions stay unseen.
import { readFile, writeFile } from "node:fs/promises";
import { createEngine } from "../src/engine/ask.js";
import type { Knowledge } from "../src/knowledge/schema.js";
import { evaluateBlind, isDevSet, loadBlindSets } from "./blind.js";
import { evaluate, HOLDOUT_DIR, loadEvaluationSets } from "./evaluation.js";

/** By "set: question": "right", "rejected", or what went wrong ("wrong: <entry>", "unanswered", "not first", …). */
export type Outcomes = Readonly<Record<string, string>>;

export const BASELINE_FILE = new URL("./eval/baseline.json", import.meta.url);

const GOOD: ReadonlySet<string> = new Set(["right", "rejected"]);

/** The day the baseline is taken on, whatever the calendar says: "hiện nay" and verdicts must not drift with it. */
export const BASELINE_DAY = new Date("2026-11-28T12:00:00Z");

/** The outcome of every question the baseline covers: the tuned sets, the held-out set and the dev sets. */
export async function currentOutcomes(knowledge: Knowledge, knownNumbers: ReadonlySet<string>): Promise<Outcomes> {
  const engine = createEngine(knowledge, { now: () => BASELINE_DAY });
  const tuned = evaluate(engine, await loadEvaluationSets()).outcomes;
  const holdout = Object.fromEntries(Object.entries(evaluate(engine, await loadEvaluationSets(HOLDOUT_DIR)).outcomes).map(([key, value]) => [`held-out ${key}`, value]));
  const dev = (await loadBlindSets()).filter((set) => isDevSet(set.name)).map((set) => evaluateBlind(engine, set, knownNumbers).outcomes);
  return Object.assign({}, tuned, holdout, ...dev) as Outcomes;
}

export async function loadBaseline(file: URL = BASELINE_FILE): Promise<Outcomes> {
  return JSON.parse(await readFile(file, "utf8")) as Outcomes;
}

export async function writeBaseline(outcomes: Outcomes, file: URL = BASELINE_FILE): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(outcomes).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(file, `${JSON.stringify(sorted, null, 1)}\n`);
}

export interface Movement {
  readonly question: string;
  readonly before: string;
  readonly now: string;
}

/** What moved between two runs: questions now worse (were good), better (are good now), or otherwise changed. */
export function compareOutcomes(before: Outcomes, now: Outcomes): { worse: Movement[]; better: Movement[]; changed: Movement[] } {
  const worse: Movement[] = [];
  const better: Movement[] = [];
  const changed: Movement[] = [];
  for (const [question, outcome] of Object.entries(now)) {
    const was = before[question];
    if (was === undefined || was === outcome) continue;
    const movement = { question, before: was, now: outcome };
    if (GOOD.has(was) && !GOOD.has(outcome)) worse.push(movement);
    else if (!GOOD.has(was) && GOOD.has(outcome)) better.push(movement);
    else changed.push(movement);
  }
  return { worse, better, changed };
}

export function describeMovement({ question, before, now }: Movement): string {
  return `${question}\n      ${before} → ${now}`;
}
