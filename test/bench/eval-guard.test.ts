// CI guard on the evaluation (`npm run eval` prints the figures): the targets where they are met, floors just
// under today's figures where they are not yet (see CI_FLOORS in bench/evaluation.ts).
import { expect, it } from "vitest";
import { CI_FLOORS, evaluate, failedTargets, loadEvaluationSets } from "../../bench/evaluation.js";
import { shippedEngine } from "../support/engine.js";

it("keeps accuracy, answered-but-wrong, out-of-scope rejection and dialogues at or above the CI floors", async () => {
  const metrics = evaluate(await shippedEngine(), await loadEvaluationSets());
  expect(metrics.inScope.total).toBeGreaterThanOrEqual(250);
  expect(metrics.outOfScope.total).toBeGreaterThanOrEqual(60);
  expect(metrics.dialogues.total).toBeGreaterThanOrEqual(30);
  expect(failedTargets(metrics, CI_FLOORS)).toEqual([]);
});
