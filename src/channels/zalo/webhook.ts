// The webhook receiver: Zalo POSTs each update with the secret we registered in X-Bot-Api-Secret-Token.
// Wrong secret → 403 and nothing read; otherwise 200 at once and the update is handled afterwards.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Logger } from "../../logger.js";
import { BodyTooLargeError, readBody, sendJson, type RouteHandler } from "../../server/http-server.js";
import { isUpdate, unwrapWebhookBody } from "./updates.js";

export const SECRET_HEADER = "x-bot-api-secret-token";
/** Zalo updates are small; the spec suggests accepting about 1 MiB. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export interface WebhookOptions {
  readonly secret: string;
  /** Called after the 200 has been sent; not awaited. */
  readonly onUpdate: (update: unknown) => void;
  /** False once the channel is stopping or stopped: Zalo gets 503 and may deliver again later. */
  readonly isOpen: () => boolean;
  readonly logger: Logger;
  readonly maxBodyBytes?: number;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Constant time, and without revealing the length: both sides are hashed to 32 bytes first. */
export function secretMatches(received: string | string[] | undefined, secret: string): boolean {
  return typeof received === "string" && timingSafeEqual(digest(received), digest(secret));
}

/** The route's last path segment: derived from the secret, so the URL is unguessable without revealing it. */
export function webhookPathSegment(secret: string): string {
  return createHash("sha256").update(`zalo-webhook:${secret}`).digest("base64url").slice(0, 32);
}

export function createWebhookHandler(options: WebhookOptions): RouteHandler {
  const { logger } = options;
  const maxBytes = options.maxBodyBytes ?? MAX_WEBHOOK_BODY_BYTES;
  return async (request: IncomingMessage, response) => {
    if (request.method !== "POST") return sendJson(response, 405, { ok: false });
    if (!secretMatches(request.headers[SECRET_HEADER], options.secret)) {
      logger.warn("Zalo webhook request with a wrong or missing secret token rejected");
      return sendJson(response, 403, { ok: false });
    }
    // Refused before reading, so the sender gets the 413 (readBody can only cut an over-long stream off).
    if (Number(request.headers["content-length"]) > maxBytes) return sendJson(response, 413, { ok: false });
    let body: unknown;
    try {
      body = JSON.parse((await readBody(request, maxBytes)).toString("utf8"));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(response, 413, { ok: false });
      return sendJson(response, 400, { ok: false });
    }
    const update = unwrapWebhookBody(body);
    if (!isUpdate(update)) return sendJson(response, 400, { ok: false });
    if (!options.isOpen()) return sendJson(response, 503, { ok: false });
    sendJson(response, 200, { message: "Success" });
    options.onUpdate(update);
  };
}
