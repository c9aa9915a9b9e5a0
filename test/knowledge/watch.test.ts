import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { watchKnowledge } from "../../src/knowledge/watch.js";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("calls back once, debounced, when a YAML file is saved the way editors save (write + rename)", async () => {
  dir = await mkdtemp(join(tmpdir(), "watch-test-"));
  let calls = 0;
  const watcher = watchKnowledge(dir, () => calls++, 100);
  try {
    await writeFile(join(dir, "notes.txt"), "not knowledge");
    await writeFile(join(dir, ".faq.yaml.swp"), "- id: x");
    await rename(join(dir, ".faq.yaml.swp"), join(dir, "faq.yaml"));
    await writeFile(join(dir, "faq.yaml"), "- id: y");
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(calls).toBe(1);
    await writeFile(join(dir, "notes.txt"), "other files do not count");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).toBe(1);
  } finally {
    watcher.close();
  }
});
