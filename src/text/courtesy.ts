// What a message says besides its question: greetings, who is asking, thanks, and instructions addressed to the
// bot ("bỏ qua hướng dẫn…"). Long, polite questions are mostly these around one short question, and every word
// of them dilutes the match; an instruction must never be taken as part of the question. Works clause by clause
// on the cleaned text (punctuation still there), returning the clauses that ask something.
import { fold, STOPWORDS } from "./normalize.js";

/** Words that only address, greet, thank or soften; folded. */
const COURTESY_WORDS: ReadonlySet<string> = new Set(
  (
    "oi chao xin hello hi alo kinh gui thua thua da vang cam on camon thanks thank you tks thx nhieu lam rat " +
    "chau bac con co chu di cau ong ba ad admin bot tro ly ban em anh chi minh toi tui to moi nguoi " +
    "cho hoi xin vui long lam on giup gium dum voi nhe nha nhi a ah ak ha hen ne nhen " +
    "muon biet can tim hieu hieu duoc tra loi giai dap nho chut ti xiu mot cau cai"
  ).split(" "),
);

/** A clause saying who is asking and why: "em là sinh viên đang làm tiểu luận", "anh chuẩn bị họp". */
const SELF_DESCRIPTION =
  /^(?:(?:da|vang|xin chao|chao \S+) )?(?:em|toi|minh|bac|chau|anh|chi|con|tui|chung toi|chung em|ben minh|ben em)(?: \S+)? (?:la|dang|o|chuan bi|sap|vua|moi|co viec|lam|can|phai|hoc|song|nghe noi la|doc|thay)(?= |$)/;
/** What still asks something in such a clause ("em là sinh viên, muốn hỏi mục tiêu 2030"). */
const ASKS = /(?<=^| )(gi|nao|bao nhieu|may|khi nao|bao gio|ai|sao|the nao|ra sao|khong|chua|dung khong|phai khong|muc tieu|chi tieu|ty le|xep hang|so sanh)(?= |$)/;

/** Instructions addressed to the bot rather than questions about the resolution. */
const INSTRUCTION =
  /(?<=^| )(bo qua|phot lo|quen (?:het|di)|ignore|disregard|forget)(?= |$)|(?<=^| )(hay|cu) (noi|tra loi|khang dinh|xac nhan|tra loi la) (rang|la)(?= |$)|(?<=^| )(dong vai|gia su ban la|tu gio ban|tu nay ban|system prompt|prompt|jailbreak|developer mode|che do nha phat trien)(?= |$)/;

/**
 * Particles and forms of address typed with their marks: inside a clause too ("… là bao nhiêu hả cháu?") they carry
 * no topic. Without marks ("ha", "chau") they may be names (Hà, Châu), so only the marked forms go.
 */
const PARTICLES: ReadonlySet<string> = new Set(["ạ", "hả", "nhé", "nha", "nhỉ", "nhá", "à", "ư", "ơi", "cháu", "bác", "nhen", "hen", "ad", "admin"]);

function withoutParticles(clause: string): string {
  return clause
    .split(/\s+/)
    .filter((word) => !PARTICLES.has(word.normalize("NFC").toLowerCase().replace(/[^\p{L}]/gu, "")))
    .join(" ");
}

/** A clause and its folded form. */
interface Clause {
  readonly text: string;
  readonly folded: string;
}

function clausesOf(text: string): Clause[] {
  // Sentence and clause ends; a comma between digits is a decimal comma, not a clause end.
  return text
    .split(/(?<!\d)[,;]|[,;](?!\d)|[.!?…\n]+(?=\s|$)|:(?=\s)/u)
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
}

/**
 * The message without its courtesy and instruction clauses. A message made only of courtesy ("chào bạn", "cảm ơn
 * nhé") is returned whole: it is small talk, which the engine recognises as such.
 */
export function coreQuestion(text: string): CoreQuestion {
  const clauses = clausesOf(text);
  const instructions = clauses.filter((clause) => INSTRUCTION.test(clause.folded));
  const asking = clauses.filter(
    (clause) => !instructions.includes(clause) && !onlyCourtesy(clause.folded) && !(SELF_DESCRIPTION.test(clause.folded) && !ASKS.test(clause.folded)),
  );
  if (asking.length === 0) return { text: instructions.length > 0 ? "" : text, instructed: instructions.length > 0 };
  const questions = asking.filter((clause) => ASKS.test(clause.folded));
  const join = (clauses: readonly Clause[]) => clauses.map((clause) => withoutParticles(clause.text)).join(", ");
  return {
    text: join(asking),
    instructed: instructions.length > 0,
    ...(questions.length > 0 && questions.length < asking.length ? { asking: join(questions) } : {}),
  };
}
