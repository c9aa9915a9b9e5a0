// Two or three questions in one message ("… ký ngày nào, còn hiệu lực không?"): one answer that leads with each
// part's first line, in the order asked, then what each part adds.
import type { Answer, AnswerSource, Block } from "./answer.js";

/** A part the engine could not answer is said so in its place, not left out. */
function unansweredLine(part: string): string {
  return `Về ý "${part}": mình chưa có thông tin trong các nguồn đang có.`;
}

function leadOf(answer: Answer): Extract<Block, { kind: "headline" | "paragraph" }> | undefined {
  const [first] = answer.blocks;
  return first && (first.kind === "headline" || first.kind === "paragraph") ? first : undefined;
}

export function combineAnswers(parts: readonly string[], answers: readonly Answer[]): Answer {
  const answered = answers.filter((answer) => answer.answered);
  const main = answered[0] ?? answers[0]!;
  const leads = answers.map((answer, i) => (answer.answered ? leadOf(answer)?.text : undefined) ?? unansweredLine(parts[i]!));
  // What each part adds after its first line, a block two parts share (a note on the merger) only once. The last
  // part's first line may announce what follows it ("Đến năm 2030, … đặt mục tiêu:"): what follows comes next.
  const last = answers.at(-1)!;
  const announced = last.answered && leadOf(last)?.text.endsWith(":") ? last.blocks[1] : undefined;
  const rest = [...(announced ? [announced] : []), ...answered.flatMap((answer) => answer.blocks.filter((block) => block !== leadOf(answer)))];
  const blocks = [...new Map(rest.map((block) => [JSON.stringify(block), block] as const)).values()];
  const sources = new Map<string, AnswerSource>(answered.flatMap((answer) => answer.sources.map((source) => [source.id, source] as const)));
  const chart = answered.find((answer) => answer.chart)?.chart;
  return {
    answered: true,
    intent: main.intent,
    confidence: Math.min(...answered.map((answer) => answer.confidence)),
    blocks: [{ kind: "headline", text: leads.join("\n") }, ...blocks],
    sources: [...sources.values()],
    suggestions: main.suggestions,
    entries: [...new Set(answered.flatMap((answer) => answer.entries))],
    ...(chart ? { chart } : {}),
  };
}
