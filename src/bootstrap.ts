// Knowledge directory → validated knowledge, for the entry points. Command-line tools exit 1 on invalid
// knowledge (file:line messages); the bot never does: it serves the last good copy, or nothing, and says why.
import { readLastGoodKnowledge } from "./knowledge/cache.js";
import { loadKnowledge, type LoadOptions } from "./knowledge/load.js";
import { formatProblem, type KnowledgeProblem } from "./knowledge/problems.js";
import type { Knowledge } from "./knowledge/schema.js";

export async function loadKnowledgeOrExit(directory: string, options: LoadOptions = {}): Promise<Knowledge> {
  const result = await loadKnowledge(directory, options);
  if (!result.ok) {
    for (const problem of result.problems) console.error(formatProblem(problem));
    console.error("Tri thức không hợp lệ: hãy sửa các lỗi trên (npm run kb:check).");
    process.exit(1);
  }
  return result.knowledge;
}

export interface KnowledgeToServe {
  /** The files' knowledge; when they are invalid, the last good copy; undefined when there is none. */
  readonly knowledge: Knowledge | undefined;
  /** Why the files could not be used; empty when they were. */
  readonly problems: readonly KnowledgeProblem[];
}

export async function loadKnowledgeToServe(directory: string, options: LoadOptions = {}): Promise<KnowledgeToServe> {
  const result = await loadKnowledge(directory, options);
  if (result.ok) return { knowledge: result.knowledge, problems: [] };
  const lastGood = options.cacheDir === undefined ? undefined : await readLastGoodKnowledge(options.cacheDir);
  return { knowledge: lastGood, problems: result.problems };
}
