// Blind question sets (bench/eval/blind-*/): written by someone who read only the public sources, never the
// engine, the knowledge files or the other sets, and scored by what the answer SAYS rather than by which entry
// it came from. Each item names what the first paragraph (what the user reads first) must contain, what the whole
// answer must contain, the verdict word it must start with, and what it must never say. Never tune on them.
import { readdir, readFile } from "node:fs/promises";
import { parse } from "yaml";
import type { Answer } from "../src/engine/answer.js";
import type { Engine } from "../src/engine/ask.js";
import { createConversation } from "../src/engine/conversation.js";
import { layoutAnswer, type Line } from "../src/render/lines.js";
import { renderPlain, ZALO_MESSAGE_LIMIT } from "../src/render/plain.js";
import { fold } from "../src/text/normalize.js";
import type { Outcomes } from "./baseline.js";

/** Every group must appear; a group is a list of alternatives, any one of which is enough. */
type Groups = readonly (readonly string[])[];

export interface BlindTurn {
  readonly q: string;
  /** answer: the fact is in the sources; notfound: the sources lack it and the bot must say so; refuse: out of scope. */
  readonly kind: "answer" | "notfound" | "refuse";
  readonly first?: Groups | null;
  readonly anywhere?: Groups | null;
  readonly verdict?: string | null;
  readonly forbid?: readonly string[] | null;
  readonly tags?: readonly string[];
}
export interface BlindItem extends BlindTurn {
  readonly id: string;
}
export interface BlindDialogue {
  readonly id: string;
  readonly turns: readonly BlindTurn[];
}
export interface BlindSet {
  readonly name: string;
  readonly single: readonly BlindItem[];
  readonly outOfScope: readonly BlindItem[];
  readonly dialogues: readonly BlindDialogue[];
}

export const EVAL_ROOT = new URL("./eval/", import.meta.url);

/** A set written the same way as the blind sets but tuned on (bench/eval/dev/, dev-2/, …): a regression guard. */
export function isDevSet(name: string): boolean {
  return /^dev(?:-\d+)?$/.test(name);
}

const numbered = (prefix: string, names: readonly string[]) =>
  names.filter((name) => new RegExp(`^${prefix}(?:-\\d+)?$`).test(name)).sort((a, b) => Number(a.slice(prefix.length + 1) || 1) - Number(b.slice(prefix.length + 1) || 1));

/**
 * Every set scored by what the answer says: the dev sets (written the same way, from the sources only, but tuned
 * on) and every bench/eval/blind-*\/ directory, oldest first.
 */
export async function loadBlindSets(root: URL = EVAL_ROOT): Promise<BlindSet[]> {
  const entries = await readdir(root);
  const names = [...numbered("dev", entries), ...numbered("blind", entries)];
  return Promise.all(
    names.map(async (name) => {
      const dir = new URL(`${name}/`, root);
      const read = async <T>(file: string) => (parse(await readFile(new URL(file, dir), "utf8")) ?? []) as T[];
      return {
        name,
        single: await read<BlindItem>("single.yaml"),
        outOfScope: await read<BlindItem>("out-of-scope.yaml"),
        dialogues: await read<BlindDialogue>("dialogues.yaml"),
      };
    }),
  );
}

/**
 * Folded as the engine folds (no marks, lower case, "87,6" = "87.6"), "%" a word of its own, and padded, so a
 * needle matches whole words only: "30" is not found in "2030". The engine folds a whole date into one key, so a
 * date also keeps its day and month as written: "19/10" is found in "ngày 19/10/2021".
 */
function comparable(text: string): string {
  return ` ${fold(text.replaceAll("%", " % ").replace(FULL_DATE, "$& $1/$2"))} `;
}
const FULL_DATE = /(?<!\d)(\d{1,2})[/-](\d{1,2})[/-]\d{4}(?!\d)/g;
const contains = (haystack: string, needle: string) => haystack.includes(comparable(needle));
const satisfies = (haystack: string, groups: Groups | null | undefined) =>
  (groups ?? []).every((group) => group.some((needle) => contains(haystack, needle)));

const lineText = (line: Line) => (line.style === "links" ? line.prefix + line.links.map((link) => link.text).join("; ") : line.text);

/** What the user reads first (up to the first blank line), and the whole answer without the suggested follow-ups. */
export function answerParts(answer: Answer): { first: string; whole: string } {
  const lines = layoutAnswer(answer, { numberedSuggestions: false }).map(lineText);
  const blank = lines.indexOf("");
  return { first: (blank === -1 ? lines : lines.slice(0, blank)).join("\n"), whole: lines.join("\n") };
}

export interface TurnResult {
  readonly answered: boolean;
  /** Everything asked of the answer, the first-paragraph rule included. */
  readonly rightFirst: boolean;
  /** The facts are somewhere in the answer (first and anywhere groups, nothing forbidden). */
  readonly rightAnywhere: boolean;
  readonly rejected: boolean;
  readonly length: number;
  readonly first: string;
  readonly foreignNumbers: readonly string[];
}

export function scoreTurn(turn: BlindTurn, answer: Answer, knownNumbers: ReadonlySet<string>): TurnResult {
  const { first, whole } = answerParts(answer);
  const firstText = comparable(first);
  const wholeText = comparable(whole);
  const forbidden = (turn.forbid ?? []).some((needle) => contains(wholeText, needle));
  const verdictOk = !turn.verdict || firstText.trimStart().replace(/^[^a-z0-9]+/, "").startsWith(fold(turn.verdict));
  const rightAnywhere = !forbidden && satisfies(wholeText, turn.first) && satisfies(wholeText, turn.anywhere);
  const saysSomething = turn.kind === "answer" ? answer.answered : true;
  const questionNumbers = new Set(numbersIn(turn.q));
  return {
    answered: answer.answered,
    rightFirst: saysSomething && rightAnywhere && verdictOk && satisfies(firstText, turn.first),
    rightAnywhere: saysSomething && rightAnywhere,
    // A "did you mean" list about NQ 16 is no refusal of a question about the weather.
    rejected: !answer.answered && answer.intent !== "clarify",
    length: renderPlain(answer, Number.MAX_SAFE_INTEGER).join("\n\n").length,
    first,
    foreignNumbers: numbersIn(whole).filter((n) => !knownNumbers.has(n) && !questionNumbers.has(n)),
  };
}

/** Numbers as the folded text writes them ("87.6", "2025", "191.957"). */
export function numbersIn(text: string): string[] {
  // fold() writes a date as its year plus yyyymmdd; the year is enough here. "09" is "9".
  return (fold(text).match(/\d+(?:\.\d+)*/g) ?? []).filter((n) => !/^(19|20)\d{6}$/.test(n)).map((n) => n.replace(/^0+(?=\d)/, ""));
}

export interface BlindMetrics {
  readonly name: string;
  readonly inScope: { total: number; rightFirst: number; rightAnywhere: number; answered: number; wrong: number };
  readonly outOfScope: { total: number; rejected: number };
  readonly dialogues: { total: number; right: number; turns: number; turnsRight: number };
  /** Rendered length of the answers to single-fact questions (not lists, not two-part). */
  readonly singleFactLengths: readonly number[];
  readonly misses: readonly { id: string; q: string; first: string; why: string }[];
  /** Every question's outcome by "set id: question": "right" or why not ("not first", "wrong", …). */
  readonly outcomes: Outcomes;
  readonly foreignNumbers: readonly { id: string; numbers: readonly string[] }[];
}

export function evaluateBlind(engine: Engine, set: BlindSet, knownNumbers: ReadonlySet<string>): BlindMetrics {
  const inScope = { total: 0, rightFirst: 0, rightAnywhere: 0, answered: 0, wrong: 0 };
  const singleFactLengths: number[] = [];
  const misses: { id: string; q: string; first: string; why: string }[] = [];
  const foreignNumbers: { id: string; numbers: readonly string[] }[] = [];
  const outcomes: Record<string, string> = {};
  const note = (id: string, q: string, result: TurnResult) => {
    if (result.foreignNumbers.length > 0) foreignNumbers.push({ id, numbers: result.foreignNumbers });
    const why = result.rightFirst ? "right" : result.rightAnywhere ? "not first" : result.answered ? "wrong" : "unanswered";
    outcomes[`${set.name} ${id}: ${q}`] = why;
    if (!result.rightFirst) misses.push({ id, q, first: result.first, why });
  };
  for (const item of set.single) {
    const result = scoreTurn(item, engine.ask(item.q, createConversation()), knownNumbers);
    inScope.total++;
    if (result.rightFirst) inScope.rightFirst++;
    if (result.rightAnywhere) inScope.rightAnywhere++;
    if (result.answered) inScope.answered++;
    if (result.answered && !result.rightAnywhere) inScope.wrong++;
    const tags = item.tags ?? [];
    if (item.kind === "answer" && !tags.includes("list") && !tags.includes("two-part")) singleFactLengths.push(result.length);
    note(item.id, item.q, result);
  }
  let rejected = 0;
  for (const item of set.outOfScope) {
    const result = scoreTurn(item, engine.ask(item.q, createConversation()), knownNumbers);
    outcomes[`${set.name} ${item.id}: ${item.q}`] = result.rejected ? "rejected" : "answered out of scope";
    if (result.rejected) rejected++;
    else misses.push({ id: item.id, q: item.q, first: result.first, why: "answered out of scope" });
  }
  const dialogues = { total: set.dialogues.length, right: 0, turns: 0, turnsRight: 0 };
  for (const dialogue of set.dialogues) {
    const conversation = createConversation();
    let allRight = true;
    dialogue.turns.forEach((turn, index) => {
      const result = scoreTurn(turn, engine.ask(turn.q, conversation), knownNumbers);
      const right = turn.kind === "refuse" ? result.rejected : result.rightFirst;
      dialogues.turns++;
      if (right) dialogues.turnsRight++;
      else allRight = false;
      note(`${dialogue.id}#${index + 1}`, turn.q, result);
    });
    if (allRight) dialogues.right++;
  }
  return { name: set.name, inScope, outOfScope: { total: set.outOfScope.length, rejected }, dialogues, singleFactLengths, misses, outcomes, foreignNumbers };
}

/** Every number the knowledge files write: a number in an answer that is not among them was made up or computed. */
export async function numbersOfKnowledge(dir: string): Promise<Set<string>> {
  const numbers = new Set<string>();
  for (const name of await readdir(dir)) {
    if (name.endsWith(".yaml")) for (const n of numbersIn(await readFile(`${dir}/${name}`, "utf8"))) numbers.add(n);
  }
  return numbers;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const OVER_LIMIT = ZALO_MESSAGE_LIMIT;
