// How much one user may add to the store in one day (Vietnam calendar day): question texts kept for review,
// votes, subscription changes. Held in memory only, so no user id is written to disk; a restart starts the day
// afresh, which the totals' caps make harmless.

/** Users tracked in one day; beyond this a new user is not tracked and the store's total caps alone bound them. */
const MAX_USERS_PER_DAY = 50_000;

export class DailyQuota {
  private day = "";
  private readonly used = new Map<string, number>();

  constructor(private readonly perDay: number) {}

  /** Whether this user may add one more today; counts it when so. */
  take(userKey: string, day: string): boolean {
    if (day !== this.day) {
      this.used.clear();
      this.day = day;
    }
    const count = this.used.get(userKey) ?? 0;
    if (count >= this.perDay) return false;
    if (count > 0 || this.used.size < MAX_USERS_PER_DAY) this.used.set(userKey, count + 1);
    return true;
  }
}
