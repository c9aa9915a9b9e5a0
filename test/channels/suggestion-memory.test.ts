import { describe, expect, it } from "vitest";
import { SuggestionMemory } from "../../src/channels/telegram/suggestion-memory.js";

describe("SuggestionMemory", () => {
  it("gives a button's suggestion back only in the chat it was sent to", () => {
    const memory = new SuggestionMemory();
    const first = memory.remember("tg:1", ["Mục tiêu 2030?", "Nguồn?"]);
    const second = memory.remember("tg:2", ["Chỉ tiêu DVC?"]);
    expect(second).not.toBe(first);
    expect(memory.recall("tg:1", first, 1)).toBe("Nguồn?");
    expect(memory.recall("tg:2", second, 0)).toBe("Chỉ tiêu DVC?");
    expect(memory.recall("tg:2", first, 0)).toBeUndefined();
    expect(memory.recall("tg:1", first, 2)).toBeUndefined();
    expect(memory.recall("tg:1", second + 1, 0)).toBeUndefined();
  });

  it("forgets the oldest answers first, whichever chat they were in", () => {
    const memory = new SuggestionMemory(3);
    const numbers = ["tg:1", "tg:2", "tg:1", "tg:3"].map((chat, i) => memory.remember(chat, [`câu ${i}`]));
    expect(memory.recall("tg:1", numbers[0]!, 0)).toBeUndefined();
    expect(memory.recall("tg:2", numbers[1]!, 0)).toBe("câu 1");
    expect(memory.recall("tg:1", numbers[2]!, 0)).toBe("câu 2");
    expect(memory.recall("tg:3", numbers[3]!, 0)).toBe("câu 3");
  });
});
