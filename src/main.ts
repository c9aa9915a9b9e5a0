// Composition root: configuration → knowledge → assistant → terminal chat (as an admin with --admin), the public
// web page alone with --web (npm run web: no token needed), or the bots, beside the web page, when a token is set.
// Invalid knowledge never stops it: the last good copy is served, or a polite maintenance reply, and admins are told.
import { Assistant } from "./assistant.js";
import { loadKnowledgeToServe } from "./bootstrap.js";
import { runConsole } from "./channels/console.js";
import { ConfigError, loadDotEnv, readConfig } from "./config.js";
import { formatProblem } from "./knowledge/problems.js";

const USAGE =
  "Cách dùng: npm start  |  npm start -- --admin (trò chuyện trong terminal với quyền quản trị, xem docs/quan-tri.md)  |  npm run web (trang web hỏi đáp, không cần token)";

/** The plain terminal chat has no admin to tell: the problems go to stderr. */
function reportStartProblems(assistant: Assistant): void {
  const { status } = assistant;
  if (status.serving === "files") return;
  for (const problem of status.problems) console.error(formatProblem(problem));
  console.error(
    status.serving === "older-copy"
      ? `Tri thức không hợp lệ: đang dùng bản hợp lệ gần nhất (phiên bản ${assistant.knowledge.version}). Hãy sửa các lỗi trên (npm run kb:check).`
      : "Tri thức không hợp lệ và chưa có bản hợp lệ nào được lưu: trợ lý trả lời là đang bảo trì. Hãy sửa các lỗi trên (npm run kb:check).",
  );
}

const args = process.argv.slice(2);
if (args.some((arg) => arg !== "--admin" && arg !== "--web") || args.length > 1) {
  console.error(USAGE);
  process.exit(2);
}

try {
  loadDotEnv();
  const config = readConfig();
  const load = { cacheDir: config.knowledgeCacheDir };
  const assistant = new Assistant({ ...(await loadKnowledgeToServe(config.knowledgeDir, load)), knowledgeDir: config.knowledgeDir, load });
  const terminal = { input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true };
  if (args.includes("--web")) {
    // The page alone: tokens in .env are left for `npm start`, so two processes never serve one bot.
    reportStartProblems(assistant);
    const { serve } = await import("./serve.js");
    await serve({ ...config, telegramToken: undefined, zaloToken: undefined }, assistant);
  } else if (args.includes("--admin") || config.consoleAdmin) {
    const { runAdminConsole } = await import("./admin-console.js");
    await runAdminConsole(config, assistant, terminal);
  } else if (!config.telegramToken && !config.zaloToken) {
    reportStartProblems(assistant);
    await runConsole({ ask: assistant.ask, ...terminal });
  } else {
    const { serve } = await import("./serve.js");
    await serve(config, assistant);
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
