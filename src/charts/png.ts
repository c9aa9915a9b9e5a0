// SVG → PNG with resvg in a short-lived child process, with the project's font only. resvg's memory lives outside
// V8's heap, so V8 does not know to collect it: drawn on the main thread, every chart kept 5–10 MB alive until some
// later full collection (+133 MB RSS after 75 drawings). A worker thread that ended after each drawing did better,
// but the process kept what its threads had used: +29 MB RSS after the first drawings on Node 20 and +38 MB on
// Node 24, for good (an empty worker alone leaves +13 MB on Node 24). A process that ends after one drawing gives
// all of it back, and the drawing (50–400 ms, plus ~50 ms to start Node) never holds up answers.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { FONT_FAMILY, FONT_FILES } from "./font.js";

const require = createRequire(import.meta.url);
/** Loaded by the child, by path: the same package wherever the process was started from. */
const RESVG = require.resolve("@resvg/resvg-js");
const OPTIONS = { font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } };
/** A drawing takes well under a second; one that hangs must not hold every later chart behind it. */
const DRAWING_TIMEOUT_MS = 30_000;
/** Of the child's error output, what goes into the error (resvg's message, not a whole stack). */
const STDERR_KEPT = 2_000;

/** Plain JavaScript run by the child (`node -e`): the SVG on stdin, the PNG on stdout. */
const CHILD_SOURCE = `
const { Resvg } = require(process.argv[1]);
const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const png = new Resvg(Buffer.concat(chunks).toString("utf8"), JSON.parse(process.argv[2])).render().asPng();
  process.stdout.end(png);
});
`;

/** One drawing at a time: a burst of requests for charts not drawn yet costs time, not memory. */
let previous: Promise<unknown> = Promise.resolve();

export function svgToPng(svg: string): Promise<Buffer> {
  const drawing = previous.then(() => drawInChild(svg));
  previous = drawing.catch(() => undefined);
  return drawing;
}

function drawInChild(svg: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", CHILD_SOURCE, RESVG, JSON.stringify(OPTIONS)], {
      stdio: ["pipe", "pipe", "pipe"],
      timeout: DRAWING_TIMEOUT_MS,
      // Nothing of the bot's environment: the tokens stay in the bot's process, and NODE_OPTIONS (heap caps, a
      // debugger port) is the bot's own.
      env: {},
    });
    const png: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => png.push(chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(0, STDERR_KEPT)));
    // A child that died before reading all of the SVG: its exit code says so.
    child.stdin.on("error", () => undefined);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code === 0 && png.length > 0) return resolve(Buffer.concat(png));
      const reason = stderr.split("\n").find((line) => /Error/.test(line))?.trim() ?? stderr.trim().split("\n")[0] ?? "";
      reject(new Error(`the chart drawing process ended (${signal ?? `code ${code}`}) without a picture${reason ? `: ${reason}` : ""}`));
    });
    child.stdin.end(svg);
  });
}
