// Telegram HTML (parse_mode "HTML"): every piece of text escaped, messages ≤ 4096 characters.
// Follow-ups are not in the text: the Telegram channel shows them as buttons.
import type { Answer } from "../engine/answer.js";
import { layoutAnswer, type Line } from "./lines.js";
import { cutText, packLines } from "./split.js";

export const TELEGRAM_MESSAGE_LIMIT = 4096;

const HTML_SPECIAL = /[&<>"]/;

export function escapeHtml(text: string): string {
  // Most lines have nothing to escape: four replace passes each would copy them for nothing.
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function htmlLine(line: Line): string {
  switch (line.style) {
    case "bold":
      return `<b>${escapeHtml(line.text)}</b>`;
    case "italic":
      return `<i>${escapeHtml(line.text)}</i>`;
    case "plain":
      return escapeHtml(line.text);
    case "links":
      return (
        escapeHtml(line.prefix) +
        line.links
          .map((link) => (link.url ? `<a href="${escapeHtml(link.url)}">${escapeHtml(link.text)}</a>` : escapeHtml(link.text)))
          .join("; ")
      );
  }
}

function rawText(line: Line): string {
  return line.style === "links" ? line.prefix + line.links.map((l) => l.text).join("; ") : line.text;
}

/** Escaping at most multiplies the length by 6 ("\"" → "&quot;"); the rest of the room is for the tags. */
function cutLine(line: Line, room: number): Line[] {
  const style = line.style === "links" ? "plain" : line.style;
  return cutText(rawText(line), Math.floor((room - 16) / 6)).map((text) => ({ style, text }));
}

export function renderTelegram(answer: Answer, maxLength = TELEGRAM_MESSAGE_LIMIT): string[] {
  const lines = layoutAnswer(answer, { numberedSuggestions: false });
  return packLines(lines, maxLength, htmlLine, cutLine, (line) => rawText(line) === "");
}
