// Answer → styled lines: the layout both renderers share. Blocks are separated by a blank line, which is
// where long answers are preferably split into several messages.
import type { Answer, Block } from "../engine/answer.js";

export type Line =
  | { readonly style: "plain" | "bold" | "italic"; readonly text: string }
  | { readonly style: "links"; readonly prefix: string; readonly links: readonly { text: string; url?: string }[] };

export interface LayoutOptions {
  /** Plain-text channels list follow-ups as numbers the user can reply with; Telegram shows buttons instead. */
  readonly numberedSuggestions: boolean;
}

const BAR_CELLS = 10;
/** More than this and the source line crowds a phone screen; /nguon lists them all. */
const SOURCES_SHOWN = 3;

export function progressBar(ratio: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, ratio)) * BAR_CELLS);
  return `${"█".repeat(filled)}${"░".repeat(BAR_CELLS - filled)} ${Math.round(ratio * 100)}%`;
}

function blockLines(block: Block): Line[] {
  switch (block.kind) {
    case "headline":
      return [{ style: "bold", text: block.text }];
    case "paragraph":
      return [{ style: "plain", text: block.text }];
    case "note":
      return [{ style: "italic", text: block.text }];
    case "progress":
      return [{ style: "plain", text: `${block.label}: ${progressBar(block.ratio)} (${block.caption})` }];
    case "bullets":
      return [
        ...(block.title ? [{ style: "bold" as const, text: block.title }] : []),
        ...block.items.map((item) => ({ style: "plain" as const, text: `• ${item}` })),
      ];
  }
}

const BLANK: Line = { style: "plain", text: "" };

export function layoutAnswer(answer: Answer, options: LayoutOptions): Line[] {
  const sections: Line[][] = [];
  let bullets: Line[] = [];
  // Consecutive bullet blocks stay together (no blank line inside a list of lists), and a text that announces
  // a list ("…, cùng năm:") keeps it: the list is what it says.
  for (const [index, block] of answer.blocks.entries()) {
    const lines = blockLines(block);
    if (block.kind === "bullets" || block.kind === "progress") {
      bullets.push(...lines);
      continue;
    }
    if (bullets.length > 0) sections.push(bullets);
    bullets = [];
    const announces = block.kind !== "note" && block.text.trimEnd().endsWith(":") && answer.blocks[index + 1]?.kind === "bullets";
    if (announces) bullets.push(...lines);
    else sections.push(lines);
  }
  if (bullets.length > 0) sections.push(bullets);
  if (answer.sources.length > 0) {
    const links = answer.sources.slice(0, SOURCES_SHOWN).map((s) => ({ text: s.title, ...(s.url ? { url: s.url } : {}) }));
    const more = answer.sources.length - SOURCES_SHOWN;
    if (more > 0) links.push({ text: `và ${more} nguồn khác (gõ /nguon để xem đủ)` });
    sections.push([{ style: "links", prefix: "Nguồn: ", links }]);
  }
  if (options.numberedSuggestions && answer.suggestions.length > 0) {
    sections.push([
      { style: "italic", text: "Bạn có thể hỏi tiếp (gõ số):" },
      ...answer.suggestions.map((s, i) => ({ style: "plain" as const, text: `${i + 1}. ${s}` })),
    ]);
  }
  return sections.flatMap((section, i) => (i === 0 ? section : [BLANK, ...section]));
}
