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
