import { describe, expect, it } from "vitest";
import { SearchIndex, type SearchDoc } from "../../src/engine/search-index.js";
import { fold, tokens } from "../../src/text/normalize.js";

const docs: SearchDoc[] = [
  { id: "a", kind: "faq", prompt: "A?", phrasings: ["hồ sơ trực tuyến"] },
  { id: "b", kind: "faq", prompt: "B?", phrasings: ["chữ ký số"] },
];
const prepare = (text: string) => ({ tokens: tokens(fold(text)), years: [] });

describe("search result cache", () => {
  it("gives a repeated question the same hits, unharmed by what a caller did to the last ones", () => {
    const index = new SearchIndex(docs, prepare, 2);
    const first = index.search(prepare("hồ sơ trực tuyến"));
    const ids = first.map((hit) => hit.doc.id);
    expect(ids[0]).toBe("a");
    first.splice(0, first.length);
    expect(index.search(prepare("hồ sơ trực tuyến")).map((hit) => hit.doc.id)).toEqual(ids);
  });

  it("matches an index without a cache, also once old entries were evicted", () => {
    const cached = new SearchIndex(docs, prepare, 1);
    const uncached = new SearchIndex(docs, prepare, 0);
    for (const question of ["chữ ký số", "hồ sơ trực tuyến", "chữ ký số", "ký số hồ sơ"]) {
      expect(cached.search(prepare(question))).toEqual(uncached.search(prepare(question)));
    }
  });
});

describe("question kinds", () => {
  it("a phrasing asking another kind of thing loses a tie", () => {
    const twins: SearchDoc[] = [
      { id: "count", kind: "faq", prompt: "?", phrasings: ["có bao nhiêu nhiệm vụ"] },
      { id: "which", kind: "faq", prompt: "?", phrasings: ["có những nhiệm vụ gì"] },
    ];
    const withKind = (text: string, kind?: "how-much" | "what") => ({ ...prepare(text), ...(kind ? { kind } : {}) });
    const index = new SearchIndex(twins, (text) => withKind(text, text.includes("bao nhiêu") ? "how-much" : "what"), 0);
    expect(index.search(withKind("nhiệm vụ", "how-much"))[0]!.doc.id).toBe("count");
    expect(index.search(withKind("nhiệm vụ", "what"))[0]!.doc.id).toBe("which");
  });
});

describe("repair of words typed without spaces", () => {
  const vocabulary: SearchDoc[] = [
    { id: "lo", kind: "faq", prompt: "?", phrasings: ["lo cap locap loc ap"] },
    { id: "dvc", kind: "faq", prompt: "?", phrasings: ["dịch vụ công trực tuyến"] },
  ];

  it("splits a joined phrase into known words", () => {
    const index = new SearchIndex(vocabulary, prepare, 0);
    expect(index.analyze(["dichvucongtructuyen"]).terms).toEqual(["dich", "vu", "cong", "truc", "tuyen"]);
  });

  it("gives up at once on a long token that can be cut many ways but never wholly", () => {
    // Every "locap" can be cut as lo|cap, loc|ap or kept whole: trying all cuts costs 3^n; this is n = 800.
    const index = new SearchIndex(vocabulary, prepare, 0);
    const token = `${"locap".repeat(800)}zzz`;
    expect(index.analyze([token])).toMatchObject({ terms: [], unknown: [token] });
    // Within the repair length, the split still works and still fails on the unsplittable end.
    expect(index.analyze(["locaplocap"]).terms).toEqual(["lo", "cap", "locap"]);
    expect(index.analyze(["locaplocapzzz"]).unknown).toEqual(["locaplocapzzz"]);
  });

  it("repairs at most eight unknown words of one question; the rest stay unknown", () => {
    const index = new SearchIndex(vocabulary, prepare, 0);
    const joined = Array.from({ length: 12 }, () => "dichvu");
    const { terms, unknown } = index.analyze(joined);
    expect(terms).toEqual(["dich", "vu"]);
    expect(unknown).toHaveLength(4);
  });
});
