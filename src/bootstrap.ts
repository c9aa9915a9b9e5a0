// Knowledge directory → validated knowledge, for the entry points: invalid knowledge is reported as
// file:line messages and the process exits 1.
import { loadKnowledge, type LoadOptions } from "./knowledge/load.js";
import { formatProblem } from "./knowledge/problems.js";
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
