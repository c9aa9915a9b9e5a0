// The browser tests (npm run test:browser): headless Chromium from the system package against `npm run web`.
// Kept out of `npm test`, which must run where no browser is installed; .ci/run installs Chromium and runs both.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser and one server at a time on a 2-core machine.
    fileParallelism: false,
  },
});
