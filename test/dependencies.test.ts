// The production install (`npm ci --omit=dev`, the Dockerfile, the systemd setup) holds exactly what the compiled
// src/ imports: nothing missing at run time, and no tooling (tsx, a compiler) shipped to production.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { REPO_ROOT } from "./support/cli.js";

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat().filter((file) => file.endsWith(".ts"));
}

it("declares as production dependencies exactly the packages src/ imports at run time", async () => {
  const imported = new Set<string>();
  for (const file of await sourceFiles(join(REPO_ROOT, "src"))) {
    const text = await readFile(file, "utf8");
    // Type-only imports vanish in the build.
    for (const match of text.matchAll(/^import (?!type )[^;]*? from "([^"./][^"]*)";/gm)) {
      const specifier = match[1]!;
      if (specifier.startsWith("node:")) continue;
      imported.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!);
    }
    for (const match of text.matchAll(/await import\("([^"./][^"]*)"\)/g)) imported.add(match[1]!.split("/")[0]!);
    // …and packages loaded as CommonJS (zod: see src/zod.ts).
    for (const match of text.matchAll(/createRequire\(import\.meta\.url\)\("([^"./][^"]*)"\)/g)) imported.add(match[1]!.split("/")[0]!);
    // Packages found with require.resolve are used at run time too: files read (the charts' font), code loaded in a
    // worker (resvg).
    for (const match of text.matchAll(/require\.resolve\("(@[^"/]+\/[^"/]+|[^"./][^"/]*)[/"]/g)) imported.add(match[1]!);
  }
  const pkg = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  expect(Object.keys(pkg.dependencies).sort()).toEqual([...imported].sort());
});
