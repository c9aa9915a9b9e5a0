// Plain text for the console and Zalo: no markup, follow-ups as a numbered list, messages ≤ 2000 characters.
import type { Answer } from "../engine/answer.js";
import { layoutAnswer, type Line } from "./lines.js";
import { cutText, packLines } from "./split.js";

export const ZALO_MESSAGE_LIMIT = 2000;

function plainLine(line: Line): string {
  if (line.style === "links") return line.prefix + line.links.map((link) => link.text).join("; ");
  return line.text;
}

function cutLine(line: Line, room: number): Line[] {
  return cutText(plainLine(line), room).map((text) => ({ style: "plain", text }));
}

export function renderPlain(answer: Answer, maxLength = ZALO_MESSAGE_LIMIT): string[] {
  const lines = layoutAnswer(answer, { numberedSuggestions: true });
  return packLines(lines, maxLength, plainLine, cutLine, (line) => plainLine(line) === "");
}
