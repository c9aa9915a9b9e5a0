// The one font every chart is drawn in, shipped by an npm package of the project (never a font the machine
// happens to have), and the advance widths of its glyphs, so text is wrapped and aligned before it is drawn.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const FONT_FAMILY = "Be Vietnam Pro";

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: require.resolve("@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf"),
} as const;

export type Weight = keyof typeof FONT_FILES;

/** Advance width of each character in font units, from the font's cmap (format 4) and hmtx tables. */
interface Metrics {
  readonly unitsPerEm: number;
  readonly advance: ReadonlyMap<number, number>;
  readonly fallback: number;
}

function tableOffsets(font: Buffer): Map<string, number> {
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    tables.set(font.toString("latin1", record, record + 4), font.readUInt32BE(record + 8));
  }
  return tables;
}

/** Character → glyph for the Basic Multilingual Plane (every Vietnamese letter is in it). */
function glyphsOf(font: Buffer, cmap: number): Map<number, number> {
  const glyphs = new Map<number, number>();
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const subtable = cmap + font.readUInt32BE(cmap + 4 + i * 8 + 4);
    if (font.readUInt16BE(subtable) !== 4) continue;
    const segments = font.readUInt16BE(subtable + 6) / 2;
    const ends = subtable + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const end = font.readUInt16BE(ends + s * 2);
      const start = font.readUInt16BE(starts + s * 2);
      const delta = font.readInt16BE(deltas + s * 2);
      const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
      for (let code = start; code <= end && code !== 0xffff; code++) {
        const glyph =
          rangeOffset === 0 ? (code + delta) & 0xffff : font.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (code - start) * 2);
        if (glyph !== 0) glyphs.set(code, rangeOffset === 0 ? glyph : (glyph + delta) & 0xffff);
      }
    }
    return glyphs;
  }
  return glyphs;
}

function readMetrics(file: string): Metrics {
  const font = readFileSync(file);
  const tables = tableOffsets(font);
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font ${file} has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(table("head") + 18);
  const longMetrics = font.readUInt16BE(table("hhea") + 34);
  const hmtx = table("hmtx");
  const widthOf = (glyph: number) => font.readUInt16BE(hmtx + Math.min(glyph, longMetrics - 1) * 4);
  const advance = new Map<number, number>();
  for (const [code, glyph] of glyphsOf(font, table("cmap"))) advance.set(code, widthOf(glyph));
  return { unitsPerEm, advance, fallback: advance.get(0x6e) ?? unitsPerEm / 2 };
}

const metrics = new Map<Weight, Metrics>();

/** The width of `text` drawn at `size` px (kerning aside: a few px over a line, which the layouts leave room for). */
export function textWidth(text: string, size: number, weight: Weight = "regular"): number {
  let font = metrics.get(weight);
  if (!font) metrics.set(weight, (font = readMetrics(FONT_FILES[weight])));
  let units = 0;
  for (const char of text.normalize("NFC")) units += font.advance.get(char.codePointAt(0)!) ?? font.fallback;
  return (units / font.unitsPerEm) * size;
}

/** Whether the font has a glyph for every character of `text` (what it lacks would be drawn as nothing). */
export function fontCovers(text: string, weight: Weight = "regular"): boolean {
  textWidth("", 1, weight);
  const font = metrics.get(weight)!;
  return [...text.normalize("NFC")].every((char) => char === " " || font.advance.has(char.codePointAt(0)!));
}

/** Words packed into lines no wider than `maxWidth`; a single word wider than that gets a line of its own. */
export function wrapText(text: string, size: number, maxWidth: number, weight: Weight = "regular"): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && textWidth(candidate, size, weight) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== "") lines.push(line);
  return lines;
}
