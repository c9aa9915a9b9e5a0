// Tenures from dated sightings: only as long as the sources show them.
import { describe, expect, it } from "vitest";
import type { Knowledge, Office } from "../../src/knowledge/schema.js";
import { createLookup } from "../../src/engine/lookup.js";
import { currentTenure, tenures, tenuresIn } from "../../src/engine/office-holders.js";

const holder = (fields: Partial<Office["holders"][number]>) => ({ source: "nguon", confidence: "confirmed" as const, ...fields });

const office: Office = {
  id: "chuc-danh",
  name: "Chủ tịch",
  aliases: [],
  questions: [],
  sources: ["nguon"],
  confidence: "confirmed",
  holders: [
    // Out of order on purpose: the file is edited by hand.
    holder({ name: "C", from: "2025-07-01" }),
    holder({ person: "a", asOf: "2021-10" }),
    holder({ person: "a", asOf: "2024-05-28" }),
    holder({ name: "D", asOf: "2025-09-22" }),
    holder({ name: "E", from: "2025-11-19" }),
  ],
};

const knowledge = {
  sources: [],
  documents: [],
  indicators: [],
  goals: [],
  timeline: [],
  faq: [],
  people: [{ id: "a", name: "Người A", role: "Chủ tịch", roleAsOf: "2021-10", sources: ["nguon"], confidence: "confirmed", questions: [] }],
  offices: [office],
  synonyms: [],
  version: "test",
  loadedAt: "",
} as unknown as Knowledge;
const lookup = createLookup(knowledge);

describe("tenures", () => {
  it("group one holder's sightings, oldest first, and end a sighted tenure at its last sighting", () => {
    const all = tenures(lookup, office);
    expect(all.map((t) => [t.who, t.start, t.lastSeen, t.end ?? null])).toEqual([
      ["Người A", "2021-10", "2024-05-28", "2024-05-28"],
      // A dated start runs until the next holder is seen.
      ["C", "2025-07-01", "2025-07-01", "2025-09-22"],
      ["D", "2025-09-22", "2025-09-22", "2025-09-22"],
      ["E", "2025-11-19", "2025-11-19", null],
    ]);
    expect(lookup.officesByPerson.get("a")).toEqual([office]);
  });

  it("the holder now is the latest, unless that tenure or the office has ended", () => {
    const today = new Date("2026-11-28T12:00:00Z");
    expect(currentTenure(office, tenures(lookup, office), today)?.who).toBe("E");
    const left = { ...office, holders: [...office.holders.slice(0, 4), holder({ name: "E", from: "2025-11-19", until: "2026-06-01" })] };
    expect(currentTenure(left, tenures(lookup, left), today)).toBeUndefined();
    const merged = { ...office, until: "2026-01-01" };
    expect(currentTenure(merged, tenures(lookup, merged), today)).toBeUndefined();
  });

  it("a year shows who the sources show in it, and nobody between two different holders' sightings", () => {
    const all = tenures(lookup, office);
    expect(tenuresIn(all, 2023).map((t) => t.who)).toEqual(["Người A"]);
    expect(tenuresIn(all, 2025).map((t) => t.who)).toEqual(["C", "D", "E"]);
    expect(tenuresIn(all, 2020)).toEqual([]);
    const sparse = { ...office, holders: [holder({ name: "X", asOf: "2021-10" }), holder({ name: "Y", asOf: "2025-09-09" })] };
    expect(tenuresIn(tenures(lookup, sparse), 2023)).toEqual([]);
  });
});
