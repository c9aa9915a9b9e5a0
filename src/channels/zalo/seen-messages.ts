// Which Zalo message ids were already handled, remembered across restarts: getUpdates may replay old
// updates and webhooks may be redelivered. The bot keeps them in the runtime store (../seen-in-store.ts); this
// small JSON file is the default when startZalo is used on its own (tests, tools).
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z, type Infer } from "../../zod.js";
import type { Logger } from "../../logger.js";

export interface SeenMessages {
  has(id: string): boolean;
  add(id: string): void;
  /** Resolves once everything added so far is on disk. */
  flush(): Promise<void>;
}

export interface SeenFileOptions {
  readonly maxEntries?: number;
  /** Replays seen in the wild stop long before this. */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

const fileSchema = z.object({
  version: z.literal(1),
  /** [message_id, first seen (ms)], oldest first. Pairs rather than an object, whose key order is not reliable. */
  seen: z.array(z.tuple([z.string(), z.number()])),
});

const DEFAULT_MAX_ENTRIES = 5_000;
const DEFAULT_TTL_MS = 7 * 24 * 3600_000;

export class JsonFileSeenMessages implements SeenMessages {
  private pending: Promise<void> | undefined;
  private dirty = false;
  private writes = 0;

  private constructor(
    private readonly file: string,
    private readonly ids: Map<string, number>,
    private readonly logger: Logger,
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** Loads the file; a corrupted one is moved aside (never silently dropped) and the set starts empty. */
  static async open(file: string, logger: Logger, options: SeenFileOptions = {}): Promise<JsonFileSeenMessages> {
    const now = options.now ?? Date.now;
    await mkdir(dirname(file), { recursive: true });
    const seen = new JsonFileSeenMessages(
      file,
      new Map(await readEntries(file, logger, now)),
      logger,
      options.maxEntries ?? DEFAULT_MAX_ENTRIES,
      options.ttlMs ?? DEFAULT_TTL_MS,
      now,
    );
    seen.prune();
    return seen;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    if (this.ids.has(id)) return;
    this.ids.set(id, this.now());
    this.prune();
    this.dirty = true;
    this.pending ??= this.drain();
  }

  flush(): Promise<void> {
    return this.pending ?? Promise.resolve();
  }

  private prune(): void {
    const oldest = this.now() - this.ttlMs;
    // Map order is insertion order, so the oldest ids come first.
    for (const [id, at] of this.ids) {
      if (this.ids.size <= this.maxEntries && at >= oldest) break;
      this.ids.delete(id);
    }
  }

  /** Writes until no change is left unwritten; additions during a write are coalesced into the next one. */
  private async drain(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        await this.write();
      }
    } catch (error) {
      this.logger.error({ err: error, file: this.file }, "could not save the seen Zalo message ids; replayed messages may be answered twice after a restart");
    } finally {
      this.pending = undefined;
    }
  }

  /** Temp file + rename, so a crash never leaves a half-written file behind. */
  private async write(): Promise<void> {
    const temp = `${this.file}.${process.pid}.${(this.writes += 1)}.tmp`;
    const data: Infer<typeof fileSchema> = { version: 1, seen: [...this.ids] };
    await writeFile(temp, JSON.stringify(data));
    await rename(temp, this.file);
  }
}

async function readEntries(file: string, logger: Logger, now: () => number): Promise<[string, number][]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  try {
    return fileSchema.parse(JSON.parse(text)).seen;
  } catch {
    const aside = `${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, "-")}`;
    await rename(file, aside);
    logger.error(
      { file, movedTo: aside },
      "CORRUPTED seen-messages file moved aside; starting with an empty set, so Zalo messages replayed now may be answered again",
    );
    return [];
  }
}
