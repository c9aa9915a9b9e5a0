// Vietnamese text at the edge: one canonical form for display, one folded form for matching.

// C0/C1 controls and zero-width characters; newlines and tabs become spaces in clean().
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2060\uFEFF]/g;

/** Plain ASCII: no marks, no đ. */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}
const ASCII = /^[\x00-\x7f]*$/;

/** NFC, no control characters, single spaces, trimmed. Keeps case and marks: this is what users see. */
export function clean(text: string): string {
  const visible = nfc(text).replace(INVISIBLE, "");
  // Most texts have single spaces only: there is nothing to collapse, and no copy to make.
  return (MORE_THAN_A_SPACE.test(visible) ? visible.replace(/\s+/g, " ") : visible).trim();
}
/** White space other than a single plain space. */
const MORE_THAN_A_SPACE = /[^\S ]| {2}/;

/** NFC, without asking ICU when the text is plain ASCII (its own NFC, and the common case). */
export function nfc(text: string): string {
  return isAscii(text) ? text : text.normalize("NFC");
}

// A date becomes its year plus one date token: "3/6/2020" → "2020 20200603", so the year works as a slot and
// the whole date matches exactly the entries of that day; "tháng 11/2025" → "2025". Loose day and month
// numbers would otherwise read as numbers the answer must contain.
const DATE = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/-]|\.\d)/g;
const dateTokens = (_match: string, day: string, month: string, year: string) =>
  `${year} ${year}${month.padStart(2, "0")}${day.padStart(2, "0")}`;
const MONTH_OF_YEAR = /(?<=(?:^|\s)thang\s)\d{1,2}[/.-\s](\d{4})(?![\d/-]|\.\d)/g;

/**
 * Lower case without tone or vowel marks, đ → d, punctuation → space: "Nghị quyết 16-NQ/TU" → "nghi quyet 16 nq tu".
 * Letters glued to digits are split ("muc4" → "muc 4", "qd749" → "qd 749", "3va4" → "3 va 4") but "4g" and
 * "5g" stay whole. A comma between two single digits lists them ("mức 3,4" → "3 4"); others are decimal commas.
 */
export function fold(text: string): string {
  // A question is folded whole by its clauses, by the engine and by its reading, with a word or two between.
  const known = lastFolds.find((last) => last.text === text);
  if (known) return known.folded;
  // Plain ASCII (questions typed without marks, texts folded before) has no marks to take off.
  const folded = splitWords(isAscii(text) ? text.toLowerCase() : withoutMarks(text));
  lastFolds.pop();
  lastFolds.unshift({ text, folded });
  return folded;
}

/** Lower case without marks, đ as d. */
function withoutMarksSlowly(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

/**
 * What withoutMarksSlowly() makes of each character of the Latin script and of each combining mark, by character
 * code, worked out when first met. It treats every such character on its own (NFD only reorders marks, which it
 * drops; lower case looks at no neighbour outside Greek), so a text of them is its characters' results laid end to
 * end: several times faster than asking ICU.
 */
const WITHOUT_MARKS: (string | undefined)[] = new Array<string | undefined>(0x1f00);
const isLatinOrMark = (code: number) => code < 0x250 || (code >= 0x300 && code < 0x370) || (code >= 0x1e00 && code < 0x1f00);

function withoutMarks(text: string): string {
  let result = "";
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    let letters = WITHOUT_MARKS[code];
    if (letters === undefined) {
      if (!isLatinOrMark(code)) return withoutMarksSlowly(text);
      letters = WITHOUT_MARKS[code] = withoutMarksSlowly(text[at]!);
    }
    result += letters;
  }
  return result;
}

/** The last texts folded, newest first. */
const lastFolds = [
  { text: "", folded: "" },
  { text: "", folded: "" },
];

/**
 * The same words as fold() gives, one for one, but keeping their marks ("sắp", "sáp"): for telling apart words
 * that fold alike when the user typed the marks.
 */
export function lowerWithMarks(text: string): string {
  return splitWords(nfc(text).toLowerCase());
}

function splitWords(lower: string): string {
  // Most words and clauses carry no digit: the date and number rules below cannot apply to them.
  // The words are the runs of letters, digits and %: every other character, the dot too, separates them.
  if (!/\d/.test(lower)) return PLAIN_WORDS.test(lower) ? lower : (lower.match(WORD)?.join(" ") ?? "");
  // Words and numbers already apart, in single spaces: no rule below changes them ("tháng 11 2025" aside).
  if (WORDS_AND_NUMBERS.test(lower) && !lower.includes("thang")) return lower;
  // Each rule is tried only when the text has the character it needs (most have none): a pass saved per rule.
  let text = lower;
  if (/[/.-]/.test(text)) text = text.replace(DATE, dateTokens);
  if (text.includes("thang")) text = text.replace(MONTH_OF_YEAR, "$1");
  if (text.includes(",")) text = text.replace(/(?<![\d.])\d(?:,\d)+(?![\d.%])/g, (list) => list.replaceAll(",", " ")).replace(/(\d),(\d)/g, "$1.$2");
  text = text.replace(/[^\p{L}\p{N}%.]+/gu, " ");
  if (text.includes(".")) text = text.replace(/(?<!\d)\.|\.(?!\d)/g, " ");
  return text
    .replace(/(\p{L})(?=\d)/gu, "$1 ")
    .replace(/(\d)(?=\p{L}{2})/gu, "$1 ")
    .replace(/\s+/g, " ")
    .trim();
}

const WORD = /[\p{L}\p{N}%]+/gu;
/** Text already split as WORD splits it (checked ~4× faster than splitting it again: most questions come without marks). */
const PLAIN_WORDS = /^[a-z%]+(?: [a-z%]+)*$/;
const WORDS_AND_NUMBERS = /^(?:[a-z]+|\d+)(?: (?:[a-z]+|\d+))*$/;

/** Tokens of folded text; "01" and "1" are the same number. */
export function tokens(folded: string): string[] {
  if (folded === "") return [];
  // Without a 0 there is no leading zero to take off.
  return folded.includes("0") ? folded.split(" ").map((token) => (token.startsWith("0") && /^0+\d/.test(token) ? token.replace(/^0+/, "") : token)) : folded.split(" ");
}

/** Words that carry no topic: question scaffolding and politeness ("cho em hỏi", "là gì", "ạ"). Folded. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a ah ak a. ad admin ban bot cho em anh minh toi hoi xin vui long giup voi nhe nha nhi ha ho hen " +
    "la gi the nao nhu sao ra sao bao nhieu nao khong ko k chua co duoc dc da dang se thi ma va hay hoac " +
    "cua ve o tai trong tren duoi den tu voi cac nhung mot nay do kia day ay vay roi luon lam cai viec " +
    "biet muon can xem noi oi uh um ok okay vs cung nua nam may vao phai dat rieng gom no"
  ).split(" "),
);

/** True when the text has nothing a search could use: no letters or digits at all. */
export function hasNoWords(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** What each rule of undoTelex needs: a doubled d, a, e or o, a w, or a tone key. */
const TELEX_KEYS = /dd|aa|ee|oo|[sfrxjw]/;
const TELEX_TONE_KEYS = /^(.{2,}?)[sfrxj]$/;
/** Some input methods take the tone key before the final consonant: "hajn", "quyeest". */
const TELEX_INNER_TONE_KEY = /^(.*[aeiouy])[sfrxj](ch|ng|nh|[cmnpt])$/;

/**
 * Undo Telex keystrokes left in the text when the input method was off ("nghij quyeets" → "nghi quyet").
 * Only used for words the index does not know, so real words ending in s/f/r/x/j are untouched.
 */
export function undoTelex(word: string): string {
  // Most words have no key any rule below looks for: they are as typed.
  if (!TELEX_KEYS.test(word)) return word;
  let result = word
    .replace(/dd/g, "d")
    .replace(/aa|aw/g, "a")
    .replace(/ee/g, "e")
    .replace(/oo|ow/g, "o")
    .replace(/uw/g, "u");
  const toneKey = TELEX_TONE_KEYS.exec(result) ?? TELEX_INNER_TONE_KEY.exec(result);
  if (toneKey?.[1]) result = toneKey[1] + (toneKey[2] ?? "");
  return result.replace(/w$/, "");
}

/**
 * What an unknown word may have been meant as, most likely first: Telex keystrokes undone, a key pressed
 * twice ("kepp", "nghiij"), or both ("keess hoachj").
 */
export function keystrokeRepairs(word: string): string[] {
  const single = word.replace(/(\p{L})\1+/gu, "$1");
  return [...new Set([undoTelex(word), single, undoTelex(single)])].filter((candidate) => candidate !== word);
}

/** A text matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "mục tiêu năm 2025…" → "Mục tiêu năm 2025…": a phrase that opens a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const NUMBER = /(?<![^ ])(\d+(?:\.\d+)?)(?= |%|$)/g;

/** The numbers a text writes, read as a question's are ("9/34" is 9 and 34, "0,7071" is 0.7071). */
/** Whether a number is a date as fold() writes it (yyyymmdd): "21/10/2025" folds to "2025 20251021". */
export function isFoldedDate(n: number): boolean {
  return /^(?:19|20)\d{6}$/.test(String(n));
}

export function numbersIn(text: string): number[] {
  return [...fold(text).matchAll(NUMBER)].map((match) => Number(match[1]));
}
