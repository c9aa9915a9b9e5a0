// Vietnamese marks drawn right: a label rendered by the chart pipeline (the project's font, resvg) is compared
// with a checked-in reference image. UPDATE_REFERENCE=1 rewrites the reference after a deliberate change
// (a new font or resvg version); look at the new image before committing it.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { svgToPng } from "../../src/charts/png.js";
import { FONT_FAMILY } from "../../src/charts/font.js";
import { escapeXml } from "../../src/charts/svg.js";

const REFERENCE = fileURLToPath(new URL("../fixtures/charts/label-reference.png", import.meta.url));
const LABEL = "Chuyển đổi số – Khánh Hòa";
/**
 * Share of pixels allowed to differ: the same resvg draws it identically (0), a newer one may shade a few edge
 * pixels differently; one wrong tone mark ("sồ" for "số") changes about 0.09%, so this lets no mark slip.
 */
const TOLERANCE = 0.0003;

function labelPng(text: string): Promise<Buffer> {
  return svgToPng(
    `<svg xmlns="http://www.w3.org/2000/svg" width="560" height="72" font-family="${FONT_FAMILY}"><rect width="100%" height="100%" fill="#fff"/>` +
      `<text x="16" y="48" font-size="36" fill="#1f2328">${escapeXml(text)}</text></svg>`,
  );
}

/** Share of pixels whose colour differs by more than a faint anti-aliasing shade. */
function differingShare(a: Buffer, b: Buffer): number {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  expect([x.width, x.height]).toEqual([y.width, y.height]);
  let differing = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    const delta = Math.max(...[0, 1, 2].map((c) => Math.abs(x.data[i + c]! - y.data[i + c]!)));
    if (delta > 48) differing += 1;
  }
  return differing / (x.width * x.height);
}

describe("Vietnamese marks in charts", () => {
  it(`draws "${LABEL}" as the reference image shows it`, async () => {
    const drawn = await labelPng(LABEL);
    if (process.env.UPDATE_REFERENCE === "1") writeFileSync(REFERENCE, drawn);
    expect(differingShare(drawn, readFileSync(REFERENCE))).toBeLessThan(TOLERANCE);
  });

  it("tells the label from the words without marks, and from one wrong tone mark (the tolerance is below what one mark costs)", async () => {
    const reference = readFileSync(REFERENCE);
    expect(differingShare(await labelPng("Chuyen doi so – Khanh Hoa"), reference)).toBeGreaterThan(0.05);
    expect(differingShare(await labelPng("Chuyển đổi sồ – Khánh Hòa"), reference)).toBeGreaterThan(TOLERANCE);
  });
});
