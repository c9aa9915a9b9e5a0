// Per-user flood limit: a burst beyond the limit gets one polite "slow down", then silence until it calms.
export type FloodDecision = "allow" | "warn" | "drop";

export const SLOW_DOWN_MESSAGE = "Bạn gửi nhanh quá, mình xin trả lời chậm lại một chút. Vui lòng đợi vài giây rồi hỏi tiếp nhé.";

export class FloodGuard {
  private readonly windows = new Map<string, { start: number; count: number; warned: boolean }>();

  constructor(
    private readonly limit = 8,
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  check(userKey: string): FloodDecision {
    const time = this.now();
    let window = this.windows.get(userKey);
    if (!window || time - window.start >= this.windowMs) {
      window = { start: time, count: 0, warned: false };
      this.windows.set(userKey, window);
      if (this.windows.size > 50_000) this.prune(time);
    }
    window.count += 1;
    if (window.count <= this.limit) return "allow";
    if (window.warned) return "drop";
    window.warned = true;
    return "warn";
  }

  private prune(time: number): void {
    for (const [key, window] of this.windows) if (time - window.start >= this.windowMs) this.windows.delete(key);
  }
}
