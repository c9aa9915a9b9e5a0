// Environment → typed configuration. A .env file in the working directory is read if present;
// real environment variables win over it.
import path from "node:path";
import { existsSync } from "node:fs";
import { z, type Infer } from "./zod.js";
import { defaultKnowledgeDir } from "./paths.js";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const optionalUrl = optionalText.pipe(z.url({ message: "phải là một URL đầy đủ, ví dụ https://bot.example.vn" }).optional());

const configSchema = z.object({
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: optionalUrl,
  TELEGRAM_WEBHOOK_REPLY: optionalText.pipe(z.stringbool({ error: "true hoặc false" }).optional()),
  ZALO_BOT_TOKEN: optionalText,
  ZALO_API_BASE: optionalUrl,
  WEBHOOK_URL: optionalUrl,
  ZALO_WEBHOOK_URL: optionalUrl,
  PUBLIC_URL: optionalUrl,
  WEBHOOK_SECRET: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "16–256 ký tự A-Z, a-z, 0-9, _ hoặc -").optional(),
  ),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: optionalText.pipe(z.union([z.ipv4(), z.ipv6()], { error: "phải là một địa chỉ IP, ví dụ 127.0.0.1 hoặc 0.0.0.0" }).optional()),
  ADMIN_IDS: optionalText,
  CONSOLE_ADMIN: optionalText.pipe(z.stringbool({ error: "true hoặc false" }).optional()),
  DATA_DIR: optionalText,
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  KNOWLEDGE_DIR: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

type Env = Infer<typeof configSchema>;

export interface Config {
  readonly telegramToken?: string;
  readonly telegramApiRoot: string;
  /**
   * Webhook mode: the first message of a reply goes back in the webhook response instead of a sendMessage
   * request. Half the HTTP exchanges, but a failure of that message (rate limit, bad HTML) is never seen.
   */
  readonly telegramWebhookReply: boolean;
  readonly zaloToken?: string;
  readonly zaloApiBase: string;
  /** Public base URL for webhooks; polling when absent. */
  readonly webhookUrl?: string;
  readonly zaloWebhookUrl?: string;
  /**
   * Public base URL the chart images are fetched from (Zalo's sendPhoto takes a URL only): PUBLIC_URL, else
   * WEBHOOK_URL; without either, Zalo gets text only.
   */
  readonly publicUrl?: string;
  /** Secret the webhook paths and each platform's secret header are derived from; generated at start when not configured. */
  readonly webhookSecret?: string;
  readonly port: number;
  /** Address the HTTP server binds to: 127.0.0.1 behind a reverse proxy on the same machine. */
  readonly host: string;
  /** "tg:123", "zalo:abc": who may use admin commands. */
  readonly adminIds: ReadonlySet<string>;
  /** The terminal chat in local admin mode (also `npm start -- --admin`): admin commands, reloads on save. */
  readonly consoleAdmin: boolean;
  readonly dataDir: string;
  /** Validated knowledge kept between starts (a cold start then skips parsing YAML). */
  readonly knowledgeCacheDir: string;
  /** How long question texts (unanswered, 👎) are kept; counters are kept regardless. */
  readonly retentionDays: number;
  readonly knowledgeDir: string;
  readonly logLevel: Env["LOG_LEVEL"];
}

export const DEFAULT_TELEGRAM_API_ROOT = "https://api.telegram.org";
export const DEFAULT_ZALO_API_BASE = "https://bot-api.zaloplatforms.com";

export class ConfigError extends Error {}

export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

function parseAdminIds(text: string | undefined): Set<string> {
  const ids = (text ?? "").split(",").map((id) => id.trim()).filter(Boolean);
  const bad = ids.find((id) => !/^(tg|zalo):[A-Za-z0-9_-]+$/.test(id));
  if (bad !== undefined) throw new ConfigError(`Cấu hình không hợp lệ — ADMIN_IDS: "${bad}" phải có dạng tg:123456 hoặc zalo:abcdef`);
  return new Set(ids);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    // Only names and reasons: a value may be a secret.
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ — ${reasons.join("; ")}`);
  }
  const value = parsed.data;
  return {
    ...(value.TELEGRAM_BOT_TOKEN ? { telegramToken: value.TELEGRAM_BOT_TOKEN } : {}),
    telegramApiRoot: value.TELEGRAM_API_ROOT ?? DEFAULT_TELEGRAM_API_ROOT,
    telegramWebhookReply: value.TELEGRAM_WEBHOOK_REPLY ?? false,
    ...(value.ZALO_BOT_TOKEN ? { zaloToken: value.ZALO_BOT_TOKEN } : {}),
    zaloApiBase: value.ZALO_API_BASE ?? DEFAULT_ZALO_API_BASE,
    ...(value.WEBHOOK_URL ? { webhookUrl: value.WEBHOOK_URL } : {}),
    ...(value.ZALO_WEBHOOK_URL ?? value.WEBHOOK_URL ? { zaloWebhookUrl: value.ZALO_WEBHOOK_URL ?? value.WEBHOOK_URL } : {}),
    ...(value.PUBLIC_URL ?? value.WEBHOOK_URL ? { publicUrl: value.PUBLIC_URL ?? value.WEBHOOK_URL } : {}),
    ...(value.WEBHOOK_SECRET ? { webhookSecret: value.WEBHOOK_SECRET } : {}),
    port: value.PORT,
    host: value.HOST ?? "0.0.0.0",
    adminIds: parseAdminIds(value.ADMIN_IDS),
    consoleAdmin: value.CONSOLE_ADMIN ?? false,
    dataDir: value.DATA_DIR ?? "data",
    knowledgeCacheDir: path.join(value.DATA_DIR ?? "data", "knowledge-cache"),
    retentionDays: value.RETENTION_DAYS,
    knowledgeDir: value.KNOWLEDGE_DIR ?? defaultKnowledgeDir(),
    logLevel: value.LOG_LEVEL,
  };
}
