// Per-user flood limit: a burst beyond the limit gets one polite "slow down", then silence until it calms.
export type FloodDecision = "allow" | "warn" | "drop";

export const SLOW_DOWN_MESSAGE = "Bạn gửi nhanh quá, mình xin trả lời chậm lại một chút. Vui lòng đợi vài giây rồi hỏi tiếp nhé.";

/** Windows are timed in tenths of a second. */
const TICK_MS = 100;
/** A window in one small integer: its start tick × 512, +256 once warned, + the count (held at 255). */
const START_SHIFT = 9;
const WARNED = 256;
const COUNT_MASK = 255;
/** Ticks that keep that integer within V8's small integers (2^30, ~58 hours); then the guard starts afresh. */
const MAX_TICK = 2 ** (30 - START_SHIFT);

export class FloodGuard {
  /**
   * Each user's window as one small integer rather than an object: at a busy time the guard holds every user
   * of the last window or two (~20,000–40,000 at 2,000 new users a second), and an object per user made each
   * entry twice as large.
   */
  private readonly windows = new Map<string, number>();
  private epoch: number;
  private nextPruneAt: number;

  constructor(
    private readonly limit = 8,
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    if (limit >= COUNT_MASK) throw new RangeError(`flood limit ${limit} must be below ${COUNT_MASK}`);
    this.epoch = now();
    this.nextPruneAt = this.epoch + windowMs;
  }

  check(userKey: string): FloodDecision {
    const time = this.now();
    let tick = Math.floor((time - this.epoch) / TICK_MS);
    if (tick >= MAX_TICK || tick < 0) {
      this.windows.clear();
      this.epoch = time;
      tick = 0;
    }
    if (time >= this.nextPruneAt) this.prune(tick, time);
    const window = this.windows.get(userKey);
    const current = window !== undefined && !this.expired(window, tick) ? window : tick << START_SHIFT;
    const count = Math.min((current & COUNT_MASK) + 1, COUNT_MASK);
    const warned = (current & WARNED) !== 0;
    const decision: FloodDecision = count <= this.limit ? "allow" : warned ? "drop" : "warn";
    this.windows.set(userKey, (current & ~COUNT_MASK) | (decision === "warn" ? WARNED : 0) | count);
    return decision;
  }

  /** Also a window that starts after now: the clock went back. */
  private expired(window: number, tick: number): boolean {
    const elapsedMs = (tick - (window >> START_SHIFT)) * TICK_MS;
    return elapsedMs >= this.windowMs || elapsedMs < 0;
  }

  /** Once a window: forgets the users whose window has ended. */
  private prune(tick: number, time: number): void {
    for (const [key, window] of this.windows) if (this.expired(window, tick)) this.windows.delete(key);
    this.nextPruneAt = time + this.windowMs;
  }
}
