// Structured logs (pino). Bot tokens are scrubbed from every message and error before they are written,
// whatever library produced the text (axios and grammY errors may carry request URLs).
//
// Per-update context: the webhook routes run each update inside `withLogContext({channel, updateId})`, and
// every line logged while that update is handled — in the channel, ChatService, the store — carries those
// fields, the way a pino child logger would, without passing a child through every layer.
import { AsyncLocalStorage } from "node:async_hooks";
import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger };

export type LogContext = Readonly<Record<string, string | number>>;

const context = new AsyncLocalStorage<LogContext>();

/** Runs `task` with these fields added to every log line it (and whatever it starts) writes. */
export function withLogContext<T>(fields: LogContext, task: () => T): T {
  const current = context.getStore();
  return context.run(current ? { ...current, ...fields } : fields, task);
}

/** The fields of the update being handled, if any. */
export function currentLogContext(): LogContext | undefined {
  return context.getStore();
}

export function createScrubber(secrets: readonly (string | undefined)[]): (text: string) => string {
  const present = secrets.filter((secret): secret is string => typeof secret === "string" && secret.length >= 6);
  if (present.length === 0) return (text) => text;
  return (text) => present.reduce((result, secret) => result.split(secret).join("***"), text);
}

function scrubValue(value: unknown, scrub: (text: string) => string, depth = 0): unknown {
  if (typeof value === "string") return scrub(value);
  if (depth > 3 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    return { type: value.name, message: scrub(value.message), stack: value.stack ? scrub(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, scrub, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubValue(item, scrub, depth + 1)]));
}

/** pino's numeric level for "error"; fatal is 60. */
const ERROR_LEVEL = 50;

export function createLogger(options: {
  level: LevelWithSilent;
  secrets?: readonly (string | undefined)[];
  destination?: NodeJS.WritableStream;
  /** Called for every line at error level or above that is written (e.g. to count them in metrics). */
  onError?: (level: "error" | "fatal") => void;
}): Logger {
  const scrub = createScrubber(options.secrets ?? []);
  const { onError } = options;
  return pino(
    {
      level: options.level,
      base: undefined,
      // A copy: pino merges the line's own fields into the object it gets from mixin.
      mixin: () => {
        const fields = context.getStore();
        return fields ? { ...fields } : {};
      },
      hooks: {
        logMethod(args, method, level) {
          if (onError && level >= ERROR_LEVEL) onError(level > ERROR_LEVEL ? "fatal" : "error");
          method.apply(this, args.map((arg) => scrubValue(arg, scrub)) as Parameters<typeof method>);
        },
      },
    },
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}
