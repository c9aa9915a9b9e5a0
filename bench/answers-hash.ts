// npm run bench:answers [-- --lines]: one sha256 over every answer the engine gives to every question of bench/eval/
// (tuned sets, held-out, dev and blind sets, each dialogue in one conversation), with the caches on and off. Run it in
// two checkouts (a detached worktree of the commit before): the same total means a change moved no answer at all —
// what a speed change or a tidy must show. `eval --changed` only compares outcomes, and leaves the blind sets out.
import { createHash } from "node:crypto";
import { loadKnowledgeOrExit } from "../src/bootstrap.js";
import type { Answer } from "../src/engine/answer.js";
import { createEngine, type EngineOptions } from "../src/engine/ask.js";
import { createConversation, type Conversation } from "../src/engine/conversation.js";
import { defaultKnowledgeDir } from "../src/paths.js";
import { layoutAnswer, type Line } from "../src/render/lines.js";
import { renderPlain } from "../src/render/plain.js";
import { loadBlindSets } from "./blind.js";
import { EVAL_DIR, HOLDOUT_DIR, loadEvaluationSets } from "./evaluation.js";

const printLines = process.argv.includes("--lines");
const knowledge = await loadKnowledgeOrExit(defaultKnowledgeDir());

const singles: string[] = [];
const dialogues: string[][] = [];
for (const sets of [await loadEvaluationSets(EVAL_DIR), await loadEvaluationSets(HOLDOUT_DIR)]) {
  singles.push(...sets.single.map((item) => item.q), ...sets.outOfScope.map((item) => item.q));
  dialogues.push(...sets.dialogues.map((dialogue) => dialogue.turns.map((turn) => turn.q)));
}
for (const set of await loadBlindSets()) {
  singles.push(...set.single.map((item) => item.q), ...set.outOfScope.map((item) => item.q));
  dialogues.push(...set.dialogues.map((dialogue) => dialogue.turns.map((turn) => turn.q)));
}

const lineText = (line: Line) => (line.style === "links" ? line.prefix + line.links.map((link) => link.text).join("; ") : line.text);
/** Everything a channel could show of an answer, and what the engine says of it. */
const rendered = (answer: Answer) =>
  JSON.stringify({
    layout: layoutAnswer(answer, { numberedSuggestions: false }).map(lineText),
    plain: renderPlain(answer, Number.MAX_SAFE_INTEGER),
    answered: answer.answered,
    intent: answer.intent,
    confidence: answer.confidence,
    entries: answer.entries,
    chart: answer.chart ?? null,
  });

const total = createHash("sha256");
let count = 0;
// Typo repair gets all the time it wants: with the default budget a cold first answer depends on the clock.
const runs: readonly [string, EngineOptions][] = [
  ["cached", { repairBudgetMs: 1e9 }],
  ["uncached", { cacheSize: 0, repairBudgetMs: 1e9 }],
];
for (const [label, options] of runs) {
  const engine = createEngine(knowledge, options);
  const hashed = (question: string, conversation: Conversation) => {
    const hash = createHash("sha256").update(rendered(engine.ask(question, conversation))).digest("hex");
    total.update(hash);
    count++;
    if (printLines) console.log(`${label}\t${hash}\t${question}`);
  };
  for (const question of singles) hashed(question, createConversation());
  for (const turns of dialogues) {
    const conversation = createConversation();
    for (const question of turns) hashed(question, conversation);
  }
}
console.log(`answers ${count} total ${total.digest("hex")}`);
