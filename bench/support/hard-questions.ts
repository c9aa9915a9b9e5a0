// Questions built to make reading slow: the constructed worst cases of the security review and a generator of
// tokens made of known words run together (cut several ways, some ending in something unsplittable). Used by
// bench:fuzz, which times each through the engine and reports the slowest.
import type { Knowledge } from "../../src/knowledge/schema.js";
import { fold } from "../../src/text/normalize.js";

/** Telegram's and Zalo's longest message. */
export const LONGEST_MESSAGE = 4_096;

export interface HardQuestion {
  readonly kind: string;
  readonly text: string;
}

/** Every word of the knowledge's phrasings: the pieces a run-together token is made of. */
export function vocabularyOf(knowledge: Knowledge): string[] {
  const texts = [
    ...knowledge.faq.flatMap((entry) => entry.questions),
    ...knowledge.indicators.flatMap((indicator) => [indicator.name, indicator.short, ...indicator.aliases]),
    ...knowledge.documents.map((document) => document.title),
  ];
  return [...new Set(texts.flatMap((text) => fold(text).split(" ")))].filter((word) => /^[a-z]{2,}$/.test(word));
}

const fit = (text: string) => text.slice(0, LONGEST_MESSAGE);

/** The cases the review constructed, and their longer kin, up to the longest message. */
export function constructedQuestions(vocabulary: readonly string[]): HardQuestion[] {
  const cases: HardQuestion[] = [];
  for (const times of [16, 17, 18, 25, 200, 800]) cases.push({ kind: `"locap"×${times}+"zzz"`, text: fit(`${"locap".repeat(times)}zzz`) });
  cases.push(
    { kind: "joined known words ×400", text: fit("dichvucongtructuyen".repeat(400)) },
    { kind: "one 4,096-letter word", text: "x".repeat(LONGEST_MESSAGE) },
    { kind: "unknown 6-letter words", text: fit(Array.from({ length: 700 }, (_, i) => `q${(i * 7919).toString(36).padStart(5, "z")}`).join(" ")) },
    { kind: "Telex leftovers", text: fit("chuyeenr ddooir soos nghij quyeets ".repeat(120)) },
    { kind: "doubled keys", text: fit("muuucccc tiiieeeuuu kepp nghiij ".repeat(130)) },
    { kind: "slot words", text: fit("đã đạt chưa hiện nay năm 2025 so với cả nước ".repeat(90)) },
    { kind: "years", text: fit(Array.from({ length: 800 }, (_, i) => 2000 + (i % 40)).join(" ")) },
    { kind: "dates", text: fit(Array.from({ length: 400 }, (_, i) => `${(i % 28) + 1}/${(i % 12) + 1}/20${20 + (i % 10)}`).join(" ")) },
    // The most postings one question can touch.
    { kind: "every known word once", text: fit(vocabulary.join(" ")) },
    { kind: "politeness only", text: fit("dạ cho em hỏi với ạ cảm ơn anh chị nhiều nhé ".repeat(90)) },
    { kind: "emoji and marks", text: fit("😀 ệ ̀ ạ 🇻🇳 ".repeat(500)) },
  );
  return cases;
}

/** Known words run together into tokens of 5–60 letters, half of them ending in letters no word ends in. */
export function* segmentableQuestions(vocabulary: readonly string[], random: () => number, count: number): Generator<HardQuestion> {
  const pick = () => vocabulary[Math.floor(random() * vocabulary.length)]!;
  for (let n = 0; n < count; n++) {
    const length = 5 + Math.floor(random() * 56);
    const tokens: string[] = [];
    let text = "";
    while (text.length < LONGEST_MESSAGE - 80) {
      let token = "";
      while (token.length < length) token += pick();
      if (random() < 0.5) token += "zzq";
      tokens.push(token);
      text = tokens.join(" ");
      if (random() < 0.02) break;
    }
    yield { kind: "run-together known words", text: fit(text) };
  }
}
