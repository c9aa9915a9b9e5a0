// SVG → PNG with resvg in a short-lived worker thread, with the project's font only. resvg's memory lives outside
// V8's heap, so V8 does not know to collect it: drawn on the main thread, every chart kept 5–10 MB alive until some
// later full collection (+133 MB RSS after 75 drawings). A worker that ends after one drawing frees it all at
// once (+15–28 MB), and the drawing (50–400 ms) never holds up answers.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { FONT_FAMILY, FONT_FILES } from "./font.js";

const require = createRequire(import.meta.url);
/** Loaded by the worker, by path: the same package wherever the process was started from. */
const RESVG = require.resolve("@resvg/resvg-js");
const OPTIONS = { font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } };

/** Plain JavaScript run as the worker: no TypeScript loader needed under tsx, vitest or the build. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { Resvg } = require(workerData.resvg);
const png = new Resvg(workerData.svg, workerData.options).render().asPng();
// Copied into memory of the worker's own: Node 24 cannot transfer the addon's buffer (DataCloneError).
const copy = Uint8Array.from(png);
parentPort.postMessage(copy, [copy.buffer]);
`;

/** One drawing at a time: a burst of requests for charts not drawn yet costs time, not memory. */
let previous: Promise<unknown> = Promise.resolve();

export function svgToPng(svg: string): Promise<Buffer> {
  const drawing = previous.then(() => drawInWorker(svg));
  previous = drawing.catch(() => undefined);
  return drawing;
}

function drawInWorker(svg: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { svg, resvg: RESVG, options: OPTIONS } });
    worker.once("message", (png: Uint8Array) => resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the chart drawing thread ended (code ${code}) without a picture`)));
  });
}
