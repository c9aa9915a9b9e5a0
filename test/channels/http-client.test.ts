// The lean HTTP client of both platform APIs — in this thread and on its own (http-thread.ts, what the channels
// use) — and axios on it (Zalo's transport), over loopback.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import axios from "axios";
import { afterEach, describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import { AbortedError, createHttpClient, TimedOutError, type HttpClient } from "../../src/channels/http-client.js";
import { createThreadedHttpClient } from "../../src/channels/http-thread.js";
import { leanAdapter } from "../../src/channels/zalo/axios-adapter.js";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** More text than the HTTP thread's 16 MB old generation can hold as one string. */
const HUGE_BODY_BYTES = 48 * 1024 * 1024;

/**
 * Echoes method, path, headers and body as JSON; "/hang" never answers, "/status/<n>" answers n, "/huge"
 * answers 48 MB.
 */
async function listen(): Promise<string> {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      if (request.url === "/hang") return;
      if (request.url === "/huge") return void response.end(Buffer.alloc(HUGE_BODY_BYTES, "a"));
      const status = Number(/^\/status\/(\d+)$/.exec(request.url ?? "")?.[1] ?? 200);
      response.writeHead(status, { "content-type": "application/json", "x-test": "yes" });
      response.end(JSON.stringify({ method: request.method, path: request.url, type: request.headers["content-type"], length: request.headers["content-length"], body }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe.each<[string, (origin: string) => HttpClient]>([
  ["lean HTTP client", createHttpClient],
  ["lean HTTP client on its own thread", createThreadedHttpClient],
])("%s", (_name, createClient) => {
  it("sends text with its byte length over a kept-alive connection and returns status, headers and text", async () => {
    const origin = await listen();
    const client = createClient(origin);
    const sockets = new Set<unknown>();
    server!.on("connection", (socket) => sockets.add(socket));
    const first = await client({ path: "/a?x=1", headers: { "content-type": "application/json" }, body: '{"text":"chào"}' });
    const second = await client({ method: "GET", path: "/b" });
    expect(first.status).toBe(200);
    expect(first.headers["x-test"]).toBe("yes");
    expect(JSON.parse(first.text)).toEqual({ method: "POST", path: "/a?x=1", type: "application/json", length: String(Buffer.byteLength('{"text":"chào"}')), body: '{"text":"chào"}' });
    expect(JSON.parse(second.text)).toMatchObject({ method: "GET", path: "/b", body: "" });
    expect(sockets.size).toBe(1);
  });

  it("answers each of many requests at once to its own caller", async () => {
    const client = createClient(await listen());
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => client({ path: `/status/${200 + (i % 3)}`, body: `n${i}` })));
    answers.forEach((answer, i) => {
      expect(answer.status).toBe(200 + (i % 3));
      expect(JSON.parse(answer.text)).toMatchObject({ body: `n${i}` });
    });
  });

  it("sends a streamed body (multipart uploads)", async () => {
    const client = createClient(await listen());
    const answer = await client({ path: "/upload", body: Readable.from([Buffer.from("part 1, "), Buffer.from("part 2")]) });
    expect(JSON.parse(answer.text)).toMatchObject({ path: "/upload", body: "part 1, part 2" });
  });

  it("gives up on a request that gets no answer within timeoutMs", async () => {
    const client = createClient(await listen());
    const started = Date.now();
    await expect(client({ path: "/hang", body: "{}", timeoutMs: 50 })).rejects.toBeInstanceOf(TimedOutError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("stops a request when its signal aborts, before or during the exchange", async () => {
    const client = createClient(await listen());
    const controller = new AbortController();
    const pending = client({ path: "/hang", body: "{}", signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    await expect(client({ path: "/a", body: "{}", signal: controller.signal })).rejects.toBeInstanceOf(AbortedError);
  });

  it("fails with the system error code when nothing listens (what the retry logic looks at)", async () => {
    const origin = await listen();
    server!.close();
    await expect(createClient(origin)({ path: "/a", body: "{}" })).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});

describe("the HTTP thread", () => {
  it("fails the requests under way when it dies (here out of memory) and starts anew for the next request", async () => {
    const client = createThreadedHttpClient(await listen());
    const underWay = client({ path: "/hang", body: "{}" });
    await expect(client({ method: "GET", path: "/huge" })).rejects.toMatchObject({ code: "ETHREAD" });
    await expect(underWay).rejects.toMatchObject({ code: "ETHREAD" });
    const answer = await client({ path: "/after", body: "{}" });
    expect(JSON.parse(answer.text)).toMatchObject({ path: "/after", body: "{}" });
  });
});

describe("axios on the lean client", () => {
  it("posts JSON and parses the answer; validateStatus, timeouts and aborts behave as in axios", async () => {
    const origin = await listen();
    const http = axios.create({ adapter: leanAdapter(origin) });
    const ok = await http.post(`${origin}/botT/sendMessage`, { chat_id: "c1", text: "chào" });
    expect(ok.status).toBe(200);
    expect(ok.headers["x-test"]).toBe("yes");
    expect(ok.data).toMatchObject({ method: "POST", path: "/botT/sendMessage", type: "application/json", body: '{"chat_id":"c1","text":"chào"}' });

    await expect(http.post(`${origin}/status/429`, {})).rejects.toMatchObject({ isAxiosError: true, code: "ERR_BAD_REQUEST", response: { status: 429 } });
    expect((await http.post(`${origin}/status/503`, {}, { validateStatus: () => true })).status).toBe(503);
    await expect(http.post(`${origin}/hang`, {}, { timeout: 50 })).rejects.toMatchObject({ isAxiosError: true, code: "ECONNABORTED" });
    const controller = new AbortController();
    const aborted = http.post(`${origin}/hang`, {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(aborted).rejects.toSatisfy((error: unknown) => axios.isCancel(error));
  });
});
