// What a message says besides its question: greetings, who is asking, thanks, and instructions addressed to the
// bot ("bỏ qua hướng dẫn…"). Long, polite questions are mostly these around one short question, and every word
// of them dilutes the match; an instruction must never be taken as part of the question. Works clause by clause
// on the cleaned text (punctuation still there), returning the clauses that ask something.
import { fold, nfc, STOPWORDS } from "./normalize.js";

/** Words that only address, greet, thank or soften; folded. */
const COURTESY_WORDS: ReadonlySet<string> = new Set(
  (
    "oi chao xin hello hi alo kinh gui thua thua da vang cam on camon thanks thank you tks thx nhieu lam rat " +
    "chau bac con co chu di cau ong ba ad admin bot tro ly ban em anh chi minh toi tui to moi nguoi " +
    "cho hoi xin vui long lam on giup gium dum voi nhe nha nhi a ah ak ha hen ne nhen " +
    "muon biet can tim hieu hieu duoc tra loi giai dap nho chut ti xiu mot cau cai"
  ).split(" "),
);

/** How askers say "I" (and "we"); folded. */
const ASKER = "em|toi|minh|bac|chau|anh|chi|con|tui";
const ASKER_OR_WE = `${ASKER}|chung toi|chung em`;
/** A clause saying who is asking and why: "em là sinh viên đang làm tiểu luận", "anh chuẩn bị họp". */
const SELF_DESCRIPTION = new RegExp(
  `^(?:(?:da|vang|xin chao|chao \\S+) )?(?:${ASKER_OR_WE}|ben minh|ben em|(?:nha|gia dinh|cong ty|doanh nghiep|co quan|don vi|hop tac xa|cua hang|khach san|nha hang) (?:${ASKER_OR_WE}))(?: \\S+)? (?:la|dang|o|chuan bi|sap|vua|moi|co viec|lam|can|phai|hoc|song|nghe noi la|doc|thay|cong tac|phu trach|thuoc|quan ly|ban|buon ban|kinh doanh|mo|day|nghien cuu|tham gia|van hanh|nghi huu|ve huu|tot nghiep|quan tam|trong|nuoi|nam nay)(?= |$)`,
);
/** What the asker is doing or needs, after saying who they are: "đang làm tiểu luận", "cần số liệu gấp cho tờ trình". */
const PURPOSE = /^(?:(?:dang|rat|se|sap) )?(?:can|muon|lam|viet|chuan bi|hoc|tim hieu|phu trach|cong tac|soan|tong hop|duoc giao|duoc phan cong)(?= )/;
/** An aside that the asker is unsure ("bác nhớ không rõ", "em không biết lắm"): no question, though it ends in "không …". */
const UNSURE = /^(?:\S+ )?(?:(?:nho|biet|hieu) )?(?:khong|chua|ko) (?:nho|biet|ro|hieu|chac)(?: (?:lam|lam a|het|nua))?$/;
/** A clause saying only what the asker has heard or read about ("hay nghe nói về đô thị thông minh"): no claim, no question. */
const HEARD_OF = new RegExp(`^(?:(?:${ASKER}) )?(?:hay |thuong |co |da |vua |moi |cung )?(?:nghe|doc|thay|biet)(?: (?:noi|tin|bao|nhieu))? (?:ve|toi|den)(?= )`);
/** "bác năm nay 70 tuổi": the asker's age, the one number a self-description gives that reports nothing. */
const AGE = /(?<![^ ])\d+ tuoi(?= |$)/;
/** What a self-description reports is part of the question ("bác đọc báo thấy tỉnh muốn đến năm 2030…"). */
const REPORTS = /\d|(?<![^ ])(?:thay|nghe noi|nghe bao|nghe tin)(?= |$)/;
// "(?<![^ ])": a word's start, as "(?<=^| )" but ~5× faster in V8 (see understand.ts).
/**
 * Question phrases as people type them, with marks. The knowledge never writes some of their words ("vị" of "đơn vị
 * nào", "hệt" of "giống hệt", "hả"), and a marked word it never writes is taken for another word: these stay
 * question words.
 */
export const MARKED_QUESTION_PHRASES =
  "đơn vị nào cơ quan nào ai đâu gì mấy bao nhiêu bao giờ khi nào lúc nào hồi nào thế nào ra sao vì sao tại sao " +
  "giống hệt y hệt y như hả à ạ ư nhỉ chứ vậy thế nhé đúng không phải không có phải chưa rồi";
/** Question words, folded. */
const QUESTION_WORDS = "gi|nao|bao nhieu|may|khi nao|bao gio|ai|sao|the nao|ra sao";
const QUESTION_WORD = new RegExp(`(?<![^ ])(?:${QUESTION_WORDS})(?= |$)`);
/** Whether a folded text has a question word ("bao nhiêu", "ai", "khi nào"), not only a yes-or-no ending. */
export function hasQuestionWord(folded: string): boolean {
  return QUESTION_WORD.test(folded);
}
/** A question of its own: a question word, or a yes-or-no ending ("… còn hiệu lực không"), not "(không cần …)". */
const QUESTION = new RegExp(`(?<![^ ])(?:${QUESTION_WORDS})(?= |$)|(?<![^ ])(?:khong|ko|chua)(?: \\S+)?$`);
/** A request to be told something: "nhờ cho biết …", "cho em hỏi …", "xin hỏi …" (with something after it). */
const REQUEST_TO_BE_TOLD = new RegExp(`(?<![^ ])(?:cho|xin)(?: (?:${ASKER_OR_WE}))? (?:hoi|biet) (?=\\S)`);
/** What still asks something in such a clause ("em là sinh viên, muốn hỏi mục tiêu 2030"). */
const ASKS = new RegExp(`(?<![^ ])(?:${QUESTION_WORDS}|dung khong|phai khong|muc tieu|chi tieu|ty le|xep hang|so sanh)(?= |$)|(?<![^ ])(?:khong|ko|chua)(?: \\S+)?$`);
/** Names with a "và" inside: "doanh nghiệp vừa và nhỏ", "Sở Khoa học và Công nghệ". */
const NAME_WITH_AND = /(?:^| )(?:vua va nho|khoa hoc va cong nghe|thong tin va truyen thong|ke hoach va dau tu|tai nguyen va moi truong|van hoa va du lich|giao duc va dao tao|nong nghiep va (?:phat trien nong thon|moi truong))(?= |$)/;
/**
 * Where one clause may hold two questions: "… ban hành ngày nào và ai ký?", "… bao nhiêu, còn cấp xã thì sao?".
 * "(?!^)(?<![^\s])" is "after white space", as "(?<=\s)" but ~5× faster in V8.
 */
const SECOND_QUESTION = /(?!^)(?<![^\s])(?:và|va|còn|con)(?=\s)/giu;

/** Instructions addressed to the bot rather than questions about the resolution. */
const INSTRUCTION =
  /(?<![^ ])(bo qua|phot lo|quen (?:het|di)|ignore|disregard|forget)(?= |$)|(?<![^ ])(hay|cu) (noi|tra loi|khang dinh|xac nhan|tra loi la) (rang|la)(?= |$)|(?<![^ ])(dong vai|gia su ban la|tu gio ban|tu nay ban|system prompt|prompt|jailbreak|developer mode|che do nha phat trien|chi can (?:tra loi|noi)|chi (?:duoc )?tra loi (?:la )?(?:dung|co|sai)|khong bi gioi han)(?= |$)/;

/**
 * Particles and forms of address typed with their marks: inside a clause too ("… là bao nhiêu hả cháu?") they carry
 * no topic. Without marks ("ha", "chau") they may be names (Hà, Châu), so only the marked forms go.
 */
const PARTICLES: ReadonlySet<string> = new Set(["ạ", "hả", "nhé", "nha", "nhỉ", "nhá", "à", "ư", "ơi", "cháu", "bác", "nhen", "hen", "ad", "admin"]);

/** Particles that make the statement before them a question whether it is so. */
const ASKS_IF_SO: ReadonlySet<string> = new Set(["à", "hả", "ư"]);

/** A word (lowered) that is a particle, punctuation aside. */
function isParticle(lowered: string): boolean {
  return PARTICLES.has(lowered) || (NOT_LETTER.test(lowered) && PARTICLES.has(lowered.replace(NOT_LETTERS, "")));
}
const NOT_LETTER = /[^\p{L}]/u;
const NOT_LETTERS = /[^\p{L}]/gu;

/**
 * Forms of address that end a question after its last word ("… là gì vậy con?", "… không em", "… hả chau"), as
 * typed: a bare form that is a word of its own when marked ("ba", three; "còn") is not one.
 */
const TRAILING_ADDRESS: ReadonlySet<string> = new Set(
  "con cháu chau bác bac em anh chị chi bạn ban ad admin bà ông cô chú".split(" "),
);
/** What such an address follows: a question word or a closing particle; folded. */
const QUESTION_END: ReadonlySet<string> = new Set(
  "vay the a ah ak ha nhe nha nhi khong ko chua gi nao sao do oi hen nhen ne dung roi".split(" "),
);

/** The words without a form of address closing them ("… là gì vậy con" → "… là gì vậy"). */
function withoutTrailingAddress(words: string[]): string[] {
  const last = words.length - 1;
  if (last < 2) return words;
  const bare = (word: string) => nfc(word).toLowerCase().replace(NOT_LETTERS, "");
  const address = bare(words[last]!);
  if (!TRAILING_ADDRESS.has(address) || !QUESTION_END.has(fold(bare(words[last - 1]!)))) return words;
  // The question mark or full stop the address carried stays on the sentence.
  const closing = /[?!.…]+$/u.exec(words[last]!)?.[0] ?? "";
  return [...words.slice(0, last - 1), words[last - 1]! + closing];
}

/** Typed with their marks, "còn" (and then) and "hồi" (back when) open a follow-up, not a form of address or a request. */
const MARKED_NOT_COURTESY: ReadonlySet<string> = new Set(["còn", "hồi"]);
/** Words that make a clause's opening a request to be told ("cho em hỏi", "nhờ bạn cho biết"); folded. */
const REQUEST_WORDS: ReadonlySet<string> = new Set(["hoi", "biet"]);

/** A clause without its particles and without an opening request ("Cho em hỏi Quyết định 749 do ai ký"). */
function withoutParticles(clause: string): string {
  // Lowered as a whole, the clause splits into the same words: NFC and lower case never reach across a space.
  const lowered = nfc(clause).toLowerCase().split(/\s+/);
  // A statement closed by "à", "hả" asks whether it is so ("… xếp thứ 41 năm 2021 à?"): said as the engine reads it.
  const last = lowered.length - 1;
  const asksIfSo = ASKS_IF_SO.has(lowered[last]!.replace(NOT_LETTERS, "")) && !QUESTION.test(fold(lowered.slice(0, last).join(" ")));
  const words = withoutTrailingAddress(clause.split(/\s+/).filter((_, i) => !isParticle(lowered[i]!)));
  if (asksIfSo) words.push("phải không");
  // Only the opening run of courtesy words is folded: it is short, and folding every word costs.
  let lastRequest = -1;
  for (let i = 0; i < words.length; i++) {
    const word = fold(words[i]!);
    if (!COURTESY_WORDS.has(word) || MARKED_NOT_COURTESY.has(nfc(words[i]!).toLowerCase())) break;
    if (REQUEST_WORDS.has(word)) lastRequest = i;
  }
  return words.slice(lastRequest + 1 < words.length ? lastRequest + 1 : 0).join(" ");
}

/** A clause and its folded form. */
interface Clause {
  readonly text: string;
  readonly folded: string;
  /** withoutParticles(text), once it was needed: a clause is joined into the core and into its part. */
  bare?: string;
}

const bareOf = (clause: Clause) => (clause.bare ??= withoutParticles(clause.text));

function clausesOf(text: string): Clause[] {
  // Sentence and clause ends; a comma between digits is a decimal comma, not a clause end. "… nên muốn biết X" opens
  // a clause of its own: what comes before it only says why.
  return text
    .split(/(?<!\d)[,;]|[,;](?!\d)|[.!?…\n]+(?=\s|$)|:(?=\s)|\s+(?:(?:nên|nen)\s+)?(?=(?:muốn|muon)\s+(?:biết|biet|hỏi|hoi)\s)/iu)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => ({ text: part, folded: fold(part) }));
}

function onlyCourtesy(folded: string): boolean {
  return folded.split(" ").every((word) => word === "" || COURTESY_WORDS.has(word) || STOPWORDS.has(word));
}

export interface CoreQuestion {
  /** The clauses that ask something, joined: what the engine reads. */
  readonly text: string;
  /**
   * Of several clauses, only those with a question word ("… của ai ban hành?"): what to read when the whole core
   * matches nothing well, the other clauses being context ("nghe tivi nói tỉnh có nghị quyết…"). Undefined when
   * that is the whole core.
   */
  readonly asking?: string;
  /** Whether clauses were dropped as instructions to the bot. */
  readonly instructed: boolean;
  /**
   * Two or three questions asked in one message ("… ký ngày nào, còn hiệu lực không?"), each with the context
   * before it: to be answered one after the other. Undefined for one question.
   */
  readonly parts?: readonly string[];
  /**
   * Two subjects sharing one question ("Tỷ lệ văn bản điện tử và tỷ lệ chữ ký số hiện nay là bao nhiêu?"), each
   * with the question's closing words: to be answered one after the other when each is a thing of its own.
   * Undefined when there are parts, or no such "và".
   */
  readonly subjects?: readonly string[];
}

/** Words that close a question without naming its subject ("… của tỉnh hiện nay là bao nhiêu", "… năm 2022"); folded. */
const CLOSING_WORDS: ReadonlySet<string> = new Set(
  "hien nay tinh khanh hoa nam thang quy bao nhieu phan tram % xep hang thu ban hanh ngay lan luot ky chiem".split(" "),
);

/** "X và Y … là bao nhiêu": X with the words that close the question, and Y with its question. */
function subjectsOf(core: string): string[] | undefined {
  for (const match of core.matchAll(SECOND_QUESTION)) {
    if (!/^(?:và|va)$/iu.test(match[0])) continue;
    const [left, right] = [core.slice(0, match.index).trim(), core.slice(match.index + match[0].length).trim()];
    const [leftFolded, rightFolded] = [fold(left), fold(right)];
    const around = `${leftFolded.split(" ").slice(-3).join(" ")} va ${rightFolded.split(" ").slice(0, 4).join(" ")}`;
    if (NAME_WITH_AND.test(around) || QUESTION.test(leftFolded) || !QUESTION.test(rightFolded)) continue;
    const rightWords = right.split(/\s+/);
    const foldedWords = rightFolded.split(" ");
    let from = foldedWords.length;
    while (from > 0 && (STOPWORDS.has(foldedWords[from - 1]!) || CLOSING_WORDS.has(foldedWords[from - 1]!) || /^\d{4}$/.test(foldedWords[from - 1]!))) from--;
    // The closing words are the same number of words in the marked text: folding keeps spaces.
    if (from === 0 || rightWords.length !== foldedWords.length) return undefined;
    return [`${left} ${rightWords.slice(from).join(" ")}`.trim(), right];
  }
  return undefined;
}

/** A clause cut where a "và"/"còn" starts a second question, both halves asking something of their own. */
function questionsIn(clause: Clause): Clause[] {
  for (const match of clause.text.matchAll(SECOND_QUESTION)) {
    const [left, right] = [clause.text.slice(0, match.index).trim(), clause.text.slice(match.index).trim()];
    const [leftFolded, rightFolded] = [fold(left), fold(right)];
    const around = `${leftFolded.split(" ").slice(-3).join(" ")} ${rightFolded.split(" ").slice(0, 4).join(" ")}`;
    if (NAME_WITH_AND.test(around)) continue;
    if (QUESTION.test(leftFolded) && QUESTION.test(rightFolded.replace(/^\S+ /, ""))) {
      // "… ngày nào và về vấn đề gì?": the "và" only joins; "còn" stays, it marks a follow-up ("còn cấp xã thì sao").
      const second = /^(?:và|va)\s/iu.test(right) ? right.replace(/^\S+\s+/u, "") : right;
      return [{ text: left, folded: leftFolded }, ...questionsIn({ text: second, folded: fold(second) })];
    }
  }
  return [clause];
}

const MAX_PARTS = 3;
/**
 * Parts are looked for in a question of at most this many characters (its core): people ask two or three things in
 * a sentence or two, and each part costs a reading of its own (a long message split in parts was the slowest input).
 */
const MAX_PARTS_LENGTH = 300;

/** The questions of a message, each led by the clauses without a question word before it (its context). */
function partsOf(clauses: readonly Clause[]): string[] {
  const parts: string[] = [];
  let context: string[] = [];
  for (const clause of clauses.flatMap(questionsIn)) {
    const text = bareOf(clause);
    if (!QUESTION.test(clause.folded)) context.push(text);
    else {
      parts.push([...context, text].join(", "));
      context = [];
    }
  }
  if (context.length > 0 && parts.length > 0) parts[parts.length - 1] += `, ${context.join(", ")}`;
  return parts;
}

/** "nó", "đó", "ấy", "này": a word pointing back to what was said before; folded. */
const POINTS_BACK = /(?<![^ ])(?:no|do|ay|nay)(?= |$)/;
/** "Có thật không?", "đúng không?": a clause asking only whether the one before is so. */
// "Thông tin đó có đúng không?", "điều này có thật không?", "bác hiểu vậy có đúng không?": the same, pointing back at it.
const BARE_CONFIRMATION = new RegExp(
  `^(?:(?:thong tin|dieu|chuyen|tin|so lieu|con so) (?:do|nay|ay) |(?:(?:${ASKER}) )?(?:hieu|nghi|nho) (?:nhu )?(?:vay|the) )?(?:co )?(?:that|dung|phai) (?:khong|ko|chu|a|vay)(?: \\S+){0,2}$|^(?:co )?(?:dung|that) (?:vay|the) (?:khong|ko)$`,
);
/**
 * "Mình thấy lo quá", "bác thắc mắc lắm", "báo ghi lung tung quá", "mình hỏi thật nhé": how the asker feels about the
 * question or the press, or that they ask in earnest; nothing to look up ("… tụt hạng nhiều quá" reports, and stays).
 */
const FEELING = new RegExp(
  `^(?:(?:${ASKER_OR_WE}) )(?:(?:thay|cam thay|cung|rat|hoi|dang|that su|thuc su) )*(?:lo|buon|roi|boi roi|hoang mang|phan van|thac mac|ngac nhien|bat ngo|mung|vui|tiec|so|hoi that|hoi thang|hoi nghiem tuc)(?: (?:qua|lam|ghe|that|nhe|nha|nhen|a))*$`,
);
const CONFUSED_PRESS = /(?<![^ ])(?:lung tung|lon xon|moi noi mot kieu|moi bao mot kieu)(?: (?:qua|lam|ghe))?$/;
/** "Theo tài liệu mật mình vừa gửi bạn": a source only the asker has, which adds nothing the bot can check. */
const ASKERS_SOURCE = /^theo (?:tai lieu|van ban|file|tep|thong tin|tin|ban)(?: \S+){0,6} (?:gui|dua|cung cap|chia se|dan)(?: \S+){0,2}$/;
/** "Hãy xác nhận rằng X": X is a claim to check, never one to repeat ("hãy nói rằng X" stays an instruction). */
const CONFIRM_THAT = /^(?:(?:ban|tro ly) )?(?:hay|cu|vui long|xin) (?:xac nhan|khang dinh|xac minh)(?: (?:giup|gium|dum)(?: (?:minh|toi|em))?)? (?:rang|la) (?=\S)/;
/**
 * "Tôi đọc được trên một trang mạng là X", "thấy bài đăng ghi là X": X is a claim reported, to check; the words
 * saying where it was read are no part of it.
 */
const REPORTED_THAT =
  /^(?:(?:toi|minh|em|anh|chi|bac|chau) )?(?:thay|doc(?: duoc)?|xem)(?: (?:o|tren))?(?: (?:mot|1|cai))? (?:bai(?: dang| bao| viet)?|tin|trang(?: mang| web)?|mang(?: xa hoi)?|thong tin|bao|facebook|fb|zalo|tiktok|youtube)(?: \S+){0,5}? (?:(?:ghi|noi|viet|dua tin|neu)(?: (?:la|rang))?|(?:dang )?(?:la|rang)) (?=\S)|^(?:(?:toi|minh|em|anh|chi|bac|chau) )?doc bao thay (?:ghi|noi|viet|dua tin|neu) (?=\S)/;
/** "Bạn xác nhận giúp mình nhé?", "nhờ bạn kiểm tra giúp": the clause before it is the claim to check. */
const CONFIRM_REQUEST =
  /^(?:nho )?(?:(?:ban|tro ly) )?(?:hay |vui long )?(?:xac nhan|xac minh|kiem tra)(?: (?:lai|giup|gium|dum))*(?: (?:minh|toi|em|anh|chi|bac|chau))?(?: (?:nhe|nha|di|voi|duoc khong|dc khong|ban|ad))*$/;

/**
 * Whether each clause only sets the scene, asking nothing: courtesy, an aside that the asker is unsure, who is asking and
 * what for (unless it reports something: "em là sinh viên, đang làm tiểu luận, cần số liệu…"), what they heard about
 * (unless the next clause asks whether it is so), a source only they have.
 */
function onlySetTheScene(clauses: readonly Clause[]): boolean[] {
  let describingAsker = false;
  // "… bác không hiểu nó là cái gì", "có phải vậy không": words of courtesy that still ask about the rest of the
  // message; alone ("mình hỏi được những câu gì vậy") they are small talk. Filled as the clauses are read.
  const courteousQuestions: boolean[] = [];
  const context = clauses.map(({ folded }, i) => {
    const asks = ASKS.test(folded);
    const asker = ((describingAsker && PURPOSE.test(folded)) || SELF_DESCRIPTION.test(folded)) && !asks && !REPORTS.test(folded.replace(AGE, ""));
    describingAsker = asker;
    const courteous = onlyCourtesy(folded) || BARE_CONFIRMATION.test(folded);
    // Only one asking about what the message said before: "có phải vậy không" after a statement, "… nó là cái gì"
    // ("cho em hỏi mấy câu" asks nothing; "…, có phải vậy không?" after a question only tags it).
    const after = clauses[i - 1]?.folded;
    courteousQuestions[i] =
      courteous && after !== undefined && ((BARE_CONFIRMATION.test(folded) && !QUESTION.test(after)) || (QUESTION_WORD.test(folded) && POINTS_BACK.test(folded)));
    return (
      asker ||
      (courteous && !courteousQuestions[i]) ||
      UNSURE.test(folded) ||
      ((FEELING.test(folded) || CONFUSED_PRESS.test(folded)) && !asks && !/\d/.test(folded)) ||
      (HEARD_OF.test(folded) && !asks && !/\d/.test(folded) && !BARE_CONFIRMATION.test(clauses[i + 1]?.folded ?? "")) ||
      ASKERS_SOURCE.test(folded)
    );
  });
  const substance = context.some((isContext, i) => !isContext && !courteousQuestions[i]);
  return substance ? context : context.map((isContext, i) => isContext || courteousQuestions[i]!);
}

/** A clause as a claim to check: "… đúng không". */
function claimed(text: string): Clause {
  const asked = `${text} đúng không`;
  return { text: asked, folded: fold(asked) };
}

/** Requests to confirm something, read as the yes-or-no question they are ("X đúng không"). */
function asClaims(clauses: readonly Clause[]): Clause[] {
  const read: Clause[] = [];
  for (const [index, clause] of clauses.entries()) {
    // A claim reported is the question only where it asks nothing itself ("… là gì") and no other clause asks ("…, vậy
    // năm 2022 xếp thứ mấy?" asks that): then it is left as it was.
    const reported = REPORTED_THAT.exec(clause.folded);
    const reportedClaim =
      reported && !QUESTION_WORD.test(clause.folded.slice(reported[0].length)) && !clauses.some((other) => other !== clause && QUESTION_WORD.test(other.folded))
        ? reported
        : null;
    const that = CONFIRM_THAT.exec(clause.folded) ?? reportedClaim;
    const words = clause.text.split(/\s+/);
    const request = that ? that[0].trim().split(" ").length : 0;
    // The claim is the words typed after the request, marks and all (the request's words fold one to one); one closed
    // by "đúng không", or followed by a clause asking whether it is so ("…, dùng điện thoại, ứng dụng…, bác hiểu vậy có
    // đúng không?": the claim may run over the clauses between), already asks.
    if (that && fold(words.slice(0, request).join(" ")) === that[0].trim()) {
      const claim = words.slice(request).join(" ");
      const askedLater = clauses.slice(index + 1).some(({ folded }) => BARE_CONFIRMATION.test(folded) || CONFIRM_REQUEST.test(folded));
      read.push(QUESTION.test(fold(claim)) || askedLater ? { text: claim, folded: fold(claim) } : claimed(claim));
    } else if (CONFIRM_REQUEST.test(clause.folded) && read.length > 0) {
      // After a clause that asks ("… bao nhiêu? Kiểm tra giúp mình") it only asks for care.
      if (!QUESTION.test(read.at(-1)!.folded)) read.push(claimed(read.pop()!.text));
    } else {
      read.push(clause);
    }
  }
  return read;
}

/**
 * The message without its courtesy and instruction clauses. A message made only of courtesy ("chào bạn", "cảm ơn
 * nhé") is returned whole: it is small talk, which the engine recognises as such.
 */
export function coreQuestion(text: string): CoreQuestion {
  const clauses = asClaims(clausesOf(text));
  const instructions = clauses.filter((clause) => INSTRUCTION.test(clause.folded));
  const context = onlySetTheScene(clauses);
  const asking = clauses.filter((clause, i) => !instructions.includes(clause) && !context[i]);
  if (asking.length === 0) return { text: instructions.length > 0 ? "" : text, instructed: instructions.length > 0 };
  // With no clause asking otherwise, one asking to be told is the question ("…, cần số liệu gấp. Nhờ cho biết …").
  const asks = asking.filter((clause) => ASKS.test(clause.folded));
  const questions = asks.length > 0 ? asks : asking.filter((clause) => REQUEST_TO_BE_TOLD.test(clause.folded));
  const join = (clauses: readonly Clause[]) => clauses.map(bareOf).join(", ");
  const core = join(asking);
  const parts = core.length <= MAX_PARTS_LENGTH ? partsOf(asking) : [];
  const subjects = parts.length <= 1 && core.length <= MAX_PARTS_LENGTH ? subjectsOf(core) : undefined;
  // Every key set, absent ones undefined: built without spreads (slow for optional parts).
  return {
    text: core,
    instructed: instructions.length > 0,
    asking: questions.length > 0 && questions.length < asking.length ? join(questions) : undefined,
    parts: parts.length > 1 && parts.length <= MAX_PARTS ? parts : undefined,
    subjects,
  };
}
