// Names a question claims that the knowledge may not have: "do Phó Thủ tướng Vũ Đức Đam ký", "là của báo Tuổi Trẻ".
// Read from the text as typed: a name is told from other words by its capitals, after a title that says what it is.

import { fold } from "./normalize.js";

/** A title before a person's name: "ông", "Phó Thủ tướng", "đồng chí". */
const PERSON_TITLE = /(?:^|\s)(?:(?:phó\s+)?(?:thủ\s+tướng|bộ\s+trưởng|chủ\s+tịch|bí\s+thư|giám\s+đốc)|ông|bà|đồng\s+chí)\s+/giu;
/**
 * A title before a newspaper's name: "báo Tuổi Trẻ", "tờ Thanh Niên" ("nhà báo Giang Đình" is a journalist; "thông
 * báo", "dự báo", "cảnh báo" are no papers, and "báo" there is no word of its own).
 */
const PAPER_TITLE = /(?:^|\s)(?<!(?:nhà|bài|thông|dự|cảnh|công|tình)\s+)(?:báo|tờ|tạp\s+chí)\s+/giu;
/**
 * Two to four capitalised syllables: a person's name — up to a capitalised title typed after it without a comma
 * ("ông Trần Phong Chủ tịch tỉnh").
 */
const PERSON_NAME = /^\p{Lu}\p{Ll}+(?:\s+(?!(?:Chủ|Bí|Giám|Phó|Thủ|Bộ|Tỉnh|Ủy|Uỷ|Sở|Ban|Trưởng|Đồng)(?![\p{L}]))\p{Lu}\p{Ll}+){1,3}(?=[\s,.?!;:]|$)/u;
/** One to three capitalised words (a brand may have capitals inside: "VnExpress"): a newspaper's name. */
const PAPER_NAME = /^\p{Lu}[\p{L}\d]*(?:\s+\p{Lu}[\p{L}\d]*){0,2}(?=[\s,.?!;:]|$)/u;
/** Capitalised words that name an office, a body or the province, not a person or a paper. */
const NOT_A_NAME = /^(?:chinh phu|tinh|uy ban|ubnd|so|bo|khanh hoa|ninh thuan|viet nam|trung uong|dang|nha nuoc)(?: |$)/;

/** A name as typed and folded. */
export interface ClaimedName {
  readonly typed: string;
  readonly folded: string;
}

export interface ClaimedNames {
  readonly people: readonly ClaimedName[];
  readonly papers: readonly ClaimedName[];
}

/** A capitalised word after a word that may end a title: most questions name no one, and are done with in one test. */
const MAY_NAME = /(?:ông|bà|tướng|trưởng|tịch|thư|đốc|chí|báo|tờ)\s+\p{Lu}/iu;
const NO_NAMES: ClaimedNames = { people: [], papers: [] };

/** The people and newspapers a text names after a title. */
export function claimedNames(text: string): ClaimedNames {
  if (!MAY_NAME.test(text)) return NO_NAMES;
  return { people: namesAfter(text, PERSON_TITLE, PERSON_NAME), papers: namesAfter(text, PAPER_TITLE, PAPER_NAME) };
}

function namesAfter(text: string, title: RegExp, name: RegExp): ClaimedName[] {
  const names: ClaimedName[] = [];
  for (const match of text.matchAll(title)) {
    const typed = name.exec(text.slice(match.index + match[0].length))?.[0];
    const folded = typed && fold(typed);
    if (typed && folded && !NOT_A_NAME.test(folded)) names.push({ typed, folded });
  }
  return names;
}
