import { configDefaults, defineConfig } from 'vitest/config';

const ALL = ['src/**/*.test.ts', 'test/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Store tests open real databases; one file at a time per worker keeps PostgreSQL schemas apart.
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'kith', include: ALL } },
      // The browser suites once more with the server on PostgreSQL, as a team's server runs,
      // whenever the store tests have a PostgreSQL to run on (CI always has).
      ...(process.env.KITH_TEST_PG?.trim()
        ? [
            {
              extends: true as const,
              test: {
                name: 'browser on PostgreSQL',
                include: ['test/e2e/**/*.test.ts'],
                exclude: [...configDefaults.exclude],
                env: { KITH_E2E_DB: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
