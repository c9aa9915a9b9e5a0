// What a question asks for, apart from its topic: years, "hiện nay", scope (tỉnh / cả nước / so sánh),
// pillar, small talk and follow-up markers. Works on folded, synonym-expanded text.
import type { Pillar } from "../knowledge/schema.js";

export type SmallTalk = "greeting" | "thanks" | "help" | "about" | "goodbye";

export interface Slots {
  year?: number;
  /** "hiện nay", "mới nhất": the latest known figure. */
  now?: boolean;
  scope?: "province" | "national";
  compare?: boolean;
  pillar?: Pillar;
}

export interface Understanding {
  readonly slots: Slots;
  /** The folded text without slot phrases: what the search should match. */
  readonly topicText: string;
  readonly smallTalk?: SmallTalk;
  /** "còn …", "thế còn …", "… thì sao": leans on the previous answer. */
  readonly followUp: boolean;
  /** "nguồn ở đâu?" after an answer. */
  readonly asksForSources: boolean;
  /** A bare number: the user picked one of the numbered suggestions. */
  readonly choice?: number;
}

const YEAR = /(?<=^| )(20[0-4]\d)(?= |$)/g;
const NOW = /(?<=^| )(hien nay|hien tai|bay gio|luc nay|hom nay|moi nhat|gan day nhat|gan day|cap nhat|den nay|tinh den nay|thuc te)(?= |$)/g;
const END_OF_TERM = /(?<=^| )(cuoi ky|het ky|cuoi nhiem ky)(?= |$)/;
// "đứng đầu cả nước" ranks the province, it does not ask about the nation.
const NATIONAL = /(?<=^| )(?<!dau )(ca nuoc|toan quoc|quoc gia|viet nam|trung uong|chinh phu|nuoc ta)(?= |$)/;
const NATIONAL_STRIPPED = /(?<=^| )(ca nuoc|toan quoc|nuoc ta)(?= |$)/g;
const COMPARE = /(?<=^| )(so sanh|so voi|doi chieu|khac gi|khac nhau|khac biet|chenh lech|cao hon|thap hon|hon so)(?= |$)/;
const COMPARE_STRIPPED = /(?<=^| )(so sanh|so voi|doi chieu)(?= |$)/g;
const FOLLOW_UP = /^(con|the con|vay con|con ve|the thi|vay thi)(?= |$)|(?<=^| )(thi sao|the nao roi|ra sao roi)$/;
const FOLLOW_UP_STRIPPED = /^(con|the con|vay con|con ve)(?= |$)|(?<=^| )(thi sao)$/g;
// Question scaffolding that reads like content: "bao nhiêu phần trăm", "là bao nhiêu %".
const QUESTION_PHRASES = /(?<=^| )(phan tram|%)(?= |$)/g;
const SOURCES = /(?<=^| )(nguon|trich dan|lay tu dau|o dau ra|can cu vao dau|tai lieu nao)(?= |$)/;

const PILLARS: readonly [RegExp, Pillar][] = [
  [/(?<=^| )chinh quyen so(?= |$)/, "chinh-quyen-so"],
  [/(?<=^| )kinh te so(?= |$)/, "kinh-te-so"],
  [/(?<=^| )xa hoi so(?= |$)/, "xa-hoi-so"],
];

// Whole-message small talk; a greeting in front of a real question is stripped instead.
const GREETING = /^(xin chao|chao|chao ban|chao bot|chao ad|chao admin|chao em|chao anh|chao chi|hello|helo|hi|hey|alo|a lo|hi bot|chao buoi sang|chao buoi chieu|chao buoi toi)$/;
const GREETING_PREFIX = /^(xin chao|chao ban|chao bot|chao ad|chao em|chao anh|chao chi|hello|hi|alo)( |$)/;
const THANKS = /^(cam on|cam on ban|cam on bot|cam on nhieu|cam on nhe|thanks|thank you|thank|thanks you|tks|ok cam on|da cam on|cam on a|cam on ban nhieu|rat hay cam on)$/;
const GOODBYE = /^(tam biet|bye|bai|bye bye|hen gap lai|chao tam biet)$/;
const HELP = /^(help|giup|tro giup|huong dan|menu|bat dau|start|ban lam duoc gi|ban giup duoc gi|ban biet gi|ban tra loi duoc gi|hoi duoc gi|toi co the hoi gi|co the hoi gi|cach dung|cach su dung)$/;
const ABOUT = /^(ban la ai|may la ai|bot la ai|ban ten gi|day la gi|ban la gi|ai tao ra ban|ban la bot gi|gioi thieu ve ban|ban do ai lam)$/;

/** Like RegExp#test but safe with /g patterns, which keep state between calls. */
function has(text: string, pattern: RegExp): boolean {
  return text.search(pattern) !== -1;
}

function strip(text: string, pattern: RegExp): string {
  return text.replace(pattern, " ").replace(/\s+/g, " ").trim();
}

function smallTalkOf(text: string): SmallTalk | undefined {
  if (GREETING.test(text)) return "greeting";
  if (THANKS.test(text)) return "thanks";
  if (GOODBYE.test(text)) return "goodbye";
  if (HELP.test(text)) return "help";
  if (ABOUT.test(text)) return "about";
  return undefined;
}

export function understand(folded: string): Understanding {
  const bare = folded.replace(/\b(a|ah|nhe|nha|nhi|vay|the|ban oi|bot oi|ad oi)$/, "").trim();
  const smallTalk = smallTalkOf(folded) ?? smallTalkOf(bare);
  const choice = /^\d{1,2}$/.test(folded) && Number(folded) >= 1 && Number(folded) <= 9 ? Number(folded) : undefined;
  let text = strip(folded, GREETING_PREFIX);

  const slots: Slots = {};
  const years = [...text.matchAll(YEAR)].map((match) => Number(match[1]));
  // "giai đoạn 2021–2025" means the period that ends in 2025.
  if (years.length > 0) slots.year = Math.max(...years);
  if (has(text, END_OF_TERM)) slots.year = 2025;
  if (has(text, NOW)) slots.now = true;
  if (has(text, NATIONAL)) slots.scope = "national";
  if (has(text, COMPARE)) slots.compare = true;
  for (const [pattern, pillar] of PILLARS) if (has(text, pattern)) slots.pillar = pillar;

  const followUp = has(text, FOLLOW_UP);
  const asksForSources = has(text, SOURCES);
  text = strip(text, YEAR);
  text = strip(text, NOW);
  text = strip(text, NATIONAL_STRIPPED);
  text = strip(text, COMPARE_STRIPPED);
  text = strip(text, FOLLOW_UP_STRIPPED);
  text = strip(text, QUESTION_PHRASES);
  return {
    slots,
    topicText: text,
    followUp,
    asksForSources,
    ...(smallTalk ? { smallTalk } : {}),
    ...(choice !== undefined ? { choice } : {}),
  };
}

/** Strips slot phrases the same way on the index side, so phrasings and questions are comparable. */
export function topicTextOf(folded: string): string {
  return understand(folded).topicText;
}
