// Environment → typed configuration. A .env file in the working directory is read if present;
// real environment variables win over it.
import { existsSync } from "node:fs";
import { z } from "zod";
import { defaultKnowledgeDir } from "./paths.js";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const configSchema = z.object({
  TELEGRAM_BOT_TOKEN: optionalText,
  ZALO_BOT_TOKEN: optionalText,
  KNOWLEDGE_DIR: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  readonly telegramToken?: string;
  readonly zaloToken?: string;
  readonly knowledgeDir: string;
  readonly logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
}

export class ConfigError extends Error {}

export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
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
    ...(value.ZALO_BOT_TOKEN ? { zaloToken: value.ZALO_BOT_TOKEN } : {}),
    knowledgeDir: value.KNOWLEDGE_DIR ?? defaultKnowledgeDir(),
    logLevel: value.LOG_LEVEL,
  };
}
