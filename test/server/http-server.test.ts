// The shared HTTP server, the Telegram webhook intake, metrics and per-update log context, over loopback.
import { request as httpRequest } from "node:http";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { Metrics } from "../../src/server/metrics.js";
import { WebServer } from "../../src/server/http-server.js";
import { createTelegramWebhook, TELEGRAM_SECRET_HEADER } from "../../src/server/telegram-webhook.js";

const SECRET = "server-test-secret-0123456789";
const servers: WebServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close(100);
});

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

async function serve(setup: (server: WebServer) => void, options: ConstructorParameters<typeof WebServer>[0] = {}) {
  const server = new WebServer(options);
  servers.push(server);
  setup(server);
  const { port } = await server.listen(0, "127.0.0.1");
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** A POST with a chunked body (no Content-Length). */
function postChunked(url: string, chunks: readonly Buffer[], headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe("WebServer", () => {
  it("answers unknown paths, wrong methods and failing handlers with fixed JSON and counts every response", async () => {
    const responses: [string, number][] = [];
    const errors: unknown[] = [];
    const { origin } = await serve(
      (server) => {
        server.route("/ok", (_request, response) => void response.end("fine"), { methods: ["GET"], name: "ok" });
        server.route("/boom", () => Promise.reject(new Error("secret detail at /etc/passwd")), { name: "boom" });
      },
      { onResponse: (route, status) => responses.push([route, status]), onError: (error) => errors.push(error) },
    );

    const missing = await fetch(`${origin}/nothing?x=1`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ ok: false, error: "not found" });
    const wrongMethod = await fetch(`${origin}/ok`, { method: "POST", body: "{}" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
    expect(await wrongMethod.json()).toEqual({ ok: false, error: "method not allowed" });
    const failed = await fetch(`${origin}/boom`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toBe('{"ok":false,"error":"internal error"}');
    expect((await fetch(`${origin}/ok`)).status).toBe(200);

    expect(errors).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(responses).toEqual([
      ["unknown", 404],
      ["ok", 405],
      ["boom", 500],
      ["ok", 200],
    ]);
  });

  it("closes connections beyond one client address's cap at once, and admits again when some close", async () => {
    const { connect } = await import("node:net");
    const refused: string[] = [];
    const { origin } = await serve((server) => server.route("/x", (_request, response) => void response.end("ok")), {
      maxConnectionsPerAddress: 3,
      onResponse: (route) => refused.push(route),
    });
    const port = Number(new URL(origin).port);
    const open = () =>
      new Promise<{ socket: import("node:net").Socket; closedByServer: Promise<boolean> }>((resolve) => {
        const socket = connect(port, "127.0.0.1", () => resolve({ socket, closedByServer: new Promise((done) => socket.once("close", () => done(true))) }));
      });
    const kept = await Promise.all([open(), open(), open()]);
    const fourth = await open();
    expect(await Promise.race([fourth.closedByServer, new Promise((done) => setTimeout(() => done(false), 2_000))])).toBe(true);
    expect(refused).toContain("refused-connection");
    kept[0]!.socket.destroy();
    await kept[0]!.closedByServer;
    await new Promise((done) => setTimeout(done, 50));
    expect((await fetch(`${origin}/x`)).status).toBe(200);
    for (const { socket } of kept) socket.destroy();
  });

  it("on close stops accepting, lets the request under way finish, then resolves", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { server, origin } = await serve((s) =>
      s.route("/slow", async (_request, response) => {
        await gate;
        response.end("done");
      }),
    );
    const slow = fetch(`${origin}/slow`).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.activeRequests).toBe(1);
    let closed = false;
    const closing = server.close(5_000).then(() => (closed = true));
    await expect(fetch(`${origin}/slow`)).rejects.toThrow();
    expect(closed).toBe(false);
    release();
    expect(await slow).toBe("done");
    await closing;
    expect(server.activeRequests).toBe(0);
  });
});

describe("Telegram webhook intake", () => {
  const update = { update_id: 7, message: { message_id: 1, date: 1, chat: { id: 5, type: "private" }, from: { id: 5, is_bot: false, first_name: "Lan" }, text: "xin chào" } };

  async function intake(options: Partial<Parameters<typeof createTelegramWebhook>[0]> = {}) {
    const { lines, destination } = capture();
    const logger = createLogger({ level: "debug", destination, secrets: [SECRET] });
    const handled: unknown[] = [];
    const webhook = createTelegramWebhook({
      secret: SECRET,
      handleUpdate: async (received) => {
        logger.info("handling");
        handled.push(received);
      },
      isOpen: () => true,
      logger,
      ...options,
    });
    const { origin } = await serve((server) => server.route("/hook", webhook.handler));
    const post = (body: string | Buffer, secret: string | null = SECRET) =>
      fetch(`${origin}/hook`, { method: "POST", headers: { "content-type": "application/json", ...(secret === null ? {} : { [TELEGRAM_SECRET_HEADER]: secret }) }, body });
    return { post, handled, lines, webhook, origin };
  }

  it("rejects by rule: 401 secret, 413 size, 400 not JSON or not an update, 405 method; 200 handles the update", async () => {
    const { post, handled, lines, origin } = await intake();
    expect((await post(JSON.stringify(update), "wrong-secret-0123456789")).status).toBe(401);
    expect((await post(JSON.stringify(update), null)).status).toBe(401);
    expect((await post(Buffer.alloc(2 * 1024 * 1024, 0x20))).status).toBe(413);
    expect(await postChunked(`${origin}/hook`, Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024, 0x20)), { [TELEGRAM_SECRET_HEADER]: SECRET })).toBe(413);
    expect((await post('{"update_id": 1, "message": {'))).toMatchObject({ status: 400 });
    expect((await post(JSON.stringify({ update_id: "7", message: update.message }))).status).toBe(400);
    expect((await post(JSON.stringify({ ...update, message: { ...update.message, text: 42 } }))).status).toBe(400);
    expect((await post(JSON.stringify([update]))).status).toBe(400);
    expect((await fetch(`${origin}/hook`)).status).toBe(405);
    expect(handled).toEqual([]);

    const ok = await post(JSON.stringify(update));
    expect(ok.status).toBe(200);
    expect(handled).toEqual([update]);
    // The intake's lines about the update carry its id; the text only at debug level.
    expect(lines.find((line) => line.msg === "Telegram update received")).toMatchObject({ channel: "tg", updateId: 7, level: 20 });
    expect(lines.filter((line) => JSON.stringify(line).includes("xin chào")).every((line) => line.level === 20)).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  });

  it("acknowledges an update that fails or takes too long, and drain() waits for it", async () => {
    let release!: () => void;
    const failures: unknown[] = [];
    const slow = await intake({
      ackAfterMs: 50,
      handleUpdate: () => new Promise<void>((resolve) => (release = resolve)),
    });
    expect((await slow.post(JSON.stringify(update))).status).toBe(200);
    let drained = false;
    const draining = slow.webhook.drain().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(drained).toBe(false);
    release();
    await draining;

    const failing = await intake({ handleUpdate: () => Promise.reject(new Error("boom")), onFailure: (error) => failures.push(error) });
    expect((await failing.post(JSON.stringify(update))).status).toBe(200);
    expect(failures).toHaveLength(1);
    expect(failing.lines.some((line) => line.level === 50 && line.updateId === 7)).toBe(true);
  });

  it("can answer with one Bot API call as the response body (webhook reply), once, and not after a late acknowledgement", async () => {
    const call = JSON.stringify({ method: "sendMessage", chat_id: 5, text: "Chào bạn" });
    const outcomes: boolean[] = [];
    const replying = await intake({
      handleUpdate: async (_update, reply) => {
        outcomes.push(reply(call), reply(call));
      },
    });
    const response = await replying.post(JSON.stringify(update));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.text()).toBe(call);
    expect(outcomes).toEqual([true, false]);

    let lateOutcome: boolean | undefined;
    const late = await intake({
      ackAfterMs: 30,
      handleUpdate: async (_update, reply) => {
        await new Promise((resolve) => setTimeout(resolve, 80));
        lateOutcome = reply(call);
      },
    });
    const acknowledged = await late.post(JSON.stringify(update));
    expect(await acknowledged.json()).toEqual({ ok: true });
    await late.webhook.drain();
    expect(lateOutcome).toBe(false);
  });

  it("answers 503 once closed, so Telegram delivers the update again later", async () => {
    const { post, handled } = await intake({ isOpen: () => false });
    expect((await post(JSON.stringify(update))).status).toBe(503);
    expect(handled).toEqual([]);
  });
});

describe("metrics and logs", () => {
  it("renders counters and labelled histograms in the Prometheus text format", () => {
    const metrics = new Metrics();
    metrics.httpResponses.inc({ route: "telegram", code: "200" });
    metrics.httpSeconds.observe(0.003, { route: "telegram" });
    metrics.httpSeconds.observe(0.2, { route: "telegram" });
    metrics.latency.observe(0.0001);
    const text = metrics.render();
    expect(text).toContain('bot_http_responses_total{route="telegram",code="200"} 1');
    expect(text).toContain('bot_http_request_seconds_bucket{route="telegram",le="0.0025"} 0');
    expect(text).toContain('bot_http_request_seconds_bucket{route="telegram",le="0.005"} 1');
    expect(text).toContain('bot_http_request_seconds_bucket{route="telegram",le="+Inf"} 2');
    expect(text).toContain('bot_http_request_seconds_count{route="telegram"} 2');
    expect(text).toContain('bot_answer_seconds_bucket{le="0.0005"} 1');
    expect(text).toContain("bot_answer_seconds_count 1");
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("a child logger's lines carry its fields, secrets are scrubbed, and error lines are counted", async () => {
    const { lines, destination } = capture();
    const levels: string[] = [];
    const logger = createLogger({ level: "info", destination, secrets: [SECRET], onError: (level) => levels.push(level) });
    logger.child({ channel: "zalo", updateId: "abc" }).error({ detail: 1 }, `inside ${SECRET}`);
    logger.info("outside");
    logger.debug("not written");
    expect(lines).toEqual([
      expect.objectContaining({ msg: "inside ***", channel: "zalo", updateId: "abc", detail: 1 }),
      expect.not.objectContaining({ updateId: expect.anything() }),
    ]);
    expect(levels).toEqual(["error"]);
  });
});
