import type { Knowledge } from "./schema.js";

/** One line of counts per kind, for kb:check and the start-up log. */
export function summarizeKnowledge(knowledge: Knowledge): string {
  const measurements = knowledge.indicators.reduce((sum, i) => sum + i.measurements.length, 0);
  const targets = knowledge.indicators.reduce((sum, i) => sum + i.targets.length, 0);
  return [
    `${knowledge.sources.length} nguồn`,
    `${knowledge.documents.length} văn bản`,
    `${knowledge.indicators.length} chỉ tiêu (${measurements} số liệu, ${targets} mục tiêu số)`,
    `${knowledge.goals.length} mục tiêu`,
    `${knowledge.timeline.length} mốc thời gian`,
    `${knowledge.faq.length} hỏi đáp`,
    `${knowledge.people.length} nhân vật`,
    `${knowledge.offices.length} chức danh, cơ quan`,
    `${knowledge.synonyms.length} nhóm từ đồng nghĩa`,
  ].join(", ");
}
