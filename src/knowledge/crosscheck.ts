// Rules that span files: ids are unique, every id an entry points to exists and is of the right kind,
// the data does not contradict itself, and every source is a public one a reader can find again.
import type { z } from "zod";
import type { KnowledgeProblem } from "./problems.js";
import type { fileSchemas, FileKind } from "./schema.js";
import type { DataPath, YamlFile } from "./yaml-file.js";

export type LocatedFile = {
  [K in FileKind]: { kind: K; yaml: YamlFile; entries: z.infer<(typeof fileSchemas)[K]> };
}[FileKind];

type ReferenceKind = "source" | "document" | "indicator" | "person" | "entry";

interface Reference {
  readonly path: DataPath;
  readonly id: string;
  readonly kind: ReferenceKind;
}

const REFERENCE_LABELS: Record<ReferenceKind, string> = {
  source: "nguồn (sources.yaml)",
  document: "văn bản (documents.yaml)",
  indicator: "chỉ tiêu (indicators.yaml)",
  person: "nhân vật (people.yaml)",
  entry: "mục tri thức",
};

function referencesOf(file: LocatedFile): Reference[] {
  const refs: Reference[] = [];
  const add = (path: DataPath, id: string | undefined, kind: ReferenceKind) => {
    if (id !== undefined) refs.push({ path, id, kind });
  };
  file.entries.forEach((entry, index) => {
    if ("sources" in entry) entry.sources.forEach((id, j) => add([index, "sources", j], id, "source"));
    switch (file.kind) {
      case "indicators": {
        const indicator = file.entries[index]!;
        indicator.targets.forEach((target, j) => {
          add([index, "targets", j, "source"], target.source, "source");
          add([index, "targets", j, "document"], target.document, "document");
        });
        indicator.measurements.forEach((m, j) => add([index, "measurements", j, "source"], m.source, "source"));
        indicator.related.forEach((id, j) => add([index, "related", j], id, "indicator"));
        break;
      }
      case "goals": {
        const goal = file.entries[index]!;
        add([index, "document"], goal.document, "document");
        add([index, "indicator"], goal.indicator, "indicator");
        add([index, "national", "source"], goal.national?.source, "source");
        add([index, "national", "document"], goal.national?.document, "document");
        break;
      }
      case "timeline":
        file.entries[index]!.documents.forEach((id, j) => add([index, "documents", j], id, "document"));
        break;
      case "faq": {
        const faq = file.entries[index]!;
        faq.related.forEach((id, j) => add([index, "related", j], id, "entry"));
        faq.results?.documents.forEach((id, j) => add([index, "results", "documents", j], id, "document"));
        break;
      }
      case "offices":
        file.entries[index]!.holders.forEach((holder, j) => {
          add([index, "holders", j, "person"], holder.person, "person");
          add([index, "holders", j, "source"], holder.source, "source");
        });
        break;
      default:
        break;
    }
  });
  return refs;
}

function idsOf(file: LocatedFile): { id: string; index: number }[] {
  if (file.kind === "synonyms") return [];
  return file.entries.map((entry, index) => ({ id: entry.id, index }));
}

export function crossCheck(files: readonly LocatedFile[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const declared = new Map<string, { kind: FileKind; file: string; line: number }>();

  for (const file of files) {
    for (const { id, index } of idsOf(file)) {
      const line = file.yaml.lineOf([index, "id"]);
      const first = declared.get(id);
      if (first) {
        problems.push({
          file: file.yaml.file,
          line,
          message: `id "${id}" bị trùng: đã dùng ở ${first.file}:${first.line}`,
        });
      } else {
        declared.set(id, { kind: file.kind, file: file.yaml.file, line });
      }
    }
  }

  const expectedKind: Record<ReferenceKind, FileKind | undefined> = {
    source: "sources",
    document: "documents",
    indicator: "indicators",
    person: "people",
    entry: undefined,
  };
  for (const file of files) {
    for (const ref of referencesOf(file)) {
      const target = declared.get(ref.id);
      const wanted = expectedKind[ref.kind];
      const fits = target && (wanted ? target.kind === wanted : target.kind !== "sources");
      if (!fits) {
        problems.push({
          file: file.yaml.file,
          line: file.yaml.lineOf(ref.path),
          message: target
            ? `"${ref.id}" không phải là ${REFERENCE_LABELS[ref.kind]} (nó nằm trong ${target.kind}.yaml)`
            : `không tìm thấy ${REFERENCE_LABELS[ref.kind]} có id "${ref.id}"`,
        });
      }
    }
  }

  problems.push(...consistencyProblems(files), ...provenanceProblems(files));
  return problems;
}

/**
 * Our own notes and compilations (FACTS.md, a team summary) are where facts were gathered, not where they were
 * published: an answer must cite the public page or document itself.
 */
const INTERNAL_NOTE = [/\bFACTS\b/, /\.md\b|nội bộ|nhóm phát triển|quản trị viên/i];

/** A full date: a press article without a url can still be found by its paper and its day. */
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Sources a reader could not check: internal notes, and sources with neither a url nor a number and date. */
function provenanceProblems(files: readonly LocatedFile[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const file of files) {
    if (file.kind !== "sources") continue;
    file.entries.forEach((source, index) => {
      const at = (field: string) => ({ file: file.yaml.file, line: file.yaml.lineOf([index, field]) });
      const internal = [source.title, source.publisher, source.note ?? ""].find((text) => INTERNAL_NOTE.some((pattern) => pattern.test(text)));
      if (internal !== undefined) {
        problems.push({
          ...at(internal === source.title ? "title" : internal === source.publisher ? "publisher" : "note"),
          message: `${source.id}: đây là ghi chú nội bộ, không phải nguồn công khai; hãy trích trang hoặc văn bản gốc (tiêu đề, nơi đăng, ngày, url)`,
        });
        return;
      }
      if (source.url) return;
      const dated = source.date !== undefined && FULL_DATE.test(source.date);
      if (source.kind === "legal" ? !(source.number && dated) : !dated) {
        problems.push({
          ...at("id"),
          message:
            source.kind === "legal"
              ? `${source.id}: văn bản không có url thì cần số hiệu (number) và ngày ban hành đầy đủ (YYYY-MM-DD)`
              : `${source.id}: nguồn không có url thì cần ngày đăng đầy đủ (YYYY-MM-DD) để người đọc tìm lại được`,
        });
      }
    });
  }
  return problems;
}

/** Contradictions inside otherwise valid data. */
function consistencyProblems(files: readonly LocatedFile[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const indicatorTargets = new Map<string, Set<number>>();
  const variantOwner = new Map<string, string>();

  for (const file of files) {
    if (file.kind === "indicators") {
      file.entries.forEach((indicator, index) => {
        indicatorTargets.set(indicator.id, new Set(indicator.targets.map((t) => t.year)));
        const seen = new Set<string>();
        indicator.measurements.forEach((m, j) => {
          const key = `${m.period}|${m.scope}|${m.series ?? ""}`;
          if (seen.has(key)) {
            problems.push({
              file: file.yaml.file,
              line: file.yaml.lineOf([index, "measurements", j, "period"]),
              message: `${indicator.id}: có hai số liệu cho cùng kỳ ${m.period} và phạm vi ${m.scope}; hãy xóa một số liệu hoặc ghi series khác nhau`,
            });
          }
          seen.add(key);
        });
      });
    }
    if (file.kind === "synonyms") {
      file.entries.forEach((synonym, index) => {
        synonym.variants.forEach((variant, j) => {
          const key = variant.toLowerCase();
          const owner = variantOwner.get(key);
          if (owner !== undefined && owner !== synonym.term) {
            problems.push({
              file: file.yaml.file,
              line: file.yaml.lineOf([index, "variants", j]),
              message: `"${variant}" đã được dùng cho "${owner}"; một cách viết chỉ được trỏ tới một từ`,
            });
          }
          variantOwner.set(key, synonym.term);
        });
      });
    }
  }

  for (const file of files) {
    if (file.kind !== "goals") continue;
    file.entries.forEach((goal, index) => {
      const years = goal.indicator ? indicatorTargets.get(goal.indicator) : undefined;
      if (years && !years.has(goal.year)) {
        problems.push({
          file: file.yaml.file,
          line: file.yaml.lineOf([index, "indicator"]),
          message: `${goal.id}: chỉ tiêu "${goal.indicator}" chưa có mục tiêu cho năm ${goal.year} trong indicators.yaml`,
        });
      }
    });
  }
  return problems;
}
