import { defineConfig } from 'vitest/config';

// Real headless Chromium against the production build (dist/); see tests/browser/harness.ts.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
