// The webhook receiver: Zalo POSTs each update with the secret we registered in X-Bot-Api-Secret-Token.
// Wrong secret → 403 and nothing read; otherwise 200 at once and the update is handled afterwards.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../logger.js";
import { readJsonBody, secretMatcher, sendError, sendJson, type RouteHandler } from "../../server/http-server.js";
import { isUpdate, unwrapWebhookBody } from "./updates.js";

export const SECRET_HEADER = "x-bot-api-secret-token";
/** Zalo updates are small; the spec suggests accepting about 1 MiB. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
/** Updates acknowledged but not yet answered; beyond this the webhook answers 503 (memory stays bounded). */
export const MAX_IN_FLIGHT = 1_000;

export interface WebhookOptions {
  readonly secret: string;
  /**
   * Called after the 200 has been sent; not awaited. When it returns a promise, the update counts as in
   * flight until it settles, and beyond `maxInFlight` new deliveries get 503 instead of queueing without bound.
   */
  readonly onUpdate: (update: unknown) => void | Promise<unknown>;
  /** Default 1,000. */
  readonly maxInFlight?: number;
  /** False once the channel is stopping or stopped: Zalo gets 503 and may deliver again later. */
  readonly isOpen: () => boolean;
  readonly logger: Logger;
  readonly maxBodyBytes?: number;
}

/** The route's last path segment: derived from the secret, so the URL is unguessable without revealing it. */
export function webhookPathSegment(secret: string): string {
  return createHash("sha256").update(`zalo-webhook:${secret}`).digest("base64url").slice(0, 32);
}

export function createWebhookHandler(options: WebhookOptions): RouteHandler {
  const { logger } = options;
  const maxBytes = options.maxBodyBytes ?? MAX_WEBHOOK_BODY_BYTES;
  const maxInFlight = options.maxInFlight ?? MAX_IN_FLIGHT;
  let inFlight = 0;
  const secretMatches = secretMatcher(options.secret);
  const handler = async (request: IncomingMessage, response: ServerResponse) => {
    // Rules, in order: wrong method 405 · wrong or missing secret 403 (nothing read) · over the limit 413 ·
    // not JSON 400 · not an update 400 · stopping 503 · otherwise 200 at once, handled afterwards.
    if (request.method !== "POST") return sendError(response, 405, { allow: "POST" });
    if (!secretMatches(request.headers[SECRET_HEADER])) {
      logger.warn("Zalo webhook request with a wrong or missing secret token rejected");
      return sendError(response, 403);
    }
    const body = await readJsonBody(request, response, maxBytes);
    if (!body.ok) {
      logger.warn({ status: response.statusCode }, "Zalo webhook body rejected");
      return;
    }
    const update = unwrapWebhookBody(body.value);
    if (!isUpdate(update)) {
      logger.warn("Zalo webhook body is not an update; rejected");
      return sendError(response, 400);
    }
    if (!options.isOpen()) return sendError(response, 503);
    if (inFlight >= maxInFlight) {
      logger.debug({ inFlight }, "Zalo webhook: too many updates in flight; refused with 503 (counted in bot_http_responses_total)");
      return sendError(response, 503);
    }
    sendJson(response, 200, { message: "Success" });
    if (logger.isLevelEnabled("debug")) {
      // The text only at debug level. The logger carries the channel; ZaloBot's lines about the update carry its id too.
      const message = update.message as { message_id?: unknown; text?: unknown } | undefined;
      const updateId = typeof message?.message_id === "string" ? message.message_id.slice(0, 64) : undefined;
      logger.debug({ updateId, eventName: update.event_name, text: message?.text }, "Zalo update received");
    }
    const handling = options.onUpdate(update);
    if (handling instanceof Promise) {
      inFlight += 1;
      void handling.then(
        () => (inFlight -= 1),
        () => (inFlight -= 1),
      );
    }
  };
  return Object.assign(handler, { routeOptions: { methods: ["POST"], name: "zalo" } });
}
