import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // End-to-end files each start a simulator, a Slack fake and a bot on their own ports
    // and use their own Redis key prefix, so files may run in parallel.
    pool: 'forks',
  },
});
