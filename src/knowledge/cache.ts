// A cache of validated knowledge, keyed by the files' content hash and by the code that validates them: a cold
// start then skips parsing YAML (~300 of its ~350 ms). It lives in a directory of the bot's own (under DATA_DIR),
// never in a folder other users can write to, and what it reads is validated again by the same schemas (~20 ms)
// before use. Any problem with the cache means a normal load; it is never a reason to fail.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { FILE_KINDS, fileSchemas, type Knowledge } from "./schema.js";

/** The modules whose code decides what a valid Knowledge looks like. */
const VALIDATING_MODULES = ["schema", "load", "crosscheck", "yaml-file"];
/** Only the newest versions are worth keeping. */
const KEPT_VERSIONS = 8;

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

/** The cached knowledge of these files, validated again; undefined when there is none or it does not pass. */
export async function readCachedKnowledge(directory: string, version: string): Promise<Knowledge | undefined> {
  try {
    const cached = cachedShape.parse(JSON.parse(await readFile(await cacheFile(directory, version), "utf8")));
    if (cached.version !== version) return undefined;
    const lists = Object.fromEntries(FILE_KINDS.map((kind) => [kind, fileSchemas[kind].parse(cached[kind])]));
    return { ...lists, version, loadedAt: cached.loadedAt } as unknown as Knowledge;
  } catch {
    return undefined;
  }
}

export async function writeCachedKnowledge(directory: string, knowledge: Knowledge): Promise<void> {
  try {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const target = await cacheFile(directory, knowledge.version);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(knowledge), { mode: 0o600 });
    await rename(temporary, target);
    const entries = (await readdir(directory)).filter((name) => name.endsWith(".json"));
    if (entries.length > KEPT_VERSIONS) {
      await Promise.all(entries.filter((name) => path.join(directory, name) !== target).map((name) => rm(path.join(directory, name), { force: true })));
    }
  } catch {
    // A read-only data directory only costs speed.
  }
}
