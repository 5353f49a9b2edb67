import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Store tests open real databases; one file at a time per worker keeps PostgreSQL schemas apart.
    pool: 'forks',
  },
});
