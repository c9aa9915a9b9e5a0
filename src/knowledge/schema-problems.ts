// zod's issues about one knowledge file → problems in an admin's words: which entry and which of its figures
// (counted from 1, as people count), what is wrong and how to fix it.
import type { z } from "zod";
import type { KnowledgeProblem } from "./problems.js";
import { fileSchemas, type FileKind } from "./schema.js";
import { capitalize } from "../text/normalize.js";
import type { DataPath, YamlFile } from "./yaml-file.js";

type Issue = z.core.$ZodIssue;

const ENTRY_LABELS: Record<FileKind, string> = {
  sources: "nguồn",
  documents: "văn bản",
  indicators: "chỉ tiêu",
  goals: "mục tiêu",
  timeline: "mốc thời gian",
  faq: "hỏi đáp",
  people: "nhân vật",
  offices: "chức danh",
  synonyms: "nhóm từ đồng nghĩa",
};

/** What one item of each list is called: measurements[1] is "số liệu thứ 2". */
const ITEM_LABELS: Readonly<Record<string, string>> = {
  measurements: "số liệu",
  targets: "mục tiêu số",
  questions: "cách hỏi",
  holders: "người giữ chức",
  sources: "nguồn",
  variants: "cách viết",
  details: "ý chi tiết",
  aliases: "tên gọi khác",
  related: "mục liên quan",
  documents: "văn bản",
};


function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const part of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** "Số liệu thứ 2 của chỉ tiêu dvc-muc-4, trường `value`", "Hỏi đáp faq-a", or "" for the file itself. */
function describeWhere(kind: FileKind, data: unknown, path: DataPath): string {
  const [index, ...rest] = path;
  if (typeof index !== "number") return "";
  const entry = valueAt(data, [index]) as { id?: unknown; term?: unknown } | undefined;
  const name = typeof entry?.id === "string" ? entry.id : typeof entry?.term === "string" ? `"${entry.term}"` : `thứ ${index + 1}`;
  const entryText = `${ENTRY_LABELS[kind]} ${name}`;
  const itemAt = rest.findLastIndex((part) => typeof part === "number");
  const field = rest.slice(itemAt + 1).join(".");
  const fieldText = field ? `, trường \`${field}\`` : "";
  if (itemAt < 1) return `${capitalize(entryText)}${fieldText}`;
  const list = String(rest[itemAt - 1]);
  const item = `${ITEM_LABELS[list] ?? `mục trong \`${list}\``} thứ ${Number(rest[itemAt]) + 1}`;
  return `${capitalize(item)} của ${entryText}${fieldText}`;
}

/** The schema that validates the value at `path`, through lists, optional and default fields, and pipes. */
function schemaAt(schema: z.core.$ZodType, path: DataPath): z.core.$ZodType | undefined {
  let node: z.core.$ZodType | undefined = schema;
  let remaining = [...path];
  while (node) {
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "readonly") {
      node = def.innerType as z.core.$ZodType;
    } else if (def.type === "pipe") {
      node = def.out as z.core.$ZodType;
    } else if (remaining.length === 0) {
      return node;
    } else if (def.type === "array" && typeof remaining[0] === "number") {
      node = def.element as z.core.$ZodType;
      remaining = remaining.slice(1);
    } else if (def.type === "object" && typeof remaining[0] === "string") {
      node = (def.shape as Record<string, z.core.$ZodType>)[remaining[0]];
      remaining = remaining.slice(1);
    } else {
      return undefined;
    }
  }
  return undefined;
}

function keysAt(kind: FileKind, path: DataPath): string[] {
  const schema = schemaAt(fileSchemas[kind], path);
  const def = schema?._zod.def as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

/** Edits (insert, delete, change, swap two neighbours) between two words: "anwser" is 1 from "answer". */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The known word a slip was meant to be, when exactly one is close enough. */
function closest(word: string, known: readonly string[]): string | undefined {
  const limit = word.length <= 4 ? 1 : 2;
  const scored = known.map((candidate) => ({ candidate, distance: editDistance(word.toLowerCase(), candidate.toLowerCase()) }));
  const best = Math.min(...scored.map((s) => s.distance));
  const nearest = scored.filter((s) => s.distance === best);
  return best <= limit && nearest.length === 1 ? nearest[0]!.candidate : undefined;
}

const NUMBER_WITH_SLIP = /^\s*(-?\d+)(?:[.,](\d+))?\s*%?\s*$/;

/** What is wrong with a value of the wrong type, and how to write it. */
function wrongType(issue: Extract<Issue, { code: "invalid_type" }>, actual: unknown): string {
  if (issue.expected === "number" && typeof actual === "string") {
    const slip = NUMBER_WITH_SLIP.exec(actual);
    if (slip) return `Số phải dùng dấu chấm thập phân và không có %: viết ${slip[1]}${slip[2] ? `.${slip[2]}` : ""}`;
    return `Phải là một số (ví dụ 87.6), không phải chữ "${actual}"`;
  }
  if (issue.expected === "string" && actual !== null && typeof actual === "object" && !Array.isArray(actual)) {
    // `- Mục tiêu: là gì` reads as a key and a value: the words were meant as one text.
    const pairs = Object.entries(actual);
    if (pairs.length === 1 && typeof pairs[0]![1] !== "object") {
      return `Chuỗi có ': ' phải đặt trong dấu nháy kép: viết "${pairs[0]![0]}: ${String(pairs[0]![1])}"`;
    }
    return "Phải là một dòng chữ, không phải một nhóm trường";
  }
  if (issue.expected === "string" && (typeof actual === "number" || typeof actual === "boolean")) {
    return `Phải là chữ: đặt trong dấu nháy kép, viết "${String(actual)}"`;
  }
  if (issue.expected === "array") {
    return typeof actual === "string"
      ? `Phải là một danh sách: viết [${actual}] hoặc mỗi giá trị một dòng bắt đầu bằng "- "`
      : 'Phải là một danh sách: mỗi giá trị một dòng bắt đầu bằng "- "';
  }
  if (issue.expected === "object") return "Phải là một mục gồm các trường (mỗi trường một dòng `tên: giá trị`), không phải một giá trị đơn";
  return issue.message;
}

export function schemaProblems(kind: FileKind, yaml: YamlFile, issues: readonly Issue[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const pathOf = (issue: Issue) => issue.path.filter((part): part is string | number => typeof part !== "symbol");
  const add = (path: DataPath, where: DataPath, message: string) => {
    const place = describeWhere(kind, yaml.data, where);
    problems.push({ file: yaml.file, line: yaml.lineOf(path), message: place ? `${place}: ${message}` : message });
  };
  // A missing field that a mistyped key was meant to be is reported once, as the mistyped key.
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const path = pathOf(issue);
    const known = keysAt(kind, path);
    for (const key of issue.keys) {
      const guess = closest(key, known);
      if (guess) meant.add(JSON.stringify([...path, guess]));
      add([...path, key], path, guess ? `Khóa \`${key}\` không có; có phải \`${guess}\`?` : `Khóa \`${key}\` không có; các khóa dùng được ở đây: ${known.join(", ")}`);
    }
  }
  for (const issue of issues) {
    const path = pathOf(issue);
    const actual = valueAt(yaml.data, path);
    switch (issue.code) {
      case "unrecognized_keys":
        break;
      case "invalid_type":
        if (path.length === 0) {
          add(path, path, 'Tệp phải là một danh sách mục, mỗi mục bắt đầu bằng "- " ở đầu dòng');
        } else if (actual === undefined) {
          if (meant.has(JSON.stringify(path))) break;
          const field = String(path.at(-1));
          add(path, path.slice(0, -1), `Thiếu trường bắt buộc \`${field}\`: thêm dòng "${field}: …" vào mục này`);
        } else {
          add(path, path, wrongType(issue, actual));
        }
        break;
      case "invalid_value": {
        const options = issue.values.map(String);
        const guess = typeof actual === "string" ? closest(actual, options) : undefined;
        add(path, path, `Giá trị "${String(actual)}" không dùng được${guess ? `; có phải \`${guess}\`?` : "."} Chọn một trong: ${options.join(", ")}`);
        break;
      }
      default:
        add(path, path, issue.message);
    }
  }
  return problems;
}
