// What an admin should look at although nothing is wrong: "current" facts (who holds an office now, the latest
// value of an indicator) older than a set age, and sources a reader can only find by paper and date.
// These are warnings: the knowledge still loads and the bot still answers, saying as of when.
import type { LocatedFile } from "./crosscheck.js";
import type { KnowledgeProblem } from "./problems.js";

export const DEFAULT_MAX_AGE_MONTHS = 12;

export interface FreshnessOptions {
  readonly today: Date;
  /** A current fact older than this many months is listed. */
  readonly maxAgeMonths: number;
}

/** The first day a date or period ("2025", "2025-Q3", "2025-11", "2025-11-13") can mean, in UTC. */
function firstDay(date: string): Date {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(date);
  if (quarter) return new Date(Date.UTC(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 1));
  const [year, month = 1, day = 1] = date.split("-").map(Number) as [number, number?, number?];
  return new Date(Date.UTC(year, month - 1, day));
}

/** The last day a period covers: a figure for "2025" describes the year up to 31/12/2025. */
function lastDay(period: string): Date {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return new Date(Date.UTC(Number(quarter[1]), Number(quarter[2]) * 3, 0));
  const [year, month, day] = period.split("-").map(Number) as [number, number?, number?];
  if (day !== undefined) return new Date(Date.UTC(year, month! - 1, day));
  if (month !== undefined) return new Date(Date.UTC(year, month, 0));
  return new Date(Date.UTC(year, 11, 31));
}

function monthsBefore(date: Date, months: number): Date {
  const shifted = new Date(date);
  shifted.setUTCMonth(shifted.getUTCMonth() - months);
  return shifted;
}

const latest = (dates: readonly Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

/** Where the latest of these dates is (the first one when several are equal). */
const indexOfLatest = (dates: readonly Date[]) => dates.reduce((best, date, index) => (date > dates[best]! ? index : best), 0);

export function reviewFreshness(files: readonly LocatedFile[], options: FreshnessOptions): KnowledgeProblem[] {
  const cutoff = monthsBefore(options.today, options.maxAgeMonths);
  const age = `${options.maxAgeMonths} tháng`;
  const warnings: KnowledgeProblem[] = [];
  for (const file of files) {
    const warn = (path: readonly (string | number)[], message: string) =>
      warnings.push({ file: file.yaml.file, line: file.yaml.lineOf(path), message: `cảnh báo: ${message}` });
    switch (file.kind) {
      case "indicators":
        file.entries.forEach((indicator, index) => {
          if (indicator.measurements.length === 0) return;
          const ends = indicator.measurements.map((m) => lastDay(m.period));
          const newest = indexOfLatest(ends);
          const reviewed = latest([ends[newest]!, ...(indicator.checked ? [firstDay(indicator.checked)] : [])]);
          if (reviewed >= cutoff) return;
          warn(
            [index, "measurements", newest, "period"],
            `${indicator.id}: số liệu mới nhất là kỳ ${indicator.measurements[newest]!.period}, đã cũ hơn ${age}`,
          );
        });
        break;
      case "offices":
        file.entries.forEach((office, index) => {
          if (office.until) return;
          const sightings = office.holders.map((h) => latest([firstDay(h.from ?? h.asOf!), ...(h.asOf ? [firstDay(h.asOf)] : [])]));
          const current = indexOfLatest(sightings);
          const holder = office.holders[current]!;
          const who = holder.name ?? holder.person;
          if (holder.until && firstDay(holder.until) <= options.today) {
            warn([index, "holders", current, "until"], `${office.id}: người giữ chức mới nhất (${who}) đã thôi giữ chức từ ${holder.until}, chưa ghi ai giữ chức hiện nay`);
            return;
          }
          const reviewed = latest([sightings[current]!, ...(office.checked ? [firstDay(office.checked)] : [])]);
          if (reviewed >= cutoff) return;
          warn(
            [index, "holders", current],
            `${office.id}: người giữ chức mới nhất (${who}) ghi theo nguồn ngày ${holder.asOf ?? holder.from}, đã cũ hơn ${age}`,
          );
        });
        break;
      case "sources":
        file.entries.forEach((source, index) => {
          if (source.url || source.number) return;
          warn([index, "id"], `${source.id}: nguồn không có url, người đọc chỉ tìm lại được theo nơi đăng và ngày đăng`);
        });
        break;
      default:
        break;
    }
  }
  return warnings;
}
