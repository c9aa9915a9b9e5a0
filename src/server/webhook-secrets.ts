// One webhook secret per platform, both derived from WEBHOOK_SECRET: a secret seen by one platform (in its
// logs, its dashboard) then opens nothing on the other's webhook. Derived, so one setting still does for both
// and they stay the same across restarts.
import { createHmac } from "node:crypto";

export type Platform = "telegram" | "zalo";

/** 43 characters of [A-Za-z0-9_-]: what Telegram's secret_token (1–256) and Zalo's (8–256) both accept. */
export function platformSecret(webhookSecret: string, platform: Platform): string {
  return createHmac("sha256", webhookSecret).update(`${platform}-webhook-secret`).digest("base64url");
}
