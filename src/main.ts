// Composition root: configuration → knowledge → assistant → terminal chat, or the bots when a token is set.
import { Assistant } from "./assistant.js";
import { loadKnowledgeOrExit } from "./bootstrap.js";
import { runConsole } from "./channels/console.js";
import { ConfigError, loadDotEnv, readConfig } from "./config.js";

try {
  loadDotEnv();
  const config = readConfig();
  const loadOptions = { cacheDir: config.knowledgeCacheDir };
  const assistant = new Assistant(await loadKnowledgeOrExit(config.knowledgeDir, loadOptions), config.knowledgeDir, {}, loadOptions);
  if (!config.telegramToken && !config.zaloToken) {
    await runConsole({ ask: assistant.ask, input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true });
  } else {
    const { serve } = await import("./serve.js");
    await serve(config, assistant);
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
