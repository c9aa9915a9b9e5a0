// knowledge/*.yaml → one validated, immutable Knowledge object, or the list of problems (file:line: message).
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
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
  /** Also list what may be out of date (this reads the files afresh: warnings need their lines). */
  readonly freshness?: FreshnessOptions;
}

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

export async function loadKnowledge(directory: string, options: LoadOptions = {}): Promise<LoadResult> {
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

  const sources = await Promise.all(
    names.map(async (name) => ({ name, text: (await readFile(path.join(absoluteDir, name), "utf8")).normalize("NFC") })),
  );
  const hash = createHash("sha256");
  for (const { name, text } of sources) hash.update(name).update("\0").update(text).update("\0");
  const version = hash.digest("hex").slice(0, 12);
  // Parsing YAML is most of a cold start; the same files give the same validated result.
  const cached = options.freshness ? undefined : await readCachedKnowledge(version);
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
  await writeCachedKnowledge(knowledge);
  const warnings = options.freshness ? sortProblems(reviewFreshness(located, options.freshness)) : [];
  return { ok: true, knowledge: deepFreeze(knowledge), warnings };
}
