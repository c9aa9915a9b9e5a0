// Runs one of the project's command-line entry points the way npm scripts do (tsx), for end-to-end tests.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(
  script: string,
  args: readonly string[] = [],
  options: { input?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

export interface LiveCli {
  /** Sends one line to the process's stdin. */
  send(line: string): void;
  /** Resolves when stdout has `text` after everything already awaited; rejects after `timeoutMs`. */
  waitFor(text: string, timeoutMs?: number): Promise<string>;
  /** Ends stdin and waits for the process to exit. */
  end(): Promise<CliResult>;
}

/** A long-running entry point fed line by line, for conversations that wait on what the process prints. */
export function startCli(script: string, args: readonly string[] = [], options: { env?: Record<string, string | undefined> } = {}): LiveCli {
  const child = spawn(TSX, [script, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let seen = 0;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
  return {
    send: (line) => void child.stdin.write(`${line}\n`),
    async waitFor(text, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const at = stdout.indexOf(text, seen);
        if (at !== -1) {
          const output = stdout.slice(seen, at + text.length);
          seen = at + text.length;
          return output;
        }
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(`"${text}" did not appear; output after the last match:\n${stdout.slice(seen)}\nstderr:\n${stderr}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async end() {
      child.stdin.end();
      const code = await closed;
      return { code, stdout, stderr };
    },
  };
}
