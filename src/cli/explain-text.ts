// npm run ask -- --explain: what the assistant made of a question, in Vietnamese an admin can read — the words it
// knew, what else it understood, the entries that matched best (with their file and score) and what it answered.
import type { Answer, Intent } from "../engine/answer.js";
import { ANSWER_THRESHOLD, type Explanation } from "../engine/ask.js";
import { DECISION_MODEL } from "../engine/decision.js";
import type { Knowledge, Pillar } from "../knowledge/schema.js";

const PILLARS: Record<Pillar, string> = { chung: "chung", "chinh-quyen-so": "chính quyền số", "kinh-te-so": "kinh tế số", "xa-hoi-so": "xã hội số" };

const INTENTS: Record<Intent, string> = {
  status: "hiện trạng một chỉ tiêu",
  "status-all": "hiện trạng các chỉ tiêu",
  goal: "mục tiêu",
  compare: "so sánh tỉnh với cả nước",
  timeline: "mốc thời gian",
  document: "văn bản",
  person: "nhân vật",
  faq: "hỏi đáp",
  sources: "nguồn",
  greeting: "chào hỏi",
  thanks: "cảm ơn",
  help: "hướng dẫn",
  about: "giới thiệu trợ lý",
  clarify: 'hỏi lại cho rõ ("Có phải bạn muốn hỏi…")',
  fallback: "không trả lời (ngoài phạm vi hoặc chưa đủ chắc)",
  invalid: "không phải câu hỏi",
};

const decimal = (x: number) => x.toFixed(2).replace(".", ",");
const shorten = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

function understood(slots: Explanation["slots"]): string[] {
  return [
    slots.year !== undefined ? `năm ${slots.year}` : undefined,
    slots.now ? "hỏi số mới nhất (hiện nay)" : undefined,
    slots.scope === "national" ? "phạm vi cả nước" : slots.scope === "province" ? "phạm vi tỉnh" : undefined,
    slots.compare ? "so sánh tỉnh với cả nước" : undefined,
    slots.pillar ? `trụ cột ${PILLARS[slots.pillar]}` : undefined,
    slots.progress ? "hỏi tiến độ (đã đạt chưa)" : undefined,
  ].filter((part): part is string => part !== undefined);
}

/** "chỉ tiêu "Tỷ lệ …" (indicators.yaml)": what an id is and which file to open to change it. */
function describeEntry(knowledge: Knowledge, id: string): string {
  if (id.startsWith("@")) return "trang tổng hợp có sẵn của trợ lý (không nằm trong tệp nào)";
  const find = <T extends { id: string }>(list: readonly T[]) => list.find((entry) => entry.id === id);
  const indicator = find(knowledge.indicators);
  if (indicator) return `chỉ tiêu "${shorten(indicator.name)}" (indicators.yaml)`;
  const faq = find(knowledge.faq);
  if (faq) return `hỏi đáp "${shorten(faq.questions[0] ?? "")}" (faq*.yaml)`;
  const goal = find(knowledge.goals);
  if (goal) return `mục tiêu "${shorten(goal.text)}" (goals.yaml)`;
  const document = find(knowledge.documents);
  if (document) return `văn bản ${document.number} (documents.yaml)`;
  const event = find(knowledge.timeline);
  if (event) return `mốc "${shorten(event.title)}" (timeline.yaml)`;
  const person = find(knowledge.people);
  return person ? `nhân vật ${person.name} (people.yaml)` : "mục tri thức";
}

export function explainText(question: string, explanation: Explanation, answer: Answer, knowledge: Knowledge): string {
  const extra = understood(explanation.slots);
  const hits = explanation.hits.map((hit, i) => {
    const unexplained = hit.unexplained ? `; ${Math.round(hit.unexplained * 100)}% ý của câu hỏi không có trong mục này` : "";
    return `  ${i + 1}. ${hit.id} — ${describeEntry(knowledge, hit.id)}: điểm ${decimal(hit.score)}${unexplained}`;
  });
  const main = answer.entries[0];
  return [
    `Câu hỏi: "${question}"`,
    "",
    `Các từ trợ lý dùng để tìm: ${explanation.terms.join(", ") || "(không có)"}`,
    `Từ không có trong tri thức (không giúp tìm được gì): ${explanation.unknown.join(", ") || "(không có)"}`,
    `Hiểu thêm: ${extra.join("; ") || "(không có)"}`,
    "",
    `Các mục khớp nhất (điểm từ 0 đến 1; mục đầu từ ${decimal(ANSWER_THRESHOLD)} trở lên và không có mục khác sát nút thì trả lời ngay):`,
    ...(hits.length > 0 ? hits : ["  (không mục nào khớp)"]),
    `Khả năng mục đầu trả lời đúng (mô hình ước lượng): ${decimal(explanation.decision.probability)}; chưa đủ chắc để trả lời thì từ ${decimal(DECISION_MODEL.clarifyAt)} trở lên hỏi lại "Có phải bạn muốn hỏi…", dưới mức đó nói rõ là ngoài phạm vi.`,
    "",
    `Kết quả: ${answer.answered ? "trả lời" : "không trả lời"} — ${INTENTS[answer.intent]}${answer.answered && main ? `, dùng mục ${main}` : ""}, độ tin cậy ${decimal(answer.confidence)}.`,
    "Muốn câu hỏi này ra đúng mục: thêm cách hỏi vào `questions` của mục đó, hoặc thêm từ đồng nghĩa vào synonyms.yaml (xem docs/quan-tri.md).",
  ].join("\n");
}
