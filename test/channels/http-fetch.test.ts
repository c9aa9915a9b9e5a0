// The Bot API fetch grammY uses: JSON over keep-alive node:http, errors and aborts as grammY expects them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createBotApiFetch } from "../../src/channels/telegram/http-fetch.js";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type Fetch = (url: string, init: unknown) => Promise<{ status: number; ok: boolean; json(): Promise<unknown> }>;

describe("Bot API fetch", () => {
  it("posts the JSON body with its length and reads the JSON answer, error statuses included", async () => {
    const received: unknown[] = [];
    const origin = await listen((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        received.push({ length: request.headers["content-length"], type: request.headers["content-type"], body: JSON.parse(body) });
        response.writeHead(body.includes("bad") ? 400 : 200, { "content-type": "application/json" });
        response.end(JSON.stringify({ ok: !body.includes("bad"), result: "là" }));
      });
    });
    const fetch = createBotApiFetch(origin) as unknown as Fetch;
    const headers = { "content-type": "application/json" };
    const ok = await fetch(`${origin}/botX/sendMessage`, { method: "POST", headers, body: JSON.stringify({ text: "chào" }) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, result: "là" });
    const bad = await fetch(`${origin}/botX/sendMessage`, { method: "POST", headers, body: JSON.stringify({ text: "bad" }) });
    expect([bad.status, bad.ok, await bad.json()]).toEqual([400, false, { ok: false, result: "là" }]);
    expect(received[0]).toEqual({ length: String(Buffer.byteLength('{"text":"chào"}')), type: "application/json", body: { text: "chào" } });
  });

  it("rejects when aborted or when the connection is dropped", async () => {
    const origin = await listen((request) => {
      if (request.url?.endsWith("drop")) request.socket.destroy();
      // Otherwise never answered.
    });
    const fetch = createBotApiFetch(origin) as unknown as Fetch;
    const controller = new AbortController();
    const hanging = fetch(`${origin}/botX/hang`, { method: "POST", body: "{}", signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(hanging).rejects.toMatchObject({ name: "AbortError" });
    await expect(fetch(`${origin}/botX/hang`, { method: "POST", body: "{}", signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
    await expect(fetch(`${origin}/botX/drop`, { method: "POST", body: "{}" })).rejects.toThrow();
  });
});
