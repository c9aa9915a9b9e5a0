// The terminal chat: `npm start` with no bot tokens. Interactive with a prompt on a terminal;
// when stdin is a pipe or file, it answers each line and exits at end of input. In local admin mode every
// line goes through the chat service, as on Telegram and Zalo, so admin commands work here too.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Ask } from "../engine/ask.js";
import { createConversation } from "../engine/conversation.js";
import { renderPlain } from "../render/plain.js";
import type { ChatService } from "./chat-service.js";

interface Terminal {
  readonly input: Readable;
  readonly output: Writable;
  readonly interactive: boolean;
  /** Shown first on a terminal; the plain chat's own when absent. */
  readonly welcome?: string;
}

/** The plain chat answers from the engine; the admin chat goes through the chat service. */
export type ConsoleOptions = Terminal & ({ readonly ask: Ask } | { readonly chat: ChatService });

/** The terminal's own chat, user and admin id. */
export const CONSOLE_USER = "local";

const WELCOME = [
  "Trợ lý Nghị quyết 16 — hỏi đáp về chuyển đổi số tỉnh Khánh Hòa (chạy trong terminal).",
  'Gõ câu hỏi rồi Enter, ví dụ: "muc tieu 2030 la gi". Gõ /help để xem các lệnh, Ctrl-D để thoát.',
  "Muốn chạy trên Telegram hoặc Zalo: đặt TELEGRAM_BOT_TOKEN và/hoặc ZALO_BOT_TOKEN trong tệp .env (xem README).",
  "Muốn thử các lệnh quản trị: npm start -- --admin (xem docs/quan-tri.md).",
].join("\n");

function responder(options: ConsoleOptions): (line: string) => Promise<string> {
  if ("ask" in options) {
    const conversation = createConversation();
    return async (line) => renderPlain(options.ask(line, conversation)).join("\n\n");
  }
  return async (text) => {
    const reply = await options.chat.handle({ channel: "console", chatId: CONSOLE_USER, userId: CONSOLE_USER, text });
    return reply.kind === "answer" ? renderPlain(reply.answer).join("\n\n") : reply.kind === "notice" ? reply.text : "";
  };
}

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { input, output, interactive } = options;
  const respond = responder(options);
  const lines = createInterface({ input, ...(interactive ? { output, prompt: "Bạn: " } : {}), crlfDelay: Infinity, terminal: interactive });
  const write = (text: string) => output.write(`${text}\n`);
  if (interactive) {
    write(options.welcome ?? WELCOME);
    lines.prompt();
  }
  for await (const line of lines) {
    if (!interactive) write(`Bạn: ${line}`);
    write(`\n${await respond(line)}\n`);
    if (interactive) lines.prompt();
  }
  if (interactive) write("\nTạm biệt!");
}
