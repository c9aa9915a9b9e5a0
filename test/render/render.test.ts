import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/engine/answer.js";
import { progressBar } from "../../src/render/lines.js";
import { renderPlain, ZALO_MESSAGE_LIMIT } from "../../src/render/plain.js";
import { cutText } from "../../src/render/split.js";
import { escapeHtml, renderTelegram, TELEGRAM_MESSAGE_LIMIT } from "../../src/render/telegram.js";

function answerWith(partial: Partial<Answer>): Answer {
  return { answered: true, intent: "faq", confidence: 1, blocks: [], sources: [], suggestions: [], entries: ["x"], ...partial };
}

const longAnswer = answerWith({
  blocks: [
    { kind: "headline", text: "Tiêu đề <b>ngắn</b> & rõ" },
    ...Array.from({ length: 30 }, (_, i) => ({ kind: "paragraph" as const, text: `Đoạn ${i + 1}: ${"chuyển đổi số ".repeat(12)}` })),
    { kind: "bullets", title: "Danh sách:", items: Array.from({ length: 40 }, (_, i) => `mục ${i + 1} ${"x".repeat(60)}`) },
  ],
  sources: [{ id: "a", title: "Nguồn A", url: "https://example.vn/a?x=1&y=2" }],
  suggestions: ["Câu một?", "Câu hai?"],
});

describe("plain renderer", () => {
  it("puts the short answer first, then sources and numbered follow-ups", () => {
    const [text] = renderPlain(
      answerWith({
        blocks: [{ kind: "headline", text: "Trả lời ngắn." }, { kind: "bullets", items: ["chi tiết"] }],
        sources: [{ id: "s", title: "Bài báo (Báo Khánh Hòa, 25/10/2021)" }],
        suggestions: ["Mục tiêu 2030?"],
      }),
    );
    expect(text).toBe(
      "Trả lời ngắn.\n\n• chi tiết\n\nNguồn: Bài báo (Báo Khánh Hòa, 25/10/2021)\n\nBạn có thể hỏi tiếp (gõ số):\n1. Mục tiêu 2030?",
    );
  });

  it("splits long answers at paragraph or line boundaries into parts of at most 2000 characters", () => {
    const parts = renderPlain(longAnswer);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(ZALO_MESSAGE_LIMIT);
      expect(part.startsWith("\n")).toBe(false);
    }
    // Nothing lost or cut mid-line: every line of the whole text appears whole in some part.
    const lines = parts.join("\n").split("\n").filter(Boolean);
    expect(lines.filter((l) => l.startsWith("Đoạn"))).toHaveLength(30);
    expect(lines.filter((l) => l.startsWith("• mục"))).toHaveLength(40);
  });

  it("limits the sources line to three and points to /nguon for the rest", () => {
    const [text] = renderPlain(answerWith({ blocks: [{ kind: "headline", text: "A" }], sources: ["1", "2", "3", "4", "5"].map((id) => ({ id, title: `S${id}` })) }));
    expect(text).toContain("Nguồn: S1; S2; S3; và 2 nguồn khác (gõ /nguon để xem đủ)");
  });

  it("draws a progress bar", () => {
    expect(progressBar(0.5)).toBe("█████░░░░░ 50%");
    expect(progressBar(1.4)).toBe("██████████ 140%".replace("140%", "140%"));
  });
});

describe("telegram renderer", () => {
  it("escapes HTML in every piece of text and keeps its own tags", () => {
    const [html] = renderTelegram(longAnswer);
    expect(html).toContain("<b>Tiêu đề &lt;b&gt;ngắn&lt;/b&gt; &amp; rõ</b>");
    expect(escapeHtml('<a href="x">&</a>')).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  });

  it("renders source links and leaves follow-ups to buttons", () => {
    const parts = renderTelegram(longAnswer);
    const last = parts.at(-1)!;
    expect(last).toContain('<a href="https://example.vn/a?x=1&amp;y=2">Nguồn A</a>');
    expect(parts.join("")).not.toContain("Câu một?");
  });

  it("splits into messages of at most 4096 characters", () => {
    const parts = renderTelegram(longAnswer);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
  });

  it("cuts a single oversized line of escaped text without breaking entities", () => {
    const parts = renderTelegram(answerWith({ blocks: [{ kind: "paragraph", text: "<&> ".repeat(3000) }] }));
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expect(part).not.toMatch(/&[a-z]*$/);
    }
    expect(parts.join(" ").match(/&lt;&amp;&gt;/g)).toHaveLength(3000);
  });
});

describe("cutText", () => {
  it("cuts at spaces and hard-cuts words longer than the room", () => {
    expect(cutText("một hai ba bốn", 7)).toEqual(["một hai", "ba bốn"]);
    expect(cutText("x".repeat(10), 4)).toEqual(["xxxx", "xxxx", "xx"]);
  });
});
