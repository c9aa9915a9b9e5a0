// The local admin mode (`npm start -- --admin` or CONSOLE_ADMIN=true): the terminal chat as an admin, against
// the store in DATA_DIR, with the admin commands, reloads on save and the notices admins get in chat — so every
// admin task can be tried before it is live. No token, no network, no HTTP server.
import { AdminCommands } from "./admin/admin-commands.js";
import { KnowledgeAlerts } from "./admin/knowledge-alerts.js";
import { Notifier } from "./admin/notifier.js";
import type { Assistant } from "./assistant.js";
import { ChatService } from "./channels/chat-service.js";
import { CONSOLE_USER, runConsole } from "./channels/console.js";
import type { Config } from "./config.js";
import { createLogger } from "./logger.js";
import { Store } from "./store/store.js";
import type { Readable, Writable } from "node:stream";

const CONSOLE_ADMIN = `console:${CONSOLE_USER}`;

function welcome(config: Config): string {
  return [
    "Trợ lý Nghị quyết 16 — CHẾ ĐỘ QUẢN TRỊ CỤC BỘ (chỉ trong terminal này, không gửi gì lên Telegram hay Zalo).",
    `Tri thức: ${config.knowledgeDir} — lưu tệp ở đây thì trợ lý tự nạp lại và báo lỗi (nếu có) ngay tại đây.`,
    `Dữ liệu: ${config.dataDir} — số liệu /capnhat, câu hỏi, góp ý, theo dõi được ghi vào đây.`,
    "Lệnh quản trị: /capnhat, /lichsu, /xoa, /chuatraloi, /thongke, /reload; /theodoi để thử thông báo. Hỏi như người dân để xem câu trả lời.",
    "Ctrl-D để thoát.",
  ].join("\n");
}

export async function runAdminConsole(
  config: Config,
  assistant: Assistant,
  terminal: { readonly input: Readable; readonly output: Writable; readonly interactive: boolean },
): Promise<void> {
  // Only what goes wrong: the terminal is for the conversation.
  const logger = createLogger({ level: "warn" });
  const store = await Store.open({ dataDir: config.dataDir, logger, retentionDays: config.retentionDays });
  assistant.setRuntimeMeasurements(store.measurements());
  const notifier = new Notifier({ store, logger, intervalMs: 0 });
  // What an admin or a subscriber would receive in chat is printed here.
  notifier.register("console", async (_chatId, text) => void terminal.output.write(`\n🔔 ${text}\n`));
  const admin = new AdminCommands({ assistant, store, notifier, adminIds: new Set([CONSOLE_ADMIN]), logger });
  const chat = new ChatService({ ask: assistant.ask, store, admin, logger });
  const alerts = new KnowledgeAlerts({
    assistant,
    knowledgeDir: config.knowledgeDir,
    logger,
    tellAdmins: (text) => void notifier.notifyAdmins([CONSOLE_ADMIN], text),
  });
  alerts.announceStart();
  const watcher = alerts.watch();
  try {
    await runConsole({ chat, ...terminal, welcome: welcome(config) });
  } finally {
    watcher.close();
    await store.flush();
  }
}
