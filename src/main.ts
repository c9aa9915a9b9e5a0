// Composition root. For now: load the bundled knowledge and print what it holds.
import { loadKnowledge } from "./knowledge/load.js";
import { formatProblem } from "./knowledge/problems.js";
import { summarizeKnowledge } from "./knowledge/summary.js";
import { defaultKnowledgeDir } from "./paths.js";

const directory = process.env.KNOWLEDGE_DIR ?? defaultKnowledgeDir();
const result = await loadKnowledge(directory);
if (result.ok) {
  console.log(`Trợ lý Nghị quyết 16 — tri thức ${result.knowledge.version}: ${summarizeKnowledge(result.knowledge)}.`);
} else {
  for (const problem of result.problems) console.error(formatProblem(problem));
  process.exitCode = 1;
}
