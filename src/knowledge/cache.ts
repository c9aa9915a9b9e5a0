// A cache of validated knowledge, keyed by the files' content hash and by the code that validates them: a cold
// start then skips parsing YAML (~300 of its ~350 ms). It lives in a directory of the bot's own (under DATA_DIR),
// never in a folder other users can write to, and what it reads is validated again by the same schemas (~20 ms)
// before use. Any problem with the cache means a normal load; it is never a reason to fail.
// The same directory keeps a copy of the last knowledge that loaded (last-good.json), whatever the code: a start
// with invalid files serves it rather than no answers at all.
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "../zod.js";
import { FILE_KINDS, fileSchemas, type Knowledge } from "./schema.js";

/** The modules whose code decides what a valid Knowledge looks like. */
const VALIDATING_MODULES = ["schema", "load", "crosscheck", "yaml-file"];
/** Only the newest versions are worth keeping. */
const KEPT_VERSIONS = 8;
const LAST_GOOD_FILE = "last-good.json";
const CACHE_FILE = /^[0-9a-f]{12}-[0-9a-f]{12}\.json$/;

let codeStamp: Promise<string> | undefined;

function stampOfCode(): Promise<string> {
  codeStamp ??= (async () => {
    const hash = createHash("sha256");
    for (const name of VALIDATING_MODULES) {
      const here = path.dirname(fileURLToPath(import.meta.url));
      const file = [`${name}.ts`, `${name}.js`].map((f) => path.join(here, f));
      const text = await readFile(file[0]!, "utf8").catch(() => readFile(file[1]!, "utf8"));
      hash.update(text);
    }
    return hash.digest("hex").slice(0, 12);
  })();
  return codeStamp;
}

async function cacheFile(directory: string, version: string): Promise<string> {
  return path.join(directory, `${version}-${await stampOfCode()}.json`);
}

const cachedShape = z.object({ version: z.string(), loadedAt: z.string() }).loose();

/** Knowledge written by this module, validated again by the schemas; undefined when it does not pass. */
async function readValidated(file: string): Promise<Knowledge | undefined> {
  try {
    const cached = cachedShape.parse(JSON.parse(await readFile(file, "utf8")));
    const lists = Object.fromEntries(FILE_KINDS.map((kind) => [kind, fileSchemas[kind].parse(cached[kind])]));
    return { ...lists, version: cached.version, loadedAt: cached.loadedAt } as unknown as Knowledge;
  } catch {
    return undefined;
  }
}

/** The cached knowledge of these files, validated again; undefined when there is none or it does not pass. */
export async function readCachedKnowledge(directory: string, version: string): Promise<Knowledge | undefined> {
  const cached = await readValidated(await cacheFile(directory, version));
  return cached?.version === version ? cached : undefined;
}

/** The last knowledge that loaded from valid files, validated again; undefined when there is none that passes. */
export function readLastGoodKnowledge(directory: string): Promise<Knowledge | undefined> {
  return readValidated(path.join(directory, LAST_GOOD_FILE));
}

/** Replaces a file in one step: a reader sees the old file or the new one, never half of one. */
async function replaceWith(target: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  await write(temporary);
  await rename(temporary, target);
}

export async function writeCachedKnowledge(directory: string, knowledge: Knowledge): Promise<void> {
  try {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const target = await cacheFile(directory, knowledge.version);
    await replaceWith(target, (temporary) => writeFile(temporary, JSON.stringify(knowledge), { mode: 0o600 }));
    const entries = (await readdir(directory)).filter((name) => CACHE_FILE.test(name));
    if (entries.length > KEPT_VERSIONS) {
      await Promise.all(entries.filter((name) => path.join(directory, name) !== target).map((name) => rm(path.join(directory, name), { force: true })));
    }
  } catch {
    // A read-only data directory only costs speed.
  }
}

/** Keeps the cached knowledge of this version as the last good one (after every load that succeeded). */
export async function keepAsLastGood(directory: string, version: string): Promise<void> {
  try {
    const source = await cacheFile(directory, version);
    await replaceWith(path.join(directory, LAST_GOOD_FILE), (temporary) => copyFile(source, temporary));
  } catch {
    // Nothing cached to copy (a read-only data directory): a later start with invalid files has no copy to serve.
  }
}
