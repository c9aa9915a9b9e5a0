// Inline keyboards and their callback data. Callback data is limited to 64 bytes and Vietnamese text takes
// 2–3 bytes a letter, so buttons carry short ids ("t:muctieu_2030", "s:<answerNo>:<i>", "c:<chart>"), never the text.
import { InlineKeyboard } from "grammy";

interface Topic {
  readonly id: string;
  readonly label: string;
  /** What tapping the button asks, exactly as if the user had typed it. */
  readonly command: string;
}

/** The topic menu shown with the welcome message. */
export const TOPICS: readonly Topic[] = [
  { id: "muctieu_2025", label: "Mục tiêu 2025", command: "/muctieu 2025" },
  { id: "muctieu_2030", label: "Mục tiêu 2030", command: "/muctieu 2030" },
  { id: "chitieu", label: "Tình hình các chỉ tiêu", command: "/chitieu" },
  { id: "sosanh", label: "So sánh với QĐ 749", command: "/sosanh" },
  { id: "lotrinh", label: "Lộ trình", command: "/lotrinh" },
  { id: "linhvuc", label: "Lĩnh vực ưu tiên", command: "/linhvuc" },
];

export type ButtonAction =
  | { readonly kind: "topic"; readonly command: string }
  | { readonly kind: "suggestion"; readonly answerNo: number; readonly index: number }
  | { readonly kind: "feedback"; readonly answerId: string; readonly vote: "up" | "down" }
  | { readonly kind: "chart"; readonly chart: string };

const FEEDBACK_PREFIX = "f:";
const CHART_PREFIX = "c:";
export const CHART_BUTTON = "📈 Biểu đồ";

/** Whether a chart's name fits in a button's data (chart names are entry ids: short, ASCII). */
export function fitsChartButton(chart: string): boolean {
  return Buffer.byteLength(`${CHART_PREFIX}${chart}`) <= 64;
}

/** "📈 Biểu đồ" on a row of its own, above the follow-ups' and the votes'. */
export function addChartRow(keyboard: InlineKeyboard, chart: string): InlineKeyboard {
  return keyboard.text(CHART_BUTTON, `${CHART_PREFIX}${chart}`).row();
}

export function topicKeyboard(): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  TOPICS.forEach((topic, i) => {
    keyboard.text(topic.label, `t:${topic.id}`);
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

/** One follow-up per row: they are whole questions and need the width. */
export function suggestionKeyboard(answerNo: number, suggestions: readonly string[], keyboard = new InlineKeyboard()): InlineKeyboard {
  suggestions.forEach((suggestion, i) => keyboard.text(suggestion, `s:${answerNo}:${i}`).row());
  return keyboard;
}

/** 👍/👎 under an answer; the answer id ("tg:<chat>:<n>") stays well under 64 bytes. */
export function addFeedbackRow(keyboard: InlineKeyboard, answerId: string): InlineKeyboard {
  return keyboard.text("👍", `${FEEDBACK_PREFIX}${answerId}:u`).text("👎", `${FEEDBACK_PREFIX}${answerId}:d`);
}

/** The keyboard without its feedback row: after one vote the buttons go. */
export function withoutFeedback(rows: readonly (readonly { text: string; callback_data?: string }[])[]) {
  return rows.filter((row) => !row.some((button) => button.callback_data?.startsWith(FEEDBACK_PREFIX)));
}

/** Undefined for data this bot never sent (or sent in an older format). */
export function parseButtonData(data: string): ButtonAction | undefined {
  const topic = /^t:([a-z0-9_]+)$/.exec(data);
  if (topic) {
    const found = TOPICS.find((t) => t.id === topic[1]);
    return found ? { kind: "topic", command: found.command } : undefined;
  }
  const feedback = /^f:(.+):([ud])$/.exec(data);
  if (feedback) return { kind: "feedback", answerId: feedback[1]!, vote: feedback[2] === "u" ? "up" : "down" };
  const chart = /^c:([a-z0-9-]+)$/.exec(data);
  if (chart) return { kind: "chart", chart: chart[1]! };
  const suggestion = /^s:(\d+):(\d+)$/.exec(data);
  if (suggestion) return { kind: "suggestion", answerNo: Number(suggestion[1]), index: Number(suggestion[2]) };
  return undefined;
}
