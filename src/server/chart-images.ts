// GET /charts/<hash>.png: the chart images, the only thing of the charts that is public (Zalo fetches them by URL,
// the web page shows them). Content-addressed, so a browser or a proxy may keep them for good.
import type { ChartImage } from "../charts/charts.js";
import { CHART_FILE, CHART_PATH_PREFIX } from "../charts/charts.js";
import { sendError, type WebServer } from "./http-server.js";

export interface ChartImages {
  image(hash: string): Promise<ChartImage | undefined>;
}

/** The path the images are served under, below a public base URL's own path ("https://x.vn/bot" → "/bot/charts/"). */
export function chartPathPrefix(publicUrl?: string): string {
  const base = publicUrl ? new URL(publicUrl).pathname.replace(/\/+$/, "") : "";
  return `${base}${CHART_PATH_PREFIX}`;
}

/** Serves the images at /charts/, and also under the public base URL's path when it has one. */
export function serveChartImages(server: WebServer, charts: ChartImages, publicUrl?: string): void {
  for (const prefix of new Set([CHART_PATH_PREFIX, chartPathPrefix(publicUrl)])) {
    server.routePrefix(
      prefix,
      async (request, response) => {
        const file = CHART_FILE.exec((request.url ?? "").slice(prefix.length));
        const image = file ? await charts.image(file[1]!) : undefined;
        if (!image) return sendError(response, 404);
        response.writeHead(200, {
          "content-type": "image/png",
          "content-length": image.png.length,
          "cache-control": "public, max-age=31536000, immutable",
          "x-content-type-options": "nosniff",
        });
        response.end(request.method === "HEAD" ? undefined : image.png);
      },
      { methods: ["GET", "HEAD"], name: "chart" },
    );
  }
}

/** The absolute URL of an image for a platform that fetches it (Zalo): the public base URL plus its path. */
export function publicChartUrl(publicUrl: string, image: ChartImage): string {
  return `${new URL(publicUrl).origin}${chartPathPrefix(publicUrl)}${image.hash}.png`;
}
