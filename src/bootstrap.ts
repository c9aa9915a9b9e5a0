// Knowledge directory → ready engine, for the command-line entry points: invalid knowledge is reported
// as file:line messages and the process exits 1.
import { createEngine, type Engine, type EngineOptions } from "./engine/ask.js";
import { loadKnowledge } from "./knowledge/load.js";
import { formatProblem } from "./knowledge/problems.js";

export async function loadEngineOrExit(directory: string, options: EngineOptions = {}): Promise<Engine> {
  const result = await loadKnowledge(directory);
  if (!result.ok) {
    for (const problem of result.problems) console.error(formatProblem(problem));
    console.error("Tri thức không hợp lệ: hãy sửa các lỗi trên (npm run kb:check).");
    process.exit(1);
  }
  return createEngine(result.knowledge, options);
}
