// Counters, histograms and a few process gauges in the Prometheus text format (no client library needed
// for this much). Label values are escaped; no label ever holds a path, a token or message text.

type Labels = Readonly<Record<string, string>>;

function escapeLabel(value: string): string {
  if (!/[\\"\n]/.test(value)) return value;
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** Also the series key of every inc/observe, so a plain loop: it runs several times per update. */
function labelText(labels: Labels, extra?: string): string {
  let text = "";
  for (const key in labels) text += `${text === "" ? "" : ","}${key}="${escapeLabel(labels[key]!)}"`;
  if (extra !== undefined) text += `${text === "" ? "" : ","}${extra}`;
  return text === "" ? "" : `{${text}}`;
}

class Counter {
  private readonly values = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels)) ?? 0;
  }

  /** Sum over every label set. */
  total(): number {
    let sum = 0;
    for (const value of this.values.values()) sum += value;
    return sum;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0) lines.push(`${this.name} 0`);
    for (const [labels, value] of this.values) lines.push(`${this.name}${labels} ${value}`);
    return lines.join("\n");
  }
}

interface Series {
  readonly labels: Labels;
  readonly counts: number[];
  sum: number;
  count: number;
}

class Histogram {
  private readonly series = new Map<string, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
  ) {}

  observe(value: number, labels: Labels = {}): void {
    const key = labelText(labels);
    let series = this.series.get(key);
    if (!series) {
      series = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    series.sum += value;
    series.count += 1;
    // Buckets are ascending: the first bound that holds the value, then every later one (cumulative at render).
    const index = this.buckets.findIndex((bound) => value <= bound);
    if (index !== -1) series.counts[index]! += 1;
  }

  count(labels: Labels = {}): number {
    return this.series.get(labelText(labels))?.count ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    const all = this.series.size === 0 ? [{ labels: {}, counts: this.buckets.map(() => 0), sum: 0, count: 0 }] : [...this.series.values()];
    for (const { labels, counts, sum, count } of all) {
      let cumulative = 0;
      this.buckets.forEach((bound, i) => {
        cumulative += counts[i]!;
        lines.push(`${this.name}_bucket${labelText(labels, `le="${bound}"`)} ${cumulative}`);
      });
      lines.push(`${this.name}_bucket${labelText(labels, 'le="+Inf"')} ${count}`, `${this.name}_sum${labelText(labels)} ${sum}`, `${this.name}_count${labelText(labels)} ${count}`);
    }
    return lines.join("\n");
  }
}

function gauge(name: string, help: string, value: number): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}`;
}

const SECONDS_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5, 10];

export class Metrics {
  readonly updatesReceived = new Counter("bot_updates_received_total", "Updates received, by channel");
  readonly answers = new Counter("bot_answers_total", "Answers given, by intent");
  readonly fallbacks = new Counter("bot_fallbacks_total", "Questions not answered (out of scope, unsure, invalid)");
  readonly notText = new Counter(
    "bot_not_text_total",
    "Messages without words to answer (voice, audio, video, photo, file, sticker, location, contact, link, other), by channel and kind; each got a note saying the bot reads text",
  );
  readonly errors = new Counter(
    "bot_errors_total",
    "Errors: an answer that failed (channel tg or zalo), an HTTP handler that failed (http), an unhandled rejection (process)",
  );
  readonly logErrors = new Counter("bot_log_errors_total", "Log lines at error level or above, by level (failed replies, store writes, …)");
  readonly latency = new Histogram("bot_answer_seconds", "Time to build an answer", SECONDS_BUCKETS);
  readonly httpResponses = new Counter("bot_http_responses_total", "HTTP responses, by route (telegram, zalo, healthz, metrics, unknown, invalid) and status code");
  readonly httpSeconds = new Histogram(
    "bot_http_request_seconds",
    "HTTP request handling time by route; for the Telegram webhook this is update received → reply sent",
    SECONDS_BUCKETS,
  );

  private readonly startedAt = Date.now();

  render(): string {
    const memory = process.memoryUsage();
    const parts = [
      this.updatesReceived,
      this.answers,
      this.fallbacks,
      this.notText,
      this.errors,
      this.logErrors,
      this.latency,
      this.httpResponses,
      this.httpSeconds,
    ].map((metric) => metric.render());
    parts.push(
      gauge("process_resident_memory_bytes", "Resident memory size in bytes", memory.rss),
      gauge("nodejs_heap_used_bytes", "V8 heap in use, in bytes", memory.heapUsed),
      gauge("process_uptime_seconds", "Seconds since the metrics were created (process start)", Math.round((Date.now() - this.startedAt) / 1000)),
    );
    return `${parts.join("\n")}\n`;
  }
}
