import { configDefaults, defineConfig } from 'vitest/config';

const ALL = ['src/**/*.test.ts', 'test/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Store tests open real databases; one file at a time per worker keeps PostgreSQL schemas apart.
    pool: 'forks',
    // A PostgreSQL server for the run: KITH_TEST_PG, or an embedded one started for it.
    globalSetup: ['test/support/postgres-server.ts'],
    projects: [
      { extends: true, test: { name: 'kith', include: ALL } },
      // The browser suites once more with the server on PostgreSQL, as a team's server runs.
      {
        extends: true,
        test: {
          name: 'browser on PostgreSQL',
          include: ['test/e2e/**/*.test.ts'],
          exclude: [...configDefaults.exclude],
          env: { KITH_E2E_DB: 'postgres' },
        },
      },
    ],
  },
});
