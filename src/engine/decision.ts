// Whether to answer with the best match, ask "Có phải bạn muốn hỏi…", or say it is not something the assistant
// knows: one logistic model over a few features of the match, its weights fitted on the tuned question sets with
// cross-validation grouped by entry (npm run train → decision-model.json), instead of hand-set thresholds.
import { FITTED_MODEL } from "./decision-model.js";

/** What the decision looks at, about the best match and the question. */
export interface DecisionInput {
  /** The best match's score (0..1) and the runner-up's. */
  readonly score: number;
  readonly runnerUp: number;
  /** Share of the question (by word rarity) the best match does not explain. */
  readonly unexplained: number;
  /** Share of the question made of words the knowledge has never seen. */
  readonly unknown: number;
  /** How much the question names that the knowledge knows: the summed rarity of its known words. */
  readonly knownWeight: number;
  /** The runner-up is the same thing seen from another side (an FAQ about the indicator, a sibling). */
  readonly runnerUpRelated: boolean;
  /** Best and runner-up are of one kind and nearly tied: two people, two plans. */
  readonly sameKindTie: boolean;
  /**
   * The earlier hand-set rule's verdict (score bars, margin to an unrelated runner-up): one feature among the
   * others, weighed by the fit.
   */
  readonly rule: boolean;
}

export const FEATURE_NAMES = [
  "score",
  "gap",
  "unexplained",
  "unknown",
  "knownWeight",
  "runnerUpRelated",
  "sameKindTie",
  "rule",
] as const;

export function decisionFeatures(input: DecisionInput): number[] {
  return [
    input.score,
    input.score - input.runnerUp,
    input.unexplained,
    input.unknown,
    Math.log1p(input.knownWeight),
    input.runnerUpRelated ? 1 : 0,
    input.sameKindTie ? 1 : 0,
    input.rule ? 1 : 0,
  ];
}

export interface DecisionModel {
  readonly features: readonly string[];
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** From this probability on the best matches are offered as "Có phải bạn muốn hỏi…"; below it, a refusal. */
  readonly clarifyAt: number;
}

export const DECISION_MODEL: DecisionModel = FITTED_MODEL;

/** The probability that the best match answers the question. */
export function probability(features: readonly number[], fitted: DecisionModel = DECISION_MODEL): number {
  let z = fitted.bias;
  features.forEach((value, i) => (z += fitted.weights[i]! * ((value - fitted.mean[i]!) / fitted.scale[i]!)));
  return 1 / (1 + Math.exp(-z));
}
