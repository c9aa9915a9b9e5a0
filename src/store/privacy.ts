// Question texts are kept only for review: no phone or ID numbers, and a bounded length.
import { clean } from "../text/normalize.js";
import { QUESTION_TEXT_MAX } from "./schema.js";

// Vietnamese mobile numbers have 10 digits, citizen ID numbers 12; shorter runs are years, amounts, percentages.
const LONG_DIGIT_RUN = /\d{9,}/g;

export function redactQuestion(text: string): string {
  const masked = clean(text).replace(LONG_DIGIT_RUN, "***");
  // Cutting inside a surrogate pair would leave a broken character at the end.
  return masked.slice(0, QUESTION_TEXT_MAX).replace(/[\uD800-\uDBFF]$/, "");
}
