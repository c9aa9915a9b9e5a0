// How db.json is written: whole, on every write, to a temporary file that then replaces it (a crash leaves the
// old file or the new one, never half of one). Under load the store writes several times a second, and making
// the whole text at once — JSON.stringify(data, null, 2) of a full file, 3,000 questions kept for review and
// 5,000 seen ids, ~0.8 MB — held the one thread that answers users for 8–17 ms each time. So the file is
// written in pieces of 16–40 KB with the event loop free between them, and its text never exists whole (a string
// that large is allocated afresh outside V8's young generation, and adds to the next full GC). Each record is
// serialised once and its text kept. One record per line keeps the file readable and easy to grep.
import { constants } from "node:fs";
import { open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Adapter } from "lowdb";
import type { StoreData } from "./schema.js";

/** A piece is written once it holds this many characters; lists are added to it a hundred records at a time. */
const PIECE_LENGTH = 16_000;
const RECORDS_PER_PIECE = 100;

/**
 * The text of each record, kept while the record lives. Records in the store's lists are never changed in
 * place, only added or dropped (a rule of store.ts), so a record's text never goes stale.
 */
const recordTexts = new WeakMap<object, string>();

function recordText(record: unknown): string {
  if (typeof record !== "object" || record === null) return JSON.stringify(record);
  let text = recordTexts.get(record);
  if (text === undefined) {
    text = JSON.stringify(record);
    recordTexts.set(record, text);
  }
  return text;
}

/** Text ready now, or a list (copied now) to be written a hundred records at a time. */
type Part = string | { readonly records: readonly unknown[] };

/** The top level one field per line, lists one record per line, objects holding lists (seen ids) opened. */
function addParts(value: unknown, parts: Part[], topLevel: boolean): void {
  if (Array.isArray(value)) {
    parts.push(value.length === 0 ? "[]" : { records: [...value] });
    return;
  }
  const entries = typeof value === "object" && value !== null ? Object.entries(value) : [];
  if (!topLevel && !entries.some(([, item]) => Array.isArray(item))) {
    parts.push(JSON.stringify(value));
    return;
  }
  const [open, separator, close] = topLevel ? ["{\n", ",\n", "\n}\n"] : ["{", ", ", "}"];
  entries.forEach(([key, item], index) => {
    parts.push(`${index === 0 ? open : separator}${JSON.stringify(key)}: `);
    addParts(item, parts, false);
  });
  parts.push(entries.length === 0 ? `${open}${close}` : close);
}

/**
 * The file's text in pieces. It is the data as it is at this call, however the data changes while the pieces
 * are taken: what may grow meanwhile (the lists) is copied now, the rest is made text now.
 */
export function storeDataPieces(data: StoreData): Iterable<string> {
  const parts: Part[] = [];
  addParts(data, parts, true);
  return (function* () {
    let piece = "";
    for (const part of parts) {
      if (typeof part === "string") {
        piece += part;
      } else {
        for (let start = 0; start < part.records.length; start += RECORDS_PER_PIECE) {
          piece += `${start === 0 ? "[\n" : ",\n"}${part.records.slice(start, start + RECORDS_PER_PIECE).map(recordText).join(",\n")}`;
          if (piece.length >= PIECE_LENGTH) {
            yield piece;
            piece = "";
          }
        }
        piece += "\n]";
      }
    }
    yield piece;
  })();
}

export class StoreFile implements Adapter<StoreData> {
  private readonly temporary: string;
  /** Length of the last text written: how long the store waits before the next write depends on it. */
  lastWrittenLength = 0;

  /** The store runs one write at a time (Store.persist), so one temporary file is enough. */
  constructor(private readonly path: string) {
    this.temporary = join(dirname(path), `.${basename(path)}.tmp`);
  }

  async read(): Promise<StoreData | null> {
    try {
      return JSON.parse(await readFile(this.path, "utf8")) as StoreData;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async write(data: StoreData): Promise<void> {
    let length = 0;
    // Always a new file of our own: whatever stands at the temporary path (a leftover, a symlink planted to
    // make the bot overwrite another file) is removed, and the open fails rather than follow a link.
    await rm(this.temporary, { force: true });
    const file = await open(this.temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      for (const piece of storeDataPieces(data)) {
        await file.write(piece);
        length += piece.length;
      }
      // On disk before it replaces db.json: a crash right after the rename must not leave an empty file.
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(this.temporary, this.path);
    this.lastWrittenLength = length;
  }
}
