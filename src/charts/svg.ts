// A chart spec → SVG, 1080 px wide (a phone shows it at full width; no text under 18 px). Layout is measured with
// the font's own widths (font.ts), so nothing is cut off or overlaps whatever the labels say.
import { FONT_FAMILY, textWidth, wrapText, type Weight } from "./font.js";
import { STATUS_LABELS, type ChartPanel, type DashboardRow, type DashboardSpec, type IndicatorChartSpec, type Status } from "./spec.js";

export const CHART_WIDTH = 1080;
const MARGIN = 40;
const CONTENT = CHART_WIDTH - 2 * MARGIN;

const INK = "#1f2328";
const MUTED = "#4a5059";
const GRID = "#dfe3e8";
const TARGET = "#b9381a";
const DIVIDER = "#8a1c1c";
const SERIES_COLORS = ["#1c5cb8", "#0b7a6a", "#6d44b5"];
const STATUS_COLORS: Readonly<Record<Status, { fill: string; text: string }>> = {
  met: { fill: "#1e7b34", text: "#ffffff" },
  "on-track": { fill: "#9a5600", text: "#ffffff" },
  "not-met": { fill: "#b3261e", text: "#ffffff" },
  "no-data": { fill: "#5f6368", text: "#ffffff" },
  "no-target": { fill: "#e8eaed", text: "#2d3136" },
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

interface TextStyle {
  readonly size: number;
  readonly weight?: Weight;
  readonly color?: string;
  readonly anchor?: "start" | "middle" | "end";
}

function text(x: number, y: number, content: string, style: TextStyle, extra = ""): string {
  const weight = style.weight === "bold" ? ` font-weight="700"` : "";
  const anchor = style.anchor && style.anchor !== "start" ? ` text-anchor="${style.anchor}"` : "";
  return `<text x="${r(x)}" y="${r(y)}" font-size="${style.size}"${weight}${anchor} fill="${style.color ?? INK}"${extra}>${escapeXml(content)}</text>`;
}

const r = (n: number) => Math.round(n * 10) / 10;

/** Wrapped lines from `top`; returns the SVG and the y below them. */
function paragraph(lines: readonly string[], x: number, top: number, style: TextStyle, lineHeight: number): { svg: string; bottom: number } {
  const svg = lines.map((line, i) => text(x, top + style.size + i * lineHeight, line, style)).join("");
  return { svg, bottom: top + lines.length * lineHeight };
}

function wrapAll(items: readonly string[], size: number, width: number, weight: Weight = "regular"): string[] {
  return items.flatMap((item) => wrapText(item, size, width, weight));
}

function document(height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${Math.ceil(height)}" viewBox="0 0 ${CHART_WIDTH} ${Math.ceil(height)}" font-family="${FONT_FAMILY}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${body}</svg>`
  );
}

function diamond(x: number, y: number, size: number, color: string, hollow: boolean): string {
  const points = [`${r(x)},${r(y - size)}`, `${r(x + size)},${r(y)}`, `${r(x)},${r(y + size)}`, `${r(x - size)},${r(y)}`].join(" ");
  return `<polygon points="${points}" fill="${hollow ? "#ffffff" : color}" stroke="${color}" stroke-width="3"/>`;
}

function dot(x: number, y: number, color: string, hollow: boolean): string {
  return `<circle cx="${r(x)}" cy="${r(y)}" r="8" fill="${hollow ? "#ffffff" : color}" stroke="${color}" stroke-width="3"/>`;
}

/** Title, subtitle and the key to the marks; returns the SVG and the y below it. */
function header(title: string, subtitle: string, top: number): { svg: string; bottom: number } {
  const titled = paragraph(wrapText(title, 36, CONTENT, "bold"), MARGIN, top, { size: 36, weight: "bold" }, 46);
  const sub = paragraph(wrapText(subtitle, 22, CONTENT), MARGIN, titled.bottom + 6, { size: 22, color: MUTED }, 30);
  return { svg: titled.svg + sub.svg, bottom: sub.bottom };
}

function legend(spec: IndicatorChartSpec, top: number): { svg: string; bottom: number } {
  const y = top + 22;
  const parts: string[] = [];
  let x = MARGIN;
  const item = (mark: string, label: string) => {
    parts.push(mark, text(x + 24, y + 7, label, { size: 20, color: MUTED }));
    x += 24 + textWidth(label, 20) + 36;
  };
  item(dot(x + 8, y, SERIES_COLORS[0]!, false), "số liệu");
  item(diamond(x + 9, y, 10, TARGET, false), "mục tiêu (MT)");
  if (spec.hasWeak) item(dot(x + 8, y, MUTED, true), "rỗng: chỉ theo một nguồn báo chí");
  return { svg: parts.join(""), bottom: top + 44 };
}

const PLOT_HEIGHT = 380;
const AXIS_LEFT = 64;
const AXIS_BOTTOM = 40;
const PANEL_GAP = 64;

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** A label to place near its mark; `sides` in order of preference. */
interface Label {
  readonly x: number;
  readonly y: number;
  /** Half the size of the mark, which the label keeps clear of. */
  readonly gap: number;
  readonly text: string;
  readonly color: string;
  readonly sides: readonly ("above" | "below" | "right" | "left")[];
}

const LABEL_SIZE = 20;
const LABEL_LINE = 26;

/**
 * Each label goes to the first spot near its mark (its sides in order, then a line or two further above or
 * below) where it stays inside the plot and clear of every mark and every label placed before it; if none is
 * free, to its first side.
 */
function placeLabels(labels: readonly Label[], marks: readonly Box[], plot: Box): { x: number; y: number; text: string; color: string }[] {
  const taken: Box[] = [...marks];
  const inside = (box: Box) => box.left >= plot.left && box.right <= plot.right && box.top >= plot.top && box.bottom <= plot.bottom;
  return labels.map((label) => {
    const width = textWidth(label.text, LABEL_SIZE, "bold");
    const at = (x: number, y: number) => ({ x, y, box: { left: x - width / 2 - 3, right: x + width / 2 + 3, top: y - 19, bottom: y + 6 } });
    // Above or below, a label near the edge slides along it rather than leave the plot.
    const centred = Math.min(Math.max(label.x, plot.left + width / 2 + 3), plot.right - width / 2 - 3);
    const above = label.y - label.gap - 8;
    const below = label.y + label.gap + 22;
    const spots = [
      ...label.sides.map((side) =>
        side === "above" ? at(centred, above)
        : side === "below" ? at(centred, below)
        : at(label.x + (side === "right" ? 1 : -1) * (label.gap + 8 + width / 2), label.y + 7),
      ),
      ...[1, 2, 3].flatMap((k) => [at(centred, above - k * LABEL_LINE), at(centred, below + k * LABEL_LINE)]),
    ];
    const free = spots.find((spot) => inside(spot.box) && !taken.some((box) => overlaps(box, spot.box)));
    const chosen = free ?? spots[0]!;
    const shift = free ? 0 : Math.max(0, plot.left - chosen.box.left) - Math.max(0, chosen.box.right - plot.right);
    taken.push({ ...chosen.box, left: chosen.box.left + shift, right: chosen.box.right + shift });
    return { x: chosen.x + shift, y: chosen.y, text: label.text, color: label.color };
  });
}

const markBox = (x: number, y: number, size: number): Box => ({ left: x - size, right: x + size, top: y - size, bottom: y + size });

function drawPanel(panel: ChartPanel, left: number, width: number, top: number): { svg: string; bottom: number } {
  const parts: string[] = [];
  const title = paragraph(wrapText(panel.title, 22, width, "bold"), left, top, { size: 22, weight: "bold" }, 30);
  parts.push(title.svg);
  let y = title.bottom + 4;
  panel.series.forEach((series, i) => {
    if (!series.name) return;
    const color = SERIES_COLORS[i % SERIES_COLORS.length]!;
    const lines = wrapText(series.name, 19, width - 40);
    parts.push(`<rect x="${left}" y="${r(y + 8)}" width="28" height="6" fill="${color}"/>`);
    parts.push(paragraph(lines, left + 38, y - 4, { size: 19, color: MUTED }, 24).svg);
    y += lines.length * 24 + 2;
  });
  const plotTop = y + 34;
  const plotLeft = left + AXIS_LEFT;
  const plotWidth = width - AXIS_LEFT - 12;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const { min, max, inverted } = panel.y;
  const yOf = (v: number) => plotTop + ((inverted ? v - min : max - v) / (max - min || 1)) * PLOT_HEIGHT;
  const xOf = (x: number) => plotLeft + ((x - panel.x.from) / (panel.x.to - panel.x.from)) * plotWidth;

  parts.push(text(left, plotTop - 14, panel.y.title, { size: 19, color: MUTED }));
  for (const tick of panel.y.ticks) {
    parts.push(`<line x1="${plotLeft}" y1="${r(yOf(tick.value))}" x2="${r(plotLeft + plotWidth)}" y2="${r(yOf(tick.value))}" stroke="${GRID}" stroke-width="2"/>`);
    parts.push(text(plotLeft - 10, yOf(tick.value) + 7, tick.label, { size: 19, color: MUTED, anchor: "end" }));
  }
  for (const tick of panel.x.ticks) parts.push(text(xOf(tick.value), plotBottom + 30, tick.label, { size: 19, color: MUTED, anchor: "middle" }));
  parts.push(`<line x1="${plotLeft}" y1="${plotBottom}" x2="${r(plotLeft + plotWidth)}" y2="${plotBottom}" stroke="${MUTED}" stroke-width="2"/>`);

  const labels: Label[] = [];
  const marks: Box[] = [];
  panel.series.forEach((series, i) => {
    const color = SERIES_COLORS[i % SERIES_COLORS.length]!;
    const coords = series.points.map((p) => [xOf(p.x), yOf(p.y)] as const);
    if (coords.length > 1) parts.push(`<polyline points="${coords.map(([x, y]) => `${r(x)},${r(y)}`).join(" ")}" fill="none" stroke="${color}" stroke-width="4"/>`);
    series.points.forEach((point, j) => {
      const [x, y] = coords[j]!;
      parts.push(dot(x, y, color, point.weak));
      marks.push(markBox(x, y, 10));
      // The first series labels above its points, the others below, so two lines close together stay apart.
      labels.push({ x, y, gap: 10, text: point.label, color, sides: i === 0 ? ["above", "below", "right", "left"] : ["below", "above", "right", "left"] });
    });
  });
  for (const target of panel.targets) {
    const x = xOf(target.x);
    const y = yOf(target.y);
    parts.push(diamond(x, y, 11, TARGET, target.weak));
    marks.push(markBox(x, y, 13));
    labels.push({ x, y, gap: 13, text: target.label, color: TARGET, sides: ["right", "left", "above", "below"] });
  }
  const plot = { left: plotLeft - 30, right: left + width + 8, top: plotTop - 6, bottom: plotBottom - 2 };
  for (const label of placeLabels(labels, marks, plot)) {
    parts.push(text(label.x, label.y, label.text, { size: LABEL_SIZE, weight: "bold", color: label.color, anchor: "middle" }));
  }
  if (panel.empty) parts.push(text(plotLeft + plotWidth / 2, plotTop + PLOT_HEIGHT / 2, panel.empty, { size: 22, color: MUTED, anchor: "middle" }));
  return { svg: parts.join(""), bottom: plotBottom + AXIS_BOTTOM };
}

export function indicatorSvg(spec: IndicatorChartSpec): string {
  const head = header(spec.title, spec.subtitle, MARGIN - 8);
  const key = legend(spec, head.bottom + 8);
  const top = key.bottom + 12;
  const count = spec.panels.length;
  const width = (CONTENT - PANEL_GAP * (count - 1)) / count;
  const drawn = spec.panels.map((panel, i) => drawPanel(panel, MARGIN + i * (width + PANEL_GAP), width, top));
  const bottom = Math.max(...drawn.map((d) => d.bottom));
  const dividers = spec.dividers.map(({ after, label }) => {
    const x = MARGIN + (after + 1) * (width + PANEL_GAP) - PANEL_GAP / 2;
    const middle = (top + bottom) / 2;
    return (
      `<line x1="${r(x)}" y1="${top}" x2="${r(x)}" y2="${r(bottom)}" stroke="${DIVIDER}" stroke-width="3" stroke-dasharray="10 8"/>` +
      `<rect x="${r(x - 15)}" y="${r(middle - textWidth(label, 20, "bold") / 2 - 8)}" width="30" height="${r(textWidth(label, 20, "bold") + 16)}" fill="#ffffff"/>` +
      text(x + 7, middle, label, { size: 20, weight: "bold", color: DIVIDER, anchor: "middle" }, ` transform="rotate(-90 ${r(x + 7)} ${r(middle)})"`)
    );
  });
  const caption = paragraph(wrapAll(spec.caption, 20, CONTENT), MARGIN, bottom + 14, { size: 20, color: MUTED }, 28);
  const rule = `<line x1="${MARGIN}" y1="${r(bottom + 6)}" x2="${CHART_WIDTH - MARGIN}" y2="${r(bottom + 6)}" stroke="${GRID}" stroke-width="2"/>`;
  return document(caption.bottom + MARGIN - 8, head.svg + key.svg + drawn.map((d) => d.svg).join("") + dividers.join("") + rule + caption.svg);
}

const CHIP_WIDTH = 250;
const CHIP_HEIGHT = 44;

function dashboardRow(row: DashboardRow, top: number): { svg: string; bottom: number } {
  const textWidthAvailable = CONTENT - CHIP_WIDTH - 24;
  const name = paragraph(wrapText(row.name, 24, textWidthAvailable, "bold"), MARGIN, top + 12, { size: 24, weight: "bold" }, 31);
  const detail = paragraph(wrapText(row.detail, 20, textWidthAvailable), MARGIN, name.bottom + 2, { size: 20, color: MUTED }, 27);
  const colors = STATUS_COLORS[row.status];
  const chipX = CHART_WIDTH - MARGIN - CHIP_WIDTH;
  const chipY = top + 14;
  const parts = [
    name.svg,
    detail.svg,
    `<rect x="${chipX}" y="${chipY}" width="${CHIP_WIDTH}" height="${CHIP_HEIGHT}" rx="22" fill="${colors.fill}"${row.status === "no-target" ? ` stroke="#9aa0a6" stroke-width="2"` : ""}/>`,
    text(chipX + CHIP_WIDTH / 2, chipY + 30, STATUS_LABELS[row.status], { size: 20, weight: "bold", color: colors.text, anchor: "middle" }),
  ];
  if (row.progress !== undefined) {
    const filled = Math.max(0, Math.min(1, row.progress)) * CHIP_WIDTH;
    parts.push(`<rect x="${chipX}" y="${chipY + CHIP_HEIGHT + 10}" width="${CHIP_WIDTH}" height="10" rx="5" fill="${GRID}"/>`);
    parts.push(`<rect x="${chipX}" y="${chipY + CHIP_HEIGHT + 10}" width="${r(filled)}" height="10" rx="5" fill="${colors.fill}"/>`);
  }
  const bottom = Math.max(detail.bottom, chipY + CHIP_HEIGHT + (row.progress !== undefined ? 20 : 0)) + 14;
  parts.push(`<line x1="${MARGIN}" y1="${r(bottom)}" x2="${CHART_WIDTH - MARGIN}" y2="${r(bottom)}" stroke="${GRID}" stroke-width="2"/>`);
  return { svg: parts.join(""), bottom };
}

export function dashboardSvg(spec: DashboardSpec): string {
  const head = header(spec.title, spec.subtitle, MARGIN - 8);
  const parts = [head.svg];
  let y = head.bottom + 16;
  for (const group of spec.groups) {
    parts.push(`<rect x="${MARGIN - 12}" y="${y}" width="${CONTENT + 24}" height="44" rx="8" fill="#eef3fb"/>`);
    parts.push(text(MARGIN, y + 31, group.title, { size: 26, weight: "bold", color: "#17407a" }));
    y += 48;
    for (const row of group.rows) {
      const drawn = dashboardRow(row, y);
      parts.push(drawn.svg);
      y = drawn.bottom;
    }
    y += 14;
  }
  const caption = paragraph(wrapAll(spec.caption, 20, CONTENT), MARGIN, y, { size: 20, color: MUTED }, 28);
  parts.push(caption.svg);
  return document(caption.bottom + MARGIN - 8, parts.join(""));
}
