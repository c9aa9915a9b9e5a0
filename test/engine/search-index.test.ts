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
