import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Browser tests need Chromium: npm run test:browser (test/browser/vitest.config.ts).
    exclude: [...configDefaults.exclude, "test/browser/**"],
    testTimeout: 20_000,
  },
});
