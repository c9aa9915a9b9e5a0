// One knowledge file: YAML text → plain data, with a way back from a data path to the line it came from,
// so every problem can be reported as file:line.
import { isNode, LineCounter, parseDocument, visit, type Document, type YAMLError } from "yaml";
import type { KnowledgeProblem } from "./problems.js";

export type DataPath = readonly (string | number)[];

export interface YamlFile {
  /** The path as shown to admins, e.g. knowledge/faq.yaml. */
  readonly file: string;
  readonly data: unknown;
  lineOf(path: DataPath): number;
}

const YAML_ERROR_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: "một khóa bị lặp lại trong cùng một mục",
  BAD_INDENT: "thụt lề sai (các dòng cùng cấp phải thẳng hàng)",
  TAB_AS_INDENT: "không dùng phím Tab để thụt lề, hãy dùng dấu cách",
  MISSING_CHAR: "thiếu ký tự đóng (dấu nháy hoặc dấu ngoặc)",
  BLOCK_AS_IMPLICIT_KEY: "thiếu dấu hai chấm hoặc xuống dòng sai chỗ",
  MULTILINE_IMPLICIT_KEY: "khóa không được kéo dài nhiều dòng",
};

/** `answer: Mục tiêu: đạt 80%` — a text with ": " in it, not quoted, which YAML reads as a second key. */
const UNQUOTED_COLON = /^(\s*(?:-\s+)?[^\s:#"'][^:#]*?:\s+)([^\s"'|>][^#]*?:\s.*?)\s*$/;

function describeYamlError(code: string, message: string, lineText: string): string {
  const unquoted = code === "BLOCK_AS_IMPLICIT_KEY" ? UNQUOTED_COLON.exec(lineText) : null;
  if (unquoted) return `Chuỗi có ': ' phải đặt trong dấu nháy kép: viết ${unquoted[1]!.trim()} "${unquoted[2]!.replace(/"/g, '\\"')}"`;
  const known = YAML_ERROR_MESSAGES[code];
  if (known) return `YAML không hợp lệ: ${known}`;
  const firstLine = message.split(" at line ")[0]?.trim() ?? message;
  return `YAML không hợp lệ: cú pháp sai (${firstLine})`;
}

/** An unclosed quote is only noticed at the end of the file; report the line where the quote opens. */
function errorLine(doc: Document, lineCounter: LineCounter, error: YAMLError): number {
  const reported = error.linePos?.[0]?.line ?? 1;
  if (error.code !== "MISSING_CHAR") return reported;
  let openedAt: number | undefined;
  visit(doc, (_key, node) => {
    if (isNode(node) && node.range && node.range[0] <= error.pos[0] && error.pos[0] <= node.range[2]) {
      openedAt = Math.max(openedAt ?? 0, node.range[0]);
    }
  });
  return openedAt === undefined ? reported : lineCounter.linePos(openedAt).line;
}

export function parseYamlFile(file: string, source: string): { yaml: YamlFile; problems: KnowledgeProblem[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter, prettyErrors: true });
  const problems: KnowledgeProblem[] = [];
  const seenLines = new Set<number>();
  const lines = source.split(/\r?\n/);
  for (const error of doc.errors) {
    const line = errorLine(doc, lineCounter, error);
    // One message per line: a single slip often produces a cascade of parser errors on the same line.
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    problems.push({ file, line, message: describeYamlError(error.code, error.message, lines[line - 1] ?? "") });
  }
  const lineOf = (path: DataPath): number => {
    // Walk up to the nearest node that exists: a missing field is reported at its entry.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS();
    } catch {
      // The yaml library refuses to expand anchors and aliases (&a, *a) into more than a hundred copies: a file
      // built to blow up in memory, or one that leans on aliases far more than knowledge ever needs.
      problems.push({ file, line: 1, message: "YAML dùng bí danh (&tên, *tên) quá nhiều: hãy viết nội dung ra đầy đủ, không dùng bí danh" });
    }
  }
  return { yaml: { file, data, lineOf }, problems };
}
