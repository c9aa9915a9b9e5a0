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
  // A first line may announce what follows it ("Đến năm 2030, … đặt mục tiêu:"). One such part, asked last, has what
  // follows right after the first lines; several keep each announcement with its own list, after the first lines.
  const announcing = answered.filter((answer) => leadOf(answer)?.text.endsWith(":"));
  const grouped = announcing.length > 1 ? new Set(announcing) : new Set<Answer>();
  const leads = answers.flatMap((answer, i) => (grouped.has(answer) ? [] : [(answer.answered ? leadOf(answer)?.text : undefined) ?? unansweredLine(parts[i]!)]));
  const announced = announcing.length === 1 && announcing[0] === answers.at(-1) ? announcing[0]!.blocks[1] : undefined;
  // What each part adds after its first line, a block two parts share (a note on the merger) only once.
  const rest = [
    ...(announced ? [announced] : []),
    ...answered.flatMap((answer) => (grouped.has(answer) ? answer.blocks : answer.blocks.filter((block) => block !== leadOf(answer)))),
  ];
  const blocks = [...new Map(rest.map((block) => [JSON.stringify(block), block] as const)).values()];
  const sources = new Map<string, AnswerSource>(answered.flatMap((answer) => answer.sources.map((source) => [source.id, source] as const)));
  const chart = answered.find((answer) => answer.chart)?.chart;
  return {
    answered: true,
    intent: main.intent,
    confidence: Math.min(...answered.map((answer) => answer.confidence)),
    blocks: [...(leads.length > 0 ? [{ kind: "headline" as const, text: leads.join("\n") }] : []), ...blocks],
    sources: [...sources.values()],
    suggestions: main.suggestions,
    entries: [...new Set(answered.flatMap((answer) => answer.entries))],
    ...(chart ? { chart } : {}),
  };
}
