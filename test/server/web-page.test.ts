// The web page's HTTP side over loopback: the static files with their security headers, POST /api/ask with the
// real engine and a real store, and every refusal as Vietnamese JSON.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Charts } from "../../src/charts/charts.js";
import { createEngine, type Engine } from "../../src/engine/ask.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { createLogger } from "../../src/logger.js";
import { defaultKnowledgeDir, defaultWebDir } from "../../src/paths.js";
import { serveChartImages } from "../../src/server/chart-images.js";
import { WebServer } from "../../src/server/http-server.js";
import { createWebChat, serveWebPage, WEB_MESSAGES } from "../../src/server/web-page.js";
import { Store } from "../../src/store/store.js";

let engine: Engine;
let charts: Charts;
let server: WebServer;
let store: Store;
let dataDir: string;
let origin: string;

beforeAll(async () => {
  const loaded = await loadKnowledge(defaultKnowledgeDir());
  if (!loaded.ok) throw new Error("the shipped knowledge must load");
  engine = createEngine(loaded.knowledge);
  charts = new Charts({ knowledge: () => engine.knowledge });
});

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "web-page-"));
  const logger = createLogger({ level: "silent", destination: new Writable({ write: (_c, _e, done) => done() }) });
  store = await Store.open({ dataDir, logger });
  server = new WebServer();
  serveChartImages(server, charts);
  serveWebPage(server, { chat: createWebChat({ ask: engine.ask, store, logger }), charts, webDir: defaultWebDir(), logger });
  const { port } = await server.listen(0, "127.0.0.1");
  origin = `http://127.0.0.1:${port}`;
});

afterEach(async () => {
  await server.close();
  await store.flush();
  await rm(dataDir, { recursive: true, force: true });
});

interface AskResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    ok: boolean;
    error?: string;
    conversation?: string;
    notice?: string;
    answer?: { intent: string; blocks: { kind: string; text?: string }[]; sources: { title: string; url?: string }[]; suggestions: string[] };
    chart?: { url: string; alt: string; caption: string };
  };
}

async function ask(body: unknown, headers: Record<string, string> = {}): Promise<AskResult> {
  const response = await fetch(`${origin}/api/ask`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as AskResult["body"] };
}

const headline = (result: AskResult) => result.body.answer?.blocks[0]?.text ?? "";

describe("the web page's files", () => {
  it("serves the page, its script and styles with a CSP that allows no inline script and no framing", async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain("<title>Trợ lý Nghị quyết 16</title>");
    expect(html).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=|style="/);
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const script = await fetch(`${origin}/app.js`);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await fetch(`${origin}/style.css`)).headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await fetch(`${origin}/index.html`)).status).toBe(404);
  });
});

describe("POST /api/ask", () => {
  it("answers with the blocks, the sources and a conversation id the page sends back for a follow-up", async () => {
    const first = await ask({ question: "xếp hạng DTI của tỉnh" });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.body.conversation).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(headline(first)).toMatch(/hạng 16\/34/);
    expect(first.body.answer!.sources.some((s) => s.url?.startsWith("https://"))).toBe(true);
    expect(first.body.chart!.url).toMatch(/^\/charts\/[0-9a-f]{20}\.png$/);
    expect((await fetch(`${origin}${first.body.chart!.url}`)).headers.get("content-type")).toBe("image/png");

    const followUp = await ask({ question: "còn năm 2025 thì sao?", conversation: first.body.conversation });
    expect(followUp.body.conversation).toBe(first.body.conversation);
    expect(headline(followUp)).toMatch(/DTI.*2025/);
    const alone = await ask({ question: "còn năm 2025 thì sao?" });
    expect(alone.body.conversation).not.toBe(first.body.conversation);
    expect(headline(alone)).not.toMatch(/DTI/);
  });

  it("runs no admin command for web visitors, and logs the question like the channels do", async () => {
    const update = await ask({ question: "/capnhat xep-hang-dti 12 2025 Bộ KH&CN" });
    expect(update.body.answer!.intent).toBe("invalid");
    const id = await ask({ question: "/id" });
    expect(id.body.answer!.intent).toBe("invalid");
    expect(store.measurements()).toEqual([]);
    // Commands the engine does not know are not questions; a real one is counted under "web".
    await ask({ question: "mục tiêu 2030" });
    await store.flush();
    expect(store.stats(1).perChannel).toEqual({ web: { questions: 1, answered: 1 } });
  });

  it("refuses what is not a question with a clear Vietnamese message", async () => {
    const cases: [unknown, Record<string, string>, number, string][] = [
      [{ question: "mục tiêu" }, { "content-type": "text/plain" }, 415, WEB_MESSAGES.notJson],
      ["{not json", {}, 400, WEB_MESSAGES.invalid],
      [{ q: "mục tiêu" }, {}, 400, WEB_MESSAGES.invalid],
      [{ question: 42 }, {}, 400, WEB_MESSAGES.invalid],
      [{ question: "   " }, {}, 400, WEB_MESSAGES.empty],
      [{ question: "a".repeat(501) }, {}, 400, WEB_MESSAGES.tooLong],
      [{ question: "a".repeat(5000) }, {}, 413, WEB_MESSAGES.tooLarge],
    ];
    for (const [body, headers, status, error] of cases) {
      const result = await ask(body, headers);
      expect([result.status, result.body]).toEqual([status, { ok: false, error }]);
    }
    const get = await fetch(`${origin}/api/ask`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(((await get.json()) as { error: string }).error).toBe(WEB_MESSAGES.onlyPost);
    // A question of exactly the limit is fine.
    expect((await ask({ question: `mục tiêu ${"x".repeat(491)}` })).status).toBe(200);
  });

  it("limits each address (behind a proxy on this machine, the address it forwards), with a polite 429", async () => {
    const from = (address: string) => ({ "x-forwarded-for": `10.9.8.7, ${address}` });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await ask({ question: "mục tiêu 2030" }, from("203.0.113.5"))).status);
    expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true);
    const limited = await ask({ question: "mục tiêu 2030" }, from("203.0.113.5"));
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ ok: false, error: WEB_MESSAGES.slowDown });
    expect(limited.headers.get("retry-after")).toBe("10");
    expect((await ask({ question: "mục tiêu 2030" }, from("203.0.113.6"))).status).toBe(200);
  });
});

describe("GET /api/dashboard and the chart images", () => {
  it("gives the dashboard's address, alt text and caption; the image is a cacheable PNG; unknown names are 404", async () => {
    const response = await fetch(`${origin}/api/dashboard`);
    const body = (await response.json()) as { url: string; alt: string; caption: string };
    expect(body.caption).toMatch(/Số liệu đến .*\nNguồn: /s);
    const image = await fetch(`${origin}${body.url}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await image.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
    const head = await fetch(`${origin}${body.url}`, { method: "HEAD" });
    expect([head.status, head.headers.get("content-length")]).toEqual([200, image.headers.get("content-length")]);
    for (const path of ["/charts/0123456789abcdef0123.png", "/charts/dashboard.png", "/charts/../knowledge/indicators.yaml", "/charts/"]) {
      expect((await fetch(`${origin}${path}`)).status).toBe(404);
    }
  });
});
