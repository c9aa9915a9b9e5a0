// Messages that carry no question in text — a voice message, a photo without a caption, a bare link — and the
// one short note each kind gets, the same on every channel. Channels only say which kind they received.
export type NotTextKind = "voice" | "audio" | "video" | "photo" | "file" | "sticker" | "location" | "contact" | "link" | "other";

const EXAMPLE = 'ví dụ: "mục tiêu 2030 là gì?"';

/** What the bot could not take in, that it reads text, and an example question. */
export const NOT_TEXT_REPLIES: Readonly<Record<NotTextKind, string>> = {
  voice: `Mình chưa nghe được tin nhắn thoại, bạn gõ câu hỏi giúp mình nhé, ${EXAMPLE}`,
  audio: `Mình chưa nghe được tệp âm thanh, mình chỉ đọc được chữ thôi. Bạn gõ câu hỏi giúp mình nhé, ${EXAMPLE}`,
  video: `Mình chưa xem được video, mình chỉ đọc được chữ thôi. Bạn gõ câu hỏi (hoặc ghi vào chú thích khi gửi) giúp mình nhé, ${EXAMPLE}`,
  photo: `Mình chưa xem được hình ảnh, mình chỉ đọc được chữ thôi. Bạn gõ câu hỏi (hoặc ghi vào chú thích của ảnh) giúp mình nhé, ${EXAMPLE}`,
  file: `Mình chưa mở được tệp đính kèm, mình chỉ đọc được chữ thôi. Bạn gõ câu hỏi (hoặc ghi vào chú thích khi gửi) giúp mình nhé, ${EXAMPLE}`,
  sticker: `Mình chưa hiểu được sticker, mình chỉ đọc được chữ thôi. Bạn gõ câu hỏi về Nghị quyết 16 giúp mình nhé, ${EXAMPLE}`,
  location: `Mình chưa đọc được vị trí bạn gửi, mình chỉ đọc được chữ thôi. Bạn gõ câu hỏi về Nghị quyết 16 giúp mình nhé, ${EXAMPLE}`,
  contact: `Mình chưa đọc được danh thiếp bạn gửi, mình chỉ đọc được chữ thôi. Bạn gõ câu hỏi về Nghị quyết 16 giúp mình nhé, ${EXAMPLE}`,
  link: `Mình chưa mở được đường liên kết, mình chỉ đọc được chữ thôi. Bạn gõ câu hỏi (kèm liên kết cũng được) giúp mình nhé, ${EXAMPLE}`,
  other: `Mình chưa đọc được loại tin nhắn này, mình chỉ đọc được chữ thôi. Bạn gõ câu hỏi về Nghị quyết 16 giúp mình nhé, ${EXAMPLE}`,
};

const LINKS = /\b(?:https?:\/\/|www\.)\S+/giu;

/** The words around any links: a shared link is not a question, what the person wrote with it may be. */
export function withoutLinks(text: string): string {
  return text.replace(LINKS, "").trim();
}

/** Links and nothing else: no letter or digit outside them (an emoji or an arrow may come along). */
export function isOnlyLinks(text: string): boolean {
  const rest = text.replace(LINKS, "");
  return rest.length < text.length && !/[\p{L}\p{N}]/u.test(rest);
}
