// npm run kb:check [dir]: validates the knowledge files and reports every problem as file:line: message.
import { loadKnowledge } from "../knowledge/load.js";
import { formatProblem } from "../knowledge/problems.js";
import { summarizeKnowledge } from "../knowledge/summary.js";
import { defaultKnowledgeDir } from "../paths.js";

const directory = process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? defaultKnowledgeDir();

try {
  const result = await loadKnowledge(directory);
  if (result.ok) {
    console.log(`Tri thức hợp lệ: ${summarizeKnowledge(result.knowledge)}.`);
  } else {
    for (const problem of result.problems) console.error(formatProblem(problem));
    console.error(`${result.problems.length} lỗi, hãy sửa rồi chạy lại npm run kb:check.`);
    process.exitCode = 1;
  }
} catch (error) {
  // Never a stack trace for admins: say what failed in one line.
  console.error(`Không kiểm tra được tri thức: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
