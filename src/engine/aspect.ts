// What kind of answer a question wants, read from its question words: the aspect decides what the first paragraph
// says (the target when a target is asked, the figure of the year asked, a verdict word first for a yes-or-no).
// Works on the folded text of the question's core (courtesy already dropped).
import { hasQuestionWord } from "../text/courtesy.js";
import { otherProvinces } from "../text/places.js";

export type Aspect =
  /** "… đúng không", "nghe nói …", "có phải …": a claim to confirm or correct. */
  | "confirm"
  /** "đã đạt chưa", "có đạt không", "vào top 25 chưa": reached or not. */
  | "verdict"
  /** "mục tiêu", "phải đạt", "phấn đấu", "đến năm 2030": what was set. */
  | "target"
  /** "đạt được bao nhiêu", "hiện nay", "năm 2022 là": what was measured. */
  | "actual"
  | "compare"
  | "when"
  | "who"
  | "why"
  | "list"
  | "define";

/** How a yes-or-no question is put, so the answer starts with its own words: "… chưa?" → Chưa / Rồi. */
export type Polarity = "chua" | "khong" | "dung";

export interface AspectReading {
  readonly aspect?: Aspect;
  readonly polarity?: Polarity;
  /** "NQ 16 có mục tiêu về … không?", "có nông nghiệp không?": whether something is there, not whether it is reached. */
  readonly exists?: boolean;
}

const words = (alternatives: string) => new RegExp(`(?<![^ ])(?:${alternatives})(?= |$)`);

const CONFIRM_END = /(?:^| )(?:dung khong|dung ko|dung k|dung chu|dung vay khong|co dung khong|phai khong|phai ko|phai k|phai chu|co phai khong|dung khong vay|phai khong vay|dung khong nhi|dung ha|phai ha|a|ha|hả|nhi|sao)$/;
const STATEMENT_ASKED = /(?:^| )(?:a|ha|u)$/;
/** A figure, not a year ("thứ 41", "80%", "0.7071"). */
const FIGURE = /(?<![\d.])\d{1,3}(?:\.\d+)?(?![\d.])/;
const CONFIRM = words("dung khong|dung ko|phai khong|phai ko|co phai|co dung la|co that la|that khong|that ko|dung vay khong|co dung|vay co dung");
/** "phải ông X ký … không": "có phải" with its "có" left out, opening the question. */
const OPENING_CONFIRM = /^phai (?:ong|ba|la|do|nam|tu) .* (?:khong|ko)$/;
/** "… gì đó", "… hay sao ấy": a hedge, which asks nothing. */
const HEDGE = /(?<![^ ])(?:gi do|gi day|hay sao (?:ay|do)|sao ay)(?= |$)/g;
/** Hearsay put to the bot: a claim to confirm, unless it goes on to ask ("nghe nói … , nó là cái gì?"). */
const HEARD = words("nghe noi(?! ve)|nghe bao|thay bao|doc thay");
const VERDICT = words(
  "da dat|dat duoc chua|dat chua|da dat chua|co dat|dat (?:(?!bao nhieu|may )\\S+ ){0,12}roi|dat (?:\\S+ ){0,4}(?:chua|khong)|hoan thanh (?:\\S+ ){0,4}(?:chua|khong)|vao (?:\\S+ ){0,3}chua|lot (?:\\S+ ){0,3}chua|vuot (?:\\S+ ){0,3}(?:chua|khong)|kip (?:\\S+ ){0,2}khong|co kip|den dau roi|ket qua ra sao|thanh cong khong",
);
/**
 * "(Con số đó) so với mục tiêu (của 749) thì sao?": a figure measured against its target, which asks how far it has
 * got; not a target set against another ("mục tiêu của tỉnh so với mục tiêu của cả nước").
 */
export const TARGET_COMPARED = /^(?:(?!muc tieu|chi tieu).)*(?<![^ ])so voi (?:cac |nhung )?(?:muc tieu|chi tieu)(?! (?:cua )?(?:ca nuoc|toan quoc|quoc gia|trung uong|tinh))(?= |$)/;
/** Words asking when, folded ("hôm nào" only closing the question: opening it, it is "some day"); understand.ts strips them. */
export const WHEN_WORDS =
  "khi nao|luc nao|hom nao(?=(?: \\S+)?$)|bao gio|tu bao gio|thoi diem nao|ngay nao|ngay may|thang nao|thang may|nam nao|nam may|(?:den|toi) nam bao nhieu|(?:ngay|thang) bao nhieu";
const WHEN = words(`${WHEN_WORDS}|hoi nao|tu khi nao`);
const WHO = words("ai|nguoi nao|ong nao|ba nao|vi nao|co quan nao|don vi nao|so nao|noi nao|cap nao|nguoi ky|ai ky|do ai|cua ai");
const WHY = words("tai sao|vi sao|sao lai|ly do|vi dau|nguyen nhan|de lam gi|y nghia");
const LIST = words("nhung (?:\\S+ ){1,4}nao|cac (?:\\S+ ){1,4}(?:gi|nao)|gom nhung|gom co|bao gom|ke ten|ke ra|ke het|liet ke|nhung gi|nhung cai gi|co nhung|danh sach|cu the la gi|tom tat");
const DEFINE = words("la gi|la (?:\\S+ ){1,3}gi|nghia la gi|co nghia la gi|la cai gi|dinh nghia|khai niem|hieu the nao|hieu la gi|la sao");
const COMPARE = words("so voi|so sanh|cao hon|thap hon|hon hay kem|khac gi|khac nhau|khac biet|giong|chenh lech|bang nhau|hon ca nuoc|kem ca nuoc");
// "phải chiếm", "phải chuyển lên": what must be reached ("phải không" is a confirmation, read before).
const TARGET = words("muc tieu|chi tieu|phan dau|dat ra|de ra|phai (?!khong|ko|k |chu|ha|the)\\S+|can dat|se dat|muon dat|dinh huong|tam nhin|ke hoach dat|dat muc tieu|muon|se co|top");
const ACTUAL = words("dat duoc|da dat duoc|hien nay|hien tai|bay gio|thuc te|ket qua|tinh hinh|duoc bao nhieu|la bao nhieu|xep hang|xep thu|dung thu|hang may|thu may|con so|so lieu|moi nhat|gan day");

/**
 * "đạt 46%", "đạt hạng 41": a share or a rank said to be reached, exactly ("đạt trên 80%" is a bound, and an index
 * value may be put roughly: "đạt 0,71").
 */
const REACHED_FIGURE = /(?<![^ ])dat (?:(?:duoc|muc) )?(?:\d+(?:\.\d+)? ?%|(?:hang|thu|vi tri) \d)/;
/** "Mục tiêu EGDI năm 2025 … là gì?": the target of a year, asked with "là gì", is a target, not a definition. */
const TARGET_OF_YEAR = /(?<![^ ])(?:muc tieu|chi tieu)(?= ).*(?<![^ ])(?:nam )?20[2-4]\d(?= |$)/;
/** A target named beside it: "… đạt hạng 41 là đạt mục tiêu rồi phải không?" still asks whether it is reached. */
const TARGET_NAMED = words("muc tieu|chi tieu|top|nhom");
/** "… có <something> không?" where the something is a thing, not a reaching verb ("có đạt", "có nằm trong", "có lọt"). */
// The "có" asked is the last before "không": "tỷ lệ hộ có cáp quang có vượt mục tiêu không" asks whether it reached one.
const EXISTS = /(?:^| )co (?!dat|phai|dung|that|kip|vuot|lot|vao|nam trong|trong (?:top|nhom)|tang|giam|cao|thap|con)(?:(?!co )\S+ ){1,16}(?:khong|ko)(?: \S+)?$/;

/** The aspect of a question and, for a yes-or-no one, how it is put. */
export function readAspect(folded: string): AspectReading {
  // "nội dung gì", "sử dụng gì": "dụng" and "dung" fold alike, and are no "đúng".
  const polarity: Polarity | undefined = /(?:^| )(?<!(?:noi|su|ap|ung|tuyen|tin|cong) )(?:dung|phai)(?: \S+)?$|(?:^| )(?:dung|phai) (?:khong|ko|k)(?= |$)|co phai/.test(folded) || OPENING_CONFIRM.test(folded)
    ? "dung"
    : / chua(?: \S+)?$/.test(folded)
      ? "chua"
      : /(?:^| )(?:khong|ko)(?: (?:vay|a|nhi|ha|the|nhe|chau|ban|ad))?$/.test(folded)
        ? "khong"
        : undefined;
  // "Khánh Hòa xếp thứ 41 là năm 2021 à?", "khanh hoa sap nhap voi binh thuan a": a statement of a figure or naming
  // a province, closed by "à", asks whether it is so ("… mục tiêu 2030 ạ" folds alike, and states nothing).
  const statesClaim = STATEMENT_ASKED.test(folded) && (FIGURE.test(folded) || otherProvinces(folded).length > 0) && !hasQuestionWord(folded);
  const confirms =
    CONFIRM.test(folded) || OPENING_CONFIRM.test(folded) || (HEARD.test(folded) && !hasQuestionWord(folded.replace(HEDGE, ""))) || (CONFIRM_END.test(folded) && polarity === "dung") || statesClaim;
  // "Vậy là đạt mục tiêu top 25 rồi phải không?" asks whether it is reached, put as a confirmation.
  // "… đạt 46% đúng không?" claims a figure: a claim to check, not whether a target is reached.
  if ((VERDICT.test(folded) || TARGET_COMPARED.test(folded)) && !(confirms && REACHED_FIGURE.test(folded) && !TARGET_NAMED.test(folded))) return { aspect: "verdict", polarity: confirms ? "dung" : (polarity ?? "chua") };
  if (confirms) return { aspect: "confirm", polarity: "dung" };
  const aspect = WHEN.test(folded)
    ? "when"
    : WHO.test(folded)
      ? "who"
      : WHY.test(folded)
        ? "why"
        : COMPARE.test(folded)
          ? "compare"
          : LIST.test(folded)
            ? "list"
            : DEFINE.test(folded) && !ACTUAL.test(folded) && !TARGET_OF_YEAR.test(folded)
              ? "define"
              : TARGET.test(folded)
                ? "target"
                : ACTUAL.test(folded)
                  ? "actual"
                  : undefined;
  if (polarity === "khong" && EXISTS.test(folded)) return { aspect, polarity, exists: true };
  // "Năm 2022 có nằm trong top 25 như mục tiêu không?", "… tăng chưa?": a yes-or-no about a figure or target.
  if (polarity && (aspect === undefined || aspect === "target" || aspect === "actual")) return { aspect: "verdict", polarity };
  return { aspect, polarity };
}
