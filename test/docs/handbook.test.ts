// The admin handbook's worked examples stay true: every YAML block of docs/quan-tri.md, appended to the file its
// first line names, leaves the knowledge valid, and the example FAQ answers the question the handbook tries.
import { appendFile, cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { createEngine } from "../../src/engine/ask.js";
import { createConversation } from "../../src/engine/conversation.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { formatProblem } from "../../src/knowledge/problems.js";
import { defaultKnowledgeDir } from "../../src/paths.js";
import { REPO_ROOT } from "../support/cli.js";

it("has worked examples that are valid knowledge where the handbook says to put them", async () => {
  const handbook = await readFile(join(REPO_ROOT, "docs/quan-tri.md"), "utf8");
  const blocks = [...handbook.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
  expect(blocks.length).toBeGreaterThanOrEqual(5);
  const dir = await mkdtemp(join(tmpdir(), "handbook-"));
  try {
    await cp(defaultKnowledgeDir(), dir, { recursive: true });
    for (const block of blocks) {
      const target = /^# thêm vào knowledge\/(\w+\.yaml)\n/.exec(block)?.[1];
      expect(target, block.split("\n")[0]).toBeDefined();
      await appendFile(join(dir, target!), `\n${block}`);
    }
    const result = await loadKnowledge(dir);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
    const answer = createEngine(result.knowledge).ask("ngày hội chuyển đổi số ví dụ tổ chức lúc nào", createConversation());
    expect(answer.entries[0]).toBe("faq-vi-du-ngay-hoi");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
