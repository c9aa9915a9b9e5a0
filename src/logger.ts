// Structured logs (pino). Bot tokens are scrubbed from every message and error before they are written,
// whatever library produced the text (axios and grammY errors may carry request URLs).
//
// Per-update context is explicit: each channel gives the code handling an update a child logger (or the
// fields) with `channel` and `updateId`. Not AsyncLocalStorage: on Node 20 an active store turns on promise
// hooks for every promise in the process, which cost about a tenth of the CPU per update under load.
import { pino, type Logger, type LevelWithSilent } from "pino";

export type { Logger };

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
