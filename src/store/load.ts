// Reading db.json at start. A file that cannot be used is moved aside (never deleted) and reported loudly,
// so a damaged file costs a fresh store instead of a crash loop at every boot. A file holding more than the
// store's limits (a hand edit, an older version) is trimmed to them, oldest first, with a warning; one too large
// to parse whole within the production heap is read line by line, keeping only the newest records of each list.
import { createReadStream } from "node:fs";
import { access, readFile, rename, stat } from "node:fs/promises";
import { z } from "../zod.js";
import type { Logger } from "../logger.js";
import { STORE_LIMITS, trimToLimits } from "./limits.js";
import { emptyStoreData, SCHEMA_VERSION, upgrade, type StoreData } from "./schema.js";

export interface LoadedFile {
  readonly data: StoreData;
  /** Where the unusable file was moved. */
  readonly recoveredFrom?: string;
  /** The version the file was upgraded from. */
  readonly migratedFrom?: number;
}

/**
 * Larger files are not parsed whole: the text and the objects made of it would not fit in the production heap
 * (96 MB) next to everything else. The limits keep a file the bot writes well below this (npm run bench:flood).
 */
export const WHOLE_PARSE_LIMIT_BYTES = 8 * 1024 * 1024;
/** A line longer than this is not one record of a list: the file is not in the form the store writes. */
const MAX_LINE_BYTES = WHOLE_PARSE_LIMIT_BYTES;

export async function loadStoreFile(file: string, logger: Logger, now: () => Date): Promise<LoadedFile> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { data: emptyStoreData() };
    throw error; // Permissions or I/O: moving the file would not help.
  }
  try {
    const read = size <= WHOLE_PARSE_LIMIT_BYTES ? { text: await readFile(file, "utf8"), dropped: [] } : await readNewestRecords(file);
    const { data, fromVersion } = upgrade(JSON.parse(read.text));
    const trimmed = [...read.dropped, ...trimToLimits(data, now())];
    if (trimmed.length > 0) logger.warn({ file, bytes: size, trimmed }, "data file held more than the store keeps: trimmed to its limits, oldest first");
    if (fromVersion === SCHEMA_VERSION) return { data };
    logger.info({ file, from: fromVersion, to: SCHEMA_VERSION }, "data file upgraded to the current schema version");
    return { data, migratedFrom: fromVersion };
  } catch (error) {
    const recoveredFrom = await moveAside(file, now);
    logger.error(
      { file, movedTo: recoveredFrom, reason: describe(error) },
      `CORRUPTED data file ${file} moved aside to ${recoveredFrom}; starting with an EMPTY store — inspect and repair the moved file`,
    );
    return { data: emptyStoreData(), recoveredFrom };
  }
}

/** The caps of the lists a line-by-line read keeps, by the key that opens them; seen ids by channel. */
function capOfList(key: string, inSeen: boolean): number {
  if (inSeen) return STORE_LIMITS.seenPerChannel;
  switch (key) {
    case "measurements":
      return STORE_LIMITS.measurements;
    case "questions":
      return STORE_LIMITS.questions;
    case "feedback":
      return STORE_LIMITS.votes;
    default:
      return STORE_LIMITS.subscriptions;
  }
}

/**
 * The file's text with only the newest records of each list, read in the form store-file.ts writes: one record
 * per line inside a list, a list opened by a line ending in `[` and closed by a line starting with `]`. Works on
 * bytes and decodes only the lines it keeps, so a large file costs little more than reading it; holds no more
 * than the kept records. Throws when a line is too long to be a record (not that form); the text it returns
 * fails JSON.parse when records span lines.
 */
async function readNewestRecords(file: string): Promise<{ text: string; dropped: string[] }> {
  const out: string[] = [];
  const dropped: string[] = [];
  let kept: Buffer[] | undefined;
  let list = "";
  let read = 0;
  let cap = 0;
  let inSeen = false;
  const take = (line: Buffer) => {
    if (kept !== undefined && line[0] !== CLOSE) {
      // Copied: the chunk it was cut from is not kept.
      kept.push(Buffer.from(line[line.length - 1] === COMMA ? line.subarray(0, -1) : line));
      read += 1;
      // Cut in batches: shifting one at a time would move the whole list for every record read.
      if (kept.length >= 2 * cap) kept.splice(0, kept.length - cap);
      return;
    }
    if (kept !== undefined) {
      out.push(kept.slice(-cap).map((record) => record.toString("utf8")).join(",\n"));
      if (read > cap) dropped.push(`${list}: ${read - cap} oldest of ${read} dropped`);
      kept = undefined;
    }
    const text = line.toString("utf8");
    out.push(text);
    const key = text.endsWith("[") ? /"([^"]+)": \[$/.exec(text)?.[1] : undefined;
    if (key === undefined) return;
    inSeen ||= text.startsWith('"seen": {');
    kept = [];
    list = inSeen ? `seen.${key}` : key;
    read = 0;
    cap = capOfList(key, inSeen);
  };
  let partial = Buffer.alloc(0);
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const bytes = partial.length > 0 ? Buffer.concat([partial, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      take(bytes.subarray(start, end));
      start = end + 1;
    }
    partial = Buffer.from(bytes.subarray(start));
    if (partial.length > MAX_LINE_BYTES) throw new Error(`a line of over ${MAX_LINE_BYTES} bytes: not the form the store writes`);
  }
  take(partial);
  return { text: out.join("\n"), dropped };
}

const NEWLINE = 0x0a;
const COMMA = 0x2c;
const CLOSE = 0x5d;

function describe(error: unknown): string {
  const text = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** rename() replaces an existing target, so two failures within one millisecond get distinct names. */
async function moveAside(file: string, now: () => Date): Promise<string> {
  const base = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, "-")}`;
  let target = base;
  for (let n = 1; await exists(target); n += 1) target = `${base}-${n}`;
  await rename(file, target);
  return target;
}
