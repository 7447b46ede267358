import { defineConfig } from 'vitest/config';

/** Browser tests: the built app served by `node dist/cli.js serve`, driven by Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
