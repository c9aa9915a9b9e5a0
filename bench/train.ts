// npm run train — fits the model behind "Có phải bạn muốn hỏi…" or a refusal (src/engine/decision.ts): a logistic
// regression estimating how likely the best match is right, over a few features of the match, on the tuned question
// sets (right entry = 1; wrong entry or out of scope = 0), with 5-fold cross-validation grouped by entry, so an
// entry's phrasings are never split between fitting and checking. The threshold is chosen on the cross-validated
// probabilities; the held-out set is only reported. Writes src/engine/decision-model.ts. Refit after changing the
// engine or the knowledge.
import { readFile, writeFile } from "node:fs/promises";
import { parse } from "yaml";
import { loadKnowledgeOrExit } from "../src/bootstrap.js";
import { createEngine } from "../src/engine/ask.js";
import { FEATURE_NAMES, probability, type DecisionModel } from "../src/engine/decision.js";
import { defaultKnowledgeDir } from "../src/paths.js";
import { EVAL_DIR, HOLDOUT_DIR, loadEvaluationSets, pct } from "./evaluation.js";

/** Out-of-scope questions offered "Có phải bạn muốn hỏi…" at most this often (cross-validated). */
const MAX_OUT_OF_SCOPE_CLARIFIED = 0.1;
const FOLDS = 5;
const L2 = 0.01;

interface Example {
  readonly features: number[];
  readonly label: 0 | 1;
  /** Whether the question is in scope at all (its best match may still be the wrong one). */
  readonly inScope: boolean;
  readonly group: string;
}

const engine = createEngine(await loadKnowledgeOrExit(process.env.KNOWLEDGE_DIR ?? defaultKnowledgeDir()), { cacheSize: 0 });

function example(q: string, expect: readonly string[] | undefined, group: string): Example | undefined {
  // Commands, small talk and numbers picking a suggestion are not decided by the match.
  if (q.trim().startsWith("/")) return undefined;
  const { decision } = engine.explain(q);
  if (decision.features.length === 0) return expect ? { features: [], label: 0, inScope: true, group } : undefined;
  const label = expect !== undefined && decision.entry !== undefined && expect.includes(decision.entry) ? 1 : 0;
  return { features: decision.features as number[], label, inScope: expect !== undefined, group };
}

async function examplesOf(dir: URL): Promise<Example[]> {
  const sets = await loadEvaluationSets(dir);
  return [
    ...sets.single.flatMap((item) => example(item.q, item.expect, item.expect[0] ?? item.q) ?? []),
    ...sets.outOfScope.flatMap((item, i) => example(item.q, undefined, `oos-${i % FOLDS}`) ?? []),
  ];
}

const devOutOfScope = (parse(await readFile(new URL("dev/out-of-scope.yaml", EVAL_DIR), "utf8")) as { q: string }[]).flatMap(
  (item, i) => example(item.q, undefined, `dev-oos-${i % FOLDS}`) ?? [],
);
const training = [...(await examplesOf(EVAL_DIR)), ...devOutOfScope];
const holdout = await examplesOf(HOLDOUT_DIR);

function standardize(rows: readonly Example[]): { mean: number[]; scale: number[] } {
  const usable = rows.filter((row) => row.features.length > 0);
  const mean = FEATURE_NAMES.map((_, i) => usable.reduce((sum, row) => sum + row.features[i]!, 0) / usable.length);
  const scale = FEATURE_NAMES.map((_, i) => Math.sqrt(usable.reduce((sum, row) => sum + (row.features[i]! - mean[i]!) ** 2, 0) / usable.length) || 1);
  return { mean, scale };
}

function fit(rows: readonly Example[]): Omit<DecisionModel, "clarifyAt"> {
  const usable = rows.filter((row) => row.features.length > 0);
  const { mean, scale } = standardize(usable);
  const x = usable.map((row) => row.features.map((value, i) => (value - mean[i]!) / scale[i]!));
  const weights = FEATURE_NAMES.map(() => 0);
  let bias = 0;
  for (let step = 0; step < 3_000; step++) {
    const gradient = weights.map((w) => L2 * w);
    let biasGradient = 0;
    x.forEach((features, n) => {
      const z = bias + features.reduce((sum, value, i) => sum + weights[i]! * value, 0);
      const error = 1 / (1 + Math.exp(-z)) - usable[n]!.label;
      features.forEach((value, i) => (gradient[i]! += (error * value) / usable.length));
      biasGradient += error / usable.length;
    });
    weights.forEach((_, i) => (weights[i]! -= 0.5 * gradient[i]!));
    bias -= 0.5 * biasGradient;
  }
  return { features: [...FEATURE_NAMES], mean, scale, weights, bias };
}

const p = (row: Example, fitted: DecisionModel) => (row.features.length === 0 ? 0 : probability(row.features, fitted));

// Out-of-fold probabilities: each group is scored by a model fitted without it.
const groups = [...new Set(training.map((row) => row.group))];
const foldOf = new Map(groups.map((group, i) => [group, i % FOLDS]));
const outOfFold = new Map<Example, number>();
for (let fold = 0; fold < FOLDS; fold++) {
  const fitted = { ...fit(training.filter((row) => foldOf.get(row.group) !== fold)), clarifyAt: 0 };
  for (const row of training.filter((r) => foldOf.get(r.group) === fold)) outOfFold.set(row, p(row, fitted));
}

// The threshold under which a question is refused: out-of-scope questions are rarely offered a list.
const outOfScopeProbabilities = training.filter((row) => !row.inScope).map((row) => outOfFold.get(row)!).sort((a, b) => a - b);
const clarifyAt = Math.max(0.15, outOfScopeProbabilities[Math.floor((1 - MAX_OUT_OF_SCOPE_CLARIFIED) * outOfScopeProbabilities.length)] ?? 0.15);
const final: DecisionModel = { ...fit(training), clarifyAt: Math.round(clarifyAt * 1000) / 1000 };

/** Share of out-of-scope questions offered a list, and of in-scope ones offered a list led by the right entry. */
function figures(rows: readonly Example[], probabilityOf: (row: Example) => number): { offeredOutOfScope: number; rightOffered: number } {
  const inScope = rows.filter((row) => row.inScope);
  const outOfScope = rows.filter((row) => !row.inScope);
  return {
    offeredOutOfScope: outOfScope.filter((row) => probabilityOf(row) >= final.clarifyAt).length / Math.max(1, outOfScope.length),
    rightOffered: inScope.filter((row) => row.label === 1 && probabilityOf(row) >= final.clarifyAt).length / Math.max(1, inScope.length),
  };
}
const cv = figures(training, (row) => outOfFold.get(row)!);
const held = figures(holdout, (row) => p(row, final));
console.log(`training: ${training.length} questions (${training.filter((r) => r.inScope).length} in scope), ${FOLDS}-fold cross-validation grouped by entry`);
console.log(`offer "Có phải bạn muốn hỏi…" from p ≥ ${final.clarifyAt}; refuse below`);
console.log(`cross-validated: out of scope offered a list ${pct(cv.offeredOutOfScope)}; in scope with the right entry first ${pct(cv.rightOffered)}`);
console.log(`held-out set (never fitted on): in scope with the right entry first ${pct(held.rightOffered)}`);
console.log("weights (standardized):", FEATURE_NAMES.map((name, i) => `${name} ${final.weights[i]!.toFixed(2)}`).join(", "), `bias ${final.bias.toFixed(2)}`);

const round = (values: readonly number[]) => values.map((value) => Math.round(value * 10_000) / 10_000);
await writeFile(
  new URL("../src/engine/decision-model.ts", import.meta.url),
  `// Generated by \`npm run train\` (bench/train.ts): do not edit by hand; refit after changing the engine or the knowledge.
// Cross-validated on the tuned sets: out-of-scope questions offered a list ${pct(cv.offeredOutOfScope)}, in-scope ones with the right entry first ${pct(cv.rightOffered)}.
import type { DecisionModel } from "./decision.js";

export const FITTED_MODEL: DecisionModel = {
  features: ${JSON.stringify(final.features)},
  mean: ${JSON.stringify(round(final.mean))},
  scale: ${JSON.stringify(round(final.scale))},
  weights: ${JSON.stringify(round(final.weights))},
  bias: ${Math.round(final.bias * 10_000) / 10_000},
  clarifyAt: ${final.clarifyAt},
};
`,
);
