// Tone and vowel marks carry meaning: folded, "sắp" (soon) and "sáp" (merge), "bão" (storm) and "báo" (newspaper)
// are one word. When the user typed the marks, a word the knowledge only ever writes with other marks is another
// word, and must not match. Words typed without a tone mark, or lacking a mark the knowledge's word has ("mưc độ",
// "nứoc"), still match by their folded form; so does every word the knowledge does not use at all.
import { fold, isAscii, lowerWithMarks } from "./normalize.js";

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** A marked word as its letters without the tone ("săp"), and its tone mark ("\u0301"), or "" for none. */
function toneAndLetters(word: string): { letters: string; tone: string } {
  const decomposed = word.normalize("NFD");
  return { letters: decomposed.replace(TONE_MARKS, "").normalize("NFC"), tone: decomposed.match(TONE_MARKS)?.[0] ?? "" };
}

/**
 * Whether a typed word could be meant as a known one of the same fold: the same tone, and every vowel mark typed
 * where the known word has it ("nứoc" for "nước" lacks one mark: a slip; "sắp" for "sáp" has one it lacks: another
 * word).
 */
function couldMean(typed: { letters: string; tone: string }, known: { letters: string; tone: string }, folded: string): boolean {
  if (typed.tone !== known.tone) return false;
  for (let i = 0; i < typed.letters.length; i++) {
    if (typed.letters[i] !== folded[i] && typed.letters[i] !== known.letters[i]) return false;
  }
  return true;
}

/** A piece between spaces with a character beyond ASCII (read at every start: ~1.5× faster than splitting every text). */
const MARKED_PIECE = /[^ ]*[^\x00-\x7f][^ ]*/g;

/** A token the search never knows and never repairs: a word that is not the knowledge's word of the same fold. */
export const FOREIGN_MARK = "·";

export type MarkedFilter = (text: string, folded: string) => string;

/**
 * From the knowledge's own texts: the folded text of a question in which every word typed with a tone mark that
 * the knowledge never writes (same letters and tone, tone placement aside) is replaced by a token nothing matches.
 */
export function createMarkedFilter(knowledgeTexts: Iterable<string>): MarkedFilter {
  // The knowledge writes tens of thousands of words but only about a thousand distinct marked ones: each is looked
  // at once. Only marked words matter (a word without marks folds to itself, or, a date cut apart, to several words,
  // which no word of a question is), and no rule of lowerWithMarks() joins or splits letters across a space: the
  // distinct pieces between spaces that carry a mark are read together, in one pass.
  const pieces = new Set<string>();
  for (const text of knowledgeTexts) if (!isAscii(text)) for (const piece of text.match(MARKED_PIECE) ?? []) pieces.add(piece);
  const words = new Set(lowerWithMarks([...pieces].join(" ")).split(" "));
  const formsByFold = new Map<string, { letters: string; tone: string }[]>();
  // The knowledge's own marked words and their folds: typed as the knowledge writes it, a word can mean its own form.
  const foldOfKnown = new Map<string, string>();
  for (const word of words) {
    const folded = fold(word);
    if (folded === word) continue;
    foldOfKnown.set(word, folded);
    const form = toneAndLetters(word);
    const forms = formsByFold.get(folded) ?? [];
    if (!forms.some((known) => known.letters === form.letters && known.tone === form.tone)) forms.push(form);
    formsByFold.set(folded, forms);
  }
  return (text, folded) => {
    // Typed without a mark, every word is taken as it folds.
    if (isAscii(text)) return folded;
    const marked = lowerWithMarks(text).split(" ");
    const words = folded.split(" ");
    // A character NFC cannot compose splits words differently: then the words cannot be paired, and nothing is changed.
    if (marked.length !== words.length) return folded;
    return words
      .map((word, index) => {
        const typed = marked[index]!;
        const forms = formsByFold.get(word);
        if (typed === word || !forms || foldOfKnown.get(typed) === word) return word;
        const form = toneAndLetters(typed);
        return form.tone !== "" && !forms.some((other) => couldMean(form, other, word)) ? `${word}${FOREIGN_MARK}` : word;
      })
      .join(" ");
  };
}
