import { describe, expect, it } from "vitest";
import { RecentResults } from "../../src/engine/recent.js";

describe("RecentResults", () => {
  it("computes once per key, and drops the least recently used beyond its size", () => {
    const recent = new RecentResults<number>(2);
    let computed = 0;
    const get = (key: string) => recent.get(key, () => ++computed);
    expect([get("a"), get("b"), get("a")]).toEqual([1, 2, 1]);
    get("c"); // evicts "b", the least recently used
    expect(get("a")).toBe(1);
    expect(get("b")).toBe(4);
  });

  it("does not keep long keys (long messages are rarely asked twice)", () => {
    const recent = new RecentResults<number>(10);
    let computed = 0;
    const long = "x".repeat(201);
    recent.get(long, () => ++computed);
    recent.get(long, () => ++computed);
    expect(computed).toBe(2);
  });

  it("keeps nothing with size 0", () => {
    const recent = new RecentResults<number>(0);
    let computed = 0;
    recent.get("a", () => ++computed);
    recent.get("a", () => ++computed);
    expect(computed).toBe(2);
  });
});
