import { describe, expect, it } from "vitest";
import { FloodGuard, type FloodDecision } from "../../src/channels/flood-guard.js";

function guardWithClock(limit: number, windowMs: number) {
  const clock = { now: 1_764_000_000_000 };
  return { clock, guard: new FloodGuard(limit, windowMs, () => clock.now) };
}

const times = (n: number, check: () => FloodDecision): FloodDecision[] => Array.from({ length: n }, check);

describe("FloodGuard", () => {
  it("allows the limit within a window, warns once, then drops until the user's window has passed", () => {
    const { clock, guard } = guardWithClock(3, 10_000);
    expect(times(6, () => guard.check("tg:1"))).toEqual(["allow", "allow", "allow", "warn", "drop", "drop"]);
    expect(guard.check("tg:2")).toBe("allow");
    clock.now += 9_800;
    expect(guard.check("tg:1")).toBe("drop");
    clock.now += 200;
    expect(times(4, () => guard.check("tg:1"))).toEqual(["allow", "allow", "allow", "warn"]);
  });

  it("times each user's window from that user's first message", () => {
    const { clock, guard } = guardWithClock(2, 10_000);
    guard.check("tg:1");
    clock.now += 6_000;
    expect(times(3, () => guard.check("tg:2"))).toEqual(["allow", "allow", "warn"]);
    clock.now += 4_000; // tg:1's window is over, tg:2's is not
    expect(guard.check("tg:1")).toBe("allow");
    expect(guard.check("tg:2")).toBe("drop");
  });

  it("keeps working across many windows, a clock going back and days of uptime", () => {
    const { clock, guard } = guardWithClock(1, 10_000);
    for (let i = 0; i < 30; i++) {
      expect(times(3, () => guard.check(`zalo:${i % 4}`))).toEqual(["allow", "warn", "drop"]);
      clock.now += 10_000;
    }
    clock.now -= 60_000;
    expect(times(2, () => guard.check("zalo:1"))).toEqual(["allow", "warn"]);
    clock.now += 200 * 3_600_000; // well past the ~58 hours the small integers hold
    expect(times(3, () => guard.check("zalo:1"))).toEqual(["allow", "warn", "drop"]);
  });

  it("counts limits up to 254", () => {
    const { guard } = guardWithClock(200, 10_000);
    expect(times(201, () => guard.check("tg:1")).filter((decision) => decision === "allow")).toHaveLength(200);
    expect(() => new FloodGuard(255)).toThrow(RangeError);
  });
});
