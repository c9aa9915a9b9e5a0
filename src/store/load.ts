// Reading db.json at start. A file that cannot be used is moved aside (never deleted) and reported loudly,
// so a damaged file costs a fresh store instead of a crash loop at every boot.
import { access, readFile, rename } from "node:fs/promises";
import { z } from "zod";
import type { Logger } from "../logger.js";
import { emptyStoreData, SCHEMA_VERSION, upgrade, type StoreData } from "./schema.js";

export interface LoadedFile {
  readonly data: StoreData;
  /** Where the unusable file was moved. */
  readonly recoveredFrom?: string;
  /** The version the file was upgraded from. */
  readonly migratedFrom?: number;
}

export async function loadStoreFile(file: string, logger: Logger, now: () => Date): Promise<LoadedFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { data: emptyStoreData() };
    throw error; // Permissions or I/O: moving the file would not help.
  }
  try {
    const { data, fromVersion } = upgrade(JSON.parse(text));
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
