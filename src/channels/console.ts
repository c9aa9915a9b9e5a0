// The terminal chat: `npm start` with no bot tokens. Interactive with a prompt on a terminal;
// when stdin is a pipe or file, it answers each line and exits at end of input.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Ask } from "../engine/ask.js";
import { createConversation } from "../engine/conversation.js";
import { renderPlain } from "../render/plain.js";

export interface ConsoleOptions {
  readonly ask: Ask;
  readonly input: Readable;
  readonly output: Writable;
  readonly interactive: boolean;
}

const WELCOME = [
  "Trợ lý Nghị quyết 16 — hỏi đáp về chuyển đổi số tỉnh Khánh Hòa (chạy trong terminal).",
  'Gõ câu hỏi rồi Enter, ví dụ: "muc tieu 2030 la gi". Gõ /help để xem các lệnh, Ctrl-D để thoát.',
  "Muốn chạy trên Telegram hoặc Zalo: đặt TELEGRAM_BOT_TOKEN và/hoặc ZALO_BOT_TOKEN trong tệp .env (xem README).",
].join("\n");

export async function runConsole({ ask, input, output, interactive }: ConsoleOptions): Promise<void> {
  const conversation = createConversation();
  const lines = createInterface({ input, ...(interactive ? { output, prompt: "Bạn: " } : {}), crlfDelay: Infinity, terminal: interactive });
  const write = (text: string) => output.write(`${text}\n`);
  if (interactive) {
    write(WELCOME);
    lines.prompt();
  }
  for await (const line of lines) {
    if (!interactive) write(`Bạn: ${line}`);
    write(`\n${renderPlain(ask(line, conversation)).join("\n\n")}\n`);
    if (interactive) lines.prompt();
  }
  if (interactive) write("\nTạm biệt!");
}
