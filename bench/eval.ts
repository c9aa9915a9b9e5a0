// npm run eval [-- --verbose | --changed | --write-baseline | --changed --write-baseline]: accuracy figures of the engine and of a naive fuse.js
// baseline; --changed lists the questions whose outcome moved since bench/eval/baseline.json, --write-baseline
// records today's outcomes there.
import { loadKnowledgeOrExit } from "../src/bootstrap.js";
import { createEngine } from "../src/engine/ask.js";
import { defaultKnowledgeDir } from "../src/paths.js";
import { compareOutcomes, currentOutcomes, describeMovement, loadBaseline, writeBaseline } from "./baseline.js";
import { evaluateBlind, isDevSet, loadBlindSets, median, numbersOfKnowledge, OVER_LIMIT } from "./blind.js";
import { evaluate, evaluateBaseline, failedTargets, HOLDOUT_DIR, loadEvaluationSets, pct } from "./evaluation.js";

const verbose = process.argv.includes("--verbose");
/** Only for the final reading of a fresh blind set's answers, once no engine work follows. */
const showBlind = process.argv.includes("--show-blind-misses");
const knowledgeDir = process.env.KNOWLEDGE_DIR ?? defaultKnowledgeDir();
const engine = createEngine(await loadKnowledgeOrExit(knowledgeDir));
const sets = await loadEvaluationSets();
const metrics = evaluate(engine, sets);
const baseline = evaluateBaseline(engine, sets);

const rows: [string, string, string][] = [
  ["in-scope top-1 accuracy", `${pct(metrics.inScope.accuracy)} (${metrics.inScope.correct}/${metrics.inScope.total})`, pct(baseline.accuracy)],
  ["  no-diacritics subset", `${pct(metrics.noDiacritics.accuracy)} (${metrics.noDiacritics.correct}/${metrics.noDiacritics.total})`, pct(baseline.noDiacritics)],
  ["answered-but-wrong (of answers)", `${pct(metrics.answeredButWrong.rate)} (${metrics.answeredButWrong.wrong}/${metrics.answeredButWrong.answered})`, "—"],
  ["out-of-scope rejection", `${pct(metrics.outOfScope.rejection)} (${metrics.outOfScope.rejected}/${metrics.outOfScope.total})`, pct(baseline.rejection)],
  ["dialogues fully right", `${pct(metrics.dialogues.accuracy)} (${metrics.dialogues.correct}/${metrics.dialogues.total}; turns ${metrics.dialogues.turnsCorrect}/${metrics.dialogues.turns})`, "—"],
];
console.log(`${"metric".padEnd(34)}${"engine".padEnd(44)}baseline (fuse.js defaults)`);
for (const [name, value, base] of rows) console.log(`${name.padEnd(34)}${value.padEnd(44)}${base}`);
console.log("\nby tag:", Object.entries(metrics.byTag).map(([tag, t]) => `${tag} ${pct(t.correct / t.total)} (${t.total})`).join(", "));

// Written after the tuning by someone who never saw the engine, and never used to tune it: the honest figure.
const holdout = evaluate(engine, await loadEvaluationSets(HOLDOUT_DIR));
console.log(
  `\nheld-out set (bench/eval/holdout/, ${holdout.inScope.total} questions, not used for tuning): ` +
    `in-scope ${pct(holdout.inScope.accuracy)} (${holdout.inScope.correct}/${holdout.inScope.total}), ` +
    `no-diacritics ${pct(holdout.noDiacritics.accuracy)}, answered-but-wrong ${pct(holdout.answeredButWrong.rate)} ` +
    `(${holdout.answeredButWrong.wrong}/${holdout.answeredButWrong.answered})`,
);

// Written blind from the public sources only and scored by what the answer says: the figures that decide.
const knownNumbers = await numbersOfKnowledge(knowledgeDir);
for (const set of await loadBlindSets()) {
  const blind = evaluateBlind(engine, set, knownNumbers);
  const { inScope, outOfScope, dialogues, singleFactLengths } = blind;
  console.log(
    `\n${isDevSet(blind.name) ? `dev set ${blind.name} (bench/eval/${blind.name}/, content-scored, tuned on)` : `blind set ${blind.name} (bench/eval/${blind.name}/, never tuned on)`}: ` +
      `in scope right in the first paragraph ${pct(inScope.rightFirst / inScope.total)} (${inScope.rightFirst}/${inScope.total}), ` +
      `right anywhere ${pct(inScope.rightAnywhere / inScope.total)}, answered-but-wrong ${pct(inScope.wrong / Math.max(1, inScope.answered))} ` +
      `(${inScope.wrong}/${inScope.answered}), out of scope rejected ${pct(outOfScope.rejected / Math.max(1, outOfScope.total))} ` +
      `(${outOfScope.rejected}/${outOfScope.total}), dialogues fully right ${pct(dialogues.right / Math.max(1, dialogues.total))} ` +
      `(${dialogues.right}/${dialogues.total}; turns ${dialogues.turnsRight}/${dialogues.turns}); single-fact answers: median ` +
      `${median(singleFactLengths)} characters, ${singleFactLengths.filter((length) => length > OVER_LIMIT).length} over ${OVER_LIMIT}; ` +
      `answers with numbers not in knowledge/: ${blind.foreignNumbers.length}`,
  );
  // A blind set's questions stay unseen by whoever works on the engine or the knowledge: only its figures are shown.
  if ((verbose && isDevSet(blind.name)) || (showBlind && !isDevSet(blind.name))) {
    for (const miss of blind.misses) console.log(`  ${miss.why.padEnd(21)} ${miss.id} ${miss.q}\n      → ${miss.first.replaceAll("\n", " / ").slice(0, 200)}`);
    for (const item of blind.foreignNumbers) console.log(`  numbers not in knowledge/: ${item.id} ${item.numbers.join(", ")}`);
  }
}

if (verbose) {
  console.log("\nmisses:");
  for (const miss of metrics.misses) console.log(`  ${miss.answered ? "WRONG" : "unans"} ${miss.confidence.toFixed(2)} ${miss.q} → ${miss.got} (want ${miss.expect.join("|")})`);
  console.log("\nout-of-scope answered:");
  for (const item of metrics.wronglyAnsweredOutOfScope) console.log(`  ${item.confidence.toFixed(2)} ${item.q} → ${item.got}`);
}
const outcomes = await currentOutcomes(engine.knowledge, knownNumbers);
const writing = process.argv.includes("--write-baseline");
// With both flags, what moved is listed before the baseline is replaced: one run instead of two.
if (!writing || process.argv.includes("--changed")) {
  const { worse, better, changed } = compareOutcomes(await loadBaseline(), outcomes);
  console.log(`\nagainst bench/eval/baseline.json: ${worse.length} worse, ${better.length} better, ${changed.length} otherwise changed`);
  const listed = process.argv.includes("--changed") ? ([["worse", worse], ["better", better], ["changed", changed]] as const) : ([["worse", worse]] as const);
  for (const [label, movements] of listed) for (const movement of movements) console.log(`  ${label}: ${describeMovement(movement)}`);
}
if (writing) {
  await writeBaseline(outcomes);
  console.log(`\nbaseline written: ${Object.keys(outcomes).length} questions (bench/eval/baseline.json)`);
}
const failures = failedTargets(metrics);
console.log(failures.length === 0 ? "\nAll targets met." : `\nTargets missed: ${failures.join("; ")}`);
