// knowledge/*.yaml → one validated, immutable Knowledge object, or the list of problems (file:line: message).
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open, readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { readCachedKnowledge, writeCachedKnowledge } from "./cache.js";
import { crossCheck, type LocatedFile } from "./crosscheck.js";
import { reviewFreshness, type FreshnessOptions } from "./freshness.js";
import { sortProblems, type KnowledgeProblem } from "./problems.js";
import { FILE_KINDS, fileSchemas, type FileKind, type Knowledge } from "./schema.js";
import { parseYamlFile, type DataPath, type YamlFile } from "./yaml-file.js";

export type LoadResult =
  | {
      readonly ok: true;
      readonly knowledge: Knowledge;
      /** Out-of-date current facts and hard-to-find sources (kb:check); empty unless `freshness` was asked for. */
      readonly warnings: readonly KnowledgeProblem[];
    }
  | { readonly ok: false; readonly problems: readonly KnowledgeProblem[] };

export interface LoadOptions {
  /** Where validated knowledge is kept between starts (a directory of the bot's own); none: no cache. */
  readonly cacheDir?: string;
  /** Also list what may be out of date (this reads the files afresh: warnings need their lines). */
  readonly freshness?: FreshnessOptions;
}

/** Far above any knowledge file (the largest is ~80 KB): a file this large is a mistake, not knowledge. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

const vietnameseErrors = z.locales.vi();

/** faq.yaml, faq-covid.yaml and faq_2.yml are all FAQ files: admins may split a kind over several files. */
function kindOfFile(name: string): FileKind | undefined {
  const stem = name.replace(/\.ya?ml$/i, "").toLowerCase();
  return FILE_KINDS.find((kind) => stem === kind || stem.startsWith(`${kind}-`) || stem.startsWith(`${kind}_`));
}

function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
}

function describePath(path: DataPath): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join("");
}

function schemaProblems(yaml: YamlFile, issues: readonly z.core.$ZodIssue[]): KnowledgeProblem[] {
  const entries = Array.isArray(yaml.data) ? yaml.data : [];
  return issues.map((issue) => {
    const issuePath = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    // Unknown keys are reported on the object; point at the first unknown key instead.
    const nodePath =
      issue.code === "unrecognized_keys" && issue.keys[0] !== undefined ? [...issuePath, issue.keys[0]] : issuePath;
    const [index, ...rest] = issuePath;
    const entry = typeof index === "number" ? (entries[index] as { id?: unknown } | undefined) : undefined;
    const where = [
      typeof entry?.id === "string" ? entry.id : typeof index === "number" ? `mục thứ ${index + 1}` : "",
      describePath(rest),
    ]
      .filter(Boolean)
      .join(" → ");
    return { file: yaml.file, line: yaml.lineOf(nodePath), message: where ? `${where}: ${issue.message}` : issue.message };
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A knowledge file's text, or what keeps it from being one: not a regular file (a folder, a FIFO that would
 * block a read for ever, a link to nothing) or too large. Opened without blocking and checked on the open file,
 * so what is read is what was checked.
 */
async function readKnowledgeFile(file: string): Promise<{ text: string } | { problem: string }> {
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
    return { text: (await handle.readFile("utf8")).normalize("NFC") };
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
  const unreadable = read.flatMap((file) => ("problem" in file ? [{ file: displayPath(path.join(absoluteDir, file.name)), line: 0, message: file.problem }] : []));
  if (unreadable.length > 0) return { ok: false, problems: unreadable };
  const sources = read as { name: string; text: string }[];
  const hash = createHash("sha256");
  for (const { name, text } of sources) hash.update(name).update("\0").update(text).update("\0");
  const version = hash.digest("hex").slice(0, 12);
  // Parsing YAML is most of a cold start; the same files give the same validated result.
  const cached = options.cacheDir === undefined || options.freshness ? undefined : await readCachedKnowledge(options.cacheDir, version);
  if (cached) return { ok: true, knowledge: deepFreeze({ ...cached, loadedAt: new Date().toISOString() }), warnings: [] };

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
      problems.push(...schemaProblems({ ...parsed.yaml, data: raw }, result.error.issues));
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
  if (options.cacheDir !== undefined) await writeCachedKnowledge(options.cacheDir, knowledge);
  const warnings = options.freshness ? sortProblems(reviewFreshness(located, options.freshness)) : [];
  return { ok: true, knowledge: deepFreeze(knowledge), warnings };
}
