// `npm start`'s program as a real child process, for end-to-end tests of the running bot: a free port, a fresh
// DATA_DIR, everything it prints collected, and a kill at the end of the test.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "./cli.js";

export interface BotProcess {
  readonly child: ReturnType<typeof spawn>;
  readonly port: number;
  readonly dataDir: string;
  /** stdout and stderr so far. */
  output: string;
  readonly exited: Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts src/main.ts (with `args`) and `env` on top of the test's environment; `cleanups` gets what ends it and its data. */
export async function startBotProcess(env: Record<string, string>, cleanups: (() => Promise<unknown>)[], args: readonly string[] = []): Promise<BotProcess> {
  const dataDir = env.DATA_DIR ?? (await mkdtemp(join(tmpdir(), "bot-process-")));
  if (!env.DATA_DIR) cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const child = spawn(join(REPO_ROOT, "node_modules/.bin/tsx"), ["src/main.ts", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "debug", WEBHOOK_URL: "", PUBLIC_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run: BotProcess = { child, port, dataDir, output: "", exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
  child.stdout.on("data", (chunk: Buffer) => (run.output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (run.output += chunk.toString()));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  return run;
}
