// Composition root: configuration → knowledge → engine → channels.
import { loadEngineOrExit } from "./bootstrap.js";
import { runConsole } from "./channels/console.js";
import { ConfigError, loadDotEnv, readConfig } from "./config.js";

try {
  loadDotEnv();
  const config = readConfig();
  const engine = await loadEngineOrExit(config.knowledgeDir);
  await runConsole({
    ask: engine.ask,
    input: process.stdin,
    output: process.stdout,
    interactive: process.stdin.isTTY === true,
  });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
