// Conversation replies that are not facts: small talk, help, "not sure", out of scope, unusable input.
import type { Intent } from "../answer.js";
import type { OffTopic } from "../off-topic.js";
import type { SmallTalk } from "../understand.js";
import type { Composed } from "./common.js";

export const STARTER_SUGGESTIONS = [
  "Nghị quyết 16 là gì?",
  "Mục tiêu đến năm 2030?",
  "Tình hình các chỉ tiêu hiện nay?",
] as const;

export const COMMAND_HELP = [
  "/muctieu [2025|2030] — mục tiêu của Nghị quyết 16",
  "/chitieu [tên chỉ tiêu] — tình hình các chỉ tiêu (giá trị, mục tiêu, thời điểm, nguồn)",
  "/sosanh — so sánh với Quyết định 749 của Thủ tướng",
  "/lotrinh — các mốc thời gian",
  "/linhvuc — các lĩnh vực ưu tiên",
  "/nguon — nguồn của câu trả lời vừa rồi",
  "/help — hướng dẫn",
];

const COVERAGE =
  "Mình trả lời về Nghị quyết 16-NQ/TU của Tỉnh ủy Khánh Hòa (19/10/2021) về chuyển đổi số: mục tiêu 2025 và 2030, tình hình các chỉ tiêu, so sánh với Quyết định 749 của cả nước, lộ trình và các văn bản triển khai.";

function reply(intent: Intent, text: string, extra: Partial<Composed> = {}): Composed {
  return {
    intent,
    blocks: [{ kind: "headline", text }],
    sourceIds: [],
    suggestions: [...STARTER_SUGGESTIONS],
    entries: [`@${intent}`],
    ...extra,
  };
}

export function composeSmallTalk(kind: SmallTalk): Composed {
  switch (kind) {
    case "greeting":
      return reply("greeting", `Xin chào! ${COVERAGE} Bạn muốn hỏi gì?`);
    case "thanks":
      return reply("thanks", "Không có gì ạ. Bạn cần hỏi thêm gì về Nghị quyết 16 cứ nhắn nhé.");
    case "goodbye":
      return reply("thanks", "Chào bạn, hẹn gặp lại!", { entries: ["@goodbye"] });
    case "about":
      return reply(
        "about",
        "Mình là trợ lý hỏi đáp tự động về Nghị quyết 16 của Tỉnh ủy Khánh Hòa. Mọi thông tin mình đưa ra đều kèm nguồn; điều gì không có trong nguồn, mình sẽ nói là chưa có.",
      );
    case "help":
      return composeHelp();
  }
}

export function composeHelp(): Composed {
  return {
    intent: "help",
    blocks: [
      { kind: "headline", text: COVERAGE },
      { kind: "paragraph", text: "Bạn cứ hỏi bằng lời thường, có dấu hay không dấu đều được, ví dụ: \"muc tieu 2030 la gi\", \"tỷ lệ hồ sơ trực tuyến hiện nay?\"." },
      { kind: "bullets", title: "Các lệnh:", items: COMMAND_HELP },
    ],
    sourceIds: [],
    suggestions: [...STARTER_SUGGESTIONS],
    entries: ["@help"],
  };
}

export function composeFallback(): Composed {
  return reply(
    "fallback",
    `Xin lỗi, mình chưa có thông tin để trả lời câu này trong các nguồn đang có, nên mình không trả lời để tránh sai. ${COVERAGE}`,
  );
}

const OFF_TOPIC_REASONS: Readonly<Record<OffTopic, string>> = {
  personal: "Mình không cung cấp thông tin cá nhân hay số liên lạc (số điện thoại, địa chỉ, số CCCD, gia đình…) của bất kỳ ai.",
  prices: "Mình không có thông tin về giá cả, tỷ giá hay thị trường.",
  weather: "Mình không có thông tin về thời tiết, mưa bão.",
  population: "Mình không có số liệu về dân số, diện tích hay đơn vị hành chính.",
};

/** A request outside what the assistant answers, whatever its words happen to match: say so and what it does answer. */
export function composeOffTopic(kind: OffTopic): Composed {
  return reply("fallback", `Xin lỗi, ${OFF_TOPIC_REASONS[kind].replace(/^M/, "m")} ${COVERAGE}`, { entries: [`@off-topic-${kind}`] });
}

export function composeClarify(prompts: readonly string[]): Composed {
  return {
    intent: "clarify",
    blocks: [
      { kind: "headline", text: "Mình chưa chắc đã hiểu đúng câu hỏi. Có phải bạn muốn hỏi:" },
      { kind: "bullets", items: prompts },
      { kind: "paragraph", text: "Nếu không phải, bạn hỏi lại giúp mình nhé: mình chỉ trả lời về Nghị quyết 16 và chuyển đổi số của tỉnh Khánh Hòa." },
    ],
    sourceIds: [],
    suggestions: prompts.slice(0, 3),
    entries: ["@clarify"],
  };
}

export type InvalidInput = "empty" | "too-long" | "no-words" | "bad-command";

export function composeInvalid(kind: InvalidInput, maxLength: number): Composed {
  const text = {
    empty: "Bạn chưa nhập câu hỏi. Hãy gõ câu hỏi về Nghị quyết 16, ví dụ: \"mục tiêu 2030 là gì?\".",
    "too-long": `Câu hỏi dài quá (hơn ${maxLength} ký tự). Bạn hỏi ngắn gọn một ý thôi nhé, ví dụ: "tỷ lệ hồ sơ trực tuyến hiện nay?".`,
    "no-words": "Mình chỉ đọc được câu hỏi bằng chữ. Bạn gõ câu hỏi về Nghị quyết 16 giúp mình nhé.",
    "bad-command": "Lệnh này mình không hiểu. Các lệnh dùng được:",
  }[kind];
  return {
    intent: "invalid",
    blocks: [{ kind: "headline", text }, ...(kind === "bad-command" ? [{ kind: "bullets" as const, items: COMMAND_HELP }] : [])],
    sourceIds: [],
    suggestions: [...STARTER_SUGGESTIONS],
    entries: [`@invalid-${kind}`],
  };
}

/** A command used the wrong way: say how to use it, listing the valid choices. */
export function composeUsage(text: string, choices: readonly string[]): Composed {
  return {
    intent: "invalid",
    blocks: [{ kind: "headline", text }, ...(choices.length > 0 ? [{ kind: "bullets" as const, items: choices }] : [])],
    sourceIds: [],
    suggestions: [...STARTER_SUGGESTIONS],
    entries: ["@invalid-usage"],
  };
}
