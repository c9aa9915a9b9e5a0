// knowledge/*.yaml → one validated, immutable Knowledge object, or the list of problems (file:line: message).
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open, readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "../zod.js";
import { keepAsLastGood, readCachedKnowledge, writeCachedKnowledge } from "./cache.js";
import type { LocatedFile } from "./crosscheck.js";
import type { FreshnessOptions } from "./freshness.js";
import { sortProblems, type KnowledgeProblem } from "./problems.js";
import { FILE_KINDS, fileSchemas, type FileKind, type Knowledge } from "./schema.js";

export type LoadResult =
  | {
      readonly ok: true;
      readonly knowledge: Knowledge;
      /** Out-of-date current facts and hard-to-find sources (kb:check); empty unless `freshness` was asked for. */
      readonly warnings: readonly KnowledgeProblem[];
    }
  | { readonly ok: false; readonly problems: readonly KnowledgeProblem[] };

export interface LoadOptions {
  /** Where validated knowledge is kept between starts, the last good copy too (a directory of the bot's own); none: no cache. */
  readonly cacheDir?: string;
  /** Also list what may be out of date (this reads the files afresh: warnings need their lines). */
  readonly freshness?: FreshnessOptions;
}

/** Far above any knowledge file (the largest is ~80 KB): a file this large is a mistake, not knowledge. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** faq.yaml, faq-covid.yaml and faq_2.yml are all FAQ files: admins may split a kind over several files. */
function kindOfFile(name: string): FileKind | undefined {
  const stem = name.replace(/\.ya?ml$/i, "").toLowerCase();
  return FILE_KINDS.find((kind) => stem === kind || stem.startsWith(`${kind}-`) || stem.startsWith(`${kind}_`));
}

function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const NOT_UTF8 =
  "Tệp không phải UTF-8 (có lẽ lưu bằng bảng mã cũ như TCVN3, VNI hay Windows-1258, hoặc UTF-16): chữ tiếng Việt sẽ hiện sai. Hãy mở tệp và lưu lại với bảng mã UTF-8 (Save with Encoding → UTF-8)";

/** Where a legacy encoding first shows: the line of the first byte that is not UTF-8. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8").decode(bytes);
  const bad = text.indexOf("\uFFFD");
  return bad === -1 ? 1 : text.slice(0, bad).split("\n").length;
}

/**
 * A knowledge file's text, or what keeps it from being one: not a regular file (a folder, a FIFO that would
 * block a read for ever, a link to nothing) or too large. Opened without blocking and checked on the open file,
 * so what is read is what was checked.
 */
async function readKnowledgeFile(file: string): Promise<{ text: string } | { problem: string; line?: number }> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === "ENOENT" ? "liên kết hỏng: tệp nó trỏ tới không còn" : `không mở được tệp (${code ?? "lỗi"})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: "không phải tệp thường (thư mục, FIFO…): hãy xóa hoặc đổi tên nó" };
    if (info.size > MAX_FILE_BYTES) return { problem: `tệp quá lớn (${Math.round(info.size / 1024)} KB, tối đa ${MAX_FILE_BYTES / 1024} KB)` };
    const bytes = await handle.readFile();
    try {
      return { text: strictUtf8.decode(bytes).normalize("NFC") };
    } catch {
      return { problem: NOT_UTF8, line: lineOfFirstInvalidByte(bytes) };
    }
  } catch (error) {
    return { problem: `không đọc được tệp (${(error as NodeJS.ErrnoException).code ?? "lỗi"})` };
  } finally {
    await handle.close();
  }
}

/** Never rejects: whatever is wrong in the folder is a problem to report, and a running bot keeps its knowledge. */
export async function loadKnowledge(directory: string, options: LoadOptions = {}): Promise<LoadResult> {
  try {
    return await load(directory, options);
  } catch (error) {
    return { ok: false, problems: [{ file: displayPath(path.resolve(directory)), line: 0, message: `không nạp được tri thức: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

async function load(directory: string, options: LoadOptions): Promise<LoadResult> {
  const absoluteDir = path.resolve(directory);
  let names: string[];
  try {
    names = (await readdir(absoluteDir)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  } catch {
    return { ok: false, problems: [{ file: displayPath(absoluteDir), line: 0, message: "không đọc được thư mục tri thức" }] };
  }
  if (names.length === 0) {
    return { ok: false, problems: [{ file: displayPath(absoluteDir), line: 0, message: "thư mục không có tệp .yaml nào" }] };
  }

  const read = await Promise.all(names.map(async (name) => ({ name, ...(await readKnowledgeFile(path.join(absoluteDir, name))) })));
  const unreadable = read.flatMap((file) => ("problem" in file ? [{ file: displayPath(path.join(absoluteDir, file.name)), line: file.line ?? 0, message: file.problem }] : []));
  if (unreadable.length > 0) return { ok: false, problems: unreadable };
  const sources = read as { name: string; text: string }[];
  const hash = createHash("sha256");
  for (const { name, text } of sources) hash.update(name).update("\0").update(text).update("\0");
  const version = hash.digest("hex").slice(0, 12);
  // Parsing YAML is most of a cold start; the same files give the same validated result.
  const { cacheDir } = options;
  const cached = cacheDir === undefined || options.freshness ? undefined : await readCachedKnowledge(cacheDir, version);
  if (cacheDir !== undefined && cached) {
    await keepAsLastGood(cacheDir, version);
    return { ok: true, knowledge: deepFreeze({ ...cached, loadedAt: new Date().toISOString() }), warnings: [] };
  }

  // The YAML parser and the checks of parsed files are only needed here: a start from the cache does not load them
  // (~70 ms for the parser; every module a start loads goes through tsx's loader under `npm start`).
  const [{ parseYamlFile }, { crossCheck }, { schemaProblems }, { reviewFreshness }] = await Promise.all([
    import("./yaml-file.js"),
    import("./crosscheck.js"),
    import("./schema-problems.js"),
    import("./freshness.js"),
  ]);
  const vietnameseErrors = z.locales.vi();
  const problems: KnowledgeProblem[] = [];
  const located: LocatedFile[] = [];
  for (const { name, text } of sources) {
    const file = displayPath(path.join(absoluteDir, name));
    const kind = kindOfFile(name);
    if (!kind) {
      problems.push({ file, line: 1, message: `không rõ loại tệp: tên tệp phải bắt đầu bằng ${FILE_KINDS.join(", ")}` });
      continue;
    }
    const parsed = parseYamlFile(file, text);
    if (parsed.problems.length > 0) {
      problems.push(...parsed.problems);
      continue;
    }
    // An empty file is an empty list: an admin may clear a file without breaking the bot.
    const raw = parsed.yaml.data ?? [];
    const result = fileSchemas[kind].safeParse(raw, { error: vietnameseErrors.localeError });
    if (!result.success) {
      problems.push(...schemaProblems(kind, { ...parsed.yaml, data: raw }, result.error.issues));
      continue;
    }
    located.push({ kind, yaml: parsed.yaml, entries: result.data } as LocatedFile);
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };

  const crossProblems = crossCheck(located);
  if (crossProblems.length > 0) return { ok: false, problems: sortProblems(crossProblems) };

  const entriesOf = (kind: FileKind): unknown[] =>
    located.filter((file) => file.kind === kind).flatMap((file): readonly unknown[] => file.entries);
  const knowledge: Knowledge = {
    sources: entriesOf("sources") as Knowledge["sources"],
    documents: entriesOf("documents") as Knowledge["documents"],
    indicators: entriesOf("indicators") as Knowledge["indicators"],
    goals: entriesOf("goals") as Knowledge["goals"],
    timeline: entriesOf("timeline") as Knowledge["timeline"],
    faq: entriesOf("faq") as Knowledge["faq"],
    people: entriesOf("people") as Knowledge["people"],
    offices: entriesOf("offices") as Knowledge["offices"],
    synonyms: entriesOf("synonyms") as Knowledge["synonyms"],
    version,
    loadedAt: new Date().toISOString(),
  };
  if (cacheDir !== undefined) {
    await writeCachedKnowledge(cacheDir, knowledge);
    await keepAsLastGood(cacheDir, version);
  }
  const warnings = options.freshness ? sortProblems(reviewFreshness(located, options.freshness)) : [];
  return { ok: true, knowledge: deepFreeze(knowledge), warnings };
}
