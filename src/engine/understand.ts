// What a question asks for, apart from its topic: years, "hiện nay", scope (tỉnh / cả nước / so sánh),
// pillar, small talk and follow-up markers. Works on folded, synonym-expanded text.
import type { Pillar } from "../knowledge/schema.js";
import { readAspect, TARGET_COMPARED, WHEN_WORDS, type Aspect, type Polarity } from "./aspect.js";
import { undoTelex } from "../text/normalize.js";
import { otherProvinces } from "../text/places.js";

export type SmallTalk = "greeting" | "thanks" | "help" | "about" | "goodbye";

export interface Slots {
  /** "định hướng tới năm 2035", "tầm nhìn 2030": the horizon year claimed of a document. */
  horizon?: number;
  year?: number;
  /** "hiện nay", "mới nhất": the latest known figure. */
  now?: boolean;
  scope?: "province" | "national";
  compare?: boolean;
  pillar?: Pillar;
  /** "đã đạt chưa", "tiến độ": how far the targets are reached, not what they are. */
  progress?: boolean;
  /** What the first paragraph must say (aspect.ts); kept by follow-ups that only change the year or scope. */
  aspect?: Aspect;
  /** How a yes-or-no question is put: the answer starts with its own words. */
  polarity?: Polarity;
  /** Numbers a question names, years aside: what a confirmation claims ("… 80% đúng không?") or which target it means. */
  claim?: readonly number[];
  /** "chi tiết", "kể hết", "đầy đủ": the whole card rather than the one fact. */
  details?: boolean;
  /** "nói gì", "phát biểu", "nhận xét thế nào": what someone said, not who they are. */
  quote?: boolean;
  /** "DTI 2024 bao nhiêu điểm?": the score beside a rank. */
  scoreAsked?: boolean;
  /** "ông X ký văn bản nào?": the documents a person signed. */
  signed?: boolean;
  /** Every year named, when more than one ("mục tiêu 2025 và 2030", "2022 so với 2021"). */
  years?: readonly number[];
  /** The document the question is about ("theo NQ16", "QĐ 749 đặt…"): targets are those it sets. */
  document?: string;
  /** People named, folded ("ông Trần Quốc Nam còn làm chủ tịch không?"): whom a yes-or-no is about. */
  people?: readonly string[];
  /** "Trước ông X", "sau bà Y" (folded name): who held the office just before or after them. */
  next?: { readonly to: "before" | "after"; readonly name: string };
  /** Issuers of documents named ("NQ 16 có phải do UBND tỉnh ban hành không?"), as the knowledge writes them. */
  issuers?: readonly string[];
  /** "… là của báo Tuổi Trẻ đúng không?": the newspapers a question names, folded. */
  papers?: readonly string[];
  /** Offices named ("… có phải là chủ tịch UBND tỉnh không?"), by id; "phó chủ tịch" names no "chủ tịch". */
  offices?: readonly string[];
  /** "lúc đó", "hồi ấy": a past moment the conversation named, not now. */
  then?: boolean;
  /** "NQ 16 có mục tiêu về … không?": whether the thing is there; a match that explains the whole question says Có. */
  exists?: boolean;
  /** "tăng hay giảm?", "tụt mấy bậc?": how a figure changed between two years. */
  change?: boolean;
  /** "… tụt nhiều lắm, thật không?": the way a claim says a figure went. */
  trend?: "up" | "down";
  /** "… tăng 11 bậc": how many places a claim says a rank moved. */
  moved?: number;
  /** "… thấp hơn QĐ 749 phải không?": the relation a comparison claims (none for "cao hơn hay thấp hơn?"). */
  relation?: Relation;
}

export type Relation = "higher" | "lower" | "same";

export type QuestionKind = "when" | "why" | "how-much" | "what";

export interface Understanding {
  readonly slots: Slots;
  /** Every year named, for matching phrasings that are about a year ("mục tiêu 2030"). */
  readonly years: readonly number[];
  /** The folded text without slot phrases: what the search should match. */
  readonly topicText: string;
  readonly smallTalk?: SmallTalk;
  /** "còn …", "thế còn …", "… thì sao": leans on the previous answer. */
  readonly followUp: boolean;
  /** Asks what something is ("DTI là gì"): a definition (FAQ, document) beats the indicator's figures. */
  readonly definitional: boolean;
  /** The kind of reply wanted: "ban hành khi nào" asks for a date, which documents and events carry. */
  readonly kind?: QuestionKind;
  /** "các chỉ tiêu", "những mục tiêu": asks about many at once, which an overview answers. */
  readonly plural: boolean;
  /** "nguồn ở đâu?" after an answer. */
  readonly asksForSources: boolean;
  /** Nothing but a request for sources ("nguồn tin ở đâu?"), so it is about the previous answer. */
  readonly sourcesOnly: boolean;
  /**
   * The topic without pillar and goal words: empty when the question only changes slots of the previous
   * one ("còn kinh tế số?", "mục tiêu năm 2030?").
   */
  readonly restText: string;
  /** Other provinces named ("Đà Nẵng", "Bình Định"): the question is probably about them, not Khánh Hòa. */
  readonly elsewhere: readonly string[];
  /** A bare number: the user picked one of the numbered suggestions. */
  readonly choice?: number;
}

// "(?<![^ ])" is a word's start (the text's start or after a space): the same as "(?<=^| )", which V8 tries at
// every position ~5× slower.
const YEAR = /(?<![^ ])(20[0-4]\d)(?= |$)/g;
/** "so với năm 2023", "so với năm trước": a figure measured against another year's. */
const YEAR_COMPARED = /(?<![^ ])so voi (?:(?:nam |hoi |cung ky )?20[0-4]\d|(?:nam|hoi) truoc)(?= |$)/;
const SINCE = /(?<![^ ])tu (20[0-4]\d) (den|toi) (nay|bay gio|hien nay)(?= |$)/;
// "hiện cả nước đạt bao nhiêu": "hiện" alone is "hiện nay" ("thực hiện", "thể hiện" are other words).
const NOW = /(?<![^ ])(hien nay|hien tai|bay gio|luc nay|hom nay|moi nhat|gan day nhat|gan day|cap nhat|den nay|tinh den nay|thuc te|(?<!(?:thuc|the|xuat|phat|bieu|an|trinh) )hien(?= (?:ca|tinh|khanh|viet|nuoc|dat|da|dang|van|con|xep|dung)(?= |$)))(?= |$)/g;
const END_OF_TERM = /(?<![^ ])(cuoi ky|het ky|cuoi nhiem ky)(?= |$)/;
const THEN = /(?<![^ ])((?:luc|khi|hoi|thoi) (?:do|ay)|thoi diem do)(?= |$)/;
// "đứng đầu cả nước", "xếp thứ 9 cả nước" rank the province, they do not ask about the nation.
// Decision 749 is the national programme: its goals are the nation's.
const NATIONAL = /(?<![^ ])(?<!(?:dau|(?:thu|hang|top|nhom) \S+) )(ca nuoc|toan quoc|quoc gia|viet nam|trung uong|chinh phu|nuoc ta|quyet dinh 749|chuong trinh (?:cua )?nha nuoc)(?= |$)/;
const NATIONAL_STRIPPED = /(?<![^ ])(ca nuoc|toan quoc|nuoc ta)(?= |$)/g;
const COMPARE = /(?<![^ ])(so sanh|so voi|doi chieu|khac gi|khac nhau|khac biet|chenh lech|cao hon|thap hon|hon so|(?:giong|y het)(?: het| nhu| voi)?(?= (?:ca nuoc|toan quoc|trung uong|quoc gia|quyet dinh 749)))(?= |$)/;
const CHANGE =
  /(?<![^ ])((?:tang|giam|len|xuong) hay (?:tang|giam|len|xuong)|thay doi (?:the nao|ra sao|bao nhieu)|(?:tang|giam|tut|len|xuong|thang) (?:bao nhieu|may)|bao nhieu bac|may bac)(?= |$)/;
/** The question words of a change, stripped; "bậc" stays, it says the figure is a rank. */
const CHANGE_STRIPPED = /(?<![^ ])((?:tang|giam|len|xuong) hay (?:tang|giam|len|xuong)|thay doi (?:the nao|ra sao|bao nhieu))(?= |$)/g;
/** "tăng 11 bậc", "tụt 5 hạng": how far a rank moved; not looked for in the knowledge. */
const MOVED_BY = /(?<![^ ])(?:tang|giam|tut|sut|len|xuong|thut lui) (\d+) (?:bac|hang)(?= |$)/;
/** MOVED_BY, for replacing every move in a topic. */
const MOVED_BY_ANYWHERE = new RegExp(MOVED_BY.source, "g");
const TRENDS: readonly [RegExp, "up" | "down"][] = [
  [/(?<![^ ])(tang hang|len hang|thang hang|cai thien|tien bo|tang (?:\S+ )?bac|tang \d+ hang)(?= |$)/, "up"],
  [/(?<![^ ])(tut|sut|giam hang|xuong hang|thut lui|giam (?:\S+ )?bac|giam \d+ hang)(?= |$)/, "down"],
];
const RELATIONS: readonly [RegExp, Relation][] = [
  [/(?<![^ ])(cao hon|nhieu hon|vuot|tham vong hon)(?= |$)/, "higher"],
  [/(?<![^ ])(thap hon|it hon|kem hon)(?= |$)/, "lower"],
  // "trùng" (coincide), not "trung bình" (average).
  [/(?<![^ ])(bang|giong|giong het|nhu nhau|ngang|trung(?! binh))(?= |$)/, "same"],
];
const COMPARE_STRIPPED = /(?<![^ ])(so sanh|so voi|doi chieu|giong het|y het|giong nhu|giong voi)(?= |$)/g;
// "đạt" and "đặt" fold alike; "đã đạt", "đạt … chưa/rồi", "có đạt mục tiêu không" and "hoàn thành … chưa"
// ask about progress, "muốn/phải/sẽ đạt được" about a goal.
const PROGRESS =
  /(?<![^ ])(?<!(?:muon|phai|se|can|nham) )(da dat|dat duoc|dat (?:(?!bao nhieu|may )\S+ ){0,3}(?:chua|roi)|co dat (?:\S+ ){0,2}(?:muc tieu|chi tieu) khong$|den dau roi|tien do|ket qua thuc hien|(?:da )?hoan thanh (?:\S+ ){0,4}chua)(?= |$)/;
const FOLLOW_UP = /^(con|the con|vay con|con ve|the thi|vay thi)(?= |$)|(?<![^ ])(thi sao|the nao roi|ra sao roi)$/;
const FOLLOW_UP_STRIPPED = /^(con|the con|vay con|con ve)(?= |$)|(?<![^ ])(thi sao)$/g;
/** "hồi chưa sáp nhập", "trước khi hợp nhất", "sau sáp nhập": a side of the merger of 1/7/2025. */
const MERGER_SIDE = /(?<![^ ])(?:hoi|luc|thoi|khi|truoc khi|truoc|sau khi|sau)(?: (?:chua|con chua|da))? (?:sap nhap|hop nhat)(?= |$)/g;
// Question scaffolding that reads like content: "bao nhiêu phần trăm", "là bao nhiêu %", "nói ngắn gọn", "cụ thể",
// "lần lượt là bao nhiêu", "chính xác là".
const QUESTION_PHRASES = /(?<![^ ])(phan tram|%|ngan gon|cu the|lan luot|tuong ung|chinh xac|khoang chung|giai thich|don gian|de hieu|(?:khong|chua) hieu(?: lam)?(?! qua| luc))(?= |$)/g;
const SOURCES = /(?<![^ ])(nguon|trich dan|lay tu dau|o dau ra|can cu vao dau|tai lieu nao|ai noi (?:vay|the|dieu do)|bao nao (?:dang|noi|viet)|dang (?:o|tren) bao nao)(?= |$)/;
// What "nguồn tin ở đâu", "số liệu này lấy từ đâu" say besides asking for the source.
/** How a question asks for a source ("lấy từ nguồn nào", "báo nào đưa tin"): no topic. */
const SOURCE_ASKED =
  /(?<![^ ])((?:lay|trich) (?:tu|o) (?:nguon nao|dau(?: ra)?)|(?:tu|o|theo) nguon nao|nguon (?:nao|o dau|tu dau)|o dau ra|(?:bao|trang) nao (?:dua tin|dang|noi|viet)|dan nguon|trich dan)(?= |$)/g;
const SOURCE_WORDS =
  /(?<![^ ])(nguon|nguon tin|trich dan|thong tin|tin|so lieu|du lieu|lay|o|tu|dau|ra|can cu|vao|tai lieu|nao|nay|do|vay|a|the|cua|cau tra loi|ban|minh|em|ai noi|bao|dang|tren|noi|viet)(?= |$)/g;
// "Khánh Hòa", "tỉnh mình": the province, which is what the assistant is about unless told otherwise.
const PROVINCE_NAMES = ["khanh hoa", "tinh minh", "tinh nha", "tinh ta"];
const PROVINCE = new RegExp(`(?<![^ ])(${PROVINCE_NAMES.join("|")})(?= |$)`, "g");
/** Words of the province's names: read as the scope, so no index holds them, yet a Telex slip of one ("khanhs") is repaired to them. */
export const PROVINCE_WORDS: ReadonlySet<string> = new Set(PROVINCE_NAMES.flatMap((name) => name.split(" ")));
const DEFINITION = /(?<![^ ])(la gi|nghia la gi|co nghia (la )?gi|la cai gi|dinh nghia|khai niem|hieu the nao)(?= |$)/;
const WHEN = new RegExp(`(?<![^ ])(${WHEN_WORDS})(?= |$)`);
const PLURAL_GOALS = /(?<![^ ])(cac|nhung|tat ca|toan bo) (chi tieu|muc tieu)(?= |$)/;
const HAPPENING = /(?<![^ ])(ra doi|ban hanh|ky|duoc ky|to chuc|dien ra|hinh thanh|co hieu luc|xay ra)(?= |$)/g;
/**
 * What kind of reply a question wants, read from its question words (which are stopwords to the search):
 * the first that matches. A phrasing asking the same kind of thing is the closer match.
 */
const QUESTION_KINDS: readonly [RegExp, QuestionKind][] = [
  [WHEN, "when"],
  [/(?<![^ ])(tai sao|vi sao|sao lai|ly do|vi dau|nguyen nhan)(?= |$)/, "why"],
  // "hạng mấy", "đứng thứ" reach here as "xếp hạng" (synonyms.yaml): a rank is a figure.
  [/(?<![^ ])(bao nhieu|may (?:phan tram|nhom|loai|bac|hang|muc)|thu may|hang may|xep hang)(?= |$)/, "how-much"],
  [/(?<![^ ])(la gi|nhung gi|gi|nhung nao|nao|the nao|ra sao|nhu the nao)(?= |$)/, "what"],
];

export function questionKind(folded: string): QuestionKind | undefined {
  return QUESTION_KINDS.find(([pattern]) => pattern.test(folded))?.[1];
}
const SIGNED = /(?<![^ ])(?<!nhiem |thoi |hoc )(?:da )?ky (?:nhung |cac )?(?:(?:van ban|ke hoach|quyet dinh|giay to|cai) (?:nao|gi)|gi)(?= |$)/;
/** "bao nhiêu điểm", "giá trị": the score of a ranking, which its figure's note gives beside the rank ("thời điểm" is none). */
const SCORE_ASKED =
  /(?<![^ ])(?:bao nhieu diem|may diem|diem so|so diem|gia tri|(?<!thoi )diem (?:la |duoc )?(?:bao nhieu|may)|(?<!thoi )diem (?:chi so )?(?:dti|egdi|par index|sipas)(?: \S+){0,6} (?:bao nhieu|may))(?= |$)/;
const QUOTE = /(?<![^ ])(theo (?:ong|ba)(?! (?:tru cot|nhom|noi dung|linh vuc|muc|chi|loai|\d))|noi gi|(?<!nghe )noi(?: \S+){1,6} la gi|(?<!nghe )noi ve|noi the nao|phat bieu|nhan xet|danh gia|cho rang|nhan manh|chi dao|y kien|trich loi|quan diem|ke ten)(?= |$)/;
/**
 * How people say where they heard something, with marks: the knowledge never writes some of their words ("đứa",
 * "máng"), and a marked word it never writes is taken for another word, which would break the hearsay read below.
 */
export const MARKED_HEARSAY_PHRASES = "người ta mọi người bạn bè thầy giáo cô giáo loa phường đài ti vi báo chí phóng viên mấy đứa nhỏ hàng xóm đồng nghiệp nhớ mang máng nghe đâu nhắc đưa tin";
/** Who a hearsay comes from: "người ta", "thầy giáo em", "loa phường", "mấy đứa nhỏ", "phóng viên"; folded. */
const HEARSAY_SOURCE =
  "nguoi ta|moi nguoi|co nguoi|nhieu nguoi|ban be|ban (?:toi|em|minh)|thay(?: giao)?|co giao|loa(?: phuong| xa)?|dai|tivi|ti vi|tv|bao chi|phong vien|may dua(?: nho)?|hang xom|dong nghiep";
/**
 * "bác thấy trên Zalo người ta bảo …", "bác nghe loa phường nói …", "thầy em bảo …", "phóng viên viết rằng …", "tôi
 * nhớ mang máng …": hearsay put to the bot, read as "nghe nói". Its words name no topic; "… nói gì" asks what was said.
 */
const HEARSAY = new RegExp(
  "(?<![^ ])(?:(?:em|toi|minh|bac|chau|anh|chi|con|tui) )?(?:(?:hay|thuong|co|da|vua|moi|cung) )?" +
    "(?:(?:thay|nghe|doc|xem)(?: (?:tren|o) (?:zalo|facebook|fb|mang|mang xa hoi|bao|tivi|tv|tiktok|youtube))? )?" +
    `(?:(?:(?:tren|o) )?(?:${HEARSAY_SOURCE})(?: \\S+)? (?:bao(?! nhieu)|noi(?! chung)|don|viet|ghi|chia se|nhac|dua tin)(?: (?:la|rang))?|nho mang mang|nghe dau)` +
    "(?= |$)(?! (?:gi|sao|the nao|ra sao|nhu the nao)(?= |$))",
  "g",
);
/** "mục tiêu … một nửa GRDP": a target claimed in words ("một nửa doanh nghiệp đã …" claims no figure: none is known). */
const HALF = /(?<![^ ])(?:muc tieu|chi tieu|dat ra|phan dau)(?: \S+)* (?:mot nua|phan nua)(?= |$)/;
const CONFIRM_WORDS = /(?<![^ ])(dung khong|dung ko|dung k|phai khong|phai ko|co phai|co dung la|co dung|nghe noi(?! ve)|nghe bao|doc thay|that khong|dung chu|phai chu|dung vay khong|co that)(?= |$)/g;
const DETAILS = /(?<![^ ])(chi tiet hon|chi tiet|ke het ra|ke het|day du|cu the hon|noi ro hon|tat ca so lieu|toan bo)(?= |$)/g;
const GOAL_WORDS = /(?<![^ ])(muc tieu|chi tieu)(?= |$)/g;

const PILLARS: readonly [RegExp, Pillar][] = [
  [/(?<![^ ])chinh quyen so(?= |$)/, "chinh-quyen-so"],
  [/(?<![^ ])kinh te so(?= |$)/, "kinh-te-so"],
  [/(?<![^ ])xa hoi so(?= |$)/, "xa-hoi-so"],
];

// Words whose one syllable is also a stopword ("xã hội" / "hỏi", "hồ sơ" / "họ", "nhà nước" / "nhà") are
// written as one token, so the stopword list does not cut them in half; so are words whose syllables alone
// would match something else ("kỹ sư" is neither "ký số" nor "sự kiện").
const COMPOUND_WORDS = [
  "ky su", "so dien thoai", "van ban", "ngay hoi", "hoi nghi", "tai lieu", "trong tam", "cai cach", "thi diem", "xa hoi", "ho so",
  "ho tro", "ho gia", "nha nuoc", "ban hanh", "ban chi", "co quan", "co so du", "muc do", "ha tang", "tai chinh",
  "noi dung", "cung cap", "can bo", "dau tu", "do thi", "tu phap",
];
const COMPOUNDS = new RegExp(`(?<![^ ])(${COMPOUND_WORDS.join("|")})(?= |$)`, "g");
const JOINED_COMPOUNDS: ReadonlySet<string> = new Set(COMPOUND_WORDS.map((words) => words.replaceAll(" ", "")));

/** A token understand() made of two words ("kysu"): the search must not split it back into them. */
export function isJoinedCompound(token: string): boolean {
  return JOINED_COMPOUNDS.has(token);
}
const PILLARS_STRIPPED = /(?<![^ ])(chinh quyen so|kinh te so|xahoi so)(?= |$)/g;
const PILLAR_WORDS: Record<Pillar, string> = {
  chung: "",
  "chinh-quyen-so": "chinh quyen so",
  "kinh-te-so": "kinh te so",
  "xa-hoi-so": "xahoi so",
};

const PILLAR_PHRASES = /(?<![^ ])(?:va |, )?(?:tru cot )?(?:chinh quyen so|kinh te so|xa hoi so)(?= |,|$)/g;

/**
 * "Năm 2022 xếp hạng mấy về chính quyền số, kinh tế số và xã hội số?": one question per pillar named, when a
 * figure of several is asked (folded text in, folded questions out); undefined for one pillar or none.
 */
export function perPillar(folded: string): string[] | undefined {
  const named = PILLARS.filter(([pattern]) => has(folded, pattern));
  if (named.length < 2 || questionKind(folded) !== "how-much") return undefined;
  const rest = folded.replace(PILLAR_PHRASES, " ").replace(/\s+/g, " ").trim();
  return named.map(([, pillar]) => `${rest} ${PILLAR_WORDS[pillar]}`);
}

/** The previous topic asked again for another pillar: "xếp hạng chính quyền số" → "xếp hạng kinh tế số". */
export function withPillar(topic: string, pillar: Pillar | undefined): string {
  if (!pillar || pillar === "chung") return topic;
  const swapped = topic.replace(PILLARS_STRIPPED, PILLAR_WORDS[pillar]);
  return swapped === topic && !topic.includes(PILLAR_WORDS[pillar]) ? `${topic} ${PILLAR_WORDS[pillar]}` : swapped;
}

// Small talk is recognised only when the whole message is small talk: a greeting in front of a real question
// is stripped instead. Words that only address the bot ("bot", "bạn", "ạ", "nhé") may surround it.
const ADDRESS = "(?: (?:ban|bot|ad|admin|em|anh|chi|oi|a|nhe|nha|nhi|voi|nay|ah|ak|ne|vay|nhieu|lam|rat|ok|okay|nhe))*";
const whole = (core: string) => new RegExp(`^(?:ok |okay |da |vang )?(?:${core})${ADDRESS}$`);
const GREETING = whole("xin chao|chao|hello|helo|hi|hey|alo|a lo|alo co ai khong|co ai khong|chao buoi (?:sang|chieu|toi)");
const GREETING_PREFIX = /^(xin chao|chao ban|chao bot|chao ad|chao em|chao anh|chao chi|hello|hi|alo)( |$)/;
const THANKS = whole("cam on|cam on nhieu|thanks|thank you|thank|thanks you|tks|thanks ban|cam on ban|hay qua cam on|rat hay cam on");
const GOODBYE = whole("tam biet|bye|bai|bye bye|hen gap lai|chao tam biet");
const HELP = whole(
  "help|giup|tro giup|huong dan|huong dan su dung|huong dan cach hoi|cach hoi|menu|bat dau|start|cach dung|cach su dung|su dung the nao|dung the nao|dung nhu the nao|" +
    "(?:ban |bot |bot nay |ban nay )?(?:lam|giup|tra loi|hoi) duoc (?:gi|nhung gi|nhung cau gi|nhung cau nao)|" +
    "(?:toi|minh|em) (?:co the )?hoi (?:duoc )?(?:gi|nhung gi|nhung cau gi|nhung cau nao)|co the hoi (?:gi|nhung gi)|hoi duoc gi|hoi gi duoc|" +
    "(?:bot|ban) (?:nay )?dung the nao|(?:bot|ban) (?:nay )?biet (?:gi|nhung gi)",
);
const ABOUT = whole(
  "ban la ai|may la ai|bot la ai|ban ten gi|ban la gi|ban la bot gi|ai tao ra ban|ban do ai lam|gioi thieu ve ban|gioi thieu ban|gioi thieu ve ban di|" +
    "(?:tro ly|bot|chatbot) (?:nay )?(?:do ai lam(?: ra)?|cua ai|la gi|la ai|de lam gi|dung de lam gi)",
);

// "Năm ngoái" typed with its marks is not the knowledge's "ngoài" (nước ngoài): the marked filter may have tagged it.
// "Năm sau", "năm trước" are left alone: in a conversation they count from the year just asked, not from today.
const RELATIVE_YEARS: readonly [RegExp, number][] = [
  [/(?<![^ ])nam·? (?:nay|hien tai)·?(?= |$)/g, 0],
  [/(?<![^ ])nam·? (?:ngoai|roi|qua)·?(?= |$)/g, -1],
];

/** "năm ngoái", "năm nay" written as the years of the calendar the question is asked in (folded text). */
export function withCalendarYears(text: string, thisYear: number): string {
  return RELATIVE_YEARS.reduce((written, [pattern, offset]) => written.replace(pattern, String(thisYear + offset)), text);
}

// In a conversation about a figure of one year, "thế năm sau?" and "năm trước đó?" count from that year.
// Not "3 năm trước" (three years ago) nor the name "Nam"; only in a short follow-up that names no year of its own
// ("Kế hoạch năm sau của tỉnh là gì?" asks about next year's plan, not about the figure just given).
const YEARS_AROUND: readonly [RegExp, number][] = [
  [/(?<![\p{L}\d])(?<!(?:\d|một|hai|ba|bốn|mấy|vài|mot|bon|may|vai) )(?:[Nn]ăm|nam) (?:sau|sau đó|sau do|tiếp theo|tiep theo|kế tiếp|ke tiep)(?![\p{L}\d])/gu, 1],
  [/(?<![\p{L}\d])(?<!(?:\d|một|hai|ba|bốn|mấy|vài|mot|bon|may|vai) )(?:[Nn]ăm|nam) (?:trước|truoc)(?: (?:đó|do))?(?![\p{L}\d])/gu, -1],
];
const MAX_WORDS_COUNTING_FROM_A_YEAR = 6;

/**
 * "năm sau", "năm trước (đó)" written as the years after and before the year of the last answer (cleaned text, marks
 * kept), when that year is past: after a target year to come, "năm trước" is last year of the calendar.
 */
export function withYearsAround(text: string, askedYear: number | undefined, thisYear: number): string {
  if (askedYear === undefined || askedYear > thisYear || /\d{4}/.test(text) || text.split(" ").length > MAX_WORDS_COUNTING_FROM_A_YEAR) return text;
  return YEARS_AROUND.reduce((written, [pattern, offset]) => written.replace(pattern, `năm ${askedYear + offset}`), text);
}

function has(text: string, pattern: RegExp): boolean {
  return text.search(pattern) !== -1;
}

/**
 * White space that is not one plain space: replaced by one, it leaves the text as /\s+/g would, without rewriting every
 * single space (several times faster on text in single spaces).
 */
const SPACES = /\s{2,}|[^\S ]/g;

/** The text without what the pattern matches, in single spaces; text with nothing to strip is returned as it is (understand() only strips text in single spaces). */
function strip(text: string, pattern: RegExp): string {
  const stripped = text.replace(pattern, " ");
  return stripped === text ? text : stripped.replace(SPACES, " ").trim();
}

function smallTalkOf(text: string): SmallTalk | undefined {
  if (GREETING.test(text)) return "greeting";
  if (THANKS.test(text)) return "thanks";
  if (GOODBYE.test(text)) return "goodbye";
  if (HELP.test(text)) return "help";
  if (ABOUT.test(text)) return "about";
  return undefined;
}

/** The folded text in single spaces, without a greeting in front and with hearsay read as "nghe noi". */
function withoutOpening(folded: string): string {
  return strip(folded.replace(SPACES, " ").trim(), GREETING_PREFIX).replace(HEARSAY, "nghe noi");
}

function yearsIn(text: string): number[] {
  // Most texts name no number: matchAll (which copies its pattern) is spared for them.
  return /\d/.test(text) ? [...text.matchAll(YEAR)].map((match) => Number(match[1])) : [];
}

/**
 * Whether the text compares the province with the nation. "2022 so với 2021", "DTI quốc gia 2024 tăng bao nhiêu
 * so với 2023" compare two years of one figure instead.
 */
function comparesScopes(text: string, distinctYears: readonly number[]): boolean {
  const yearsCompared = has(text, YEAR_COMPARED) || (distinctYears.length > 1 && (!has(text, NATIONAL) || has(text, CHANGE)));
  return has(text, COMPARE) && !yearsCompared && !has(text, TARGET_COMPARED);
}

/** "tỉnh mình so với cả nước" is about the province, measured against the nation. */
function isNational(text: string, compare: boolean): boolean {
  return has(text, NATIONAL) && !(compare && has(text, PROVINCE));
}

/** Whether the years named are all on the side of the merger (1/7/2025) the text names: before it, 2024 or earlier. */
function yearSaysSide(text: string): boolean {
  const years = yearsIn(text);
  if (years.length === 0) return false;
  const before = /(?<![^ ])(?:truoc|chua)(?= )/.test(text);
  return years.every((year) => (before ? year <= 2024 : year >= 2026));
}

/** The text without its slot phrases, compounds joined: what the search matches. */
function topicOf(text: string): string {
  // "còn hồi chưa sáp nhập, năm 2022?": the year already says which side of the merger.
  let topic = has(text, FOLLOW_UP) && yearSaysSide(text) ? strip(text, MERGER_SIDE) : text;
  topic = strip(topic, YEAR);
  topic = strip(topic, NOW);
  // What asks for the whole card or a confirmation is no topic ("dung" is also the end of "ứng dụng").
  topic = strip(strip(topic, DETAILS), CONFIRM_WORDS);
  topic = strip(topic, NATIONAL_STRIPPED);
  topic = strip(topic, COMPARE_STRIPPED);
  topic = strip(topic, FOLLOW_UP_STRIPPED);
  // "tăng 11 bậc" says a rank moved: what is asked about is a ranking, not a figure 11.
  topic = strip(strip(topic, QUESTION_PHRASES), CHANGE_STRIPPED).replace(MOVED_BY_ANYWHERE, "xep hang");
  // "ký ngày nào", "ra đời khi nào": the question words and the verbs of happening only ask for the date.
  if (has(topic, WHEN)) topic = strip(strip(topic, WHEN), HAPPENING);
  return strip(topic, PROVINCE).replace(COMPOUNDS, (compound) => compound.replaceAll(" ", ""));
}

/** What the search index reads of a phrasing: understand()'s topic, years, scope and kind, without its other slots. */
export interface PhrasingReading {
  readonly topicText: string;
  readonly years: readonly number[];
  readonly national: boolean;
  readonly kind?: QuestionKind;
}

/** understand() cut to what the index needs: the index reads thousands of phrasings at every start. */
export function readPhrasing(folded: string): PhrasingReading {
  const text = withoutOpening(folded);
  const years = yearsIn(text);
  const kind = questionKind(folded);
  return {
    topicText: topicOf(text),
    years,
    national: isNational(text, comparesScopes(text, [...new Set(years)])),
    ...(kind ? { kind } : {}),
  };
}

/**
 * `people`: folded names that are no places, so "Nguyễn Thanh Hà nói…" names no Hà Nội.
 */
export function understand(folded: string, people: readonly string[] = []): Understanding {
  // Telex leftovers ("camr own nhes") are undone for small talk only; the search repairs the rest itself.
  const untelexed = folded.split(" ").map(undoTelex).join(" ");
  const smallTalk = smallTalkOf(folded) ?? (untelexed === folded ? undefined : smallTalkOf(untelexed));
  const choice = /^\d{1,2}$/.test(folded) && Number(folded) >= 1 && Number(folded) <= 9 ? Number(folded) : undefined;
  let text = withoutOpening(folded);

  const slots: Slots = {};
  const hasDigit = /\d/.test(text);
  const years = yearsIn(text);
  // "giai đoạn 2021–2025" means the period that ends in 2025; "từ 2020 đến nay" is no single year.
  if (years.length > 0 && !has(text, SINCE)) slots.year = Math.max(...years);
  const distinctYears = [...new Set(years)].sort();
  if (distinctYears.length > 1) slots.years = distinctYears;
  if (has(text, END_OF_TERM)) slots.year = 2025;
  if (has(text, NOW)) slots.now = true;
  if (has(text, THEN)) slots.then = true;
  if (comparesScopes(text, distinctYears)) slots.compare = true;
  if (isNational(text, slots.compare === true)) slots.scope = "national";
  else if (has(text, PROVINCE)) slots.scope = "province";
  if (has(text, PROGRESS)) slots.progress = true;
  if (has(text, CHANGE) || has(text, YEAR_COMPARED)) slots.change = true;
  const trends = TRENDS.filter(([pattern]) => has(text, pattern));
  if (trends.length === 1) slots.trend = trends[0]![1];
  // "tăng 11 bậc": how far, which is no figure claimed.
  const moved = MOVED_BY.exec(text)?.[1];
  if (moved !== undefined) slots.moved = Number(moved);
  const relations = RELATIONS.filter(([pattern]) => has(text, pattern));
  if (relations.length === 1) slots.relation = relations[0]![1];
  const { aspect, polarity, exists } = readAspect(text);
  if (exists) slots.exists = true;
  // Two years compared ("giảm bao nhiêu bậc so với 2021") ask for the two figures.
  if (aspect) slots.aspect = aspect === "compare" && !slots.compare ? "actual" : aspect;
  if (polarity) slots.polarity = polarity;
  // Numbers of documents ("nghị quyết 16", "QĐ 749"), levels ("mức 4", "mức 3 và 4", "mức 3-4") and parts of a year
  // ("quý 3") are no claim.
  const claim = !hasDigit ? [] : [...text.matchAll(/(?<![^ ])(?<!(?:nghi quyet|quyet dinh|ke hoach|cong van|chuong trinh|nq|qd|kh|muc|muc do|level|quy|thang) )(?<!(?:muc|muc do) \d (?:va |hoac )?)(\d+(?:\.\d+)?)(?= |%|$)/g)]
    .map((match) => Number(match[1]))
    .filter((n) => !years.includes(n) && n !== slots.moved);
  if (has(text, HALF)) claim.push(50);
  if (claim.length > 0) slots.claim = claim;
  if (has(text, DETAILS)) slots.details = true;
  if (has(text, QUOTE)) slots.quote = true;
  if (has(text, SIGNED)) slots.signed = true;
  if (has(text, SCORE_ASKED)) slots.scoreAsked = true;
  // One pillar named narrows the question; all of them ("chính quyền số, kinh tế số, xã hội số") do not.
  const pillars = PILLARS.filter(([pattern]) => has(text, pattern));
  if (pillars.length === 1) slots.pillar = pillars[0]![1];

  const followUp = has(text, FOLLOW_UP);
  const asksForSources = has(text, SOURCES);
  const sourcesOnly = asksForSources && strip(strip(text, FOLLOW_UP_STRIPPED), SOURCE_WORDS) === "";
  // "Con số 87,6% lấy từ nguồn nào?" is about the figure; its source is said with it.
  text = asksForSources ? strip(topicOf(text), SOURCE_ASKED) : topicOf(text);
  const restText = strip(strip(text, GOAL_WORDS), PILLARS_STRIPPED);
  // Every key set, absent ones undefined: built without spreads (slow for optional parts), of one shape.
  return {
    slots,
    years,
    topicText: text,
    followUp,
    definitional: has(folded, DEFINITION),
    kind: questionKind(folded),
    plural: has(folded, PLURAL_GOALS),
    asksForSources,
    sourcesOnly,
    restText,
    elsewhere: otherProvinces(people.reduce((rest, name) => rest.replaceAll(name, " "), folded)),
    smallTalk,
    choice,
  };
}


