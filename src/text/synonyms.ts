// Abbreviations and synonyms from knowledge/synonyms.yaml, applied to folded text on both sides of the
// search (questions and indexed phrasings), so "DVC muc 4" and "dịch vụ công mức độ 4" meet.
import type { Synonym } from "../knowledge/schema.js";
import { escapeRegExp, fold } from "./normalize.js";

export type SynonymExpander = (folded: string) => string;


export function createSynonymExpander(synonyms: readonly Synonym[]): SynonymExpander {
  const replacements = new Map<string, string>();
  for (const { term, variants } of synonyms) {
    const foldedTerm = fold(term);
    for (const variant of variants) {
      const foldedVariant = fold(variant);
      if (foldedVariant && foldedVariant !== foldedTerm) replacements.set(foldedVariant, foldedTerm);
    }
  }
  if (replacements.size === 0) return (folded) => folded;
  // Longest variants first, so "qd 749" wins over "qd".
  const alternatives = [...replacements.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![^ ])(?:${alternatives.join("|")})(?= |$)`, "g");
  return (folded) => folded.replace(pattern, (match) => replacements.get(match) ?? match);
}
