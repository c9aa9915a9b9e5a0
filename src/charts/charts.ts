// Chart images by name ("dashboard" or an indicator id), drawn from the knowledge served right now and kept per
// knowledge object: an admin's /capnhat or a reload makes a new one, so the next request draws afresh. Each image
// is content-addressed (/charts/<hash>.png), which is how Zalo and the web page fetch it.
import { createHash } from "node:crypto";
import { DASHBOARD_CHART, hasChart } from "../engine/chart-fit.js";
import type { Knowledge } from "../knowledge/schema.js";
import { svgToPng } from "./png.js";
import { dashboardChart, indicatorChart, STATUS_LABELS, type ChartSpec } from "./spec.js";
import { dashboardSvg, indicatorSvg } from "./svg.js";

export interface ChartImage {
  readonly name: string;
  readonly png: Buffer;
  /** Hex digest of the PNG: the file name it is served under. */
  readonly hash: string;
  /** "/charts/<hash>.png", below the server's public base path. */
  readonly path: string;
  /** What the picture says in words: the title, then scope, "số liệu đến …" and the source (Telegram's caption). */
  readonly caption: string;
  /** A short description for screen readers. */
  readonly alt: string;
}

/**
 * What channels and the web page need: an image by the name an Answer gives; none for a name no chart has, or
 * when drawing failed (it never rejects).
 */
export interface ChartSource {
  chart(name: string): Promise<ChartImage | undefined>;
}

export const CHART_PATH_PREFIX = "/charts/";
const HASH_LENGTH = 20;
export const CHART_FILE = new RegExp(`^([0-9a-f]{${HASH_LENGTH}})\\.png$`);
/** Telegram's limit for a photo caption. */
const CAPTION_LIMIT = 1024;
/** Images kept by hash after their knowledge was replaced, for a platform that fetches a URL a little later. */
const EARLIER_IMAGES_KEPT = 100;

export function chartSvg(spec: ChartSpec): string {
  return spec.kind === "dashboard" ? dashboardSvg(spec) : indicatorSvg(spec);
}

function captionOf(spec: ChartSpec): string {
  const caption = [spec.title, ...spec.caption].join("\n");
  return caption.length <= CAPTION_LIMIT ? caption : `${caption.slice(0, CAPTION_LIMIT - 1)}…`;
}

/** What a screen reader says instead of the picture: for the dashboard, how many indicators stand where. */
function altOf(spec: ChartSpec): string {
  if (spec.kind !== "dashboard") return `Biểu đồ ${spec.title}: số liệu theo năm và mục tiêu. ${spec.caption.join(" ")}`;
  const rows = spec.groups.flatMap((group) => group.rows);
  const counts = Object.entries(STATUS_LABELS)
    .map(([status, label]) => [rows.filter((row) => row.status === status).length, label.toLowerCase()] as const)
    .filter(([count]) => count > 0)
    .map(([count, label]) => `${count} ${label}`);
  return `Bảng tình hình ${rows.length} chỉ tiêu của Nghị quyết 16 so với mục tiêu: ${counts.join(", ")}. ${spec.caption.join(" ")}`;
}

export interface ChartsOptions {
  /** The knowledge answers are built from right now (Assistant.knowledge). */
  readonly knowledge: () => Knowledge;
  /** Verdicts depend on the day (a target year that is over); injected for tests. */
  readonly now?: () => Date;
  /** A drawing failed: the answer goes without its picture, and the next request tries again. */
  readonly onError?: (error: unknown, name: string) => void;
}

interface Drawn {
  readonly day: string;
  /** Promises, so requests for a chart being drawn wait for that drawing instead of starting another. */
  readonly images: Map<string, Promise<ChartImage | undefined>>;
  /** Every chart of this knowledge drawn (once asked for): a hash not found then is not one of its images. */
  all?: Promise<unknown>;
}

export class Charts implements ChartSource {
  private readonly drawn = new WeakMap<Knowledge, Drawn>();
  private readonly byHash = new Map<string, ChartImage>();
  private readonly now: () => Date;

  constructor(private readonly options: ChartsOptions) {
    this.now = options.now ?? (() => new Date());
  }

  chart(name: string): Promise<ChartImage | undefined> {
    const knowledge = this.options.knowledge();
    const drawn = this.drawnFor(knowledge);
    let image = drawn.images.get(name);
    if (!image) {
      image = this.draw(knowledge, name).catch((error: unknown) => {
        drawn.images.delete(name);
        this.options.onError?.(error, name);
        return undefined;
      });
      drawn.images.set(name, image);
    }
    return image;
  }

  /** The image served at /charts/<hash>.png: of the current knowledge (drawn if need be), or one shown recently. */
  async image(hash: string): Promise<ChartImage | undefined> {
    const known = this.byHash.get(hash);
    if (known) return known;
    const knowledge = this.options.knowledge();
    const drawn = this.drawnFor(knowledge);
    // After a restart a platform may still fetch a URL sent before it: draw every chart once to find it, one at a
    // time (each drawing takes a few MB while it runs).
    await (drawn.all ??= (async () => {
      for (const name of this.names(knowledge)) await this.chart(name);
    })());
    return this.byHash.get(hash);
  }

  /** Every chart name the knowledge has: the dashboard and each indicator with a line to draw. */
  names(knowledge: Knowledge = this.options.knowledge()): string[] {
    return [DASHBOARD_CHART, ...knowledge.indicators.filter(hasChart).map((i) => i.id)];
  }

  private drawnFor(knowledge: Knowledge): Drawn {
    const day = this.now().toISOString().slice(0, 10);
    let drawn = this.drawn.get(knowledge);
    if (!drawn || drawn.day !== day) this.drawn.set(knowledge, (drawn = { day, images: new Map() }));
    return drawn;
  }

  private async draw(knowledge: Knowledge, name: string): Promise<ChartImage | undefined> {
    const spec = this.spec(knowledge, name);
    if (!spec) return undefined;
    const png = await svgToPng(chartSvg(spec));
    const hash = createHash("sha256").update(png).digest("hex").slice(0, HASH_LENGTH);
    const image: ChartImage = { name, png, hash, path: `${CHART_PATH_PREFIX}${hash}.png`, caption: captionOf(spec), alt: altOf(spec) };
    this.byHash.delete(hash);
    this.byHash.set(hash, image);
    if (this.byHash.size > EARLIER_IMAGES_KEPT + this.names(knowledge).length) this.byHash.delete(this.byHash.keys().next().value!);
    return image;
  }

  private spec(knowledge: Knowledge, name: string): ChartSpec | undefined {
    if (name === DASHBOARD_CHART) return dashboardChart(knowledge, this.now());
    const indicator = knowledge.indicators.find((i) => i.id === name);
    return indicator && hasChart(indicator) ? indicatorChart(knowledge, indicator) : undefined;
  }
}
