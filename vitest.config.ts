import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A screen waited for (expect.poll) gets time on a loaded two-core machine; a real failure still fails.
    expect: { poll: { timeout: 10_000 } },
    // Two cores: the browser and PostgreSQL suites are heavy, so run files two at a time.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
