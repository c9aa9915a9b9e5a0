// CI guard on the evaluation: every question of the tuned, held-out and dev sets keeps the outcome it has in the
// committed baseline (bench/eval/baseline.json) or gets better; a question that got worse fails the test, named
// with what it answered before and now. The targets (TARGETS in bench/evaluation.ts) are figures `npm run eval`
// reports, not this test's business: a new FAQ that moves no other question passes.
import { expect, it } from "vitest";
import { compareOutcomes, currentOutcomes, describeMovement, loadBaseline } from "../../bench/baseline.js";
import { numbersOfKnowledge } from "../../bench/blind.js";
import { defaultKnowledgeDir } from "../../src/paths.js";
import { shippedEngine } from "../support/engine.js";

it("answers no question of the evaluation sets worse than the committed baseline", async () => {
  const outcomes = await currentOutcomes((await shippedEngine()).knowledge, await numbersOfKnowledge(defaultKnowledgeDir()));
  expect(Object.keys(outcomes).length).toBeGreaterThanOrEqual(1500);
  const { worse } = compareOutcomes(await loadBaseline(), outcomes);
  // The message names each question that got worse: run `npm run eval -- --changed` to see everything that moved.
  expect(worse.map(describeMovement)).toEqual([]);
});

it("names the question an edit broke: an FAQ that takes another entry's question fails the guard", async () => {
  const knowledge = (await shippedEngine()).knowledge;
  const baseline = await loadBaseline();
  const question = Object.keys(baseline).find((key) => key.startsWith("single: ") && !key.startsWith("single: /") && baseline[key] === "right")!.slice("single: ".length);
  const intruder = { ...knowledge.faq[0]!, id: "faq-chen-ngang", questions: [question] };
  const outcomes = await currentOutcomes({ ...knowledge, faq: [...knowledge.faq, intruder] }, await numbersOfKnowledge(defaultKnowledgeDir()));
  const { worse } = compareOutcomes(baseline, outcomes);
  expect(worse.map((movement) => movement.question)).toContain(`single: ${question}`);
  expect(worse.find((movement) => movement.question === `single: ${question}`)?.now).toBe("wrong: faq-chen-ngang");
});
