// A cache of validated knowledge in the system temp folder, keyed by the files' content hash and by the code
// that validates them: a cold start then skips parsing YAML (most of its time). Any problem with the cache
// means a normal load; it is never a reason to fail.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Knowledge } from "./schema.js";

export const CACHE_DIR = path.join(tmpdir(), "nq16-knowledge-cache");
/** The modules whose code decides what a valid Knowledge looks like. */
const VALIDATING_MODULES = ["schema", "load", "crosscheck", "yaml-file"];

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

async function cacheFile(version: string): Promise<string> {
  return path.join(CACHE_DIR, `${version}-${await stampOfCode()}.json`);
}

export async function readCachedKnowledge(version: string): Promise<Knowledge | undefined> {
  try {
    const cached = JSON.parse(await readFile(await cacheFile(version), "utf8")) as Knowledge;
    return cached.version === version ? cached : undefined;
  } catch {
    return undefined;
  }
}

export async function writeCachedKnowledge(knowledge: Knowledge): Promise<void> {
  try {
    await mkdir(CACHE_DIR, { recursive: true });
    const target = await cacheFile(knowledge.version);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(knowledge));
    await rename(temporary, target);
    // Only the newest versions are worth keeping.
    const entries = (await readdir(CACHE_DIR)).filter((name) => name.endsWith(".json"));
    if (entries.length > 8) await Promise.all(entries.filter((name) => path.join(CACHE_DIR, name) !== target).map((name) => rm(path.join(CACHE_DIR, name), { force: true })));
  } catch {
    // A read-only temp folder only costs speed.
  }
}
